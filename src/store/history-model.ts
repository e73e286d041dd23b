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
 * Summarizes a payload in one short line: the text of its XML elements joined with " · ",
 * or the body itself with its whitespace collapsed.
 */
export function summarizePayload(payload: string): string {
  const elementTexts = [...payload.matchAll(/>([^<>]*[^<>\s][^<>]*)</g)].map((match) =>
    decodePredefinedEntities((match[1] ?? '').trim()),
  )
  const text = elementTexts.length > 0 ? elementTexts.join(' · ') : payload.replace(/\s+/g, ' ')
  const trimmed = text.trim()
  if (trimmed.length <= SUMMARY_MAX_CHARACTERS) {
    return trimmed
  }
  return `${trimmed.slice(0, SUMMARY_MAX_CHARACTERS - 1)}…`
}

/** Tells whether a value is one of the three notification types. */
export function isNotificationType(value: unknown): value is NotificationType {
  return NOTIFICATION_TYPES.some((type) => type === value)
}

/** Drops the oldest entries beyond the cap and returns the rest, newest first. */
export function capHistory(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return sortNewestFirst(entries).slice(0, MAX_HISTORY_ENTRIES)
}

/** Decodes XML's five predefined entities, which is enough for a one-line summary. */
function decodePredefinedEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_match, name: string) => ENTITY_TEXT[name] ?? '')
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
