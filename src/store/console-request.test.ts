import { describe, expect, it, vi } from 'vitest'

import { buildConsoleRequest, readDraftBody, sendConsoleRequest } from './console-request'
import type { ConsoleDraft } from './console-request'

const CHANNEL_URI = 'http://127.0.0.1:5173/throttledthirdparty/01.00/tok'

const RAW_DRAFT: ConsoleDraft = {
  notificationType: 'raw',
  notificationClass: '3',
  messageId: '',
  payload: 'AAEC/w==',
  rawEncoding: 'base64',
}

describe('console request', () => {
  it('sends a Base64 raw payload as the decoded bytes', () => {
    const request = buildConsoleRequest(RAW_DRAFT, CHANNEL_URI)

    expect(request.bodyBytes).toEqual(new Uint8Array([0x00, 0x01, 0x02, 0xff]))
    expect(request.byteLength).toBe(4)
    expect(request.body).toBe('AAEC/w==')
    expect(request.headers).toEqual([['X-NotificationClass', '3']])
  })

  it('sends a text payload as UTF-8', () => {
    const request = buildConsoleRequest(
      { ...RAW_DRAFT, payload: 'AAEC/w== °C', rawEncoding: 'text' },
      CHANNEL_URI,
    )

    expect(request.bodyBytes).toEqual(new TextEncoder().encode('AAEC/w== °C'))
    expect(request.byteLength).toBe(12)
  })

  it('ignores the raw encoding for XML', () => {
    const body = readDraftBody({ ...RAW_DRAFT, notificationType: 'toast', payload: '<a/>' })
    expect(body).toEqual({ ok: true, bytes: new TextEncoder().encode('<a/>') })
  })

  it.each([
    ['unpadded Base64', 'AAEC/w', [0x00, 0x01, 0x02, 0xff]],
    ['Base64 split over lines', 'AAEC\n/w==\n', [0x00, 0x01, 0x02, 0xff]],
    ['an empty payload', '', []],
  ])('decodes %s', (_case, payload, bytes) => {
    expect(readDraftBody({ ...RAW_DRAFT, payload })).toEqual({
      ok: true,
      bytes: new Uint8Array(bytes),
    })
  })

  it.each([
    ['a base64url character', 'AAEC_w==', '"_" at position 5 is not allowed there', 4, 5],
    ['text after padding', 'AA==AA==', '"A" at position 5 is not allowed there', 4, 5],
    ['an astral character', 'A\n😀', '"😀" at position 3 is not allowed there', 2, 4],
    ['a length of one past whole bytes', 'AAECA', '5 characters cannot encode whole bytes', 4, 5],
    ['three padding characters', 'AA===', '5 characters cannot encode whole bytes', 4, 5],
    ['padding that ends early', 'AAA==\n', '5 characters cannot encode whole bytes', 4, 5],
  ])('rejects %s', (_case, payload, message, from, to) => {
    const body = readDraftBody({ ...RAW_DRAFT, payload })
    expect(body).toEqual({
      ok: false,
      message: expect.stringContaining(message) as string,
      from,
      to,
    })
  })

  it('throws on invalid Base64', () => {
    expect(() => buildConsoleRequest({ ...RAW_DRAFT, payload: 'A' }, CHANNEL_URI)).toThrow(
      'Failed to build the console request: Invalid Base64 body: 1 character cannot encode whole bytes.',
    )
  })

  it('posts the request bytes', async () => {
    const fetchChannelUri = vi.fn<typeof fetch>(() => Promise.resolve(new Response(null)))
    const request = buildConsoleRequest(RAW_DRAFT, CHANNEL_URI)

    await sendConsoleRequest(fetchChannelUri, request)

    const init = fetchChannelUri.mock.calls[0]?.[1]
    expect(init?.body).toEqual(new Uint8Array([0x00, 0x01, 0x02, 0xff]))
  })
})
