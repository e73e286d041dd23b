import { toCanonicalHeaderName } from './response'
import type { HeaderEntry } from './types'

/** Order in which the emulated service writes response headers. */
const RESPONSE_HEADER_ORDER: readonly string[] = [
  'X-NotificationStatus',
  'X-DeviceConnectionStatus',
  'X-SubscriptionStatus',
  'X-MessageID',
  'Date',
  'X-Emulator-Reason',
  'X-Emulator-Warning',
  'Content-Type',
]

export interface SentRequest {
  method: string
  url: string
  headers: HeaderEntry[]
  body: string
  byteLength: number
}

export interface ReceivedResponse {
  status: number
  statusText: string
  headers: HeaderEntry[]
  body: string
}

/** Formats a request as it went out: request line, headers, a blank line, then the body. */
export function formatRequest(request: SentRequest): string {
  const target = new URL(request.url)
  const lines = [
    `${request.method} ${target.pathname}${target.search} HTTP/1.1`,
    `Host: ${target.host}`,
    ...request.headers.map(([name, value]) => `${name}: ${value}`),
    `Content-Length: ${request.byteLength}`,
  ]
  return `${lines.join('\n')}\n\n${request.body}`
}

/** Formats a response's status line and one `Name: value` line per header. */
export function formatResponseHead(response: ReceivedResponse): string {
  const lines = [
    `HTTP/1.1 ${response.status} ${response.statusText}`,
    ...response.headers.map(([name, value]) => `${name}: ${value}`),
  ]
  return lines.join('\n')
}

/** Reads a fetch Headers object into entries with the header names in MPNS casing. */
export function toCanonicalHeaders(headers: Headers): HeaderEntry[] {
  const entries: HeaderEntry[] = []
  headers.forEach((value, name) => {
    entries.push([toCanonicalHeaderName(name), value])
  })
  return entries
}

/**
 * Converts fetch headers, which a browser lists in alphabetical order, to MPNS casing and to the
 * order in which the emulated service writes them. Other headers follow in the order given.
 */
export function toMpnsResponseHeaders(headers: Headers): HeaderEntry[] {
  const rank = (name: string) => {
    const index = RESPONSE_HEADER_ORDER.indexOf(name)
    return index === -1 ? RESPONSE_HEADER_ORDER.length : index
  }
  return toCanonicalHeaders(headers).sort(([first], [second]) => rank(first) - rank(second))
}
