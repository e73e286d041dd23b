import { test as base, expect } from '@playwright/test'
import type { BrowserContext, Page } from '@playwright/test'

import { DevConsolePage } from './pages/dev-console-page'
import { PhonePage } from './pages/phone-page'

export interface PagePostOptions {
  headers: Array<[string, string]>
  /** Body bytes; sent as a Uint8Array so fetch adds no Content-Type of its own. */
  body: Uint8Array | string
}

export interface PagePostResult {
  status: number
  statusText: string
  /** Header names as the browser reports them (lower case). */
  headers: Record<string, string>
  body: string
}

/** Sends MPNS requests from inside the emulator page, where the service worker answers them. */
export interface MpnsClient {
  post(url: string, options: PagePostOptions): Promise<PagePostResult>
}

/** A 1x1 transparent PNG served for every image a test would fetch from the internet. */
const STUB_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

export const test = base.extend<{ phone: PhonePage; devConsole: DevConsolePage; mpns: MpnsClient }>(
  {
    context: async ({ context }, use) => {
      await routeNonLoopbackToStub(context)
      await use(context)
    },
    phone: async ({ page }, use) => {
      await openEmulator(page)
      await use(new PhonePage(page))
    },
    devConsole: async ({ page, phone }, use) => {
      await expect(phone.handset).toBeVisible()
      await use(new DevConsolePage(page))
    },
    mpns: async ({ page }, use) => {
      await use({ post: (url, options) => postFromPage(page, url, options) })
    },
  },
)

export { expect }

/** Opens the emulator and waits until its service worker controls the page. */
export async function openEmulator(page: Page, path = '/'): Promise<void> {
  await page.goto(path)
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
}

async function routeNonLoopbackToStub(context: BrowserContext): Promise<void> {
  // Nothing may leave the machine: fixtures name example.com images and the like.
  await context.route(
    (url) => !isLoopbackHost(url.hostname),
    (route) => {
      const isImage = route.request().resourceType() === 'image'
      return route.fulfill(
        isImage
          ? { status: 200, contentType: 'image/png', body: STUB_PNG }
          : { status: 404, contentType: 'text/plain', body: 'Blocked by the test stub.' },
      )
    },
  )
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.')
}

async function postFromPage(
  page: Page,
  url: string,
  options: PagePostOptions,
): Promise<PagePostResult> {
  const bodyBytes =
    typeof options.body === 'string' ? Buffer.from(options.body, 'utf8') : options.body
  return page.evaluate(
    async ({ url, headers, body }) => {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: new Uint8Array(body),
      })
      const entries: Record<string, string> = {}
      response.headers.forEach((value, name) => {
        entries[name] = value
      })
      return {
        status: response.status,
        statusText: response.statusText,
        headers: entries,
        body: await response.text(),
      }
    },
    { url, headers: options.headers, body: Array.from(bodyBytes) },
  )
}
