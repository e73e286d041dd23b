import type { AddressInfo } from 'node:net'

import type { ChannelRequestHandler } from './channel-endpoint.ts'
import type { ConnectionGuard } from './connection-guard.ts'
import { createEndpointAddresses, isLoopbackHost } from './endpoint-addresses.ts'
import type { EndpointAddresses } from './endpoint-addresses.ts'
import { HTTPS_PORT_OFFSET } from './endpoint-options.ts'
import type { EndpointLogger, EndpointSettings } from './endpoint-options.ts'
import { startHttpsListener } from './https-listener.ts'
import type { HttpsListener } from './https-listener.ts'
import { loadTlsCredentials } from './tls-credentials.ts'

/** The endpoint's addresses and its HTTPS listener, once the HTTP server listens. */
export interface EndpointListeners {
  addresses: EndpointAddresses
  /** The HTTPS listener, or null when it is off or failed to start. */
  https: HttpsListener | null
}

/** Inputs of startEndpointListeners. */
export interface EndpointStartup {
  settings: EndpointSettings
  logger: EndpointLogger
  /** Absolute data folder. */
  dataDir: string
  /** Address and port the HTTP server listens on. */
  http: AddressInfo
  configuredHost: string | boolean | undefined
  createHttpsHandler: (guard: ConnectionGuard) => ChannelRequestHandler
}

/** Host names the HTTPS server certificate always covers. */
const LOCAL_CERTIFICATE_HOSTS = ['localhost', '127.0.0.1', '::1']
const MAX_PORT = 65_535
const LOG_PREFIX = '[mpns-endpoint]'

/**
 * Starts what the endpoint needs once the HTTP server listens: the HTTPS listener with its
 * certificates, then the addresses that name both. A failure of the HTTPS side is logged and
 * leaves the HTTP endpoint running without it.
 */
export async function startEndpointListeners(startup: EndpointStartup): Promise<EndpointListeners> {
  const { settings, logger, http } = startup
  warnIfReachableFromNetwork(logger, http.address)

  const https = settings.httpsPort === 'off' ? null : await startHttps(startup, settings.httpsPort)
  const addresses = createEndpointAddresses({
    settings,
    http: { address: http.address, port: http.port },
    httpsPort: https?.port ?? null,
    configuredHost: startup.configuredHost,
  })
  const authenticated =
    addresses.httpsBaseUrl === null
      ? 'no HTTPS listener for authenticated channels'
      : `${addresses.httpsBaseUrl} for authenticated channels, with client certificates from the console`
  logger.info(`${LOG_PREFIX} MPNS channel URIs use ${addresses.httpBaseUrl}, and ${authenticated}.`)
  return { addresses, https }
}

async function startHttps(
  startup: EndpointStartup,
  requestedPort: number | 'default',
): Promise<HttpsListener | null> {
  const { settings, logger, http } = startup
  const port = selectHttpsPort(requestedPort, http.port)
  const draft = createEndpointAddresses({
    settings,
    http: { address: http.address, port: http.port },
    httpsPort: port,
  })
  const publicHost = URL.parse(draft.httpsBaseUrl ?? '')?.hostname.replace(/^\[(.*)\]$/, '$1')
  const hosts =
    publicHost === undefined ? LOCAL_CERTIFICATE_HOSTS : [...LOCAL_CERTIFICATE_HOSTS, publicHost]

  try {
    const credentials = await loadTlsCredentials(startup.dataDir, { hosts, logger })
    return await startHttpsListener({
      host: http.address,
      port,
      credentials,
      createChannelHandler: startup.createHttpsHandler,
      logger,
    })
  } catch (error) {
    logger.error(
      `${LOG_PREFIX} Failed to start the HTTPS listener for authenticated channels: ${error instanceof Error ? error.message : String(error)}. The HTTP endpoint runs without it.`,
    )
    return null
  }
}

function selectHttpsPort(requested: number | 'default', httpPort: number): number {
  if (requested !== 'default') {
    return requested
  }
  const port = httpPort + HTTPS_PORT_OFFSET
  return port > MAX_PORT ? 0 : port
}

/** Warns once per server when it listens where other machines can reach it. */
function warnIfReachableFromNetwork(logger: EndpointLogger, address: string): void {
  if (isLoopbackHost(address)) {
    return
  }
  logger.warn(
    `${LOG_PREFIX} The server listens on ${address}, which is not loopback, so MPNS requests from other machines on the network reach the emulator's channel URIs. Start it with --host 127.0.0.1 to keep them local.`,
  )
}
