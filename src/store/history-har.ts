import { locateChannel } from '@/mpns/channel'
import type { ReceivedResponse, SentRequest } from '@/mpns/http-format'
import type { HeaderEntry } from '@/mpns/types'

import { readDraftBody } from './console-request'
import type { ConsoleDraft } from './console-request'
import type { HistoryImport, ImportedHistory } from './history-json'
import { findHeader, toDraftFromRequest } from './history-model'
import type { HistoryEntry } from './history-model'
import { isRecord } from './history-validation'

interface HarHeader {
  name: string
  value: string
}

/** Fields of a HAR entry that only this emulator writes; HAR 1.2 allows `_`-prefixed fields. */
interface HarEmulatorFields {
  id: string
  channelToken: string
  appName?: string
  handsetId?: string
}

interface HarPostData {
  mimeType: string
  text: string
  /**
   * `base64` when `text` is Base64 of the bytes sent. HAR 1.2 has no encoding field for
   * `postData`, so the field is a custom one, which must start with `_`.
   */
  _encoding?: 'base64'
}

interface HarEntry {
  startedDateTime: string
  time: number
  request: {
    method: string
    url: string
    httpVersion: string
    cookies: []
    headers: HarHeader[]
    queryString: []
    postData: HarPostData
    headersSize: -1
    bodySize: number
  }
  response: {
    status: number
    statusText: string
    httpVersion: string
    cookies: []
    headers: HarHeader[]
    content: { size: number; mimeType: string; text: string }
    redirectURL: ''
    headersSize: -1
    bodySize: number
    /** Reason no response arrived; HAR 1.2 allows custom fields that start with `_`. */
    _error?: string
  }
  cache: Record<string, never>
  timings: { send: number; wait: number; receive: number }
  _wp8MpnsEmulator: HarEmulatorFields
}

/** A HAR 1.2 document. */
export interface HarDocument {
  log: {
    version: '1.2'
    creator: { name: string; version: string }
    entries: HarEntry[]
  }
}

/** Injected source of new entry ids, so imports stay deterministic in tests. */
export type CreateId = () => string

/** Media type of a body given as Base64, whose bytes need not be text. */
const BINARY_MIME_TYPE = 'application/octet-stream'

/** Headers that formatRequest writes itself, or that HTTP/2 tools list as pseudo-headers. */
const DERIVED_REQUEST_HEADERS = new Set(['host', 'content-length'])

const CREATOR = { name: 'Windows Phone 8 MPNS emulator', version: '1' }

/** Builds a HAR 1.2 document with one entry per request, in the order they were sent. */
export function toHarDocument(entries: readonly HistoryEntry[]): HarDocument {
  const oldestFirst = [...entries].sort((first, second) => first.sentAt - second.sentAt)
  return { log: { version: '1.2', creator: CREATOR, entries: oldestFirst.map(toHarEntry) } }
}

/**
 * Reads the MPNS requests of a HAR document: POSTs with X-WindowsPhone-Target or
 * X-NotificationClass, or to a channel URI path. Other entries are skipped and counted.
 */
export function fromHarDocument(value: unknown, createId: CreateId): HistoryImport {
  const log = isRecord(value) ? value.log : undefined
  if (!isRecord(log) || !Array.isArray(log.entries)) {
    return { error: 'The file is not a HAR document: it has no "log.entries" list.' }
  }

  const imported: ImportedHistory = { source: 'har', entries: [], skipped: 0 }
  for (const record of log.entries as unknown[]) {
    const entry = fromHarEntry(record, createId)
    if (entry) {
      imported.entries.push(entry)
      continue
    }
    imported.skipped += 1
    imported.skipReason ??= 'it is not a POST to a channel URI with MPNS headers'
  }
  if (imported.entries.length === 0) {
    return {
      error: `The HAR file has no MPNS request among its ${imported.skipped} entries: none is a POST with X-WindowsPhone-Target or X-NotificationClass, or to a channel URI.`,
    }
  }
  return imported
}

function toHarEntry(entry: HistoryEntry): HarEntry {
  const { request, response } = entry
  const duration = entry.durationMs ?? 0
  const emulatorFields: HarEmulatorFields = { id: entry.id, channelToken: entry.channelToken }
  if (entry.appName !== undefined) {
    emulatorFields.appName = entry.appName
  }
  if (entry.handsetId !== undefined) {
    emulatorFields.handsetId = entry.handsetId
  }
  return {
    startedDateTime: new Date(entry.sentAt).toISOString(),
    time: duration,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: toHarHeaders(request.headers),
      queryString: [],
      postData: toHarPostData(entry),
      headersSize: -1,
      bodySize: request.byteLength,
    },
    response: toHarResponse(response, entry.failure),
    cache: {},
    timings: { send: 0, wait: duration, receive: 0 },
    _wp8MpnsEmulator: emulatorFields,
  }
}

/**
 * Writes the body as sent: text as is, and a Base64 raw body as its Base64 text marked with
 * `_encoding`, so that an import sends the same bytes again.
 */
function toHarPostData(entry: HistoryEntry): HarPostData {
  const { draft, request } = entry
  if (draft.notificationType === 'raw' && draft.rawEncoding === 'base64') {
    return { mimeType: BINARY_MIME_TYPE, text: request.body, _encoding: 'base64' }
  }
  return { mimeType: findHeader(request.headers, 'Content-Type') ?? '', text: request.body }
}

