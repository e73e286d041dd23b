import type { IncomingMessage, ServerResponse } from 'node:http'

import { RELAY_MARKER_HEADER, toBase64 } from '../src/messaging/relay-messages.ts'
import type { RelayRequestPayload } from '../src/messaging/relay-messages.ts'
import {
  THROTTLED_PATH_PREFIX,
  UNTHROTTLED_PATH_PREFIX,
  validateChannelUri,
  validateRawChannelTarget,
} from '../src/mpns/channel.ts'
import { isMpnsError } from '../src/mpns/errors.ts'
import { shortenForMessage } from '../src/mpns/message-text.ts'
import type { ConnectionGuard } from './connection-guard.ts'
import type { EndpointAddresses } from './endpoint-addresses.ts'
import type { EndpointLogger } from './endpoint-options.ts'
import { sendEndpointResponse } from './endpoint-response.ts'
import type { EndpointResponse } from './endpoint-response.ts'
import { respondToRelayOutcome } from './relay-response.ts'
import type { RelayHub } from './relay-hub.ts'
import { readRequestBody } from './request-body.ts'
import {
  MAX_HEADER_BYTES,
  findCrossOriginRejection,
  findHostRejection,
  measureHeaderBytes,
  toRelayedHeaders,
} from './request-guards.ts'

/** The verified client certificate of an HTTPS request, or why the request is rejected. */
export type ClientIdentity = { commonName: string } | { rejection: EndpointResponse }

/** Options of createChannelEndpoint. */
export interface ChannelEndpointOptions {
  hub: RelayHub
  logger: EndpointLogger
  guard: ConnectionGuard
  /** Scheme of the listener this endpoint serves. */
  scheme: 'http' | 'https'
  /** Waits until the listeners are bound, then returns their addresses. */
  getAddresses: () => Promise<EndpointAddresses>
  /** Looks up the TLS client certificate in the registry. Only the HTTPS listener sets it. */
  identifyClient?: (req: IncomingMessage) => Promise<ClientIdentity>
}

/** Handles a request whose target starts with a channel URI path prefix. */
export type ChannelRequestHandler = (req: IncomingMessage, res: ServerResponse) => void

/**
 * The engine's largest body limit, in bytes: AUTHENTICATED_MAX_BODY_BYTES of the engine's
 * request module, which the config bundle does not import, because it pulls in the XML parser.
 */
export const ENGINE_MAX_BODY_BYTES = 65_536

/**
 * Largest body read from a channel request, in bytes: one byte over the engine's largest limit,
 * so that a body over any of the engine's limits still reaches it and gets the engine's own 400.
 */
export const MAX_RELAYED_BODY_BYTES = ENGINE_MAX_BODY_BYTES + 1

/** Methods a page's fetch cannot send, so a relay could never deliver them to the worker. */
const UNRELAYABLE_METHODS: ReadonlySet<string> = new Set(['CONNECT', 'TRACE', 'TRACK'])
const LOG_PREFIX = '[mpns-endpoint]'

/** Tells whether a raw request target is on a channel URI path. */
export function isChannelPath(target: string): boolean {
  return target.startsWith(THROTTLED_PATH_PREFIX) || target.startsWith(UNTHROTTLED_PATH_PREFIX)
}

/**
 * Creates the handler that checks a channel request, relays it to the page that owns the
 * channel, and writes the worker's response. Every failure becomes a 503 in MPNS form and a
 * log line, never a crash.
 */
