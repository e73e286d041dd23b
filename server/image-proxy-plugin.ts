import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TLSSocket } from 'node:tls'

import type { Connect, Logger, Plugin } from 'vite'

import {
  MAX_REMOTE_TILE_IMAGE_BYTES,
  REMOTE_TILE_IMAGE_TIMEOUT_MS,
  createFailure,
  fetchRemoteImage,
  shortenForReason,
} from './remote-image-fetch.ts'
import type {
  RemoteImageFailure,
  RemoteImageLimits,
  RemoteImageOutcome,
} from './remote-image-fetch.ts'

export interface ImageProxyOptions {
  /** Largest image passed on, in bytes. @default 81920 (80 KB) */
  maxImageBytes?: number
  /** Time allowed for one image, redirects and body included, in milliseconds. @default 30000 */
  timeoutMs?: number
}

export interface ImageProxyMiddlewareOptions extends ImageProxyOptions {
  /** Vite's logger, which receives one line per image request. */
  logger: Pick<Logger, 'info' | 'warn' | 'error'>
}

/** Path that returns a remote image, named by the percent-encoded `url` query parameter. */
export const IMAGE_PROXY_PATH = '/__emulator/image'
/** Path that returns 204, so that the page can tell whether the proxy runs. */
export const IMAGE_PROXY_PROBE_PATH = '/__emulator/image-proxy'

/** `Sec-Fetch-Site` values a browser sends for the emulator's own page or a typed address. */
const OWN_FETCH_SITES: ReadonlySet<string> = new Set(['same-origin', 'none'])
const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/
const LOG_PREFIX = '[image-proxy]'
const MAX_LOGGED_URL_LENGTH = 80

/**
 * Serves remote tile images to the handset from the dev and preview servers. A page cannot read
 * the size of a cross-origin image, and this proxy can, so it enforces the handset's 80 KB and
 * 30-second limits.
 */
export function imageProxyPlugin(options: ImageProxyOptions = {}): Plugin {
  return {
    name: 'emulator-image-proxy',
    configureServer(server) {
      server.middlewares.use(
        createImageProxyMiddleware({ ...options, logger: server.config.logger }),
      )
    },
    configurePreviewServer(server) {
      server.middlewares.use(
        createImageProxyMiddleware({ ...options, logger: server.config.logger }),
      )
    },
  }
}

/**
 * Creates the connect middleware behind `imageProxyPlugin`. It serves the image and probe
 * paths, passes every other request on, and logs one line per image request.
 */
export function createImageProxyMiddleware(
  options: ImageProxyMiddlewareOptions,
): Connect.NextHandleFunction {
  const limits: RemoteImageLimits = {
    maxImageBytes: options.maxImageBytes ?? MAX_REMOTE_TILE_IMAGE_BYTES,
    timeoutMs: options.timeoutMs ?? REMOTE_TILE_IMAGE_TIMEOUT_MS,
  }
  const { logger } = options

  return (req, res, next) => {
    const requestUrl = URL.parse(req.url ?? '/', 'http://localhost')
    if (requestUrl === null) {
      next()
      return
    }
    if (requestUrl.pathname === IMAGE_PROXY_PROBE_PATH) {
      handleProbeRequest(req, res)
      return
    }
    if (requestUrl.pathname !== IMAGE_PROXY_PATH) {
      next()
      return
    }

    const startedAt = Date.now()
    const target = requestUrl.searchParams.get('url') ?? ''
    handleImageRequest(req, res, { target, limits })
      .then((outcome) => logOutcome(logger, outcome, { target, startedAt }))
      .catch((error: unknown) => {
        logger.error(`${LOG_PREFIX} Failed to serve ${shortenUrl(target)}: ${String(error)}`)
        sendFailure(
          res,
          createFailure(
            500,
            'The image proxy failed with an internal error, which the server log records.',
          ),
        )
      })
  }
}

function handleProbeRequest(req: IncomingMessage, res: ServerResponse): void {
  const rejection = findRequestRejection(req)
  if (rejection) {
    sendFailure(res, rejection)
    return
  }
  res.writeHead(204, { 'Cache-Control': 'no-store' })
  res.end()
}

