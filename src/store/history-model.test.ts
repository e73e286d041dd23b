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
})
