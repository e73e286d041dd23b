import { request as httpRequest } from 'node:http'
import type { ClientRequest, IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { performance } from 'node:perf_hooks'

import { fromBase64 } from '../src/messaging/relay-messages.ts'
import type { CallbackResultPayload, CallbackSendPayload } from '../src/messaging/relay-messages.ts'
import { shortenForMessage } from '../src/mpns/message-text.ts'
import { isLoopbackHost } from './endpoint-addresses.ts'
import type { EndpointLogger } from './endpoint-options.ts'

/** Sends one callback POST and resolves with the HTTP status, or rejects on a network error or timeout. */
export type CallbackTransport = (request: {
  url: URL
  body: Uint8Array
  timeoutMs: number
}) => Promise<number>

/** Options of deliverCallback. */
export interface CallbackDeliveryOptions {
  /** Lower-case host names besides loopback that callbacks may be POSTed to. */
  allowedHosts: readonly string[]
  /** Time allowed for the POST, response headers included, in milliseconds. */
  timeoutMs: number
  logger: EndpointLogger
  /** Sends the POST. @default postCallback, over node:http or node:https */
  transport?: CallbackTransport
}

const LOG_PREFIX = '[mpns-callback]'

/**
 * POSTs a callback's stored body, verbatim, to its callback URI once, and reports the outcome.
 * The URI is checked before any connection: only http and https, and only loopback hosts or
 * those in `allowedHosts`. Redirects are not followed, because MPNS POSTs to the URI as registered.
 */
export async function deliverCallback(
  payload: CallbackSendPayload,
  options: CallbackDeliveryOptions,
): Promise<CallbackResultPayload> {
  const startedAt = performance.now()
  const rejection = findCallbackRejection(payload, options.allowedHosts)
  if (rejection !== undefined) {
    const result: CallbackResultPayload = {
      callbackId: payload.callbackId,
      outcome: 'rejected',
      elapsedMs: 0,
      reason: rejection,
    }
    logResult(options.logger, payload, result)
    return result
  }

  const transport = options.transport ?? postCallback
  let result: CallbackResultPayload
  try {
    const status = await transport({
      url: new URL(payload.callbackUri),
      body: fromBase64(payload.bodyBase64),
      timeoutMs: options.timeoutMs,
    })
    result = {
      callbackId: payload.callbackId,
      outcome: 'delivered',
      status,
      elapsedMs: Math.round(performance.now() - startedAt),
    }
  } catch (error) {
    result = {
      callbackId: payload.callbackId,
      outcome: 'failed',
      elapsedMs: Math.round(performance.now() - startedAt),
      reason: `The callback POST to ${describeUri(payload.callbackUri)} failed: ${error instanceof Error ? error.message : String(error)}.`,
    }
  }
  logResult(options.logger, payload, result)
  return result
}

/**
 * POSTs the body with `Content-Type: application/octet-stream` over node:http or node:https,
 * and resolves with the status as soon as the response headers arrive.
 */
export function postCallback(request: {
  url: URL
  body: Uint8Array
  timeoutMs: number
}): Promise<number> {
  const send = request.url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const outgoing: ClientRequest = send(request.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(request.body.length),
      },
    })
    const timer = setTimeout(() => {
      outgoing.destroy(new Error(`timed out after ${request.timeoutMs / 1000} seconds`))
    }, request.timeoutMs)

    outgoing.on('response', (response: IncomingMessage) => {
      clearTimeout(timer)
      // The callback URI's response body means nothing to MPNS, so it is read and dropped.
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    outgoing.on('error', (error: Error & { code?: string }) => {
      clearTimeout(timer)
      reject(new Error(error.code ?? error.message))
    })
    outgoing.end(request.body)
  })
}

function findCallbackRejection(
  payload: CallbackSendPayload,
  allowedHosts: readonly string[],
): string | undefined {
  const shownUri = shortenForMessage(payload.callbackUri)
  const url = URL.parse(payload.callbackUri)
  if (url === null) {
    return `The callback URI "${shownUri}" is not an absolute URL. Register the callback with an absolute http or https URI.`
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `The callback URI "${shownUri}" uses ${url.protocol}, but callbacks are POSTed only to http or https URIs.`
  }

  const hostname = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1')
  if (!isLoopbackHost(hostname) && !allowedHosts.includes(hostname)) {
    return `The callback URI "${shownUri}" names host "${hostname}", and the emulator POSTs callbacks only to loopback hosts (localhost, 127.0.0.0/8, ::1). To allow this host, start the server with EMULATOR_CALLBACK_HOSTS=${hostname}.`
  }
  if (!isBase64(payload.bodyBase64)) {
    return 'The callback body the emulator page sent is not valid base64, so nothing was POSTed. Reload the emulator page.'
  }
  return undefined
}

function isBase64(text: string): boolean {
  try {
    fromBase64(text)
    return true
  } catch {
    // atob throws for text that is not base64, which makes the body unusable.
    return false
  }
}

function logResult(
  logger: EndpointLogger,
  payload: CallbackSendPayload,
  result: CallbackResultPayload,
): void {
  const channel = `${payload.token.slice(0, 8)}…`
  const line = `${LOG_PREFIX} POST ${describeUri(payload.callbackUri)} for channel ${channel}: ${result.outcome}`
  if (result.outcome === 'delivered') {
    logger.info(`${line} ${String(result.status)} in ${result.elapsedMs} ms`)
    return
  }
  logger.warn(`${line} in ${result.elapsedMs} ms. ${result.reason ?? ''}`)
}

/** Shows a callback URI as origin and path, because a query may carry a secret. */
function describeUri(uri: string): string {
  const url = URL.parse(uri)
  if (url === null) {
    return `"${shortenForMessage(uri)}"`
  }
  return `${url.origin}${url.pathname}${url.search === '' ? '' : '?...'}`
}
