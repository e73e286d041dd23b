import { describe, expect, it } from 'vitest'

import { WEATHER_CHANNEL_URI, createTestEntry } from '@/test/history-builders'

import { readConsoleFile } from './console-file'
import { buildConsoleRequest } from './console-request'
import type { ConsoleDraft } from './console-request'
import { toHarDocument } from './history-har'
import { readHistoryFile } from './history-files'
import { toHistoryExport } from './history-json'
import type { HistoryEntry } from './history-model'
import { toStoredRequest } from './history-model'

const EXPORTED_AT = new Date('2025-06-01T12:00:00Z')

function failingId(): string {
  throw new Error('an id was created for an entry that has one')
}

function sequentialIds(): () => string {
  let next = 0
  return () => {
    next += 1
    return `new-${next}`
  }
}

function read(fileName: string, value: unknown, createId = failingId) {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return readHistoryFile({ fileName, text, createId })
}

function expectEntries(result: ReturnType<typeof read>): HistoryEntry[] {
  if ('error' in result) {
    throw new Error(`expected entries, got the error: ${result.error}`)
  }
  return result.entries
}

const failed = createTestEntry('failed', 2_000, { failure: 'The request failed: offline' })
delete failed.response
const ENTRIES = [createTestEntry('newest', 3_000), failed, createTestEntry('oldest', 1_000)]

/** The 8-byte PNG signature as a Base64 raw payload. */
const BINARY_RAW_DRAFT: ConsoleDraft = {
  notificationType: 'raw',
  notificationClass: '3',
  messageId: '',
  payload: 'iVBORw0KGgo=',
  rawEncoding: 'base64',
}

/** Builds a received entry for BINARY_RAW_DRAFT, as the console records it. */
function createBinaryEntry(): HistoryEntry {
  return createTestEntry('binary', 4_000, {
    draft: BINARY_RAW_DRAFT,
    request: toStoredRequest(buildConsoleRequest(BINARY_RAW_DRAFT, WEATHER_CHANNEL_URI)).request,
  })
}

/** Builds a HAR entry of an MPNS POST whose body another tool wrote as Base64 in `encoding`. */
function createForeignBase64Entry(
  headers: { name: string; value: string }[],
  text: string,
): Record<string, unknown> {
  return {
    startedDateTime: '2025-06-01T10:00:00.000Z',
    request: {
      method: 'POST',
      url: 'https://db3.notify.live.net/throttledthirdparty/01.00/AQH-token',
      headers,
      postData: { mimeType: 'application/octet-stream', text, encoding: 'base64' },
    },
    response: { status: 200, headers: [], content: { size: 0, mimeType: '', text: '' } },
  }
}

/** A toast POST as a browser's network panel exports it, with HTTP/2 pseudo-headers. */
const FOREIGN_TOAST = {
  startedDateTime: '2025-06-01T10:00:00.000Z',
  time: 80,
  request: {
    method: 'POST',
    url: 'https://db3.notify.live.net/throttledthirdparty/01.00/AQH-token',
    headers: [
      { name: ':authority', value: 'db3.notify.live.net' },
      { name: 'content-type', value: 'text/xml' },
      { name: 'x-windowsphone-target', value: 'toast' },
      { name: 'x-notificationclass', value: '2' },
      { name: 'content-length', value: '42' },
    ],
    postData: { mimeType: 'text/xml', text: '<wp:Notification><wp:Toast/></wp:Notification>' },
  },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [{ name: 'X-NotificationStatus', value: 'Received' }],
    content: { size: 0, mimeType: '', text: '' },
  },
}

