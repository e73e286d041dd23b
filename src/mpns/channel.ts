// The dev and preview servers load this file and its imports, so relative imports name their file.
import { invariant } from '../lib/invariant.ts'
import { MpnsError } from './errors.ts'
import { shortenForMessage } from './message-text.ts'
import type { ChannelCloseReason } from './types.ts'

/** Result of locating a channel in a URL: its token, or a path that is not a channel URI. */
export type ChannelLocation =
  | { kind: 'not-channel' }
  | {
      kind: 'channel'
      token: string
      authenticated: boolean
      rawToken: string
      /** True when the path continues with /callback after the token: a callback registration. */
      callback: boolean
    }

/** A channel URI that passed the URI checks: its token and whether it is an authenticated channel. */
export interface ValidChannelUri {
  token: string
  /** True for the /unthrottledthirdparty/01.00/ path of authenticated services. */
  authenticated: boolean
  /** True for `<channel URI>/callback`, where an authenticated service registers a callback. */
  callback: boolean
}

/** Path prefix of channel URIs for unauthenticated (HTTP, rate-limited) services. */
export const THROTTLED_PATH_PREFIX = '/throttledthirdparty/01.00/'

/** Path prefix of channel URIs for authenticated (HTTPS, certificate) services. */
export const UNTHROTTLED_PATH_PREFIX = '/unthrottledthirdparty/01.00/'

/** Minimum number of random bytes in a token: 48 bytes encode to 64 base64url characters. */
const MIN_TOKEN_BYTES = 48

const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

const WELL_FORMED_TOKEN = /^[A-Za-z0-9\-_.~]+$/

/** A token as it may appear in a request target: unreserved characters and percent escapes. */
const RAW_TOKEN_CHARACTERS = /^(?:[A-Za-z0-9\-_.~]|%[0-9A-Fa-f]{2})*$/

/** Maximum length of a channel URI, in characters. */
const MAX_CHANNEL_URI_LENGTH = 1024

/** Path appended to a channel URI to register a callback for an authenticated service. */
export const CALLBACK_PATH_SUFFIX = '/callback'

const CLOSE_REASON_TEXTS: Readonly<Record<ChannelCloseReason, string>> = {
  'closed-by-app': 'the app closed the channel',
  uninstalled: 'the app was uninstalled',
  'app-exited': 'the channel was bound to raw notifications only and closed when the app exited',
  renewed: 'the app renewed its channel URI',
}

const CLOSE_REASON_FIXES: Readonly<Record<ChannelCloseReason, string>> = {
  'closed-by-app':
    'Delete this channel URI, and use the one the app sends when it opens a channel again.',
  uninstalled: 'Delete this channel URI.',
  'app-exited': 'Delete this channel URI, and use the one the app sends when it runs again.',
  renewed: 'Delete this channel URI, and send to the new channel URI the app reported.',
}

/** Encodes random bytes as a base64url channel token without padding. */
export function createChannelToken(randomBytes: Uint8Array): string {
  invariant(
    randomBytes.length >= MIN_TOKEN_BYTES,
    `Failed to create a channel token: it needs at least ${MIN_TOKEN_BYTES} random bytes, got ${randomBytes.length}`,
  )

  return toBase64Url(randomBytes)
}

/**
 * Builds the channel URI for a token on the given origin: the /throttledthirdparty/01.00/ path, or
 * the /unthrottledthirdparty/01.00/ path when `authenticated` is true.
 */
export function toChannelUri(
  origin: string,
  token: string,
  options: { authenticated?: boolean } = {},
): string {
  const base = origin.endsWith('/') ? origin.slice(0, -1) : origin
  const prefix = options.authenticated === true ? UNTHROTTLED_PATH_PREFIX : THROTTLED_PATH_PREFIX
  return `${base}${prefix}${token}`
}

/**
 * Checks the URI of a request to a channel and returns its token. Throws an MpnsError: 400 for a
 * malformed channel URI, and 401 for plain HTTP to an authenticated channel.
 */
