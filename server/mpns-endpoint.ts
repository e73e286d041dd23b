import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { isAbsolute, join, resolve } from 'node:path'
import type { Duplex } from 'node:stream'

import type { Connect } from 'vite'

import {
  ENDPOINT_INFO_PATH,
  RELAY_PATH,
  RELAY_PROTOCOL_VERSION,
} from '../src/messaging/relay-messages.ts'
import type { EndpointInfo } from '../src/messaging/relay-messages.ts'
import { deliverCallback } from './callback-delivery.ts'
import { createCertificateApi, isCertificateApiPath } from './certificate-api.ts'
import type { CertificateApiHandler } from './certificate-api.ts'
import { createCertificateRegistry } from './certificate-registry.ts'
import { createChannelEndpoint, isChannelPath } from './channel-endpoint.ts'
import type { ChannelRequestHandler } from './channel-endpoint.ts'
import { installConnectionGuard } from './connection-guard.ts'
import type { EndpointAddresses } from './endpoint-addresses.ts'
import type { EndpointLogger, EndpointSettings } from './endpoint-options.ts'
import { startEndpointListeners } from './endpoint-startup.ts'
import type { EndpointListeners } from './endpoint-startup.ts'
import { identifyClientCertificate } from './https-listener.ts'
import { sendJson, sendJsonError } from './json-response.ts'
import { createRelayHub } from './relay-hub.ts'
import type { RelayHub } from './relay-hub.ts'
import { findCrossOriginRejection, findHostRejection } from './request-guards.ts'
import { loadCertificateAuthority } from './tls-credentials.ts'

/** Options of attachMpnsEndpoint. */
export interface AttachEndpointOptions {
  /** The dev or preview server's HTTP server, before it listens. */
  httpServer: Server
  settings: EndpointSettings
  logger: EndpointLogger
  /** Project root, where a relative data folder starts. */
  root: string
  /** Vite's `server.host` or `preview.host`. */
  configuredHost?: string | boolean | undefined
}

/** The MPNS endpoint attached to one HTTP server. */
export interface MpnsEndpoint {
  /** Serves channel paths, the endpoint info and the certificate API, and passes other requests on. */
  middleware: Connect.NextHandleFunction
  /** Resolves with the addresses once the HTTP server listens and the HTTPS listener is up. */
  ready(): Promise<EndpointAddresses>
  /** Stops the HTTPS listener and ends every relay connection. Closing the HTTP server calls it. */
  close(): Promise<void>
}

/** File name of the client certificate registry in the data folder. */
export const CERTIFICATE_REGISTRY_FILE = 'client-certificates.json'

const LOG_PREFIX = '[mpns-endpoint]'

/**
 * Attaches the MPNS endpoint to an HTTP server that has not started listening: the relay
 * WebSocket on `upgrade`, the HTTPS listener once the server listens, and shutdown when the
 * server closes. Mount the returned middleware before every other middleware.
 */
export function attachMpnsEndpoint(options: AttachEndpointOptions): MpnsEndpoint {
  const { httpServer, settings, logger } = options
  const dataDir = isAbsolute(settings.dataDir)
    ? settings.dataDir
    : resolve(options.root, settings.dataDir)
  const registry = createCertificateRegistry({
    filePath: join(dataDir, CERTIFICATE_REGISTRY_FILE),
    logger,
  })

  let hasStarted = false
  const listeners = waitForListening(httpServer).then((http) => {
    hasStarted = true
    return startEndpointListeners({
      settings,
      logger,
      dataDir,
      http,
      configuredHost: options.configuredHost,
      createHttpsHandler: (guard) =>
        createChannelEndpoint({
          hub,
          logger,
          guard,
          scheme: 'https',
          getAddresses,
          identifyClient: (req) => identifyClientCertificate(req, registry),
        }),
    })
  })
  const getAddresses = async () => (await listeners).addresses

  const hub = createEndpointHub({ settings, logger, getAddresses })
  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    hub.handleUpgrade(req, socket, head)
  })

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= closeEndpoint(hub, hasStarted ? listeners : undefined)
    return closing
  }
  httpServer.once('close', () => {
    close().catch((error: unknown) => {
      logger.error(`${LOG_PREFIX} Failed to stop the MPNS endpoint: ${String(error)}`)
    })
  })

  const middleware = createDispatcher({
    handleChannelRequest: createChannelEndpoint({
      hub,
      logger,
      guard: installConnectionGuard(httpServer),
      scheme: 'http',
      getAddresses,
    }),
    certificateApi: createCertificateApi({
      registry,
      loadAuthority: () => loadCertificateAuthority(dataDir, logger),
      logger,
    }),
    getAddresses,
    logger,
  })
  return { middleware, ready: getAddresses, close }
}

