import { toCanonicalHeaderName } from './response'
import type { HeaderEntry } from './types'

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
