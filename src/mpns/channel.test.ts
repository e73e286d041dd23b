import { describe, expect, it } from 'vitest'

import { captureMpnsError, toErrorFields } from '@/test/mpns-error'

import {
  createChannelToken,
  describeChannelClose,
  isWellFormedToken,
  locateChannel,
  THROTTLED_PATH_PREFIX,
  toChannelUri,
  UNTHROTTLED_PATH_PREFIX,
  validateChannelUri,
  validateRawChannelTarget,
} from './channel'
import type { ChannelLocation } from './channel'
import type { ChannelCloseReason } from './types'

const ORIGIN = 'http://127.0.0.1:5173'
const SECURE_ORIGIN = 'https://127.0.0.1:5174'
const URI_FIX = 'Use the channel URI exactly as the phone reported it.'

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

  it('builds the authenticated URI', () => {
    expect(toChannelUri(SECURE_ORIGIN, 'AQtoken', { authenticated: true })).toBe(
      'https://127.0.0.1:5174/unthrottledthirdparty/01.00/AQtoken',
    )
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
        callback: false,
      },
    ],
    [
      `https://localhost:8443${UNTHROTTLED_PATH_PREFIX}AQabc`,
      {
        kind: 'channel',
        token: 'AQabc',
        authenticated: true,
        rawToken: 'AQabc',
        callback: false,
      },
    ],
    [
      `http://localhost${THROTTLED_PATH_PREFIX}AQabc?x=1#frag`,
      {
        kind: 'channel',
        token: 'AQabc',
        authenticated: false,
        rawToken: 'AQabc',
        callback: false,
      },
    ],
    [
      `http://localhost${THROTTLED_PATH_PREFIX}%41Q%2Fx`,
      {
        kind: 'channel',
        token: 'AQ/x',
        authenticated: false,
        rawToken: '%41Q%2Fx',
        callback: false,
      },
    ],
    [
      `http://localhost${THROTTLED_PATH_PREFIX}AQ%zz`,
      {
        kind: 'channel',
        token: 'AQ%zz',
        authenticated: false,
        rawToken: 'AQ%zz',
        callback: false,
      },
    ],
    [
      `http://localhost${THROTTLED_PATH_PREFIX}`,
      { kind: 'channel', token: '', authenticated: false, rawToken: '', callback: false },
    ],
    [
      `https://localhost${UNTHROTTLED_PATH_PREFIX}AQabc/callback`,
      {
        kind: 'channel',
        token: 'AQabc',
        authenticated: true,
        rawToken: 'AQabc',
        callback: true,
      },
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

describe('validateChannelUri', () => {
  it.each([
    [
      `${ORIGIN}${THROTTLED_PATH_PREFIX}AQabc`,
      { token: 'AQabc', authenticated: false, callback: false },
    ],
    [
      `${SECURE_ORIGIN}${UNTHROTTLED_PATH_PREFIX}AQabc`,
      { token: 'AQabc', authenticated: true, callback: false },
    ],
    [
      `${SECURE_ORIGIN}${THROTTLED_PATH_PREFIX}%41Qabc?x=1`,
      { token: 'AQabc', authenticated: false, callback: false },
    ],
    [
      `${SECURE_ORIGIN}${UNTHROTTLED_PATH_PREFIX}AQabc/callback`,
      { token: 'AQabc', authenticated: true, callback: true },
    ],
  ])('accepts %s', (url, expected) => {
    expect(validateChannelUri(url)).toEqual(expected)
  })

  it.each([
    [
      'a URI over 1,024 characters',
      `${ORIGIN}${THROTTLED_PATH_PREFIX}${'A'.repeat(1025 - ORIGIN.length - THROTTLED_PATH_PREFIX.length)}`,
      `Malformed channel URI: it is 1025 characters long, over the 1024-character limit. ${URI_FIX}`,
    ],
    [
      'another path',
      `${ORIGIN}/index.html`,
      `Malformed channel URI: its path does not start with /throttledthirdparty/01.00/ or /unthrottledthirdparty/01.00/. ${URI_FIX}`,
    ],
    [
      'a missing token',
      `${ORIGIN}${THROTTLED_PATH_PREFIX}`,
      `Malformed channel URI: it has no channel token after the path prefix. ${URI_FIX}`,
    ],
    [
      'a token with "+"',
      `${ORIGIN}${THROTTLED_PATH_PREFIX}AQ+x`,
      `Malformed channel URI: its token "AQ+x" contains characters other than A-Z, a-z, 0-9, "-", "_", "." and "~". ${URI_FIX}`,
    ],
    [
      'an encoded slash before callback',
      `${SECURE_ORIGIN}${UNTHROTTLED_PATH_PREFIX}AQabc%2Fcallback`,
      `Malformed channel URI: its token "AQabc/callback" contains characters other than A-Z, a-z, 0-9, "-", "_", "." and "~". ${URI_FIX}`,
    ],
    [
      'a callback after a malformed token',
      `${SECURE_ORIGIN}${UNTHROTTLED_PATH_PREFIX}AQ+x/callback`,
      `Malformed channel URI: its token "AQ+x" contains characters other than A-Z, a-z, 0-9, "-", "_", "." and "~". ${URI_FIX}`,
    ],
  ])('rejects %s with 400', (_name, url, message) => {
    const error = captureMpnsError(() => validateChannelUri(url))

    expect(toErrorFields(error)).toEqual({
      code: 'MALFORMED_CHANNEL_URI',
      status: 400,
      headers: [],
      message,
    })
  })

  it('rejects plain HTTP to an authenticated channel with 401', () => {
    const error = captureMpnsError(() =>
      validateChannelUri(`${ORIGIN}${UNTHROTTLED_PATH_PREFIX}AQabc`),
    )

    expect(toErrorFields(error)).toEqual({
      code: 'UNAUTHORIZED',
      status: 401,
      headers: [],
      message:
        'Unauthorized: the request used plain HTTP for an authenticated channel URI (/unthrottledthirdparty/01.00/). Authenticated channels take HTTPS with the client certificate of the service, so send to the https: URI with that certificate.',
    })
  })
})

describe('validateRawChannelTarget', () => {
  it.each([
    [`${THROTTLED_PATH_PREFIX}AQabc`, { token: 'AQabc', authenticated: false, callback: false }],
    [
      `${THROTTLED_PATH_PREFIX}%41Qabc?x=1`,
      { token: 'AQabc', authenticated: false, callback: false },
    ],
    [
      `${UNTHROTTLED_PATH_PREFIX}AQabc/callback`,
      { token: 'AQabc', authenticated: true, callback: true },
    ],
  ])('accepts %s', (target, expected) => {
    expect(validateRawChannelTarget(target)).toEqual(expected)
  })

  it.each([
    ['a dot segment', `${THROTTLED_PATH_PREFIX}../01.00/AQabc`, '../01.00/AQabc'],
    ['an escaped dot segment', `${THROTTLED_PATH_PREFIX}%2e%2e/AQabc`, '%2e%2e/AQabc'],
    ['an escaped slash', `${THROTTLED_PATH_PREFIX}AQ%2Fabc`, 'AQ%2Fabc'],
    ['a stray percent sign', `${THROTTLED_PATH_PREFIX}AQ%zz`, 'AQ%zz'],
    ['a backslash', `${THROTTLED_PATH_PREFIX}AQ\\abc`, 'AQ\\abc'],
    ['a space', `${THROTTLED_PATH_PREFIX}AQ%20abc`, 'AQ%20abc'],
  ])('rejects %s before decoding', (_name, target, shownToken) => {
    const error = captureMpnsError(() => validateRawChannelTarget(target))

    expect(toErrorFields(error)).toEqual({
      code: 'MALFORMED_CHANNEL_URI',
      status: 400,
      headers: [],
      message: `Malformed channel URI: its token "${shownToken}" contains characters other than A-Z, a-z, 0-9, "-", "_", "." and "~". ${URI_FIX}`,
    })
  })

  it('rejects another path', () => {
    const error = captureMpnsError(() => validateRawChannelTarget('/index.html'))

    expect(error.message).toBe(
      `Malformed channel URI: its path does not start with /throttledthirdparty/01.00/ or /unthrottledthirdparty/01.00/. ${URI_FIX}`,
    )
  })
})

describe('describeChannelClose', () => {
  it.each<[ChannelCloseReason | undefined, { cause: string; fix: string }]>([
    [
      'closed-by-app',
      {
        cause: 'the app closed the channel',
        fix: 'Delete this channel URI, and use the one the app sends when it opens a channel again.',
      },
    ],
    ['uninstalled', { cause: 'the app was uninstalled', fix: 'Delete this channel URI.' }],
    [
      'app-exited',
      {
        cause: 'the channel was bound to raw notifications only and closed when the app exited',
        fix: 'Delete this channel URI, and use the one the app sends when it runs again.',
      },
    ],
    [
      'renewed',
      {
        cause: 'the app renewed its channel URI',
        fix: 'Delete this channel URI, and send to the new channel URI the app reported.',
      },
    ],
    [undefined, { cause: 'the channel was closed', fix: 'Delete this channel URI.' }],
  ])('describes %s', (reason, expected) => {
    expect(describeChannelClose(reason)).toEqual(expected)
  })
})
