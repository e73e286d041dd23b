import type { ServerResponse } from 'node:http'

import { fromBase64 } from '../src/messaging/relay-messages.ts'
import type { RelayHeader, RelayResponsePayload } from '../src/messaging/relay-messages.ts'
import { createMpnsResponse, toAsciiHeaderValue } from '../src/mpns/response.ts'
import { HOP_BY_HOP_HEADERS } from './request-guards.ts'

/** A response the server builds itself on a channel URI, worded like the worker's responses. */
export interface EndpointResponse {
  status: number
  /** One plain sentence or two: what failed, the value, what to do. */
  reason: string
  /** True to close the connection after the response, when unread request bytes remain. */
  closeConnection?: boolean
}

/** Extra handling for a relayed response. */
export interface RelayedResponseOptions {
  /** Sentence appended to the X-Emulator-Reason header and to the body. */
  appendedReason?: string | undefined
  closeConnection?: boolean
}

/** Headers the page's response may carry that do not fit the bytes written here. */
const DROPPED_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  ...HOP_BY_HOP_HEADERS,
  'content-length',
  // fetch decodes the body, so the relayed bytes are never content-encoded.
  'content-encoding',
])
const REASON_HEADER = 'x-emulator-reason'

/** Writes a response of the server's own in MPNS form, built by the engine's response builder. */
export function sendEndpointResponse(res: ServerResponse, response: EndpointResponse): void {
  const built = createMpnsResponse({
    status: response.status,
    now: Date.now(),
    reason: response.reason,
    body: response.reason,
  })
  writeResponse(res, {
    status: built.status,
    statusText: built.statusText,
    headers: built.headers,
    body: Buffer.from(built.body, 'utf8'),
    closeConnection: response.closeConnection === true,
  })
}

/**
 * Writes the worker's response as the page relayed it: status, status text, header names in
 * their case and order, and body bytes. Throws when the page relayed a status, status text or
 * header that HTTP/1.1 cannot carry, and nothing is written then.
 */
export function sendRelayedResponse(
  res: ServerResponse,
  response: RelayResponsePayload,
  options: RelayedResponseOptions = {},
): void {
  if (!Number.isInteger(response.status) || response.status < 200 || response.status > 599) {
    throw new Error(`the page relayed the status ${response.status}, which is not 200 to 599`)
  }

  let headers = response.headers.filter(([name]) => !isDroppedResponseHeader(name))
  let body: Buffer = Buffer.from(fromBase64(response.bodyBase64))
  if (options.appendedReason !== undefined) {
    headers = appendToReasonHeader(headers, options.appendedReason)
    body = appendToBody(body, options.appendedReason)
  }
  writeResponse(res, {
    status: response.status,
    statusText: response.statusText,
    headers,
    body,
    closeConnection: options.closeConnection === true,
  })
}

function writeResponse(
  res: ServerResponse,
  response: {
    status: number
    statusText: string
    headers: readonly (readonly [name: string, value: string])[]
    body: Buffer
    closeConnection: boolean
  },
): void {
  if (res.headersSent) {
    res.destroy()
    return
  }

  // A flat [name, value, name, value] list keeps each name's case, which an object would not.
  const rawHeaders = response.headers.flatMap(([name, value]) => [name, value])
  rawHeaders.push('Content-Length', String(response.body.length))
  if (response.closeConnection) {
    rawHeaders.push('Connection', 'close')
  }
  res.writeHead(response.status, response.statusText, rawHeaders)
  res.end(response.body)
}

function isDroppedResponseHeader(name: string): boolean {
  const lowerName = name.toLowerCase()
  return DROPPED_RESPONSE_HEADERS.has(lowerName) || lowerName.startsWith('proxy-')
}

function appendToReasonHeader(headers: RelayHeader[], sentence: string): RelayHeader[] {
  const asciiSentence = toAsciiHeaderValue(sentence)
  const index = headers.findIndex(([name]) => name.toLowerCase() === REASON_HEADER)
  if (index === -1) {
    return [...headers, ['X-Emulator-Reason', asciiSentence]]
  }
  return headers.map(([name, value], position): RelayHeader =>
    position === index ? [name, `${value} ${asciiSentence}`] : [name, value],
  )
}

function appendToBody(body: Buffer, sentence: string): Buffer {
  const separator = body.length === 0 ? '' : ' '
  return Buffer.concat([body, Buffer.from(`${separator}${sentence}`, 'utf8')])
}
