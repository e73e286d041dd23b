import type { RawData, WebSocket } from 'ws'

import { RELAY_PROTOCOL_VERSION, toPageToServerMessage } from '../src/messaging/relay-messages.ts'
import type {
  CallbackSendPayload,
  PageToServerMessage,
  RelayResponsePayload,
  ServerToPageMessage,
} from '../src/messaging/relay-messages.ts'
import type { RelayHubOptions, RelayOutcome } from './relay-hub.ts'

/** Close code sent to a page that speaks another relay protocol version. */
export const RELAY_VERSION_MISMATCH_CLOSE_CODE = 4000

/** Number of invalid frames logged per page connection, so that a broken page cannot flood the log. */
const MAX_LOGGED_INVALID_FRAMES = 3
const LOG_PREFIX = '[mpns-relay]'

/** A relayed request waiting for the page's response. */
export interface PendingRequest {
  resolve: (outcome: RelayOutcome) => void
  timer: NodeJS.Timeout
}

/** One emulator page's relay connection and the channel tokens it registered. */
export interface PageConnection {
  socket: WebSocket
  helloReceived: boolean
  tokens: Set<string>
  pending: Map<string, PendingRequest>
  invalidFrames: number
}

/** State the hub shares with the frame handlers. */
export interface HubState {
  options: RelayHubOptions
  owners: Map<string, PageConnection>
  connections: Set<PageConnection>
  /** Every token a page registered since the server started, owned now or not. */
  knownTokens: Set<string>
}

/** Handles one frame from a page. An invalid frame is logged and ignored. */
export function handleFrame(
  state: HubState,
  connection: PageConnection,
  frame: { data: RawData; isBinary: boolean },
): void {
  const message = frame.isBinary ? null : parseFrame(frame.data)
  if (message === null) {
    logInvalidFrame(state, connection, frame)
    return
  }
  if (message.type === 'RELAY_HELLO') {
    greetPage(state, connection, message.payload.protocolVersion)
    return
  }
  if (!connection.helloReceived) {
    logInvalidFrame(state, connection, frame, `${message.type} arrived before RELAY_HELLO`)
    return
  }

  switch (message.type) {
    case 'RELAY_REGISTER':
      registerTokens(state, connection, message.payload.tokens)
      return
    case 'RELAY_RESPONSE':
      settleRequest(state, connection, message.payload)
      return
    case 'CALLBACK_SEND_REQUEST':
      sendCallbackForPage(state, connection, message.payload)
      return
  }
}

function parseFrame(data: RawData): PageToServerMessage | null {
  try {
    return toPageToServerMessage(JSON.parse(rawDataToText(data)))
  } catch {
    // A frame that is not JSON is an invalid frame, which the caller logs.
    return null
  }
}

function greetPage(state: HubState, connection: PageConnection, protocolVersion: number): void {
  if (protocolVersion !== RELAY_PROTOCOL_VERSION) {
    const reason = `The page speaks relay protocol ${protocolVersion} and the server speaks ${RELAY_PROTOCOL_VERSION}. Reload the emulator page.`
    state.options.logger.warn(`${LOG_PREFIX} Closed a page connection: ${reason}`)
    connection.socket.close(RELAY_VERSION_MISMATCH_CLOSE_CODE, reason)
    return
  }
  connection.helloReceived = true
  state.options.logger.info(`${LOG_PREFIX} Emulator page connected.`)
}

/** Replaces the page's token set. Each token belongs to the connection that registered it last. */
function registerTokens(state: HubState, connection: PageConnection, tokens: string[]): void {
  for (const token of connection.tokens) {
    if (state.owners.get(token) === connection) {
      state.owners.delete(token)
    }
  }
  connection.tokens = new Set(tokens)
  for (const token of connection.tokens) {
    state.owners.set(token, connection)
    state.knownTokens.add(token)
  }
}

function settleRequest(
  state: HubState,
  connection: PageConnection,
  response: RelayResponsePayload,
): void {
  const settled = settlePending(connection, response.requestId, { kind: 'response', response })
  if (!settled) {
    state.options.logger.warn(
      `${LOG_PREFIX} Ignored a response for request ${response.requestId}, which timed out or was not sent to this page.`,
    )
  }
}

/** Settles a waiting request, and returns false when it already timed out or never existed. */
export function settlePending(
  connection: PageConnection,
  requestId: string,
  outcome: RelayOutcome,
): boolean {
  const pending = connection.pending.get(requestId)
  if (pending === undefined) {
    return false
  }
  clearTimeout(pending.timer)
  connection.pending.delete(requestId)
  pending.resolve(outcome)
  return true
}

function sendCallbackForPage(
  state: HubState,
  connection: PageConnection,
  payload: CallbackSendPayload,
): void {
  state.options
    .sendCallback(payload)
    .then((result) => {
      const message: ServerToPageMessage = { type: 'CALLBACK_SEND_RESPONSE', payload: result }
      if (connection.socket.readyState === connection.socket.OPEN) {
        connection.socket.send(JSON.stringify(message))
      }
    })
    .catch((error: unknown) => {
      state.options.logger.error(
        `${LOG_PREFIX} Failed to send callback ${payload.callbackId}: ${String(error)}`,
      )
    })
}

function logInvalidFrame(
  state: HubState,
  connection: PageConnection,
  frame: { data: RawData; isBinary: boolean },
  problem?: string,
): void {
  connection.invalidFrames += 1
  if (connection.invalidFrames > MAX_LOGGED_INVALID_FRAMES) {
    return
  }

  const text = frame.isBinary ? '(binary frame)' : rawDataToText(frame.data).slice(0, 80)
  const cause = problem ?? 'it is not a valid relay message'
  const more =
    connection.invalidFrames === MAX_LOGGED_INVALID_FRAMES
      ? ' Further invalid frames from this page are not logged.'
      : ''
  state.options.logger.warn(
    `${LOG_PREFIX} Ignored a frame from an emulator page, because ${cause}: ${text}${more}`,
  )
}

function rawDataToText(data: RawData): string {
  if (Array.isArray(data)) {
    return Buffer.concat(data).toString('utf8')
  }
  if (data instanceof ArrayBuffer) {
    return Buffer.from(data).toString('utf8')
  }
  return data.toString('utf8')
}
