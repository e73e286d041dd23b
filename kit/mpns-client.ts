import type { APIRequestContext, Page } from '@playwright/test'

import type { NotificationRequest } from '../src/scenario/notification-builders.ts'
import type { SendResult } from '../src/scenario/page-api.ts'
import { isLoopbackHost } from './network-stub.ts'
import { HANDSET_ID, readServiceState } from './service-state.ts'
import type { ServiceDeviceState, ServiceEngineSettings } from './service-state.ts'

export type { SendResult }

export interface PagePostOptions {
  headers: Array<[string, string]>
  /** Body bytes; sent as a Uint8Array so fetch adds no Content-Type of its own. */
  body: Uint8Array | string
}

/** Outcome of one POST: the service's response, or the error `fetch` rejected with. */
export type PagePostOutcome =
  { kind: 'response'; response: SendResult } | { kind: 'transport-error'; message: string }

/**
 * Origin of a request. `page` posts from inside the emulator page, where the service worker
 * handles it. `http` posts from Node to the server, as an application backend does, and the
 * server relays the request to the page.
 */
export type SendVia = 'page' | 'http'

export interface SendRequestOptions {
  /** @default 'page' */
  via?: SendVia
}

/**
 * Sends MPNS requests to channel URIs and reads the service's stored state. Requests sent
 * from the page run in a page the service worker controls, where the worker handles them.
 */
export interface MpnsClient {
  /**
   * Sends a request built by `toast`, `flipTile`, `raw` and the other builders, and returns the
   * response. Rejects when no response arrives, as when the server is not running.
   */
  send(
    channelUri: string,
    request: NotificationRequest,
    options?: SendRequestOptions,
  ): Promise<SendResult>
  /** Sends one POST from the page and rejects when `fetch` fails without a response. */
  post(url: string, options: PagePostOptions): Promise<SendResult>
  /** Sends all POSTs at once from the page and returns each outcome in request order. */
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

export interface MpnsClientOptions {
  /** Rejects `http` sends to a channel URI whose host is not this machine. @default true */
  blockExternalHosts?: boolean
}

/**
 * Creates an MPNS client that sends from `page`, or from Node with the page's request context,
 * and reads the service state through the page.
 */
export function createMpnsClient(page: Page, options: MpnsClientOptions = {}): MpnsClient {
  const blockExternalHosts = options.blockExternalHosts ?? true

  const post = async (url: string, request: PagePostOptions): Promise<SendResult> => {
    const [outcome] = await postAllFromPage(page, url, [request])
    if (outcome?.kind !== 'response') {
      throw new Error(`Failed to POST to ${url}: ${outcome?.message ?? 'no outcome returned'}`)
    }
    return outcome.response
  }

  return {
    send: async (channelUri, request, sendOptions = {}) => {
      if ((sendOptions.via ?? 'page') === 'page') {
        return post(channelUri, request)
      }
      if (blockExternalHosts && !isLoopbackUrl(channelUri)) {
        throw new Error(
          `Rejected the send to ${channelUri}: its host is not this machine. Send to the server's own channel URI, or set blockExternalHosts to false.`,
        )
      }
      return postFromNode(page.request, channelUri, request)
    },
    post,
    postAll: (url, requests) => postAllFromPage(page, url, requests),
    countQueued: async () => (await readServiceState(page, HANDSET_ID)).queued,
    readForegroundAppId: async () => (await readServiceState(page)).device?.foregroundAppId,
    readDeviceState: async () => (await readServiceState(page)).device,
    readEngineSettings: async () => (await readServiceState(page)).settings,
  }
}

/**
 * Posts a request with Playwright's request API. Repeated header names are sent once, with the
 * last value, because the API takes headers as an object.
 */
async function postFromNode(
  request: APIRequestContext,
  url: string,
  notification: PagePostOptions,
): Promise<SendResult> {
  const headers = Object.fromEntries(notification.headers)
  const body =
    typeof notification.body === 'string'
      ? Buffer.from(notification.body, 'utf8')
      : Buffer.from(notification.body)
  let response
  try {
    response = await request.post(url, { headers, data: body, maxRedirects: 0 })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`Failed to POST to ${url}: ${reason}`, { cause: error })
  }

  const responseHeaders: Record<string, string> = {}
  for (const { name, value } of response.headersArray()) {
    const key = name.toLowerCase()
    responseHeaders[key] = key in responseHeaders ? `${responseHeaders[key]}, ${value}` : value
  }
  return {
    status: response.status(),
    statusText: response.statusText(),
    headers: responseHeaders,
    body: await response.text(),
  }
}

function isLoopbackUrl(url: string): boolean {
  return URL.canParse(url) && isLoopbackHost(new URL(url).hostname)
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
