/**
 * Messages between the dev or preview server and an emulator page, over the WebSocket at
 * RELAY_PATH. The server relays each MPNS request that arrives over HTTP or HTTPS to the page
 * that owns the channel, and the page replies with the worker's response. JSON text frames;
 * bodies travel as base64. This file is shared by the server and the page, so it imports nothing
 * through the `@/` alias.
 */

/** Version of the relay protocol; the server closes a connection that speaks another one. */
export const RELAY_PROTOCOL_VERSION = 1

/** WebSocket path of the relay on the dev and preview servers. */
export const RELAY_PATH = '/__emulator/relay'

/** Path that returns the server's EndpointInfo as JSON; absent when the app is served statically. */
export const ENDPOINT_INFO_PATH = '/__emulator/endpoint'

/**
 * Request header a page adds to a relayed request. A request that reaches the server with it
 * bypassed the page's worker, so the server responds with 503 instead of relaying it again.
 */
export const RELAY_MARKER_HEADER = 'X-Emulator-Relay'

/** Request header with the absolute channel URI the sender used, scheme and host included. */
export const RELAYED_CHANNEL_URI_HEADER = 'X-Emulator-Channel-Uri'

/** Request header with the CN of the client certificate the HTTPS listener verified. */
export const CLIENT_CERTIFICATE_HEADER = 'X-Emulator-Client-Certificate'

/** Prefix of the request headers the emulator itself sets; the server drops them from outside requests. */
export const EMULATOR_HEADER_PREFIX = 'x-emulator-'

/** Addresses of the server, as the page shows them in channel URIs. */
export interface EndpointInfo {
  /** Base of unauthenticated channel URIs, such as `http://127.0.0.1:5173`, without a trailing slash. */
  httpBaseUrl: string
  /** Base of authenticated channel URIs on the HTTPS listener; null when the listener is off. */
  httpsBaseUrl: string | null
  /** WebSocket path of the relay. */
  relayPath: string
  /** Version of the relay protocol the server speaks. */
  relayProtocolVersion: number
}

/** One header as received, name in its original case. */
export type RelayHeader = [name: string, value: string]

/** A request the server received on a channel URI path, for the page to pass to its worker. */
export interface RelayRequestPayload {
  requestId: string
  method: string
  /** Absolute channel URI as the sender addressed it: the listener's advertised base plus the raw request target. */
  channelUri: string
  /** Request target exactly as received: path and query, not decoded. */
  target: string
  /** Headers as received, without hop-by-hop headers and without any `X-Emulator-` header. */
  headers: RelayHeader[]
  bodyBase64: string
  /** CN of the verified client certificate; present only for requests on the HTTPS listener. */
  clientCertificate?: { commonName: string }
}

/** The worker's response to a relayed request, as the page's fetch saw it. */
export interface RelayResponsePayload {
  requestId: string
  status: number
  statusText: string
  headers: RelayHeader[]
  bodyBase64: string
}

/** A registered callback that the engine found due: the server POSTs the body to the URI once. */
export interface CallbackSendPayload {
  callbackId: string
  /** Token of the channel the callback was registered on. */
  token: string
  callbackUri: string
  bodyBase64: string
}

/** Outcome of one callback POST. */
export interface CallbackResultPayload {
  callbackId: string
  /** `delivered`: any HTTP response came back. `failed`: network error or timeout. `rejected`: the URI is not allowed. */
  outcome: 'delivered' | 'failed' | 'rejected'
  /** HTTP status of the callback URI's response; present when delivered. */
  status?: number
  /** Milliseconds from sending to the response or the failure. */
  elapsedMs: number
  /** Plain explanation for a failed or rejected callback. */
  reason?: string
}

/** Messages a page sends to the server. */
export type PageToServerMessage =
  | { type: 'RELAY_HELLO'; payload: { protocolVersion: number } }
  /** Replaces the set of channel tokens this page owns (those of the handsets it owns). */
  | { type: 'RELAY_REGISTER'; payload: { tokens: string[] } }
  | { type: 'RELAY_RESPONSE'; payload: RelayResponsePayload }
  | { type: 'CALLBACK_SEND_REQUEST'; payload: CallbackSendPayload }

/** Messages the server sends to a page. */
export type ServerToPageMessage =
  | { type: 'RELAY_REQUEST'; payload: RelayRequestPayload }
  | { type: 'CALLBACK_SEND_RESPONSE'; payload: CallbackResultPayload }

/** Narrows a parsed frame from a page, or returns null when it is not a valid message. */
export function toPageToServerMessage(data: unknown): PageToServerMessage | null {
  if (!isRecord(data) || !isRecord(data.payload)) {
    return null
  }
  const payload = data.payload
  switch (data.type) {
    case 'RELAY_HELLO':
      return typeof payload.protocolVersion === 'number' ? (data as PageToServerMessage) : null
    case 'RELAY_REGISTER':
      return isStringArray(payload.tokens) ? (data as PageToServerMessage) : null
    case 'RELAY_RESPONSE':
      return isRelayResponse(payload) ? (data as PageToServerMessage) : null
    case 'CALLBACK_SEND_REQUEST':
      return hasStrings(payload, ['callbackId', 'token', 'callbackUri', 'bodyBase64'])
        ? (data as PageToServerMessage)
        : null
    default:
      return null
  }
}

/** Narrows a parsed frame from the server, or returns null when it is not a valid message. */
export function toServerToPageMessage(data: unknown): ServerToPageMessage | null {
  if (!isRecord(data) || !isRecord(data.payload)) {
    return null
  }
  const payload = data.payload
  if (data.type === 'RELAY_REQUEST') {
    const valid =
      hasStrings(payload, ['requestId', 'method', 'channelUri', 'target', 'bodyBase64']) &&
      isHeaderList(payload.headers)
    return valid ? (data as ServerToPageMessage) : null
  }
  if (data.type === 'CALLBACK_SEND_RESPONSE') {
    const valid =
      typeof payload.callbackId === 'string' &&
      typeof payload.elapsedMs === 'number' &&
      ['delivered', 'failed', 'rejected'].includes(String(payload.outcome))
    return valid ? (data as ServerToPageMessage) : null
  }
  return null
}

/** Encodes bytes as base64 in the page and in Node alike. */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) {
    binary += String.fromCharCode(byte)
  }
  return btoa(binary)
}

/** Decodes base64 to bytes in the page and in Node alike; throws on text that is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index += 1) {
    bytes[index] = binary.charCodeAt(index)
  }
  return bytes
}

function isRelayResponse(payload: Record<string, unknown>): boolean {
  return (
    hasStrings(payload, ['requestId', 'statusText', 'bodyBase64']) &&
    typeof payload.status === 'number' &&
    isHeaderList(payload.headers)
  )
}

function isHeaderList(value: unknown): value is RelayHeader[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) =>
        Array.isArray(entry) &&
        entry.length === 2 &&
        typeof entry[0] === 'string' &&
        typeof entry[1] === 'string',
    )
  )
}

function hasStrings(record: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.every((key) => typeof record[key] === 'string')
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