describe('history files', () => {
  it('round-trips a JSON export', () => {
    const exported = JSON.stringify(toHistoryExport(ENTRIES, EXPORTED_AT))
    const result = read('history.json', exported)
    expect(expectEntries(result)).toEqual(ENTRIES)
  })

  it('round-trips a Base64 raw draft through JSON', () => {
    const binary = createBinaryEntry()
    const exported = JSON.stringify(toHistoryExport([binary], EXPORTED_AT))
    const [imported] = expectEntries(read('history.json', exported))
    expect(imported).toEqual(binary)
    expect(imported?.draft.rawEncoding).toBe('base64')
  })

  it('round-trips a HAR export', () => {
    const har = toHarDocument(ENTRIES)
    expect(har.log.version).toBe('1.2')
    expect(har.log.entries.map((entry) => entry.request.url)).toEqual([
      WEATHER_CHANNEL_URI,
      WEATHER_CHANNEL_URI,
      WEATHER_CHANNEL_URI,
    ])
    expect(har.log.entries[0]?.request.postData).toEqual({
      mimeType: 'text/xml',
      text: ENTRIES[2]?.request.body,
    })
    expect(har.log.entries[1]?.response.status).toBe(0)
    const imported = expectEntries(read('history.har', JSON.stringify(har)))
    expect(imported).toEqual([...ENTRIES].reverse())
  })

  it('round-trips a Base64 raw body through HAR', () => {
    const binary = createBinaryEntry()
    const har = toHarDocument([binary])
    const [harEntry] = har.log.entries
    expect(harEntry?.request.postData).toEqual({
      mimeType: 'application/octet-stream',
      text: 'iVBORw0KGgo=',
      _encoding: 'base64',
    })
    expect(harEntry?.request.bodySize).toBe(8)

    const [imported] = expectEntries(read('history.har', JSON.stringify(har)))
    expect(imported).toEqual(binary)
    expect(imported?.draft.rawEncoding).toBe('base64')
    expect(imported?.request.byteLength).toBe(8)
  })

  it('reads a Base64 raw body marked by "encoding"', () => {
    const har = {
      log: {
        entries: [
          createForeignBase64Entry([{ name: 'X-NotificationClass', value: '3' }], 'AAEC/w=='),
        ],
      },
    }
    const [entry] = expectEntries(read('capture.har', har, sequentialIds()))
    expect(entry?.draft).toEqual({
      notificationType: 'raw',
      notificationClass: '3',
      messageId: '',
      payload: 'AAEC/w==',
      rawEncoding: 'base64',
    })
    expect(entry?.request.body).toBe('AAEC/w==')
    expect(entry?.request.byteLength).toBe(4)
  })

  it('keeps invalid Base64 of a raw body for the editor', () => {
    const har = {
      log: {
        entries: [createForeignBase64Entry([{ name: 'X-NotificationClass', value: '3' }], 'AAE!')],
      },
    }
    const [entry] = expectEntries(read('capture.har', har, sequentialIds()))
    expect(entry?.draft).toMatchObject({ payload: 'AAE!', rawEncoding: 'base64' })
    expect(entry?.request.byteLength).toBe(4)
  })

  it('decodes a Base64 toast body to its XML text', () => {
    const xml = '<wp:Notification xmlns:wp="WPNotification"><wp:Toast/></wp:Notification>'
    const headers = [
      { name: 'X-WindowsPhone-Target', value: 'toast' },
      { name: 'X-NotificationClass', value: '2' },
    ]
    const har = { log: { entries: [createForeignBase64Entry(headers, btoa(xml))] } }
    const [entry] = expectEntries(read('capture.har', har, sequentialIds()))
    expect(entry?.draft).toEqual({
      notificationType: 'toast',
      notificationClass: '2',
      messageId: '',
      payload: xml,
    })
    expect(entry?.request.body).toBe(xml)
    expect(entry?.request.byteLength).toBe(xml.length)
  })

  it('imports MPNS posts of a foreign HAR and skips the rest', () => {
    const har = {
      log: {
        version: '1.2',
        entries: [
          { request: { method: 'GET', url: 'https://example.com/', headers: [] } },
          FOREIGN_TOAST,
          { request: { method: 'POST', url: 'https://example.com/api', headers: [] } },
        ],
      },
    }
    const result = read('capture.har', har, sequentialIds())
    expect(result).toMatchObject({ source: 'har', skipped: 2 })
    const [entry] = expectEntries(result)
    expect(entry).toMatchObject({
      id: 'new-1',
      sentAt: Date.parse('2025-06-01T10:00:00.000Z'),
      channelToken: 'AQH-token',
      durationMs: 80,
      draft: { notificationType: 'toast', notificationClass: '2', messageId: '' },
      response: { status: 200, headers: [['X-NotificationStatus', 'Received']] },
    })
    expect(entry?.request.headers).toEqual([
      ['content-type', 'text/xml'],
      ['x-windowsphone-target', 'toast'],
      ['x-notificationclass', '2'],
    ])
  })

  it.each([
    ['text that is not JSON', 'notes.json', 'not JSON', /^"notes\.json" is not valid JSON/],
    ['a HAR that is not JSON', 'capture.har', '<html>', /^"capture\.har" is not valid JSON/],
    ['JSON-like text that fails to parse', 'saved', '{"entries": [', /^"saved" is not valid JSON/],
    [
      'a PNG image',
      'image.png',
      '\uFFFDPNG\r\n\u001A\n',
      /^"image\.png" is not a supported file type\. Import a history export \(\.json\) or a HAR file \(\.har\)\.$/,
    ],
    ['a JSON array', 'list.json', [], /not a history export: its JSON is not an object/],
    ['another format', 'x.json', { format: 'other', entries: [] }, /"format" is "other"/],
    [
      'a newer version',
      'x.json',
      { format: 'wp8-mpns-emulator-history', version: 2, entries: [] },
      /version 2, but this emulator reads version 1/,
    ],
    [
      'no entries list',
      'x.json',
      { format: 'wp8-mpns-emulator-history', version: 1 },
      /has no "entries" list/,
    ],
    [
      'only invalid entries',
      'x.json',
      { format: 'wp8-mpns-emulator-history', version: 1, entries: [{ id: 'a' }] },
      /no valid entry: entry "a" has no "sentAt" time in epoch milliseconds/,
    ],
    [
      'an entry no Date can hold',
      'x.json',
      {
        format: 'wp8-mpns-emulator-history',
        version: 1,
        entries: [createTestEntry('far', 1e300)],
      },
      /entry "far" has no "sentAt" time in epoch milliseconds/,
    ],
    ['a HAR without MPNS requests', 'x.har', { log: { entries: [{}] } }, /no MPNS request/],
    ['a HAR without entries', 'x.har', { log: {} }, /not a HAR document/],
    ['an object that is no entry', 'x.json', { hello: 1 }, /neither a history export/],
  ])('rejects %s', (_case, fileName, value, message) => {
    const result = read(fileName, value)
    expect(result).toEqual({ error: expect.stringMatching(message) as unknown })
  })

  it('skips invalid entries and counts them', () => {
    const exported = toHistoryExport(ENTRIES, EXPORTED_AT)
    const result = read('x.json', { ...exported, entries: [...exported.entries, { id: 7 }] })
    expect(result).toMatchObject({ skipped: 1, skipReason: 'its "id" is missing' })
    expect(expectEntries(result)).toHaveLength(3)
  })
})

