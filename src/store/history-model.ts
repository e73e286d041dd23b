import type { ReceivedResponse, SentRequest } from '@/mpns/http-format'
import type { HeaderEntry, NotificationType } from '@/mpns/types'

import type { ConsoleDraft } from './console-request'

/** One request the console sent, with what came back. */
export interface HistoryEntry {
  id: string
  /** Wall-clock time the request was sent, in epoch milliseconds. */
  sentAt: number
  /** Milliseconds from sending to the response or failure, when measured. */
  durationMs?: number
  channelToken: string
  /** Name of the app that owns the channel; absent for requests imported from other tools. */
  appName?: string
  handsetId?: string
  draft: ConsoleDraft
  request: SentRequest
  response?: ReceivedResponse
  /** Network failure that prevented any response. */
  failure?: string
}

/** Maximum number of entries kept; recording or importing more drops the oldest. */
export const MAX_HISTORY_ENTRIES = 1000

const SUMMARY_MAX_CHARACTERS = 80

const TYPE_BY_TARGET: Readonly<Record<string, NotificationType>> = {
  toast: 'toast',
  token: 'tile',
}

const ENTITY_TEXT: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
}

const NOTIFICATION_TYPES: readonly NotificationType[] = ['toast', 'tile', 'raw']

/**
 * A CDATA section (its content in group 1), a comment, a tag, or text (group 2). An unclosed
 * CDATA section or comment runs to the end of the payload.
 */
const MARKUP_TOKEN = /<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)|<[^>]*>?|([^<]+)/g

const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/g

/**
 * Unicode's Bidi_Control characters: U+061C, U+200E, U+200F, U+202A to U+202E and U+2066 to
 * U+2069. Each one changes the display order of the text after it.
 */
const BIDI_CONTROL = /\p{Bidi_Control}/gu

/**
 * Reads the draft a request was built from: the type from X-WindowsPhone-Target, the class,
 * the message ID and the body.
 */
export function toDraftFromRequest(request: Pick<SentRequest, 'headers' | 'body'>): ConsoleDraft {
  return {
    notificationType: readNotificationType(request),
    notificationClass: findHeader(request.headers, 'X-NotificationClass') ?? '',
    messageId: findHeader(request.headers, 'X-MessageID') ?? '',
    payload: request.body,
  }
}

/**
 * Reads the request and draft a history entry keeps from a sent request. The bytes the console
 * sent are dropped, because for every body but a Base64 raw one they are the UTF-8 body text, and
 * a Base64 raw body is kept as its Base64 text with the draft's `rawEncoding` saying so.
 */
export function toStoredRequest(request: SentRequest & { bodyBytes?: Uint8Array }): {
  request: SentRequest
  draft: ConsoleDraft
} {
  const { bodyBytes, ...stored } = request
  const draft = toDraftFromRequest(stored)
  if (
    bodyBytes !== undefined &&
    draft.notificationType === 'raw' &&
    !isUtf8Of(bodyBytes, stored.body)
  ) {
    draft.rawEncoding = 'base64'
  }
  return { request: stored, draft }
}

function isUtf8Of(bytes: Uint8Array, text: string): boolean {
  const encoded = new TextEncoder().encode(text)
  return encoded.length === bytes.length && encoded.every((byte, index) => byte === bytes[index])
}

/** Finds a header's value by case-insensitive name, or undefined when it is absent. */
export function findHeader(headers: readonly HeaderEntry[], name: string): string | undefined {
  const lowerName = name.toLowerCase()
  return headers.find(([candidate]) => candidate.toLowerCase() === lowerName)?.[1]
}

/**
 * Tells whether an entry matches every word of a search query, case-insensitively, in its
 * app name, type, status line, request and response headers, message ID or payload.
 */
export function matchesHistorySearch(entry: HistoryEntry, query: string): boolean {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
  if (words.length === 0) {
    return true
  }
  const haystack = toSearchText(entry).toLowerCase()
  return words.every((word) => haystack.includes(word))
}

/** Returns the entries matching `query`, newest first. */
export function filterHistory(entries: readonly HistoryEntry[], query: string): HistoryEntry[] {
  return sortNewestFirst(entries.filter((entry) => matchesHistorySearch(entry, query)))
}

/** Sorts entries newest first; entries sent in the same millisecond keep their order. */
export function sortNewestFirst(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return [...entries].sort((first, second) => second.sentAt - first.sentAt)
}

