import { toCanonicalHeaders } from '@/mpns/http-format'
import type { ReceivedResponse, SentRequest } from '@/mpns/http-format'
import { TARGET_BY_TYPE } from '@/mpns/templates'
import { logError } from '@/lib/log'
import type { HeaderEntry, NotificationType } from '@/mpns/types'

import { toInPageChannelFetch } from './endpoint-info'

/** Encoding of a raw payload in the console: UTF-8 text, or Base64 of the bytes to send. */
export type RawEncoding = 'text' | 'base64'

/** Parts of a console request that a developer edits: everything except the channel. */
export interface ConsoleDraft {
  notificationType: NotificationType
  /** X-NotificationClass value to send; '' sends no header. */
  notificationClass: string
  messageId: string
  payload: string
  /** Encoding of a raw payload. Toast and tile payloads are always text. @default 'text' */
  rawEncoding?: RawEncoding
}

/** A request the console built: `body` is the payload text it shows, `bodyBytes` what it sends. */
export interface ConsoleRequest extends SentRequest {
  bodyBytes: Uint8Array<ArrayBuffer>
}

/**
 * The bytes a draft sends, or why its payload cannot be sent, with the range of the payload text
 * in error in UTF-16 offsets.
 */
export type DraftBody =
  | { ok: true; bytes: Uint8Array<ArrayBuffer> }
  | { ok: false; message: string; from: number; to: number }

export interface ConsoleExchange {
  request: SentRequest
  response?: ReceivedResponse
  /** Network failure that prevented any response, if one did. */
  failure?: string
  /** Id sent in the X-Emulator-Console-Request header, which the worker's report on the request names. */
  consoleRequestId?: string
}

/** One character of Base64 text, the padding "=" included. */
const BASE64_CHARACTER = /^[A-Za-z0-9+/=]$/

/**
 * Builds the POST an MPNS sender would make for `draft` to `channelUri`. Throws when a Base64
 * raw payload is invalid, so check the draft with readDraftBody first.
 */
export function buildConsoleRequest(draft: ConsoleDraft, channelUri: string): ConsoleRequest {
  const body = readDraftBody(draft)
  if (!body.ok) {
    throw new Error(`Failed to build the console request: ${body.message}`)
  }
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
  return {
    method: 'POST',
    url: channelUri,
    headers,
    body: draft.payload,
    byteLength: body.bytes.byteLength,
    bodyBytes: body.bytes,
  }
}

/** Encodes a draft's payload as the bytes to send: UTF-8 text, or the bytes a Base64 raw payload names. */
export function readDraftBody(draft: ConsoleDraft): DraftBody {
  const isBase64 = draft.notificationType === 'raw' && draft.rawEncoding === 'base64'
  return isBase64
    ? decodeBase64Body(draft.payload)
    : { ok: true, bytes: new TextEncoder().encode(draft.payload) }
}

/**
 * POSTs `request` through the page's own origin, so that the service worker handles it as it
 * handles any sender's POST, and reads the whole response. A network failure becomes `failure`, never a throw.
 */
export async function sendConsoleRequest(
  fetchChannelUri: typeof fetch,
  request: SentRequest & { bodyBytes?: Uint8Array<ArrayBuffer> },
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
      body: request.bodyBytes ?? new TextEncoder().encode(request.body),
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

/**
 * Decodes a Base64 payload (RFC 4648 alphabet, padding optional, whitespace ignored) with
 * messages that point at the first character in error.
 */
function decodeBase64Body(text: string): DraftBody {
  let digits = ''
  let lastDigitOffset = 0
  for (let index = 0; index < text.length; index += 1) {
    // A whole code point, so that the message never shows half of a surrogate pair.
    const character = String.fromCodePoint(text.codePointAt(index) ?? 0)
    if (/\s/.test(character)) {
      continue
    }
    const afterPadding = digits.includes('=') && character !== '='
    if (!BASE64_CHARACTER.test(character) || afterPadding) {
      return {
        ok: false,
        message: `Invalid Base64 body: "${character}" at position ${index + 1} is not allowed there. Use only A-Z, a-z, 0-9, "+" and "/" with at most two "=" at the end, or choose the Text encoding.`,
        from: index,
        to: index + character.length,
      }
    }
    digits += character
    lastDigitOffset = index
  }

  const unpadded = digits.replace(/=+$/, '')
  const hasBadPadding =
    digits.length - unpadded.length > 2 || (unpadded !== digits && digits.length % 4 !== 0)
  if (unpadded.length % 4 === 1 || hasBadPadding) {
    return {
      ok: false,
      message: `Invalid Base64 body: ${digits.length} ${digits.length === 1 ? 'character' : 'characters'} cannot encode whole bytes. Check the payload for a missing or extra character.`,
      from: lastDigitOffset,
      to: lastDigitOffset + 1,
    }
  }

  const binary = atob(unpadded)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index += 1) {
    bytes[index] = binary.charCodeAt(index)
  }
  return { ok: true, bytes }
}