export function validateChannelUri(url: string): ValidChannelUri {
  if (url.length > MAX_CHANNEL_URI_LENGTH) {
    throw createMalformedUriError(
      `it is ${url.length} characters long, over the ${MAX_CHANNEL_URI_LENGTH}-character limit`,
    )
  }

  const location = locateChannel(url)
  if (location.kind === 'not-channel') {
    throw createMalformedUriError(
      'its path does not start with /throttledthirdparty/01.00/ or /unthrottledthirdparty/01.00/',
    )
  }
  if (location.token === '') {
    throw createMalformedUriError('it has no channel token after the path prefix')
  }
  if (!isWellFormedToken(location.token)) {
    throw createInvalidTokenError(location.token)
  }

  if (location.authenticated && new URL(url).protocol === 'http:') {
    throw new MpnsError({
      code: 'UNAUTHORIZED',
      status: 401,
      message:
        'Unauthorized: the request used plain HTTP for an authenticated channel URI (/unthrottledthirdparty/01.00/). Authenticated channels take HTTPS with the client certificate of the service, so send to the https: URI with that certificate.',
    })
  }
  return {
    token: location.token,
    authenticated: location.authenticated,
    callback: location.callback,
  }
}

/**
 * Checks a request target (path and query) exactly as it arrived, before any decoding, and returns
 * its token. A server must call this first, because a URL parser folds dot segments and some
 * escapes before a later check could see them. Throws an MpnsError (400) for a malformed target.
 */
export function validateRawChannelTarget(target: string): ValidChannelUri {
  const path = target.split('?')[0] ?? ''
  const prefix = [THROTTLED_PATH_PREFIX, UNTHROTTLED_PATH_PREFIX].find((candidate) =>
    path.startsWith(candidate),
  )
  if (prefix === undefined) {
    throw createMalformedUriError(
      'its path does not start with /throttledthirdparty/01.00/ or /unthrottledthirdparty/01.00/',
    )
  }

  const rest = path.slice(prefix.length)
  const callback = rest.endsWith(CALLBACK_PATH_SUFFIX)
  const rawToken = callback ? rest.slice(0, -CALLBACK_PATH_SUFFIX.length) : rest
  if (rawToken === '') {
    throw createMalformedUriError('it has no channel token after the path prefix')
  }
  const token = decodePathSegment(rawToken)
  if (!RAW_TOKEN_CHARACTERS.test(rawToken) || !isWellFormedToken(token)) {
    throw createMalformedUriError(
      `its token "${shortenForMessage(rawToken, 40)}" contains characters other than A-Z, a-z, 0-9, "-", "_", "." and "~"`,
    )
  }
  return { token, authenticated: prefix === UNTHROTTLED_PATH_PREFIX, callback }
}

/** Describes why a channel closed, for the 404 explanation: what happened, then what to do. */
export function describeChannelClose(reason: ChannelCloseReason | undefined): {
  cause: string
  fix: string
} {
  if (reason === undefined) {
    return { cause: 'the channel was closed', fix: CLOSE_REASON_FIXES.uninstalled }
  }
  return { cause: CLOSE_REASON_TEXTS[reason], fix: CLOSE_REASON_FIXES[reason] }
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

  const rest = pathname.slice(prefix.length)
  const callback = rest.endsWith(CALLBACK_PATH_SUFFIX)
  const rawToken = callback ? rest.slice(0, -CALLBACK_PATH_SUFFIX.length) : rest
  return {
    kind: 'channel',
    token: decodePathSegment(rawToken),
    authenticated: prefix === UNTHROTTLED_PATH_PREFIX,
    rawToken,
    callback,
  }
}

/** Tells whether a percent-decoded token is non-empty and uses only unreserved URI characters. */
export function isWellFormedToken(token: string): boolean {
  return WELL_FORMED_TOKEN.test(token)
}

function createInvalidTokenError(token: string): MpnsError {
  return createMalformedUriError(
    `its token "${shortenForMessage(token, 40)}" contains characters other than A-Z, a-z, 0-9, "-", "_", "." and "~"`,
  )
}

function createMalformedUriError(problem: string): MpnsError {
  return new MpnsError({
    code: 'MALFORMED_CHANNEL_URI',
    status: 400,
    message: `Malformed channel URI: ${problem}. Use the channel URI exactly as the phone reported it.`,
  })
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