/** Formats an entry's outcome: `200 OK · Received`, or the failure. */
export function formatHistoryStatus(entry: HistoryEntry): string {
  if (!entry.response) {
    return entry.failure ?? 'No response'
  }
  const { status, statusText, headers } = entry.response
  const notificationStatus = findHeader(headers, 'X-NotificationStatus')
  const statusLine = `${status} ${statusText}`.trim()
  return notificationStatus === undefined ? statusLine : `${statusLine} · ${notificationStatus}`
}

/**
 * Summarizes a payload in one short line: the text and CDATA of its XML elements joined with
 * " · ", or the body itself with its whitespace collapsed. Bidirectional control characters
 * are shown as `\u202E`-style escapes, so they cannot reorder the line.
 */
export function summarizePayload(payload: string): string {
  const elementTexts = payload.trimStart().startsWith('<') ? readElementTexts(payload) : []
  const text = elementTexts.length > 0 ? elementTexts.join(' · ') : payload
  const characters = Array.from(text.replace(/\s+/g, ' ').trim())
  const shortened =
    characters.length <= SUMMARY_MAX_CHARACTERS
      ? characters.join('')
      : `${characters.slice(0, SUMMARY_MAX_CHARACTERS - 1).join('')}…`
  return escapeBidiControls(shortened)
}

/** Tells whether a value is one of the three notification types. */
export function isNotificationType(value: unknown): value is NotificationType {
  return NOTIFICATION_TYPES.some((type) => type === value)
}

/** Drops the oldest entries beyond the cap and returns the rest, newest first. */
export function capHistory(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return sortNewestFirst(entries).slice(0, MAX_HISTORY_ENTRIES)
}

/**
 * Reads the text of each run of text and CDATA between tags. References in text are decoded,
 * CDATA is taken as written, and comments are skipped.
 */
function readElementTexts(payload: string): string[] {
  const texts: string[] = []
  let current = ''
  for (const token of payload.matchAll(MARKUP_TOKEN)) {
    const [markup, cdata, text] = token
    if (cdata !== undefined) {
      current += cdata
    } else if (text !== undefined) {
      current += decodeReferences(text)
    } else if (!markup.startsWith('<!--')) {
      texts.push(current.trim())
      current = ''
    }
  }
  texts.push(current.trim())
  return texts.filter((text) => text !== '')
}

/**
 * Decodes XML's five predefined entities and numeric character references in one pass, so
 * `&amp;#233;` becomes `&#233;`. A reference to a character XML does not allow stays as written.
 */
function decodeReferences(text: string): string {
  return text.replace(REFERENCE, (reference, name?: string, decimal?: string, hex?: string) => {
    if (name !== undefined) {
      return ENTITY_TEXT[name] ?? reference
    }
    const codePoint =
      hex === undefined ? Number.parseInt(decimal ?? '', 10) : Number.parseInt(hex, 16)
    return isXmlCharacter(codePoint) ? String.fromCodePoint(codePoint) : reference
  })
}

/** Tells whether a code point matches the Char production of XML 1.0. */
function isXmlCharacter(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  )
}

/** Replaces each Unicode Bidi_Control character, such as U+202E, with its `\u202E` escape. */
function escapeBidiControls(text: string): string {
  return text.replace(
    BIDI_CONTROL,
    (character) =>
      `\\u${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  )
}

function readNotificationType(request: Pick<SentRequest, 'headers' | 'body'>): NotificationType {
  const target = findHeader(request.headers, 'X-WindowsPhone-Target')
  if (target === undefined) {
    return 'raw'
  }
  const byTarget = TYPE_BY_TARGET[target.trim().toLowerCase()]
  if (byTarget !== undefined) {
    return byTarget
  }
  // NOTE: an unknown target has no type in the console, so the payload's element decides.
  if (/<(?:\w+:)?Toast[\s>]/.test(request.body)) {
    return 'toast'
  }
  return /<(?:\w+:)?Tile[\s>]/.test(request.body) ? 'tile' : 'raw'
}

function toSearchText(entry: HistoryEntry): string {
  const headers = [...entry.request.headers, ...(entry.response?.headers ?? [])]
  return [
    entry.appName ?? '',
    entry.draft.notificationType,
    formatHistoryStatus(entry),
    ...headers.map(([name, value]) => `${name}: ${value}`),
    entry.draft.messageId,
    entry.draft.payload,
  ].join('\n')
}