async function handleImageRequest(
  req: IncomingMessage,
  res: ServerResponse,
  request: { target: string; limits: RemoteImageLimits },
): Promise<RemoteImageOutcome> {
  const rejection = findRequestRejection(req)
  if (rejection) {
    sendFailure(res, rejection)
    return rejection
  }

  const pageGone = new AbortController()
  const abortDownload = () => pageGone.abort()
  res.on('close', abortDownload)
  const outcome = await fetchRemoteImage(request.target, request.limits, pageGone.signal)
  res.off('close', abortDownload)
  if (!outcome.ok) {
    sendFailure(res, outcome)
    return outcome
  }

  res.writeHead(200, {
    'Content-Type': outcome.contentType,
    'Content-Length': outcome.body.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // An SVG opened at this URL must not run script with the emulator's origin.
    'Content-Security-Policy': "default-src 'none'; sandbox",
  })
  res.end(req.method === 'HEAD' ? undefined : outcome.body)
  return outcome
}

/** Returns the failure for a request the proxy must not serve, or undefined to serve it. */
function findRequestRejection(req: IncomingMessage): RemoteImageFailure | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return createFailure(
      405,
      `The image proxy accepts only GET and HEAD requests, not ${String(req.method)}.`,
    )
  }

  // A DNS rebinding page reaches this server under its own host name, which is not loopback.
  const host = req.headers.host ?? ''
  if (!isLoopbackHost(host)) {
    return createFailure(
      403,
      `The image proxy serves only requests addressed to a loopback host such as 127.0.0.1 or localhost, and this one was addressed to "${shortenForReason(host)}".`,
    )
  }

  const origin = req.headers.origin
  const ownOrigin = `${isTlsSocket(req) ? 'https' : 'http'}://${host}`
  if (origin !== undefined && !isSameOrigin(origin, ownOrigin)) {
    return createFailure(
      403,
      `The image proxy serves only pages from ${ownOrigin}, and this request came from "${shortenForReason(origin)}".`,
    )
  }

  // An <img> on another site sends no Origin header, but browsers label it with Sec-Fetch-Site.
  const fetchSite = req.headers['sec-fetch-site']
  if (typeof fetchSite === 'string' && !OWN_FETCH_SITES.has(fetchSite)) {
    return createFailure(
      403,
      `The image proxy serves only pages from ${ownOrigin}, and this request came from a page that is "${shortenForReason(fetchSite)}".`,
    )
  }
  return undefined
}

function sendFailure(res: ServerResponse, failure: RemoteImageFailure): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  res.writeHead(failure.status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Emulator-Reason': toAsciiHeaderValue(failure.reason),
  })
  res.end(failure.reason)
}

function logOutcome(
  logger: ImageProxyMiddlewareOptions['logger'],
  outcome: RemoteImageOutcome,
  request: { target: string; startedAt: number },
): void {
  const elapsedMs = Date.now() - request.startedAt
  const url = shortenUrl(request.target)
  if (outcome.ok) {
    logger.info(`${LOG_PREFIX} 200 ${outcome.body.length} B ${elapsedMs} ms ${url}`)
    return
  }
  logger.warn(`${LOG_PREFIX} ${outcome.status} 0 B ${elapsedMs} ms ${url}: ${outcome.reason}`)
}

function isLoopbackHost(host: string): boolean {
  const hostname = host === '' ? undefined : URL.parse(`http://${host}`)?.hostname
  if (hostname === undefined) {
    return false
  }
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    IPV4_LOOPBACK.test(hostname)
  )
}

function isSameOrigin(origin: string, ownOrigin: string): boolean {
  const parsed = URL.parse(origin)
  return parsed !== null && parsed.origin === URL.parse(ownOrigin)?.origin
}

function isTlsSocket(req: IncomingMessage): boolean {
  return (req.socket as Partial<TLSSocket>).encrypted === true
}

/** Shortens a URL for the server log to its origin and path, because a query may carry a token. */
function shortenUrl(target: string): string {
  const url = URL.parse(target)
  const visible = url ? `${url.origin}${url.pathname}${url.search === '' ? '' : '?...'}` : target
  return visible.length > MAX_LOGGED_URL_LENGTH
    ? `${visible.slice(0, MAX_LOGGED_URL_LENGTH - 3)}...`
    : visible
}

/** Writes characters outside printable ASCII as `\uXXXX`, because header values must be ASCII. */
function toAsciiHeaderValue(value: string): string {
  return value.replace(
    /[^\x20-\x7e]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  )
}
