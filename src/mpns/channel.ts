import { invariant } from '@/lib/invariant'

/** Result of locating a channel in a URL: its token, or a path that is not a channel URI. */
export type ChannelLocation =
  | { kind: 'not-channel' }
  | { kind: 'channel'; token: string; authenticated: boolean; rawToken: string }

/** Path prefix of channel URIs for unauthenticated (HTTP, rate-limited) services. */
export const THROTTLED_PATH_PREFIX = '/throttledthirdparty/01.00/'

/** Path prefix of channel URIs for authenticated (HTTPS, certificate) services. */
export const UNTHROTTLED_PATH_PREFIX = '/unthrottledthirdparty/01.00/'

/** Minimum number of random bytes in a token: 48 bytes encode to 64 base64url characters. */
const MIN_TOKEN_BYTES = 48

const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

const WELL_FORMED_TOKEN = /^[A-Za-z0-9\-_.~]+$/

/** Encodes random bytes as a base64url channel token without padding. */
export function createChannelToken(randomBytes: Uint8Array): string {
  invariant(
    randomBytes.length >= MIN_TOKEN_BYTES,
    `Failed to create a channel token: it needs at least ${MIN_TOKEN_BYTES} random bytes, got ${randomBytes.length}`,
  )

  return toBase64Url(randomBytes)
}

/** Builds the unauthenticated channel URI for a token on the given origin. */
export function toChannelUri(origin: string, token: string): string {
  const base = origin.endsWith('/') ? origin.slice(0, -1) : origin
  return `${base}${THROTTLED_PATH_PREFIX}${token}`
}

/**
 * Finds the channel token in an absolute URL whose path starts with a channel prefix.
 * The query string is not part of the token. A token that fails to percent-decode stays raw.
 */
export function locateChannel(url: string): ChannelLocation {
  const pathname = readPathname(url)
  if (pathname === undefined) {
    return { kind: 'not-channel' }
  }

  const prefix = [THROTTLED_PATH_PREFIX, UNTHROTTLED_PATH_PREFIX].find((candidate) =>
    pathname.startsWith(candidate),
  )
  if (prefix === undefined) {
    return { kind: 'not-channel' }
  }

  const rawToken = pathname.slice(prefix.length)
  return {
    kind: 'channel',
    token: decodePathSegment(rawToken),
    authenticated: prefix === UNTHROTTLED_PATH_PREFIX,
    rawToken,
  }
}

/** Tells whether a percent-decoded token is non-empty and uses only unreserved URI characters. */
export function isWellFormedToken(token: string): boolean {
  return WELL_FORMED_TOKEN.test(token)
}

function readPathname(url: string): string | undefined {
  try {
    return new URL(url).pathname
  } catch {
    // A relative or unparsable URL cannot address a channel.
    return undefined
  }
}

function decodePathSegment(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    // A stray "%" makes the token malformed, and the raw text lets the caller reject it.
    return raw
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let encoded = ''

  for (let index = 0; index < bytes.length; index += 3) {
    const first = bytes[index] ?? 0
    const second = bytes[index + 1]
    const third = bytes[index + 2]
    const group = (first << 16) | ((second ?? 0) << 8) | (third ?? 0)

    encoded += BASE64URL_ALPHABET[(group >> 18) & 63]
    encoded += BASE64URL_ALPHABET[(group >> 12) & 63]
    if (second !== undefined) {
      encoded += BASE64URL_ALPHABET[(group >> 6) & 63]
    }
    if (third !== undefined) {
      encoded += BASE64URL_ALPHABET[group & 63]
    }
  }

  return encoded
}
