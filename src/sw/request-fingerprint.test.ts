import { describe, expect, it } from 'vitest'

import type { MpnsHttpRequest } from '@/mpns/types'

import { createRequestFingerprint } from './request-fingerprint'

const REQUEST: MpnsHttpRequest = {
  method: 'POST',
  url: 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAtoken',
  headers: [
    ['Content-Type', 'text/xml'],
    ['X-WindowsPhone-Target', 'toast'],
  ],
  body: new TextEncoder().encode('<wp:Notification xmlns:wp="WPNotification"/>'),
}

describe('createRequestFingerprint', () => {
  it('gives equal requests one fingerprint', () => {
    const copy: MpnsHttpRequest = { ...REQUEST, body: REQUEST.body.slice() }

    expect(createRequestFingerprint(copy)).toBe(createRequestFingerprint(REQUEST))
    expect(createRequestFingerprint(REQUEST)).toMatch(/^[0-9a-f]{16}$/)
  })

  it.each<[string, Partial<MpnsHttpRequest>]>([
    ['method', { method: 'PUT' }],
    ['URL', { url: `${REQUEST.url}x` }],
    ['header value', { headers: [['Content-Type', 'text/plain']] }],
    [
      'body byte',
      { body: Uint8Array.from(REQUEST.body, (byte, index) => (index === 3 ? byte ^ 1 : byte)) },
    ],
    ['header order', { headers: [...REQUEST.headers].reverse() }],
  ])('tells requests apart by %s', (_name, change) => {
    expect(createRequestFingerprint({ ...REQUEST, ...change })).not.toBe(
      createRequestFingerprint(REQUEST),
    )
  })

  it('ignores the letter case of header names', () => {
    const lowerCase: MpnsHttpRequest = {
      ...REQUEST,
      headers: REQUEST.headers.map(([name, value]) => [name.toLowerCase(), value]),
    }

    expect(createRequestFingerprint(lowerCase)).toBe(createRequestFingerprint(REQUEST))
  })
})
