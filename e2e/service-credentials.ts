import { expect } from '@playwright/test'

import type { PhonePage } from './pages/phone-page'
import { PREVIEW_PORT } from './ports'

const PREVIEW_ORIGIN = `http://127.0.0.1:${PREVIEW_PORT}`

/** The files a developer downloads from the console for one service. */
export interface ServiceCredentials {
  pfx: Buffer
  pem: string
  ca: string
}

/**
 * A service name no other test and no earlier run uses, because all tests share the server's
 * certificate store and a retry must not find the certificate of its first attempt.
 */
export function uniqueServiceName(label: string, testId: string): string {
  return `${label}-${testId.slice(0, 8)}-${Date.now().toString(36)}.example`
}

async function download(path: string): Promise<Buffer> {
  const response = await fetch(`${PREVIEW_ORIGIN}${path}`)
  expect(response.status, `GET ${path}`).toBe(200)
  return Buffer.from(await response.arrayBuffer())
}

/** Downloads a service's PFX and PEM and the local CA certificate, as the console offers them. */
export async function downloadCredentials(serviceName: string): Promise<ServiceCredentials> {
  const base = `/__emulator/certificates/${encodeURIComponent(serviceName)}`
  return {
    pfx: await download(`${base}/certificate.pfx`),
    pem: (await download(`${base}/certificate.pem`)).toString('utf8'),
    ca: (await download('/__emulator/certificates/ca.pem')).toString('utf8'),
  }
}

/**
 * Installs an app that opens its channel with a service name, launches it, allows notifications
 * and returns its channel URI.
 */
export async function installSecureApp(
  phone: PhonePage,
  app: { name: string; serviceName: string; tileTemplate?: string },
): Promise<string> {
  await phone.openAppList()
  await phone.appList.getByRole('button', { name: 'Install app', exact: true }).click()
  const dialog = phone.handset.getByRole('dialog', { name: 'Install app', exact: true })
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(app.name)
  if (app.tileTemplate !== undefined) {
    await dialog
      .getByRole('combobox', { name: 'Tile template', exact: true })
      .selectOption(app.tileTemplate)
  }
  await dialog
    .getByRole('textbox', { name: 'Service name (optional)', exact: true })
    .fill(app.serviceName)
  await dialog.getByRole('button', { name: 'Install', exact: true }).click()
  await expect(dialog).toBeHidden()
  return phone.launchWithPermission(app.name, true)
}
