import type { Logger } from 'vite'

/**
 * Options of mpnsEndpointPlugin. An option given here wins over its environment variable, and
 * the variable wins over the default.
 */
export interface MpnsEndpointOptions {
  /**
   * Public base URL of the HTTP endpoint, as channel URIs show it to senders on other machines
   * or behind a reverse proxy: scheme, host and port, without a path. Environment variable
   * `EMULATOR_PUBLIC_URL`. @default `http://<listen host>:<HTTP port>`
   */
  publicUrl?: string
  /**
   * Public base URL of the HTTPS listener for authenticated channels, in the same form.
   * Environment variable `EMULATOR_PUBLIC_HTTPS_URL`. @default `https://<listen host>:<HTTPS port>`
   */
  publicHttpsUrl?: string
  /**
   * Port of the HTTPS listener, 0 for any free port, or `'off'` for no listener. When the port
   * is taken, the listener takes a free port and logs a warning. Environment variable
   * `EMULATOR_HTTPS_PORT`. @default the HTTP port plus 270 (5173 gives 5443, 4173 gives 4443)
   */
  httpsPort?: number | 'off'
  /**
   * Folder for the local certificate authority, the HTTPS server certificate and the client
   * certificates issued in the console. A relative path starts at the project root.
   * Environment variable `EMULATOR_DATA_DIR`. @default '.emulator'
   */
  dataDir?: string
  /**
   * Time a relayed request waits for the emulator page's response, in milliseconds.
   * Environment variable `EMULATOR_RELAY_TIMEOUT_MS`. @default 10000
   */
  relayTimeoutMs?: number
  /**
   * Host names besides loopback (localhost, 127.0.0.0/8, ::1) that callbacks may be POSTed to.
   * Environment variable `EMULATOR_CALLBACK_HOSTS`, comma separated. @default []
   */
  callbackHosts?: string[]
  /** Time allowed for one callback POST, in milliseconds. @default 10000 */
  callbackTimeoutMs?: number
  /** Environment variables to read the settings from. @default process.env */
  env?: Readonly<Record<string, string | undefined>>
}

/** The endpoint's settings after options, environment and defaults are combined and checked. */
export interface EndpointSettings {
  /** Public base of the HTTP endpoint, an origin without a trailing slash, or undefined for the default. */
  publicUrl: string | undefined
  /** Public base of the HTTPS listener, an origin, or undefined for the default. */
  publicHttpsUrl: string | undefined
  /** Requested HTTPS port: a number, `'off'`, or `'default'` for the HTTP port plus 270. */
  httpsPort: number | 'off' | 'default'
  /** Data folder as given, relative to the project root unless absolute. */
  dataDir: string
  relayTimeoutMs: number
  /** Lower-case host names callbacks may reach besides loopback. */
  callbackHosts: string[]
  callbackTimeoutMs: number
}

/** The part of Vite's logger the endpoint writes to. */
export type EndpointLogger = Pick<Logger, 'info' | 'warn' | 'error'>

/** Offset from the HTTP port to the default HTTPS port: 5173 gives 5443 and 4173 gives 4443. */
export const HTTPS_PORT_OFFSET = 270

const DEFAULT_DATA_DIR = '.emulator'
const DEFAULT_RELAY_TIMEOUT_MS = 10_000
const DEFAULT_CALLBACK_TIMEOUT_MS = 10_000
const MAX_PORT = 65_535

/**
 * Combines the plugin options, the environment variables and the defaults into the endpoint's
 * settings. Throws an Error naming the variable, the value and the fix when a value is invalid,
 * so that the server does not start with a setting it would ignore.
 */
