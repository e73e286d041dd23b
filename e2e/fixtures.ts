import { test as base, expect } from '@playwright/test'
import type { BrowserContext, Page } from '@playwright/test'

import { IMAGE_PROXY_PATH } from '../server/image-proxy-plugin'
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

/** Outcome of one POST: the service's response, or the error `fetch` rejected with. */
export type PagePostOutcome =
  { kind: 'response'; response: PagePostResult } | { kind: 'transport-error'; message: string }

/** The handset as the service last stored it, from the push client's reports. */
export interface ServiceDeviceState {
  /** The app on screen, or null for Start and the other shell screens. */
  foregroundAppId: string | null
  network: 'online' | 'offline'
  battery: 'normal' | 'saver' | 'critical'
  /** Navigation URIs of the pinned secondary tiles, keyed by app id. */
  secondaryTileIds: Record<string, string[]>
}

/** Engine settings as the service stores them, keyed as the console's controls set them. */
export interface ServiceEngineSettings {
  maxXmlBodyBytes: number
  maxRawBodyBytes: number
  missingClassDefault: string
  dailyQuota: number
  queueDepth: number
  inactiveAfterMinutes: number
  strictMode: boolean
  serviceDown: boolean
  unknownTokenAnswer: string
  authenticatedLimits: string
}

/** Expected status code and MPNS status headers. A header left out must be absent. */
export interface ExpectedMpnsResponse {
  status: number
  notificationStatus?: string
  deviceConnectionStatus?: string
  subscriptionStatus?: string
}

/**
 * Sends MPNS requests from inside a page the service worker controls, where the worker handles
 * them, and reads the service's stored state.
 */
export interface MpnsClient {
  /** Sends one POST and rejects when `fetch` fails without a response. */
  post(url: string, options: PagePostOptions): Promise<PagePostResult>
  /** Sends all POSTs at once and returns each outcome in request order, failures included. */
  postAll(url: string, requests: readonly PagePostOptions[]): Promise<PagePostOutcome[]>
  /** Counts the notifications the service stores for the handset and has not seen acknowledged. */
  countQueued(): Promise<number>
  /**
   * Reads the foreground app in the handset's last report to the service: null for Start, and
   * undefined before the handset's first contact.
   */
  readForegroundAppId(): Promise<string | null | undefined>
  /** Reads the handset's last report to the service, or undefined before its first contact. */
  readDeviceState(): Promise<ServiceDeviceState | undefined>
  /** Reads the stored engine settings, or undefined while every setting has its default. */
  readEngineSettings(): Promise<ServiceEngineSettings | undefined>
}

/** Names of the sample apps, in the order Start shows their tiles on a fresh handset. */
export const SAMPLE_APP_NAMES: readonly string[] = [
  'Contoso Weather',
  'Contoso Chat',
  'Contoso Photos',
  'Fabrikam Scores',
  'Woodgrove Stocks',
]

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
    post: async (url, options) => {
      const [outcome] = await postAllFromPage(page, url, [options])
      if (outcome?.kind !== 'response') {
        throw new Error(`Failed to POST to ${url}: ${outcome?.message ?? 'no outcome returned'}`)
      }
      return outcome.response
    },
    postAll: (url, requests) => postAllFromPage(page, url, requests),
    countQueued: async () => (await readServiceState(page)).queued,
    readForegroundAppId: async () => (await readServiceState(page)).device?.foregroundAppId,
    readDeviceState: async () => (await readServiceState(page)).device,
    readEngineSettings: async () => (await readServiceState(page)).settings,
  }
}

/**
 * Asserts a response's status code and its X-NotificationStatus, X-DeviceConnectionStatus and
 * X-SubscriptionStatus headers. Each failure message carries the emulator's X-Emulator-Reason.
 */
export function expectMpnsResponse(response: PagePostResult, expected: ExpectedMpnsResponse): void {
  const reason = `(X-Emulator-Reason: ${response.headers['x-emulator-reason'] ?? 'none'})`
  expect(response.status, `HTTP status ${reason}`).toBe(expected.status)
  expect(response.headers['x-notificationstatus'], `X-NotificationStatus ${reason}`).toBe(
    expected.notificationStatus,
  )
  expect(response.headers['x-deviceconnectionstatus'], `X-DeviceConnectionStatus ${reason}`).toBe(
    expected.deviceConnectionStatus,
  )
  expect(response.headers['x-subscriptionstatus'], `X-SubscriptionStatus ${reason}`).toBe(
    expected.subscriptionStatus,
  )
}

async function openControlledDocument(page: Page, path: string): Promise<void> {
  await page.goto(path)
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
}

