// The dev and preview servers load this file and its imports, so relative imports name their file.
import { invariant } from '../lib/invariant.ts'
import type { MpnsError } from './errors.ts'
import type {
  DeviceConnectionStatus,
  HeaderEntry,
  MpnsHttpResponse,
  NotificationStatus,
  SubscriptionStatus,
} from './types.ts'
import type { SenderWarning } from './warnings.ts'

/** Content of an MPNS response. createMpnsResponse fixes the header order and casing. */
export interface ResponseOptions {
  status: number
  /** Engine time in epoch milliseconds, sent as the Date header. */
  now: number
  /** One plain sentence saying why the request got this response. */
  reason: string
  notificationStatus?: NotificationStatus
  deviceConnectionStatus?: DeviceConnectionStatus
  subscriptionStatus?: SubscriptionStatus
  /** The request's X-MessageID, echoed whenever the request had one. */
  messageId?: string
  warnings?: readonly SenderWarning[]
  /** Plain-text explanation. An empty body sends no Content-Type. @default '' */
  body?: string
}

/** Status texts of the HTTP statuses MPNS responds with. */
export const STATUS_TEXTS: Readonly<Record<number, string>> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  412: 'Precondition Failed',
  503: 'Service Unavailable',
}

/** Statuses whose rows in the MPNS response table have no status headers. */
const STATUSES_WITHOUT_STATUS_HEADERS: ReadonlySet<number> = new Set([400, 401, 403, 405, 503])

const STATUS_HEADER_NAMES = [
  'X-NotificationStatus',
  'X-DeviceConnectionStatus',
  'X-SubscriptionStatus',
] as const

const CANONICAL_HEADER_NAMES: ReadonlyMap<string, string> = new Map(
  [
    ...STATUS_HEADER_NAMES,
    'X-MessageID',
    'X-Emulator-Reason',
    'X-Emulator-Warning',
    'X-WindowsPhone-Target',
    'X-NotificationClass',
    'X-CallbackURI',
    'Content-Type',
    'Content-Length',
    'Date',
  ].map((name) => [name.toLowerCase(), name]),
)

/** Characters that cannot travel in a header value as written: anything outside printable ASCII. */
const NON_HEADER_CHARACTER = /[^\x20-\x7e]/g

/** Builds an MPNS response with its headers in MPNS order and casing, and ASCII-only values. */
export function createMpnsResponse(options: ResponseOptions): MpnsHttpResponse {
  const statusValues = [
    options.notificationStatus,
    options.deviceConnectionStatus,
    options.subscriptionStatus,
  ]
  const statusHeaders = STATUS_HEADER_NAMES.flatMap((name, index): HeaderEntry[] => {
    const value = statusValues[index]
    return value === undefined ? [] : [[name, value]]
  })
  return buildResponse(options, statusHeaders)
}

/**
 * Converts a protocol rejection into its response: the error's status headers and explanation,
 * plus the sender warnings found before the rejection.
 */
export function createErrorResponse(
  error: MpnsError,
  context: {
    now: number
    messageId?: string | undefined
    warnings?: readonly SenderWarning[] | undefined
  },
): MpnsHttpResponse {
  const statusHeaders = STATUS_HEADER_NAMES.flatMap((name): HeaderEntry[] => {
    const entry = error.headers.find(
      ([candidate]) => candidate.toLowerCase() === name.toLowerCase(),
    )
    return entry === undefined ? [] : [[name, entry[1]]]
  })

  const options: ResponseOptions = {
    status: error.status,
    now: context.now,
    reason: error.message,
    body: error.message,
  }
  if (context.messageId !== undefined) {
    options.messageId = context.messageId
  }
  if (context.warnings !== undefined) {
    options.warnings = context.warnings
  }
  return buildResponse(options, statusHeaders)
}

/** Formats engine time as an RFC 7231 IMF-fixdate, such as `Sun, 06 Nov 1994 08:49:37 GMT`. */
export function toHttpDate(time: number): string {
  invariant(Number.isFinite(time), `Failed to format the Date header: ${time} is not a time`)
  // ECMAScript fixes toUTCString to this exact shape for years 0 to 9999.
  return new Date(time).toUTCString()
}

/** Writes non-ASCII and control characters of a header value as `\uXXXX`. */
export function toAsciiHeaderValue(value: string): string {
  return value.replace(
    NON_HEADER_CHARACTER,
    (character) => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  )
}

/** Maps a header name in any letter case to the casing MPNS uses. Unknown names stay as given. */
export function toCanonicalHeaderName(name: string): string {
  return CANONICAL_HEADER_NAMES.get(name.toLowerCase()) ?? name
}

function buildResponse(options: ResponseOptions, statusHeaders: HeaderEntry[]): MpnsHttpResponse {
  const statusText = readStatusText(options.status, statusHeaders)

  const headers: HeaderEntry[] = [...statusHeaders]
  if (options.messageId !== undefined) {
    headers.push(['X-MessageID', options.messageId])
  }
  headers.push(['Date', toHttpDate(options.now)])
  headers.push(['X-Emulator-Reason', options.reason])
  const warnings = options.warnings ?? []
  if (warnings.length > 0) {
    headers.push(['X-Emulator-Warning', warnings.map(({ message }) => message).join('; ')])
  }

  const body = options.body ?? ''
  if (body !== '') {
    headers.push(['Content-Type', 'text/plain; charset=utf-8'])
  }

  return {
    status: options.status,
    statusText,
    headers: headers.map(([name, value]): HeaderEntry => [name, toAsciiHeaderValue(value)]),
    body,
  }
}

function readStatusText(status: number, statusHeaders: readonly HeaderEntry[]): string {
  const statusText = STATUS_TEXTS[status]
  invariant(
    statusText !== undefined,
    `Failed to build a response: status ${status} is not an MPNS status`,
  )
  invariant(
    statusHeaders.length === 0 || !STATUSES_WITHOUT_STATUS_HEADERS.has(status),
    `Failed to build a response: status ${status} carries no MPNS status headers`,
  )
  return statusText
}