export function readEndpointSettings(options: MpnsEndpointOptions = {}): EndpointSettings {
  const env = options.env ?? process.env

  return {
    publicUrl: readBaseUrl(options.publicUrl ?? env.EMULATOR_PUBLIC_URL, {
      name: 'EMULATOR_PUBLIC_URL',
      protocols: ['http:', 'https:'],
    }),
    publicHttpsUrl: readBaseUrl(options.publicHttpsUrl ?? env.EMULATOR_PUBLIC_HTTPS_URL, {
      name: 'EMULATOR_PUBLIC_HTTPS_URL',
      protocols: ['https:'],
    }),
    httpsPort: readHttpsPort(options.httpsPort ?? env.EMULATOR_HTTPS_PORT),
    dataDir: readDataDir(options.dataDir ?? env.EMULATOR_DATA_DIR),
    relayTimeoutMs: readPositiveInteger(options.relayTimeoutMs ?? env.EMULATOR_RELAY_TIMEOUT_MS, {
      name: 'EMULATOR_RELAY_TIMEOUT_MS',
      fallback: DEFAULT_RELAY_TIMEOUT_MS,
    }),
    callbackHosts: readHostList(options.callbackHosts ?? env.EMULATOR_CALLBACK_HOSTS),
    callbackTimeoutMs: readPositiveInteger(options.callbackTimeoutMs, {
      name: 'callbackTimeoutMs',
      fallback: DEFAULT_CALLBACK_TIMEOUT_MS,
    }),
  }
}

function readBaseUrl(
  value: string | undefined,
  rule: { name: string; protocols: readonly string[] },
): string | undefined {
  if (value === undefined || value.trim() === '') {
    return undefined
  }

  const url = URL.parse(value.trim())
  const problem = findBaseUrlProblem(url, rule.protocols)
  if (url === null || problem !== undefined) {
    throw new Error(
      `Invalid ${rule.name} "${value}": ${problem ?? 'it is not an absolute URL'}. Give scheme, host and port only, such as ${rule.protocols.includes('http:') ? 'http://192.168.1.20:5173' : 'https://192.168.1.20:5443'}.`,
    )
  }
  return url.origin
}

function findBaseUrlProblem(url: URL | null, protocols: readonly string[]): string | undefined {
  if (url === null) {
    return 'it is not an absolute URL'
  }
  if (!protocols.includes(url.protocol)) {
    return `its scheme is ${url.protocol.slice(0, -1)}, not ${protocols.map((protocol) => protocol.slice(0, -1)).join(' or ')}`
  }
  if (url.username !== '' || url.password !== '') {
    return 'it contains a user name or password'
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    return 'channel URIs start at the root path, so it must have no path, query or fragment'
  }
  return undefined
}

function readHttpsPort(value: number | string | undefined): number | 'off' | 'default' {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return 'default'
  }
  if (typeof value === 'string' && value.trim().toLowerCase() === 'off') {
    return 'off'
  }

  const port = typeof value === 'number' ? value : Number(value.trim())
  if (!Number.isInteger(port) || port < 0 || port > MAX_PORT) {
    throw new Error(
      `Invalid EMULATOR_HTTPS_PORT "${String(value)}": use a port number from 0 to ${MAX_PORT} (0 picks a free port), or off to run no HTTPS listener.`,
    )
  }
  return port
}

function readDataDir(value: string | undefined): string {
  if (value === undefined || value.trim() === '') {
    return DEFAULT_DATA_DIR
  }
  return value.trim()
}

function readPositiveInteger(
  value: number | string | undefined,
  rule: { name: string; fallback: number },
): number {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return rule.fallback
  }

  const number = typeof value === 'number' ? value : Number(value.trim())
  if (!Number.isInteger(number) || number <= 0) {
    throw new Error(
      `Invalid ${rule.name} "${String(value)}": use a whole number of milliseconds above 0, such as ${rule.fallback}.`,
    )
  }
  return number
}

function readHostList(value: readonly string[] | string | undefined): string[] {
  if (value === undefined) {
    return []
  }

  const entries = typeof value === 'string' ? value.split(',') : value
  return entries
    .map((entry) =>
      entry
        .trim()
        .toLowerCase()
        .replace(/^\[(.*)\]$/, '$1'),
    )
    .filter((entry) => entry !== '')
}
