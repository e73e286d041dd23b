import { createServer } from 'node:http'
import type { IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

import {
  createExpiredClientCertificate,
  createForeignClientCertificate,
} from '../server/certificate-authority'
import { loadCertificateAuthority } from '../server/tls-credentials'
import { expect, test } from './fixtures'
import { sendWithMpnsLibrary } from './mpns-library'
import { sendFromOutside } from './outside-sender'
import { PREVIEW_DATA_DIR, PREVIEW_HTTPS_PORT, PREVIEW_PORT } from './ports'
import { downloadCredentials, installSecureApp, uniqueServiceName } from './service-credentials'

const PREVIEW_ORIGIN = `http://127.0.0.1:${PREVIEW_PORT}`
const SECURE_CHANNEL_PATTERN = new RegExp(
  `^https://127\\.0\\.0\\.1:${PREVIEW_HTTPS_PORT}/unthrottledthirdparty/01\\.00/[\\w-]+$`,
)
const CERTIFICATE_PROBLEM = 'Authenticated push notifications certificate problem.'
const SILENT_LOGGER = { info: () => undefined, warn: () => undefined, error: () => undefined }

test.use({ baseURL: PREVIEW_ORIGIN })

test('an authenticated service sends with its certificate', async ({
  phone,
  devConsole,
}, testInfo) => {
  const service = uniqueServiceName('push', testInfo.testId)
  const other = uniqueServiceName('other', testInfo.testId)
  const toast = { text1: 'Signed toast', text2: 'over HTTPS' }

  await test.step('create certificates in the console', async () => {
    await devConsole.createCertificate(service)
    await expect(devConsole.certificateRow(service)).toBeVisible()
    await devConsole.createCertificate(other)
    await expect(devConsole.certificateRow(other)).toBeVisible()
  })
  const credentials = await downloadCredentials(service)

  const channelUri = await test.step('an app with the service name gets an https URI', async () => {
    const uri = await installSecureApp(phone, { name: 'Fabrikam Secure', serviceName: service })
    expect(uri).toMatch(SECURE_CHANNEL_PATTERN)
    await phone.goStart()
    return uri
  })

  await test.step('the mpns package sends with the PFX and the CA', async () => {
    const sent = await sendWithMpnsLibrary('sendToast', channelUri, {
      ...toast,
      pfx: credentials.pfx,
      ca: credentials.ca,
    })
    expect(sent).toEqual({
      kind: 'result',
      outcome: expect.objectContaining({
        statusCode: 200,
        notificationStatus: 'Received',
      }) as unknown,
    })
    await expect(phone.toast).toContainText('Signed toast')
  })

  await test.step('the daily quota does not apply', async () => {
    await devConsole.setNumericSetting('Daily quota', 1)
    for (let index = 0; index < 3; index += 1) {
      const response = await sendFromOutside(channelUri, {
        headers: [
          ['X-WindowsPhone-Target', 'toast'],
          ['X-NotificationClass', '2'],
        ],
        body: '<?xml version="1.0"?><wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>Quota</wp:Text1></wp:Toast></wp:Notification>',
        tls: { cert: credentials.pem, key: credentials.pem, ca: credentials.ca },
      })
      expect(response.status, response.headers['x-emulator-reason']).toBe(200)
    }
    await devConsole.setNumericSetting('Daily quota', 500)
  })

  await test.step('a body over the unauthenticated 3 KB limit is accepted', async () => {
    const longText = 'Long forecast. '.repeat(300)
    const response = await sendFromOutside(channelUri, {
      headers: [
        ['X-WindowsPhone-Target', 'toast'],
        ['X-NotificationClass', '2'],
      ],
      body: `<?xml version="1.0"?><wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>Long</wp:Text1><wp:Text2>${longText}</wp:Text2></wp:Toast></wp:Notification>`,
      tls: { pfx: credentials.pfx, ca: credentials.ca },
    })
    expect(longText.length).toBeGreaterThan(3_072)
    expect(response.status, response.headers['x-emulator-reason']).toBe(200)
  })

  await test.step('the TLS handshake fails without a valid certificate', async () => {
    const authority = await loadCertificateAuthority(PREVIEW_DATA_DIR, SILENT_LOGGER)
    const expired = createExpiredClientCertificate(authority, service)
    const foreign = createForeignClientCertificate(service)
    const attempts = [
      { ca: credentials.ca },
      { ca: credentials.ca, cert: expired.certificatePem, key: expired.privateKeyPem },
      { ca: credentials.ca, cert: foreign.certificatePem, key: foreign.privateKeyPem },
    ]
    for (const tls of attempts) {
      const sent = await sendWithMpnsLibrary('sendToast', channelUri, { ...toast, ...tls })
      expect(sent.kind).toBe('error')
      expect(sent.outcome.statusCode).toBeUndefined()
      expect(sent.outcome.innerError).toBeInstanceOf(Error)
    }
  })

  await test.step("another service's certificate gets 403", async () => {
    const otherCredentials = await downloadCredentials(other)
    const sent = await sendWithMpnsLibrary('sendToast', channelUri, {
      ...toast,
      pfx: otherCredentials.pfx,
      ca: otherCredentials.ca,
    })
    expect(sent).toEqual({
      kind: 'error',
      outcome: expect.objectContaining({
        statusCode: 403,
        innerError: CERTIFICATE_PROBLEM,
      }) as unknown,
    })
  })

  await test.step('a deleted certificate gets 403', async () => {
    const otherCredentials = await downloadCredentials(other)
    await devConsole.deleteCertificate(other)
    await expect(devConsole.certificateRow(other)).toHaveCount(0)
    const sent = await sendWithMpnsLibrary('sendToast', channelUri, {
      ...toast,
      pfx: otherCredentials.pfx,
      ca: otherCredentials.ca,
    })
    expect(sent.outcome).toMatchObject({ statusCode: 403, innerError: CERTIFICATE_PROBLEM })
  })

  await test.step('plain HTTP to the authenticated path gets 401 on either port', async () => {
    const plainUris = [
      channelUri.replace(/^https:\/\/[^/]+/, PREVIEW_ORIGIN),
      channelUri.replace(/^https:/, 'http:'),
    ]
    for (const plainUri of plainUris) {
      const sent = await sendWithMpnsLibrary('sendToast', plainUri, toast)
      expect(sent.outcome).toMatchObject({ statusCode: 401, shouldDeleteChannel: true })
    }
  })
})

test('a registered callback fires when the handset turns Inactive', async ({
  phone,
  devConsole,
}, testInfo) => {
  const service = uniqueServiceName('callback', testInfo.testId)
  const received: Array<{ contentType: string | undefined; body: string }> = []
  const receiver = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      received.push({
        contentType: request.headers['content-type'],
        body: Buffer.concat(chunks).toString('utf8'),
      })
      response.writeHead(200).end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  const callbackUri = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/inactive`

  try {
    await devConsole.createCertificate(service)
    await expect(devConsole.certificateRow(service)).toBeVisible()
    const credentials = await downloadCredentials(service)
    const channelUri = await installSecureApp(phone, {
      name: 'Fabrikam Callback',
      serviceName: service,
    })

    await test.step('register the callback on the channel URI', async () => {
      const response = await sendFromOutside(`${channelUri}/callback`, {
        headers: [['X-CallbackURI', callbackUri]],
        body: 'session=42',
        tls: { pfx: credentials.pfx, ca: credentials.ca },
      })
      expect(response.status, response.headers['x-emulator-reason']).toBe(200)
      expect(response.headers['x-subscriptionstatus']).toBe('Active')
    })

    await test.step('the handset goes offline for an hour of engine time', async () => {
      await devConsole.setAirplaneMode(true)
      await devConsole.advanceClock(61)
    })

    await test.step('the server POSTs the stored body once', async () => {
      await expect.poll(() => received.length).toBe(1)
      expect(received[0]).toEqual({ contentType: 'application/octet-stream', body: 'session=42' })
      const deliveries = devConsole.page.getByRole('list', { name: 'Callback deliveries' })
      await expect(deliveries).toContainText(`POST to ${callbackUri}: delivered, HTTP 200`)
    })
  } finally {
    receiver.close()
  }
})
