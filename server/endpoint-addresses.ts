import { isIP } from 'node:net'
import { networkInterfaces } from 'node:os'

import type { EndpointSettings } from './endpoint-options.ts'

/** Addresses of the endpoint: its base URLs, its ports and the Host headers it serves. */
export interface EndpointAddresses {
  /** Base of unauthenticated channel URIs, without a trailing slash. */
  httpBaseUrl: string
  /** Base of authenticated channel URIs, or null when the HTTPS listener is off. */
  httpsBaseUrl: string | null
  /** Lower-case Host header values the endpoint serves, each with the port a sender writes. */
  allowedHosts: ReadonlySet<string>
  /** Address the HTTP server is bound to, as Node reports it (`127.0.0.1`, `::`, `0.0.0.0`). */
  boundAddress: string
  /** Port of the HTTP server. */
  httpPort: number
  /** Port of the HTTPS listener, or null when it is off. */
  httpsPort: number | null
}

/** Inputs of createEndpointAddresses. */
export interface AddressInput {
  settings: EndpointSettings
  /** Address and port the HTTP server is bound to. */
  http: { address: string; port: number }
  /** Port the HTTPS listener is bound to, or null when it is off. */
  httpsPort: number | null
  /** Host from Vite's `server.host` or `preview.host`, which may be a name such as `localhost`. */
  configuredHost?: string | boolean | undefined
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]']
const WILDCARD_ADDRESSES: ReadonlySet<string> = new Set(['0.0.0.0', '::', '0:0:0:0:0:0:0:0'])
const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/

/**
 * Computes the advertised base URLs and the Host allow-list from the bound ports and the
 * settings. The allow-list protects against DNS rebinding: a page on another site that points
 * its own host name at this machine sends that name as Host.
 */
export function createEndpointAddresses(input: AddressInput): EndpointAddresses {
  const { settings, http, httpsPort } = input
  const advertisedHost = selectAdvertisedHost(http.address)

  const httpBaseUrl = settings.publicUrl ?? `http://${advertisedHost}:${http.port}`
  const httpsBaseUrl =
    httpsPort === null
      ? null
      : (settings.publicHttpsUrl ?? `https://${advertisedHost}:${httpsPort}`)

  const names = new Set([...LOOPBACK_NAMES, toUrlHost(http.address), advertisedHost])
  if (typeof input.configuredHost === 'string' && input.configuredHost !== '') {
    names.add(toUrlHost(input.configuredHost))
  }
  const ports = new Set([http.port])
  if (httpsPort !== null) {
    ports.add(httpsPort)
  }
  const allowedHosts = new Set<string>()
  for (const base of [httpBaseUrl, httpsBaseUrl]) {
    addPublicBase(base, { names, ports, allowedHosts })
  }
  for (const name of names) {
    for (const port of ports) {
      allowedHosts.add(`${name}:${port}`.toLowerCase())
    }
  }

  return {
    httpBaseUrl,
    httpsBaseUrl,
    allowedHosts,
    boundAddress: http.address,
    httpPort: http.port,
    httpsPort,
  }
}

/** Tells whether a host name or address is loopback: localhost, 127.0.0.0/8 or ::1. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.toLowerCase().replace(/^\[(.*)\]$/, '$1')
  return (
    bare === 'localhost' ||
    bare === '::1' ||
    IPV4_LOOPBACK.test(bare) ||
    IPV4_LOOPBACK.test(bare.replace(/^::ffff:/, ''))
  )
}

/** Tells whether a bound address accepts connections on every interface. */
export function isWildcardAddress(address: string): boolean {
  return WILDCARD_ADDRESSES.has(address)
}

/** Writes an address as the host part of a URL: IPv6 addresses go in brackets. */
export function toUrlHost(address: string): string {
  return isIP(address) === 6 ? `[${address}]` : address
}

/**
 * Chooses the host that default channel URIs name. A wildcard address names no host, so the
 * first external IPv4 address is used instead, as Vite's "Network" line does.
 */
function selectAdvertisedHost(boundAddress: string): string {
  if (!isWildcardAddress(boundAddress)) {
    return toUrlHost(boundAddress)
  }

  // NOTE: on a machine with several networks this may pick an address senders cannot reach, and EMULATOR_PUBLIC_URL then sets the right one.
  const external = Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)
  return external?.address ?? '127.0.0.1'
}

/**
 * Adds a public base's host to the allow-list. A reverse proxy may pass the public Host on
 * unchanged, with or without the default port, so the public host is allowed on its own port
 * and on the listeners' ports.
 */
function addPublicBase(
  base: string | null,
  target: { names: Set<string>; ports: Set<number>; allowedHosts: Set<string> },
): void {
  const url = base === null ? null : URL.parse(base)
  if (url === null) {
    return
  }

  target.allowedHosts.add(url.host.toLowerCase())
  target.names.add(url.hostname.toLowerCase())
  const defaultPort = url.protocol === 'https:' ? 443 : 80
  target.ports.add(url.port === '' ? defaultPort : Number(url.port))
}
