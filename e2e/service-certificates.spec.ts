import type { Route } from '@playwright/test'

import { expect, test as base } from './fixtures'

/** How the routed certificate API behaves: as the dev server, or absent as on a static host. */
type CertificateServerMode = 'running' | 'missing'

interface FakeCertificate {
  serviceName: string
  serialNumber: string
  fingerprintSha256: string
  createdAt: string
  expiresAt: string
}

/** An in-memory certificate API that the page's requests are routed to. */
interface FakeCertificateApi {
  certificates: Map<string, FakeCertificate>
  /** Method and path of every request the page sent to the API. */
  requests: string[]
  /** Certificates issued so far, which numbers each new serial. */
  issuedCount: number
}

const CERTIFICATES_PATH = '/__emulator/certificates'
const FAKE_PEM = '-----BEGIN CERTIFICATE-----\nZmFrZQ==\n-----END CERTIFICATE-----\n'
const MS_PER_DAY = 86_400_000

// The API is routed before the emulator opens, so the panel's first load already reaches it.
const test = base.extend<{
  certificateServerMode: CertificateServerMode
  certificateApi: FakeCertificateApi
}>({
  certificateServerMode: ['running', { option: true }],
  certificateApi: async ({}, use) => {
    await use({ certificates: new Map(), requests: [], issuedCount: 0 })
  },
  page: async ({ page, certificateApi, certificateServerMode }, use) => {
    await page.route(
      (url) => url.pathname.startsWith(CERTIFICATES_PATH),
      (route) => fulfillCertificateRequest(route, certificateApi, certificateServerMode),
    )
    await use(page)
  },
})

test('a developer creates, replaces, downloads and deletes a certificate', async ({
  devConsole,
  certificateApi,
}) => {
  const panel = devConsole.serviceCertificates

  await test.step('an invalid name is explained and never sent', async () => {
    await expect(panel.getByText('No certificates yet.')).toBeVisible()
    await devConsole.createCertificate('push/contoso')
    await expect(devConsole.serviceNameField).toHaveAttribute('aria-invalid', 'true')
    await expect(devConsole.serviceNameField).toHaveAccessibleDescription(
      'Invalid service name "push/contoso": use only letters, digits, spaces, ".", "-" and "_".',
    )
    // StrictMode runs the panel's effect twice in development, so the list loads twice and only
    // the absence of a POST is checked.
    expect(certificateApi.requests.filter((entry) => entry.startsWith('POST '))).toEqual([])
  })

  await test.step('create a certificate', async () => {
    await devConsole.createCertificate('push.contoso.example')
    await expect(panel.getByText('Created a certificate for "push.contoso.example".')).toBeVisible()
    await expect(devConsole.certificateRow('push.contoso.example')).toBeVisible()
    await expect(devConsole.serviceNameField).toHaveValue('')
  })

  await test.step('creating the same name warns and replaces it', async () => {
    const serialCell = devConsole.certificateRow('push.contoso.example').getByRole('cell').nth(1)
    const oldSerial = await serialCell.textContent()
    await devConsole.serviceNameField.fill('push.contoso.example')
    await expect(devConsole.serviceNameField).toHaveAccessibleDescription(
      /Creating it again replaces it, and the old certificate stops working\./,
    )
    await devConsole.createCertificateButton.click()
    await expect(
      panel.getByText(
        'Replaced the certificate for "push.contoso.example". The old certificate no longer works.',
      ),
    ).toBeVisible()
    await expect(serialCell).not.toHaveText(oldSerial ?? '')
    await expect(devConsole.certificateTable.getByRole('rowheader')).toHaveCount(1)
  })

  await test.step('download the PFX and the CA certificate', async () => {
    const [pfx] = await Promise.all([
      devConsole.page.waitForEvent('download'),
      panel.getByRole('link', { name: 'Download push.contoso.example PFX', exact: true }).click(),
    ])
    expect(pfx.suggestedFilename()).toBe('push.contoso.example.pfx')
    const [ca] = await Promise.all([
      devConsole.page.waitForEvent('download'),
      devConsole.caCertificateLink.click(),
    ])
    expect(ca.suggestedFilename()).toBe('wp8-mpns-emulator-ca.pem')
  })

  await test.step('delete it with a second click', async () => {
    await devConsole.deleteCertificate('push.contoso.example')
    await expect(devConsole.certificateRow('push.contoso.example')).toBeHidden()
    await expect(
      panel.getByText('Deleted the certificate for "push.contoso.example".'),
    ).toBeVisible()
    await expect(devConsole.serviceNameField).toBeFocused()
    expect(certificateApi.certificates.size).toBe(0)
    expect(certificateApi.requests).toContain(
      `DELETE ${CERTIFICATES_PATH}/${encodeURIComponent('push.contoso.example')}`,
    )
  })
})

test.describe('without the dev or preview server', () => {
  test.use({ certificateServerMode: 'missing' })

  test('the panel says how to get certificates', async ({ devConsole }) => {
    const panel = devConsole.serviceCertificates
    await expect(
      panel.getByRole('status').filter({ hasText: 'Service certificates need' }),
    ).toHaveText(
      'Service certificates need the dev or preview server. Run npm start or npm run preview, then reload the list.',
    )
    await expect(devConsole.createCertificateButton).toBeDisabled()
    await expect(devConsole.certificateTable).toBeHidden()
    await expect(devConsole.caCertificateLink).toBeHidden()
  })
})

/** Fulfils one request to the certificate API from the in-memory store, as the server would. */
async function fulfillCertificateRequest(
  route: Route,
  api: FakeCertificateApi,
  mode: CertificateServerMode,
): Promise<void> {
  const request = route.request()
  const path = new URL(request.url()).pathname
  api.requests.push(`${request.method()} ${path}`)
  if (mode === 'missing') {
    await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' })
    return
  }

  if (request.method() === 'GET' && path === CERTIFICATES_PATH) {
    const certificates = [...api.certificates.values()]
    await route.fulfill({ status: 200, json: { certificates } })
  } else if (request.method() === 'POST' && path === CERTIFICATES_PATH) {
    const { serviceName } = request.postDataJSON() as { serviceName: string }
    api.issuedCount += 1
    const certificate = createFakeCertificate(serviceName, api.issuedCount)
    api.certificates.set(serviceName, certificate)
    await route.fulfill({ status: 201, json: certificate })
  } else if (request.method() === 'DELETE') {
    api.certificates.delete(decodeURIComponent(path.slice(CERTIFICATES_PATH.length + 1)))
    await route.fulfill({ status: 204 })
  } else {
    // Downloads: the CA certificate, and a service's PEM or PFX.
    await route.fulfill({ status: 200, contentType: 'application/x-pem-file', body: FAKE_PEM })
  }
}

function createFakeCertificate(serviceName: string, serial: number): FakeCertificate {
  const now = Date.now()
  return {
    serviceName,
    serialNumber: `${serial.toString(16).padStart(6, '0')}a1b2c3d4e5f60718293a`,
    fingerprintSha256: 'ab'.repeat(32),
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 365 * MS_PER_DAY).toISOString(),
  }
}
