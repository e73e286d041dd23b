import type { IncomingMessage } from 'node:http'

import { EMULATOR_HEADER_PREFIX } from '../src/messaging/relay-messages.ts'
import type { RelayHeader } from '../src/messaging/relay-messages.ts'
import { shortenForMessage } from '../src/mpns/message-text.ts'
import type { EndpointAddresses } from './endpoint-addresses.ts'

/** Largest total size of a request's header lines on a channel URI, in bytes (1 KB in the MPNS docs). */
export const MAX_HEADER_BYTES = 1024

/** `Sec-Fetch-Site` values a browser sends for a request from a page on another origin. */
const FOREIGN_FETCH_SITES: ReadonlySet<string> = new Set(['cross-site', 'same-site'])

/** Hop-by-hop headers: they describe one connection, so neither a relayed request nor a relayed response carries them. */
export const HOP_BY_HOP_HEADERS: readonly string[] = [
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]

/** Hop-by-hop headers plus those the page's fetch sets itself (Host, Content-Length, Expect). */
const UNRELAYED_HEADERS: ReadonlySet<string> = new Set([
  ...HOP_BY_HOP_HEADERS,
  'host',
  'content-length',
  'expect',
])
/**
 * Returns why the request's Host header is not served, or undefined when it is. The reason
 * names the host and how to allow it.
 */
export function findHostRejection(
  req: IncomingMessage,
  addresses: EndpointAddresses,
): string | undefined {
  const host = req.headers.host
  if (host === undefined || host === '') {
    return 'Forbidden: the request has no Host header, so the emulator cannot tell which address it was sent to. Send it with HTTP/1.1 and a Host header.'
  }
  if (addresses.allowedHosts.has(host.toLowerCase())) {
    return undefined
  }
  return `Forbidden: the request was addressed to host "${shortenForMessage(host)}", which is not one of the emulator's hosts (localhost, 127.0.0.1, [::1] and the hosts of ${describeBases(addresses)}). To send to it under that name, start the server with EMULATOR_PUBLIC_URL set to the URL senders use, such as http://${shortenForMessage(host)}.`
}

/**
 * Returns why a request that came from a web page on another origin is rejected, or undefined.
 * Backends send neither `Origin` nor `Sec-Fetch-Site`, but a browser sends them for requests from
 * pages, and the emulator's own page comes from one of the allowed hosts.
 */
export function findCrossOriginRejection(
  req: IncomingMessage,
  addresses: EndpointAddresses,
): string | undefined {
  const origin = req.headers.origin
  if (origin !== undefined && !isOwnOrigin(origin, addresses)) {
    return `Forbidden: the request came from the web page origin "${shortenForMessage(origin)}", and the emulator accepts no requests from other sites' pages. Send notifications from your backend, which sends no Origin header.`
  }

  const fetchSite = req.headers['sec-fetch-site']
  if (typeof fetchSite === 'string' && FOREIGN_FETCH_SITES.has(fetchSite.toLowerCase())) {
    return `Forbidden: the request came from a web page that is "${shortenForMessage(fetchSite)}" to the emulator (Sec-Fetch-Site), and the emulator accepts no requests from other sites' pages. Send notifications from your backend.`
  }
  return undefined
}

/**
 * Measures the request's header lines as a sender wrote them: for each header, its name, ": ",
 * its value and CRLF. The request line and the blank line that ends the headers are not
 * counted. Node trims spaces around values, so those spaces are counted as the one space of
 * ": ". Node decodes header bytes as Latin-1, so each character is one byte.
 */
export function measureHeaderBytes(rawHeaders: readonly string[]): number {
  let total = 0
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index] ?? ''
    const value = rawHeaders[index + 1] ?? ''
    total += name.length + 2 + value.length + 2
  }
  return total
}

/**
 * Converts the raw header list into the headers of a relayed request, names in their original
 * case and order. Connection-level headers and every `X-Emulator-` header are left out, so an
 * outside sender cannot set the headers the emulator itself adds.
 */
export function toRelayedHeaders(rawHeaders: readonly string[]): RelayHeader[] {
  const connectionHeaders = readConnectionHeaderNames(rawHeaders)
  const headers: RelayHeader[] = []
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index] ?? ''
    const value = rawHeaders[index + 1] ?? ''
    const lowerName = name.toLowerCase()
    const unrelayed =
      UNRELAYED_HEADERS.has(lowerName) ||
      lowerName.startsWith('proxy-') ||
      lowerName.startsWith(EMULATOR_HEADER_PREFIX) ||
      connectionHeaders.has(lowerName)
    if (!unrelayed) {
      headers.push([name, value])
    }
  }
  return headers
}

/** Tells whether an Origin header names one of the hosts the endpoint serves. */
function isOwnOrigin(origin: string, addresses: EndpointAddresses): boolean {
  const url = URL.parse(origin)
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return false
  }
  return addresses.allowedHosts.has(url.host.toLowerCase())
}

/** Reads the header names a Connection header lists, which are connection-level as well. */
function readConnectionHeaderNames(rawHeaders: readonly string[]): Set<string> {
  const names = new Set<string>()
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    if (rawHeaders[index]?.toLowerCase() !== 'connection') {
      continue
    }
    for (const name of (rawHeaders[index + 1] ?? '').split(',')) {
      names.add(name.trim().toLowerCase())
    }
  }
  return names
}

function describeBases(addresses: EndpointAddresses): string {
  return [addresses.httpBaseUrl, addresses.httpsBaseUrl]
    .filter((base): base is string => base !== null)
    .join(' and ')
}
