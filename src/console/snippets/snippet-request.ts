import type { SentRequest } from '@/mpns/http-format'
import { readHeader } from '@/mpns/request'
import type { HeaderEntry, NotificationType } from '@/mpns/types'

/** A request as every snippet writes it out, with a body that encodes to the bytes sent. */
export interface SnippetRequest {
  method: string
  url: string
  headers: readonly HeaderEntry[]
  body: string
}

/**
 * Response headers each snippet prints, when present: the three MPNS status headers, the
 * echoed message ID and the emulator's explanation of its answer.
 */
export const PRINTED_RESPONSE_HEADERS: readonly string[] = [
  'X-NotificationStatus',
  'X-DeviceConnectionStatus',
  'X-SubscriptionStatus',
  'X-MessageID',
  'X-Emulator-Reason',
]

/**
 * Converts the console's request for the snippets. Lone surrogates in the body become U+FFFD,
 * because the console's UTF-8 encoder sends them so, and no snippet language can write them.
 */
export function toSnippetRequest(request: SentRequest): SnippetRequest {
  const body = new TextDecoder().decode(new TextEncoder().encode(request.body))
  return { method: request.method, url: request.url, headers: request.headers, body }
}

/** Reads the notification type from X-WindowsPhone-Target, as the service does. */
export function readNotificationType(request: SnippetRequest): NotificationType {
  const target = readHeader(request.headers, 'X-WindowsPhone-Target')
  if (target === 'toast') {
    return 'toast'
  }
  return target === 'token' ? 'tile' : 'raw'
}

/**
 * Splits a body on "\n" for snippets that write one quoted string per line and join them with
 * "\n" again, which gives back the exact text. Returns null for a body without a line break.
 */
export function splitBodyLines(body: string): string[] | null {
  return body.includes('\n') ? body.split('\n') : null
}
