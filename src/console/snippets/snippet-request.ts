import type { SentRequest } from '@/mpns/http-format'
import { readHeader } from '@/mpns/request'
import type { HeaderEntry, NotificationType } from '@/mpns/types'

/** A request body: UTF-8 text, or Base64 of bytes that are not valid UTF-8. */
export type SnippetBody =
  { encoding: 'text'; text: string } | { encoding: 'base64'; base64: string }

/** A request as every snippet writes it out. */
export interface SnippetRequest {
  method: string
  url: string
  headers: readonly HeaderEntry[]
  body: SnippetBody
}

/**
 * Response headers each snippet prints, when present: the three MPNS status headers, the
 * echoed message ID and the emulator's explanation of its response.
 */
export const PRINTED_RESPONSE_HEADERS: readonly string[] = [
  'X-NotificationStatus',
  'X-DeviceConnectionStatus',
  'X-SubscriptionStatus',
  'X-MessageID',
  'X-Emulator-Reason',
]

/**
 * Converts the console's request for the snippets. The body comes from `bodyBytes`, the bytes
 * the console sends, where present, and from the UTF-8 encoding of `body` otherwise.
 */
export function toSnippetRequest(
  request: SentRequest & { bodyBytes?: Uint8Array },
): SnippetRequest {
  const bytes = request.bodyBytes ?? new TextEncoder().encode(request.body)
  return {
    method: request.method,
    url: request.url,
    headers: request.headers,
    body: toSnippetBody(bytes),
  }
}

/** Returns the bytes a snippet body sends. */
export function readBodyBytes(body: SnippetBody): Uint8Array {
  if (body.encoding === 'text') {
    return new TextEncoder().encode(body.text)
  }
  return Uint8Array.from(atob(body.base64), (character) => character.charCodeAt(0))
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

function toSnippetBody(bytes: Uint8Array): SnippetBody {
  try {
    // ignoreBOM keeps a leading byte order mark in the text, so that it is sent too.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
    return { encoding: 'text', text }
  } catch (error) {
    // A fatal decoder throws TypeError for bytes that are not UTF-8, and those go as Base64.
    if (!(error instanceof TypeError)) {
      throw error
    }
    let binary = ''
    for (const byte of bytes) {
      binary += String.fromCharCode(byte)
    }
    return { encoding: 'base64', base64: btoa(binary) }
  }
}
