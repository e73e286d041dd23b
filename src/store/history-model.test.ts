import { describe, expect, it } from 'vitest'

import { TOAST_DRAFT, createTestEntry } from '@/test/history-builders'

import {
  filterHistory,
  formatHistoryStatus,
  matchesHistorySearch,
  summarizePayload,
  toDraftFromRequest,
  toStoredRequest,
} from './history-model'
import { buildConsoleRequest } from './console-request'

describe('history model', () => {
  it.each([
    ['toast', [['X-WindowsPhone-Target', 'toast']], 'toast'],
    ['token', [['x-windowsphone-target', 'token']], 'tile'],
    ['no target', [], 'raw'],
    ['unknown target, toast body', [['X-WindowsPhone-Target', 'badge']], 'toast'],
  ] as const)('reads the type of a %s request', (_case, headers, expected) => {
    const draft = toDraftFromRequest({ headers: [...headers], body: TOAST_DRAFT.payload })
    expect(draft.notificationType).toBe(expected)
  })

  it('reads class, message ID and payload from a request', () => {
    const entry = createTestEntry('a', 1)
    expect(toDraftFromRequest(entry.request)).toEqual(TOAST_DRAFT)
  })

  it.each([
    ['text', 'text', 'aGk=', undefined],
    ['Base64', 'base64', 'iVBORw0KGgo=', 'base64'],
  ] as const)('keeps a %s raw body as its text', (_case, rawEncoding, payload, expected) => {
    const draft = {
      notificationType: 'raw',
      notificationClass: '3',
      messageId: '',
      payload,
      rawEncoding,
    } as const
    const stored = toStoredRequest(buildConsoleRequest(draft, 'http://127.0.0.1/raw'))
    expect(stored.request).not.toHaveProperty('bodyBytes')
    expect(stored.request.body).toBe(payload)
    expect(stored.draft.rawEncoding).toBe(expected)
  })

  it.each([
    ['app name', 'contoso weather'],
    ['status code', '200'],
    ['notification status', 'received'],
    ['request header', 'x-notificationclass: 2'],
    ['message ID', 'MSG-1'],
    ['payload text', 'tomorrow'],
    ['two words in different fields', 'snow received'],
  ])('search matches the %s', (_field, query) => {
    expect(matchesHistorySearch(createTestEntry('a', 1), query)).toBe(true)
  })

  it('search rejects when one word is missing', () => {
    expect(matchesHistorySearch(createTestEntry('a', 1), 'snow suppressed')).toBe(false)
  })

  it('filters and sorts newest first', () => {
    const old = createTestEntry('old', 1)
    const failed = createTestEntry('failed', 3, { failure: 'Network down' })
    delete failed.response
    const newest = createTestEntry('newest', 5)
    expect(filterHistory([old, newest, failed], '').map((entry) => entry.id)).toEqual([
      'newest',
      'failed',
      'old',
    ])
    expect(filterHistory([old, newest, failed], 'network').map((entry) => entry.id)).toEqual([
      'failed',
    ])
  })

  it('formats the status with X-NotificationStatus', () => {
    expect(formatHistoryStatus(createTestEntry('a', 1))).toBe('200 OK · Received')
  })

  it('summarizes element texts and shortens long bodies', () => {
    expect(summarizePayload(TOAST_DRAFT.payload)).toBe('Snow · Tonight & tomorrow')
    const summary = summarizePayload('x'.repeat(200))
    expect(summary).toHaveLength(80)
    expect(summary.endsWith('…')).toBe(true)
  })

  it.each([
    ['CDATA text', '<t><a><![CDATA[Sale <50%> & more]]></a></t>', 'Sale <50%> & more'],
    ['CDATA beside text', '<t><a>Hi <![CDATA[<b>]]> there</a><b>Two</b></t>', 'Hi <b> there · Two'],
    ['references inside CDATA', '<a><![CDATA[&#233; &amp;]]></a>', '&#233; &amp;'],
    ['text around comments', '<a>one<!-- hidden --> two</a>', 'one two'],
    ['decimal references', '<a>caf&#233;</a>', 'café'],
    ['hex references', '<a>&#x1F600; &#X41; &#xe9;</a>', '😀 &#X41; é'],
    ['entity then reference', '<a>&amp;#233; &lt;b&gt;</a>', '&#233; <b>'],
    ['a reference to NUL', '<a>x&#0;y</a>', 'x&#0;y'],
    ['a reference to a surrogate', '<a>&#xD800;</a>', '&#xD800;'],
    ['a reference above U+10FFFF', '<a>&#x110000; &#99999999999;</a>', '&#x110000; &#99999999999;'],
    ['an undefined entity', '<a>&nbsp;</a>', '&nbsp;'],
    ['a line feed reference', '<a>one&#10;two</a>', 'one two'],
    ['an unclosed CDATA section', '<a><![CDATA[open', 'open'],
  ])('summarizes %s', (_case, payload, expected) => {
    expect(summarizePayload(payload)).toBe(expected)
  })

  it.each([
    ['U+202E written literally', '<a>abc\u202Edef</a>', 'abc\\u202Edef'],
    ['U+202E as a reference', '<a>abc&#x202E;def</a>', 'abc\\u202Edef'],
    ['U+200E and U+200F', '<a>\u200Ea\u200F</a>', '\\u200Ea\\u200F'],
    ['U+202A to U+202D', '<a>\u202A\u202B\u202C\u202D</a>', '\\u202A\\u202B\\u202C\\u202D'],
    ['U+2066 to U+2069', '<a>&#8294;&#8295;&#8296;&#8297;</a>', '\\u2066\\u2067\\u2068\\u2069'],
    ['U+061C', '<a>\u061C</a>', '\\u061C'],
    ['in a raw body', 'left\u202Eright', 'left\\u202Eright'],
  ])('escapes bidi control %s', (_case, payload, expected) => {
    expect(summarizePayload(payload)).toBe(expected)
  })

  it('keeps joiners and emoji sequences', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'
    expect(summarizePayload(`<a>${family}</a>`)).toBe(family)
  })

  it('shortens by code points', () => {
    const summary = summarizePayload(`<a>${'x'.repeat(78)}&#x1F600;&#x1F600;&#x1F600;</a>`)
    expect(summary).toBe(`${'x'.repeat(78)}\u{1F600}…`)
  })
})
