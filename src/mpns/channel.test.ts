import { describe, expect, it } from 'vitest'

import {
  createChannelToken,
  isWellFormedToken,
  locateChannel,
  THROTTLED_PATH_PREFIX,
  toChannelUri,
  UNTHROTTLED_PATH_PREFIX,
} from './channel'
import type { ChannelLocation } from './channel'

function countingBytes(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_value, index) => (index * 37 + 11) % 256)
}

describe('createChannelToken', () => {
  it.each([48, 49, 50, 64])('encodes %i bytes as base64url without padding', (length) => {
    const bytes = countingBytes(length)
    const token = createChannelToken(bytes)
    const expected = Buffer.from(bytes).toString('base64url')

    expect(token).toBe(expected)
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(token.length).toBe(Math.ceil((length * 4) / 3))
  })

  it.each([
    [0xff, '_'.repeat(64)],
    [0xfb, '-_v7'.repeat(16)],
  ])('uses "-" and "_" for digits 62 and 63 (byte %i)', (byte, expected) => {
    expect(createChannelToken(new Uint8Array(48).fill(byte))).toBe(expected)
  })

  it('gives at least 64 characters', () => {
    expect(createChannelToken(new Uint8Array(48)).length).toBe(64)
  })

  it('rejects fewer than 48 bytes', () => {
    expect(() => createChannelToken(new Uint8Array(47))).toThrow(
      'Failed to create a channel token: it needs at least 48 random bytes, got 47',
    )
  })
})

describe('toChannelUri', () => {
  it.each([
    ['http://127.0.0.1:5173', 'http://127.0.0.1:5173/throttledthirdparty/01.00/AQtoken'],
    ['http://127.0.0.1:5173/', 'http://127.0.0.1:5173/throttledthirdparty/01.00/AQtoken'],
  ])('builds the URI for origin %s', (origin, expected) => {
    expect(toChannelUri(origin, 'AQtoken')).toBe(expected)
  })
})

describe('locateChannel', () => {
  it.each<[string, ChannelLocation]>([
    [
      `http://localhost${THROTTLED_PATH_PREFIX}AQabc_-.~`,
      {
        kind: 'channel',
        token: 'AQabc_-.~',
        authenticated: false,
        rawToken: 'AQabc_-.~',
      },
    ],
    [
      `https://localhost:8443${UNTHROTTLED_PATH_PREFIX}AQabc`,
      {
        kind: 'channel',
        token: 'AQabc',
        authenticated: true,
        rawToken: 'AQabc',
      },
    ],
    [
      `http://localhost${THROTTLED_PATH_PREFIX}AQabc?x=1#frag`,
      {
        kind: 'channel',
        token: 'AQabc',
        authenticated: false,
        rawToken: 'AQabc',
      },
    ],
    [
      `http://localhost${THROTTLED_PATH_PREFIX}%41Q%2Fx`,
      {
        kind: 'channel',
        token: 'AQ/x',
        authenticated: false,
        rawToken: '%41Q%2Fx',
      },
    ],
    [
      `http://localhost${THROTTLED_PATH_PREFIX}AQ%zz`,
      {
        kind: 'channel',
        token: 'AQ%zz',
        authenticated: false,
        rawToken: 'AQ%zz',
      },
    ],
    [
      `http://localhost${THROTTLED_PATH_PREFIX}`,
      { kind: 'channel', token: '', authenticated: false, rawToken: '' },
    ],
    ['http://localhost/throttledthirdparty/02.00/AQabc', { kind: 'not-channel' }],
    ['http://localhost/index.html', { kind: 'not-channel' }],
    [`${THROTTLED_PATH_PREFIX}AQabc`, { kind: 'not-channel' }],
    ['not a url', { kind: 'not-channel' }],
  ])('locates %s', (url, expected) => {
    expect(locateChannel(url)).toEqual(expected)
  })
})

describe('isWellFormedToken', () => {
  it.each<[string, boolean]>([
    ['AQHgHh2f6rXWRK3CfZ1d1sCeAgAAAAADAQAAAAQUZm52OkJCMjg1QTg1QkZDMkUxREQFBlVTU0MwMQ', true],
    ['a-b_c.d~e', true],
    ['', false],
    ['AQ/x', false],
    ['AQ x', false],
    ['AQ%zz', false],
    ['AQ+x', false],
    ['AQ=', false],
    ['Ä', false],
  ])('tells that %j is %s', (token, expected) => {
    expect(isWellFormedToken(token)).toBe(expected)
  })
})
