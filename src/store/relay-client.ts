import { logError, logInfo, logWarn } from '@/lib/log'
import { toMpnsResponseHeaders } from '@/mpns/http-format'
import type { DueCallback } from '@/mpns/callback'
import type { ChannelRecord } from '@/mpns/types'
import type { WorkerBroadcastMessage } from '@/messaging/messages'
import {
  CLIENT_CERTIFICATE_HEADER,
  RELAY_MARKER_HEADER,
  RELAY_PROTOCOL_VERSION,
  RELAYED_CHANNEL_URI_HEADER,
  fromBase64,
  toBase64,
  toServerToPageMessage,
} from '@/messaging/relay-messages'
import type {
  EndpointInfo,
  PageToServerMessage,
  RelayHeader,
  RelayRequestPayload,
  RelayResponsePayload,
} from '@/messaging/relay-messages'

import type { CallbackLog } from './callback-log'

/** Dependencies of the relay client on the page; tests pass fakes. */
export interface RelayClientOptions {
  endpoint: EndpointInfo
  /** Origin of the page, such as `http://127.0.0.1:5173`. */
  pageOrigin: string
  createSocket: (url: string) => WebSocket
  fetchChannel: typeof fetch
  listChannels: () => Promise<ChannelRecord[]>
  subscribeToWorker: (listener: (message: WorkerBroadcastMessage) => void) => () => void
  /** Handsets whose push client runs in this tab as the owner. */
  listOwnedHandsetIds: () => readonly string[]
  subscribeToOwnership: (listener: () => void) => () => void
  callbackLog: Pick<CallbackLog, 'recordFired' | 'recordResult'>
}

/** First wait before reconnecting, in milliseconds; it doubles up to RECONNECT_MAX_MS. */
const RECONNECT_MIN_MS = 500
const RECONNECT_MAX_MS = 10_000
/** WebSocket.OPEN, spelled out because Node 20, where the unit tests run, has no WebSocket global. */
const SOCKET_OPEN = 1
/** Methods whose fetch takes no body. */
const BODILESS_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD'])

/**
 * Connects this tab to the dev or preview server's relay. The server forwards each MPNS request
 * for a channel of a handset this tab owns, and the tab fetches the channel URI so that its worker
 * responds. The tab also has the server send the callbacks the engine fires for its handsets.
 * Returns the stop function.
 */
export function startRelayClient(options: RelayClientOptions): () => void {
  let socket: WebSocket | undefined
  let stopped = false
  let reconnectDelayMs = RECONNECT_MIN_MS
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined
  let registered = ''

  const send = (message: PageToServerMessage): boolean => {
    if (socket?.readyState !== SOCKET_OPEN) {
      return false
    }
    socket.send(JSON.stringify(message))
    return true
  }

  const registerTokens = async () => {
    const owned = new Set(options.listOwnedHandsetIds())
    const channels = await options.listChannels()
    const tokens = channels
      .filter(({ handsetId }) => owned.has(handsetId))
      .map(({ token }) => token)
    const key = tokens.sort().join(' ')
    if (key !== registered && send({ type: 'RELAY_REGISTER', payload: { tokens } })) {
      registered = key
    }
  }
  const refreshTokens = () => {
    registerTokens().catch((error: unknown) => {
      logError('[relay]', 'Failed to list the channels this tab owns', error)
    })
  }

  const connect = () => {
    const url = toRelaySocketUrl(options.pageOrigin, options.endpoint.relayPath)
    const current = options.createSocket(url)
    socket = current
    current.addEventListener('open', () => {
      reconnectDelayMs = RECONNECT_MIN_MS
      registered = ''
      logInfo('[relay]', `connected to ${url}`)
      send({ type: 'RELAY_HELLO', payload: { protocolVersion: RELAY_PROTOCOL_VERSION } })
      refreshTokens()
    })
    current.addEventListener('message', (event: MessageEvent) => {
      void handleServerMessage(event.data)
    })
    current.addEventListener('close', (event: CloseEvent) => {
      if (socket !== current || stopped) {
        return
      }
      logWarn('[relay]', `relay closed (${event.code} ${event.reason}); reconnecting`)
      reconnectTimer = setTimeout(connect, reconnectDelayMs)
      reconnectDelayMs = Math.min(reconnectDelayMs * 2, RECONNECT_MAX_MS)
    })
  }

  const handleServerMessage = async (data: unknown) => {
    let message
    try {
      message = toServerToPageMessage(typeof data === 'string' ? JSON.parse(data) : undefined)
    } catch (error) {
      logError('[relay]', 'Ignored a relay frame that is not JSON', error)
      return
    }
    if (message === null) {
      logWarn('[relay]', 'Ignored a relay frame that is not a known message')
      return
    }
    if (message.type === 'CALLBACK_SEND_RESPONSE') {
      options.callbackLog.recordResult(message.payload)
      return
    }
    const response = await answerRelayRequest(message.payload, options)
    send({ type: 'RELAY_RESPONSE', payload: response })
  }

  const sendCallbacks = (callbacks: readonly DueCallback[]) => {
    const owned = new Set(options.listOwnedHandsetIds())
    for (const callback of callbacks.filter(({ handsetId }) => owned.has(handsetId))) {
      const sent = send({
        type: 'CALLBACK_SEND_REQUEST',
        payload: {
          callbackId: callback.callbackId,
          token: callback.token,
          callbackUri: callback.callbackUri,
          bodyBase64: toBase64(callback.body),
        },
      })
      options.callbackLog.recordFired(
        callback,
        sent
          ? {}
          : {
              reason:
                'The page is not connected to the dev or preview server, which sends callbacks.',
            },
      )
    }
  }

  const unsubscribeWorker = options.subscribeToWorker((message) => {
    if (message.type === 'CHANNELS_CHANGED_MESSAGE') {
      refreshTokens()
    }
    if (message.type === 'CALLBACKS_DUE_MESSAGE') {
      sendCallbacks(message.payload.callbacks)
    }
  })
  const unsubscribeOwnership = options.subscribeToOwnership(refreshTokens)
  connect()

  return () => {
    stopped = true
    clearTimeout(reconnectTimer)
    unsubscribeWorker()
    unsubscribeOwnership()
    socket?.close()
  }
}