export function createChannelEndpoint(options: ChannelEndpointOptions): ChannelRequestHandler {
  return (req, res) => {
    const startedAt = Date.now()
    const watch = options.guard.watch(req.socket)
    res.on('close', () => watch.release())

    handleChannelRequest(req, res, { options, hasExtraBytes: watch.hasExtraBytes })
      .then(({ status, token, reason }) => {
        logRequest(options.logger, { req, token, status, startedAt, reason })
      })
      .catch((error: unknown) => {
        options.logger.error(
          `${LOG_PREFIX} Failed to respond to ${String(req.method)} ${shortenForMessage(req.url ?? '', 60)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        )
        if (res.headersSent) {
          res.destroy()
          return
        }
        sendEndpointResponse(res, {
          status: 503,
          reason:
            'Service Unavailable: the emulator server failed to relay this request, and its log has the details. Resend the notification, and reload the emulator page if it fails again.',
          closeConnection: true,
        })
      })
  }
}

async function handleChannelRequest(
  req: IncomingMessage,
  res: ServerResponse,
  context: { options: ChannelEndpointOptions; hasExtraBytes: () => boolean },
): Promise<{ status: number; token?: string; reason?: string }> {
  const { options } = context
  const addresses = await options.getAddresses()
  const target = req.url ?? ''
  const checked = checkChannelRequest(req, { addresses, scheme: options.scheme, target })
  if ('rejection' in checked) {
    return respond(res, checked.rejection)
  }

  let clientCertificate: { commonName: string } | undefined
  if (options.identifyClient !== undefined) {
    const identity = await options.identifyClient(req)
    if ('rejection' in identity) {
      return { ...respond(res, identity.rejection), token: checked.token }
    }
    clientCertificate = identity
  }

  const body = await readRequestBody(req, MAX_RELAYED_BODY_BYTES)
  if (body.kind === 'too-large') {
    const rejection = describeOversizedBody(body.declaredBytes)
    return { ...respond(res, rejection), token: checked.token }
  }

  const request: Omit<RelayRequestPayload, 'requestId'> = {
    method: req.method ?? 'GET',
    channelUri: checked.channelUri,
    target,
    headers: toRelayedHeaders(req.rawHeaders),
    bodyBase64: toBase64(body.body),
  }
  if (clientCertificate !== undefined) {
    request.clientCertificate = clientCertificate
  }
  const outcome = await options.hub.relay(checked.token, request)
  const result = respondToRelayOutcome(res, {
    req,
    outcome,
    body: body.body,
    pageUrl: `${addresses.httpBaseUrl}/`,
    extraBytesFollowed: context.hasExtraBytes(),
  })
  return { ...result, token: checked.token }
}

/**
 * Runs the checks that need no body, in order: Host, cross-origin pages, the relay marker,
 * header size, the raw target, the channel URI and the method.
 */
function checkChannelRequest(
  req: IncomingMessage,
  context: { addresses: EndpointAddresses; scheme: 'http' | 'https'; target: string },
): { rejection: EndpointResponse } | { token: string; channelUri: string } {
  const headerRejection = findHeaderRejection(req, context.addresses)
  if (headerRejection !== undefined) {
    return { rejection: headerRejection }
  }

  const located = locateChannelTarget(context)
  if ('rejection' in located) {
    return located
  }

  const method = req.method ?? ''
  if (UNRELAYABLE_METHODS.has(method.toUpperCase())) {
    return {
      rejection: {
        status: 405,
        reason: `Invalid method "${shortenForMessage(method)}" on a channel URI: MPNS accepts only POST. Send the notification with POST.`,
      },
    }
  }
  return located
}

function findHeaderRejection(
  req: IncomingMessage,
  addresses: EndpointAddresses,
): EndpointResponse | undefined {
  const forbidden = findHostRejection(req, addresses) ?? findCrossOriginRejection(req, addresses)
  if (forbidden !== undefined) {
    return { status: 403, reason: forbidden }
  }
  if (req.headers[RELAY_MARKER_HEADER.toLowerCase()] !== undefined) {
    return {
      status: 503,
      reason:
        "Service Unavailable: the emulator page's service worker did not answer the relayed request, so it reached the server. Reload the emulator page so that its service worker controls it, then resend.",
    }
  }

  const headerBytes = measureHeaderBytes(req.rawHeaders)
  if (headerBytes > MAX_HEADER_BYTES) {
    return {
      status: 400,
      reason: `Headers too large: the request's headers are ${headerBytes} bytes, over the limit of ${MAX_HEADER_BYTES} bytes for all headers together. Send fewer or shorter headers.`,
    }
  }
  return undefined
}

/**
 * Checks the raw target before any decoding, then the whole channel URI as the sender
 * addressed it (the listener's advertised base plus the raw target), with the engine's checks.
 */
function locateChannelTarget(context: {
  addresses: EndpointAddresses
  scheme: 'http' | 'https'
  target: string
}): { rejection: EndpointResponse } | { token: string; channelUri: string } {
  const { addresses, target } = context
  const base = context.scheme === 'https' ? addresses.httpsBaseUrl : addresses.httpBaseUrl
  const channelUri = `${base ?? addresses.httpBaseUrl}${target}`

  let token: string
  try {
    token = validateRawChannelTarget(target).token
  } catch (error) {
    return { rejection: toRejection(error) }
  }
  try {
    // The engine's check of the whole URI covers its length and dot segments a URL parser folds.
    validateChannelUri(channelUri)
  } catch (error) {
    // Plain HTTP to an authenticated channel is the worker's 401 to give, so it is relayed.
    if (!isMpnsError(error) || error.status !== 401) {
      return { rejection: toRejection(error) }
    }
  }
  return { token, channelUri }
}

/** Words a body over the cap as the engine words its own size limits. */
function describeOversizedBody(declaredBytes: number | undefined): EndpointResponse {
  const size = declaredBytes === undefined ? `over ${ENGINE_MAX_BODY_BYTES}` : String(declaredBytes)
  return {
    status: 400,
    reason: `Payload too large: the body is ${size} bytes, over the limit of ${ENGINE_MAX_BODY_BYTES} bytes that the emulator accepts on any channel. Shorten the payload to the channel's limit: by default 3072 bytes for toast and tile and 1024 bytes for raw, or ${ENGINE_MAX_BODY_BYTES} bytes on an authenticated channel.`,
    // The rest of the body is never read, so the connection cannot carry another request.
    closeConnection: true,
  }
}

function toRejection(error: unknown): EndpointResponse {
  if (isMpnsError(error)) {
    return { status: error.status, reason: error.message }
  }
  throw error
}

function respond(
  res: ServerResponse,
  rejection: EndpointResponse,
): { status: number; reason: string } {
  sendEndpointResponse(res, rejection)
  return { status: rejection.status, reason: rejection.reason }
}

function logRequest(
  logger: EndpointLogger,
  entry: {
    req: IncomingMessage
    token: string | undefined
    status: number
    startedAt: number
    reason: string | undefined
  },
): void {
  const channel =
    entry.token === undefined
      ? shortenForMessage(entry.req.url ?? '', 40)
      : `${entry.token.slice(0, 8)}…`
  const line = `${LOG_PREFIX} ${String(entry.req.method)} ${channel} ${entry.status} ${Date.now() - entry.startedAt} ms`
  if (entry.reason === undefined) {
    logger.info(line)
    return
  }
  logger.warn(`${line}: ${entry.reason}`)
}