function toHarResponse(
  response: ReceivedResponse | undefined,
  failure: string | undefined,
): HarEntry['response'] {
  const body = response?.body ?? ''
  const size = new TextEncoder().encode(body).byteLength
  const harResponse: HarEntry['response'] = {
    // HAR writes status 0 for a request that got no response.
    status: response?.status ?? 0,
    statusText: response?.statusText ?? '',
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: toHarHeaders(response?.headers ?? []),
    content: {
      size,
      mimeType: findHeader(response?.headers ?? [], 'Content-Type') ?? '',
      text: body,
    },
    redirectURL: '',
    headersSize: -1,
    bodySize: size,
  }
  if (!response) {
    harResponse._error = failure ?? 'No response'
  }
  return harResponse
}

function fromHarEntry(value: unknown, createId: CreateId): HistoryEntry | null {
  if (!isRecord(value) || !isRecord(value.request)) {
    return null
  }
  const { method, url } = value.request
  const headers = fromHarHeaders(value.request.headers)
  if (typeof method !== 'string' || method.toUpperCase() !== 'POST' || typeof url !== 'string') {
    return null
  }
  const location = locateChannel(url)
  const hasMpnsHeader =
    findHeader(headers, 'X-WindowsPhone-Target') !== undefined ||
    findHeader(headers, 'X-NotificationClass') !== undefined
  if (!hasMpnsHeader && location.kind !== 'channel') {
    return null
  }

  const postData = isRecord(value.request.postData) ? value.request.postData : {}
  const sentHeaders = headers.filter(([name]) => !isDerivedHeader(name))
  const { request, draft } = fromHarPostData(postData, {
    method: 'POST',
    url,
    headers: sentHeaders,
  })
  const emulatorFields = isRecord(value._wp8MpnsEmulator) ? value._wp8MpnsEmulator : {}
  const entry: HistoryEntry = {
    id: readString(emulatorFields.id) ?? createId(),
    sentAt: readStartedAt(value.startedDateTime),
    channelToken:
      readString(emulatorFields.channelToken) ??
      (location.kind === 'channel' ? location.token : ''),
    draft,
    request,
  }
  copyOptionalFields(entry, value, emulatorFields)
  return entry
}

/**
 * Reads the body of a HAR request. A body marked as Base64, by this emulator's `_encoding` or by
 * the `encoding` field other tools write, stays Base64 in a raw draft, so that the draft sends
 * the same bytes.
 */
function fromHarPostData(
  postData: Record<string, unknown>,
  request: Omit<SentRequest, 'body' | 'byteLength'>,
): { request: SentRequest; draft: ConsoleDraft } {
  const text = typeof postData.text === 'string' ? postData.text : ''
  const encoding = readString(postData._encoding) ?? readString(postData.encoding)
  const isBase64 = encoding?.toLowerCase() === 'base64'
  const textRequest: SentRequest = {
    ...request,
    body: text,
    byteLength: new TextEncoder().encode(text).byteLength,
  }
  const draft = toDraftFromRequest(textRequest)
  if (!isBase64) {
    return { request: textRequest, draft }
  }

  const body = readDraftBody({ ...draft, notificationType: 'raw', rawEncoding: 'base64' })
  if (draft.notificationType === 'raw') {
    // NOTE: invalid Base64 stays in the draft for the editor to report, and its byte count is
    // that of the Base64 text, because it decodes to no bytes.
    const byteLength = body.ok ? body.bytes.byteLength : textRequest.byteLength
    return { request: { ...textRequest, byteLength }, draft: { ...draft, rawEncoding: 'base64' } }
  }
  if (!body.ok) {
    return { request: textRequest, draft }
  }
  // Toast and tile payloads are XML text, so their Base64 is decoded to the text it encodes. A
  // byte order mark stays in the text, as it was in the bytes sent.
  const decoded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body.bytes)
  const decodedRequest: SentRequest = {
    ...request,
    body: decoded,
    byteLength: body.bytes.byteLength,
  }
  return { request: decodedRequest, draft: toDraftFromRequest(decodedRequest) }
}

function copyOptionalFields(
  entry: HistoryEntry,
  harEntry: Record<string, unknown>,
  emulatorFields: Record<string, unknown>,
): void {
  const appName = readString(emulatorFields.appName)
  const handsetId = readString(emulatorFields.handsetId)
  if (appName !== undefined) {
    entry.appName = appName
  }
  if (handsetId !== undefined) {
    entry.handsetId = handsetId
  }
  if (typeof harEntry.time === 'number' && harEntry.time >= 0) {
    entry.durationMs = harEntry.time
  }

  const response = isRecord(harEntry.response) ? harEntry.response : {}
  const status = typeof response.status === 'number' ? response.status : 0
  if (status <= 0) {
    entry.failure = readString(response._error) ?? 'The HAR file records no response.'
    return
  }
  const content = isRecord(response.content) ? response.content : {}
  entry.response = {
    status,
    statusText: readString(response.statusText) ?? '',
    headers: fromHarHeaders(response.headers),
    body: readString(content.text) ?? '',
  }
}

function toHarHeaders(headers: readonly HeaderEntry[]): HarHeader[] {
  return headers.map(([name, value]) => ({ name, value }))
}

/** Reads HAR headers, skipping any that are not `{ name, value }` strings. */
function fromHarHeaders(value: unknown): HeaderEntry[] {
  if (!Array.isArray(value)) {
    return []
  }
  const headers: HeaderEntry[] = []
  for (const header of value as unknown[]) {
    if (isRecord(header) && typeof header.name === 'string' && typeof header.value === 'string') {
      headers.push([header.name, header.value])
    }
  }
  return headers
}

function isDerivedHeader(name: string): boolean {
  return name.startsWith(':') || DERIVED_REQUEST_HEADERS.has(name.toLowerCase())
}

function readStartedAt(value: unknown): number {
  const parsed = typeof value === 'string' ? Date.parse(value) : Number.NaN
  // NOTE: a HAR entry without a readable start time is dated 0 and so sorts as the oldest.
  return Number.isFinite(parsed) ? parsed : 0
}

function readString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}
