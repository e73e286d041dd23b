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

/**
 * Sends MPNS requests from inside a page the service worker controls, where the worker handles
 * them, and reads the service's stored state.
 */
export interface MpnsClient {
  post(url: string, options: PagePostOptions): Promise<PagePostResult>
  /** Counts the notifications the service stores for the handset and has not seen acknowledged. */
  countQueued(): Promise<number>
  /**
   * Reads the foreground app in the handset's last report to the service: null for Start, and
   * undefined before the handset's first contact.
   */
  readForegroundAppId(): Promise<string | null | undefined>
}

/** Handset id under which the service worker stores the handset and its queue. */
export const HANDSET_ID = 'handset-1'

/** IndexedDB database of the service worker's channels, devices and queue. */
const SERVICE_DATABASE_NAME = 'mpns-emulator'

/**
 * A same-origin document that the service worker controls but that runs no handset, so it
 * never takes the handset's Web Lock and can send while the emulator page is away.
 */
const SENDER_DOCUMENT_PATH = '/favicon.svg'

/** A 1x1 transparent PNG served for every image a test would fetch from the internet. */
const STUB_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

export const test = base.extend<{
  phone: PhonePage
  devConsole: DevConsolePage
  mpns: MpnsClient
  /** An MPNS client in a second page of the same context, which runs no handset. */
  sender: MpnsClient
}>({
  context: async ({ context }, use) => {
    await routeNonLoopbackToStub(context)
    await use(context)
  },
  phone: async ({ page }, use) => {
    await openEmulator(page)
    // A phone is connected before its apps are used: flows start once the handset's push
    // client has reported to the service.
    await expect
      .poll(() => createMpnsClient(page).readForegroundAppId(), {
        message: 'the handset never reported to the service worker',
      })
      .not.toBeUndefined()
    await use(new PhonePage(page))
  },
  devConsole: async ({ page, phone }, use) => {
    await expect(phone.handset).toBeVisible()
    await use(new DevConsolePage(page))
  },
  mpns: async ({ page }, use) => {
    await use(createMpnsClient(page))
  },
  sender: async ({ context, phone }, use) => {
    // The emulator page registers the worker; the sender page only needs to be controlled.
    await expect(phone.handset).toBeVisible()
    const senderPage = await context.newPage()
    await openControlledDocument(senderPage, SENDER_DOCUMENT_PATH)
    await use(createMpnsClient(senderPage))
    await senderPage.close()
  },
})

export { expect }

/** Opens the emulator and waits until its service worker controls the page. */
export async function openEmulator(page: Page, path = '/'): Promise<void> {
  await openControlledDocument(page, path)
}

/** Creates an MPNS client that sends from `page` and reads the service state through it. */
export function createMpnsClient(page: Page): MpnsClient {
  return {
    post: (url, options) => postFromPage(page, url, options),
    countQueued: async () => (await readServiceState(page)).queued,
    readForegroundAppId: async () => (await readServiceState(page)).foregroundAppId,
  }
}

async function openControlledDocument(page: Page, path: string): Promise<void> {
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

/** Reads the handset's queue length and foreground app from the worker's IndexedDB database. */
async function readServiceState(
  page: Page,
): Promise<{ queued: number; foregroundAppId: string | null | undefined }> {
  return page.evaluate(
    async ({ databaseName, handsetId }) => {
      const database = await new Promise<IDBDatabase | null>((resolve, reject) => {
        const request = indexedDB.open(databaseName)
        // The worker has not created the database yet. Aborting leaves its creation, with the
        // object stores, to the worker.
        request.onupgradeneeded = () => request.transaction?.abort()
        request.onsuccess = () => resolve(request.result)
        request.onerror = () =>
          request.error?.name === 'AbortError'
            ? resolve(null)
            : reject(new Error(`Failed to open ${databaseName}`, { cause: request.error }))
      })
      if (database === null) {
        return { queued: 0, foregroundAppId: undefined }
      }

      const transaction = database.transaction(['queue', 'devices'], 'readonly')
      const queuedRequest = transaction.objectStore('queue').index('byHandset').count(handsetId)
      const deviceRequest = transaction.objectStore('devices').get(handsetId)
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve()
        transaction.onerror = () =>
          reject(new Error(`Failed to read ${databaseName}`, { cause: transaction.error }))
      })
      database.close()

      const device = deviceRequest.result as { foregroundAppId?: string | null } | undefined
      return { queued: queuedRequest.result, foregroundAppId: device?.foregroundAppId }
    },
    { databaseName: SERVICE_DATABASE_NAME, handsetId: HANDSET_ID },
  )
}