/**
 * Fetches a relayed request's channel URI on the page's origin, so that the worker responds to it as
 * to an in-page POST, and returns the response as the relay carries it.
 */
export async function answerRelayRequest(
  request: RelayRequestPayload,
  options: Pick<RelayClientOptions, 'pageOrigin' | 'fetchChannel'>,
): Promise<RelayResponsePayload> {
  const headers = new Headers()
  for (const [name, value] of request.headers) {
    try {
      headers.append(name, value)
    } catch (error) {
      // fetch rejects some names and values that Node accepts, so those never reach the worker.
      logWarn('[relay]', `Dropped request header "${name}" that fetch cannot send`, error)
    }
  }
  headers.set(RELAY_MARKER_HEADER, request.requestId)
  headers.set(RELAYED_CHANNEL_URI_HEADER, request.channelUri)
  if (request.clientCertificate !== undefined) {
    headers.set(CLIENT_CERTIFICATE_HEADER, request.clientCertificate.commonName)
  }

  try {
    const response = await options.fetchChannel(`${options.pageOrigin}${request.target}`, {
      method: request.method,
      headers,
      body: BODILESS_METHODS.has(request.method.toUpperCase())
        ? null
        : fromBase64(request.bodyBase64),
      cache: 'no-store',
      redirect: 'manual',
    })
    return {
      requestId: request.requestId,
      status: response.status,
      statusText: response.statusText,
      headers: toMpnsResponseHeaders(response.headers).map(([name, value]): RelayHeader => [
        name,
        value,
      ]),
      bodyBase64: toBase64(new Uint8Array(await response.arrayBuffer())),
    }
  } catch (error) {
    logError('[relay]', `Failed to fetch relayed ${request.method} ${request.target}`, error)
    const reason = `Service Unavailable: the emulator page failed to pass the request to its service worker (${String(error)}). Reload the emulator page and send again.`
    return {
      requestId: request.requestId,
      status: 503,
      statusText: 'Service Unavailable',
      headers: [
        ['X-Emulator-Reason', reason],
        ['Content-Type', 'text/plain; charset=utf-8'],
      ],
      bodyBase64: toBase64(new TextEncoder().encode(reason)),
    }
  }
}

function toRelaySocketUrl(pageOrigin: string, relayPath: string): string {
  const url = new URL(relayPath, pageOrigin)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  return url.toString()
}