describe('readConsoleFile', () => {
  const readFile = (fileName: string, text: string) =>
    readConsoleFile({ fileName, text, createId: sequentialIds() })

  it.each([
    [
      'a toast',
      '<wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>A</wp:Text1></wp:Toast></wp:Notification>',
      'toast',
      'Loaded the toast payload from "drop.xml".',
    ],
    [
      'a FlipTile',
      '<wp:Notification xmlns:wp="WPNotification" Version="2.0"><wp:Tile Template="FlipTile"/></wp:Notification>',
      'tile',
      'Loaded the FlipTile tile payload from "drop.xml".',
    ],
    [
      'a tile without Template',
      '<wp:Notification xmlns:wp="WPNotification"><wp:Tile/></wp:Notification>',
      'tile',
      'Loaded the tile payload, which has no Template attribute, from "drop.xml".',
    ],
    [
      'other XML',
      '<feed><entry/></feed>',
      null,
      '"drop.xml" has no wp:Toast or wp:Tile under wp:Notification, so it was loaded as is into the payload.',
    ],
  ])('loads %s as the payload', (_case, text, notificationType, message) => {
    expect(readFile('drop.xml', text)).toEqual({
      kind: 'payload',
      notificationType,
      payload: text,
      message,
    })
  })

  it('loads malformed XML as is with the parse error', () => {
    const result = readFile('broken.xml', '<wp:Notification><wp:Toast></wp:Notification>')
    expect(result).toMatchObject({ kind: 'payload', notificationType: null })
    expect(result.message).toMatch(/^"broken\.xml" is not well-formed XML, so it was loaded as is/)
  })

  it('loads the newest entry of a history export', () => {
    const older = createTestEntry('older', 1_000, {
      draft: { notificationType: 'raw', notificationClass: '3', messageId: '', payload: 'hi' },
    })
    const newer = createTestEntry('newer', 9_000)
    const text = JSON.stringify(toHistoryExport([older, newer], EXPORTED_AT))
    expect(readFile('saved.json', text)).toEqual({
      kind: 'draft',
      draft: newer.draft,
      message:
        'Loaded the newest of 2 saved requests from "saved.json": a toast to Contoso Weather.',
    })
  })

  it('loads a single saved entry', () => {
    const entry = createTestEntry('only', 1_000)
    expect(readFile('one.json', JSON.stringify(entry))).toMatchObject({
      kind: 'draft',
      draft: entry.draft,
    })
  })

  it('loads the first MPNS request of a HAR file', () => {
    const text = JSON.stringify({
      log: { entries: [{ request: { method: 'GET' } }, FOREIGN_TOAST] },
    })
    expect(readFile('capture.har', text)).toMatchObject({
      kind: 'draft',
      draft: { notificationType: 'toast', notificationClass: '2' },
      message: 'Loaded the saved request from "capture.har": a toast.',
    })
  })

  it('loads a Base64 raw request of a HAR file as Base64', () => {
    const binary = createBinaryEntry()
    const text = JSON.stringify(toHarDocument([binary]))
    expect(readFile('history.har', text)).toMatchObject({
      kind: 'draft',
      draft: BINARY_RAW_DRAFT,
    })
  })

  it.each([
    ['a PNG image', 'image.png', '\uFFFDPNG\r\n\u001A\n'],
    ['plain text', 'notes.txt', 'hello'],
    ['an empty file', 'empty', ''],
  ])('rejects %s as an unsupported type', (_case, fileName, text) => {
    expect(readFile(fileName, text)).toEqual({
      kind: 'error',
      message: `"${fileName}" is not a supported file type. Open an XML payload (.xml), a history export (.json) or a HAR file (.har).`,
    })
  })

  it.each([
    ['a .json file', 'broken.json', 'hello'],
    ['a .har file', 'broken.HAR', ''],
    ['JSON-like text under another name', 'saved.txt', '[1,'],
  ])('reports invalid JSON in %s', (_case, fileName, text) => {
    const result = readFile(fileName, text)
    expect(result.kind).toBe('error')
    expect(result.message).toMatch(/is not valid JSON \(/)
    expect(result.message.startsWith(`"${fileName}"`)).toBe(true)
  })

  it('loads a saved request without an extension', () => {
    const entry = createTestEntry('only', 1_000)
    expect(readFile('saved', JSON.stringify(entry))).toMatchObject({ kind: 'draft' })
  })
})