function waitForListening(httpServer: Server): Promise<AddressInfo> {
  return new Promise((resolveAddress) => {
    httpServer.once('listening', () => {
      resolveAddress(httpServer.address() as AddressInfo)
    })
  })
}

/** Creates the relay hub, which accepts pages on the server's own hosts and sends their callbacks. */
function createEndpointHub(context: {
  settings: EndpointSettings
  logger: EndpointLogger
  getAddresses: () => Promise<EndpointAddresses>
}): RelayHub {
  const { settings, logger } = context
  return createRelayHub({
    logger,
    relayTimeoutMs: settings.relayTimeoutMs,
    findUpgradeRejection: async (req) => findPageRejection(req, await context.getAddresses()),
    sendCallback: (payload) =>
      deliverCallback(payload, {
        allowedHosts: settings.callbackHosts,
        timeoutMs: settings.callbackTimeoutMs,
        logger,
      }),
  })
}

function createDispatcher(parts: {
  handleChannelRequest: ChannelRequestHandler
  certificateApi: CertificateApiHandler
  getAddresses: () => Promise<EndpointAddresses>
  logger: EndpointLogger
}): Connect.NextHandleFunction {
  return (req, res, next) => {
    const target = req.url ?? ''
    if (isChannelPath(target)) {
      parts.handleChannelRequest(req, res)
      return
    }
    const pathname = target.split('?')[0] ?? ''
    if (pathname !== ENDPOINT_INFO_PATH && !isCertificateApiPath(pathname)) {
      next()
      return
    }

    servePagePath(req, res, { ...parts, pathname }).catch((error: unknown) => {
      parts.logger.error(
        `${LOG_PREFIX} Failed to respond to ${String(req.method)} ${pathname}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      )
      if (res.headersSent) {
        res.destroy()
        return
      }
      sendJsonError(
        res,
        500,
        'The emulator server failed with an internal error, which its log records.',
      )
    })
  }
}

/** Serves the paths the emulator page calls: the endpoint info and the certificate API. */
async function servePagePath(
  req: IncomingMessage,
  res: ServerResponse,
  context: {
    pathname: string
    certificateApi: CertificateApiHandler
    getAddresses: () => Promise<EndpointAddresses>
  },
): Promise<void> {
  const addresses = await context.getAddresses()
  const rejection = findPageRejection(req, addresses)
  if (rejection !== undefined) {
    sendJsonError(res, 403, rejection)
    return
  }
  if (context.pathname !== ENDPOINT_INFO_PATH) {
    await context.certificateApi(req, res, context.pathname)
    return
  }

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD')
    sendJsonError(
      res,
      405,
      `Invalid method "${String(req.method)}" for ${ENDPOINT_INFO_PATH}: it accepts GET and HEAD.`,
    )
    return
  }
  const info: EndpointInfo = {
    httpBaseUrl: addresses.httpBaseUrl,
    httpsBaseUrl: addresses.httpsBaseUrl,
    relayPath: RELAY_PATH,
    relayProtocolVersion: RELAY_PROTOCOL_VERSION,
  }
  sendJson(res, 200, info)
}

/** Returns why a request from the console or a relay connection is rejected, or undefined. */
function findPageRejection(req: IncomingMessage, addresses: EndpointAddresses): string | undefined {
  return findHostRejection(req, addresses) ?? findCrossOriginRejection(req, addresses)
}

async function closeEndpoint(
  hub: RelayHub,
  started: Promise<EndpointListeners> | undefined,
): Promise<void> {
  hub.close()
  const listeners = await started
  await listeners?.https?.close()
}