/** Routes every request of the context for a non-loopback host to a local stub. */
export async function routeNonLoopbackToStub(context: BrowserContext): Promise<void> {
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
  // The dev server's image proxy downloads a remote tile image itself, so the route above never
  // matches it. Proxy requests for a non-loopback image get the stub in its place.
  await context.route(
    (url) => url.pathname === IMAGE_PROXY_PATH && isNonLoopbackUrl(url.searchParams.get('url')),
    (route) => route.fulfill({ status: 200, contentType: 'image/png', body: STUB_PNG }),
  )
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.')
}

/**
 * Tells whether a proxied image URL names a host off this machine. A missing or invalid URL
 * returns false, because the proxy rejects it without a download.
 */
function isNonLoopbackUrl(url: string | null): boolean {
  if (url === null || !URL.canParse(url)) {
    return false
  }
  return !isLoopbackHost(new URL(url).hostname)
}

async function postAllFromPage(
  page: Page,
  url: string,
  requests: readonly PagePostOptions[],
): Promise<PagePostOutcome[]> {
  const serialized = requests.map(({ headers, body }) => ({
    headers,
    body: Array.from(typeof body === 'string' ? Buffer.from(body, 'utf8') : body),
  }))
  return page.evaluate(
    async ({ url, requests }) => {
      const postOne = async (request: (typeof requests)[number]): Promise<PagePostOutcome> => {
        let response: Response
        try {
          response = await fetch(url, {
            method: 'POST',
            headers: request.headers,
            body: new Uint8Array(request.body),
          })
        } catch (error) {
          return { kind: 'transport-error', message: String(error) }
        }
        const entries: Record<string, string> = {}
        response.headers.forEach((value, name) => {
          entries[name] = value
        })
        return {
          kind: 'response',
          response: {
            status: response.status,
            statusText: response.statusText,
            headers: entries,
            body: await response.text(),
          },
        }
      }
      return Promise.all(requests.map(postOne))
    },
    { url, requests: serialized },
  )
}

interface ServiceState {
  queued: number
  device: ServiceDeviceState | undefined
  settings: ServiceEngineSettings | undefined
}

/**
 * Reads the handset's queue length, its stored device state and the engine settings from the
 * worker's IndexedDB database.
 */
async function readServiceState(page: Page): Promise<ServiceState> {
  const stored = await page.evaluate(
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
        return { queued: 0, device: undefined, settings: undefined }
      }

      const transaction = database.transaction(['queue', 'devices', 'meta'], 'readonly')
      const queuedRequest = transaction.objectStore('queue').index('byHandset').count(handsetId)
      const deviceRequest = transaction.objectStore('devices').get(handsetId)
      const settingsRequest = transaction.objectStore('meta').get('settings')
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve()
        transaction.onerror = () =>
          reject(new Error(`Failed to read ${databaseName}`, { cause: transaction.error }))
      })
      database.close()
      return {
        queued: queuedRequest.result,
        device: deviceRequest.result as unknown,
        settings: settingsRequest.result as unknown,
      }
    },
    { databaseName: SERVICE_DATABASE_NAME, handsetId: HANDSET_ID },
  )

  return {
    queued: stored.queued,
    device: toServiceDeviceState(stored.device),
    settings: isEngineSettings(stored.settings) ? stored.settings : undefined,
  }
}

function toServiceDeviceState(stored: unknown): ServiceDeviceState | undefined {
  if (!isRecord(stored)) {
    return undefined
  }
  const { foregroundAppId, network, battery, secondaryTileIds } = stored
  // A device stored by the first schema version has no network or battery: it was online on
  // normal power.
  return {
    foregroundAppId: typeof foregroundAppId === 'string' ? foregroundAppId : null,
    network: network === 'offline' ? 'offline' : 'online',
    battery: battery === 'saver' || battery === 'critical' ? battery : 'normal',
    secondaryTileIds: isRecord(secondaryTileIds)
      ? (secondaryTileIds as Record<string, string[]>)
      : {},
  }
}

function isEngineSettings(stored: unknown): stored is ServiceEngineSettings {
  if (!isRecord(stored)) {
    return false
  }
  const numbers = [
    'maxXmlBodyBytes',
    'maxRawBodyBytes',
    'dailyQuota',
    'queueDepth',
    'inactiveAfterMinutes',
  ]
  const flags = ['strictMode', 'serviceDown']
  const choices = ['missingClassDefault', 'unknownTokenAnswer', 'authenticatedLimits']
  return (
    numbers.every((key) => typeof stored[key] === 'number') &&
    flags.every((key) => typeof stored[key] === 'boolean') &&
    choices.every((key) => typeof stored[key] === 'string')
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
