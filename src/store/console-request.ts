import { toCanonicalHeaders } from '@/mpns/http-format'
import type { ReceivedResponse, SentRequest } from '@/mpns/http-format'
import { TARGET_BY_TYPE } from '@/mpns/templates'
import { logError } from '@/lib/log'
import type { HeaderEntry, NotificationType } from '@/mpns/types'

import { toInPageChannelFetch } from './endpoint-info'

/** What the console sends, apart from the channel: the parts a developer edits. */
export interface ConsoleDraft {
  notificationType: NotificationType
  /** X-NotificationClass value to send; '' sends no header. */
  notificationClass: string
  messageId: string
  payload: string
}

export interface ConsoleExchange {
  request: SentRequest
  response?: ReceivedResponse
  /** Network failure that prevented any response, if one did. */
  failure?: string
  /** Id sent in the X-Emulator-Console-Request header, which the worker's report on the request names. */
  consoleRequestId?: string
}

/** Builds the POST an MPNS sender would make for `draft` to `channelUri`. */
export function buildConsoleRequest(draft: ConsoleDraft, channelUri: string): SentRequest {
  const body = draft.payload
  const headers: HeaderEntry[] = []
  const target = TARGET_BY_TYPE[draft.notificationType]
  if (target !== null) {
    headers.push(['Content-Type', 'text/xml'])
    headers.push(['X-WindowsPhone-Target', target])
  }
  if (draft.notificationClass !== '') {
    headers.push(['X-NotificationClass', draft.notificationClass])
  }
  if (draft.messageId.trim() !== '') {
    headers.push(['X-MessageID', draft.messageId.trim()])
  }
  const byteLength = new TextEncoder().encode(body).byteLength
  return { method: 'POST', url: channelUri, headers, body, byteLength }
}

/**
 * POSTs `request` through the page's own origin, so the service worker answers it as it answers
 * any sender, and reads the whole response. A network failure becomes `failure`, never a throw.
 */
export async function sendConsoleRequest(
  fetchChannelUri: typeof fetch,
  request: SentRequest,
  extraHeaders: readonly HeaderEntry[] = [],
): Promise<ConsoleExchange> {
  try {
    // Node tests have no page, and there the channel URI's own origin stands for it.
    const pageOrigin =
      typeof location === 'undefined' ? new URL(request.url).origin : location.origin
    const inPage = toInPageChannelFetch(request.url, pageOrigin)
    // Bytes, not a string: fetch adds `text/plain` to a string body, which MPNS senders never send.
    const response = await fetchChannelUri(inPage.url, {
      method: request.method,
      headers: [
        ...request.headers.map(([name, value]): [string, string] => [name, value]),
        ...extraHeaders.map(([name, value]): [string, string] => [name, value]),
        ...inPage.headers,
      ],
      body: new TextEncoder().encode(request.body),
    })
    const body = await response.text()
    return {
      request,
      response: {
        status: response.status,
        statusText: response.statusText,
        headers: toCanonicalHeaders(response.headers),
        body,
      },
    }
  } catch (error) {
    logError('[console]', `Failed to POST to ${request.url}`, error)
    return { request, failure: `The request failed before any response: ${String(error)}` }
  }
}
