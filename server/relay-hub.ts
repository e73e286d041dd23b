import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'

import { WebSocketServer } from 'ws'
import type { RawData, WebSocket } from 'ws'

import { RELAY_PATH } from '../src/messaging/relay-messages.ts'
import type {
  CallbackResultPayload,
  CallbackSendPayload,
  RelayRequestPayload,
  RelayResponsePayload,
  ServerToPageMessage,
} from '../src/messaging/relay-messages.ts'
import type { EndpointLogger } from './endpoint-options.ts'
import { handleFrame, settlePending } from './relay-page-messages.ts'
import type { HubState, PageConnection } from './relay-page-messages.ts'

/** Outcome of a relayed request. */
export type RelayOutcome =
  | { kind: 'response'; response: RelayResponsePayload }
  | { kind: 'no-owner' }
  | { kind: 'timed-out'; timeoutMs: number }
  | { kind: 'disconnected' }

/** Options of createRelayHub. */
export interface RelayHubOptions {
  logger: EndpointLogger
  /** Time a relayed request waits for the page's response, in milliseconds. */
  relayTimeoutMs: number
  /** Returns why an upgrade request must be rejected with 403, or undefined to accept it. */
  findUpgradeRejection: (req: IncomingMessage) => Promise<string | undefined>
  /** POSTs one callback for a page and reports what happened. */
  sendCallback: (payload: CallbackSendPayload) => Promise<CallbackResultPayload>
}

/** The WebSocket relay between the server and the emulator pages that own channels. */
export interface RelayHub {
  /** Takes an upgrade request for RELAY_PATH and returns true, or returns false for any other path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean
  /** Sends a request to the page that owns the token and waits for its response. */
  relay(token: string, request: Omit<RelayRequestPayload, 'requestId'>): Promise<RelayOutcome>
  /** Ends every page connection and fails the requests still waiting. */
  close(): void
}

/** Largest frame a page may send, in bytes: a relayed response carries at most a short text body. */
export const MAX_RELAY_FRAME_BYTES = 256 * 1024

const LOG_PREFIX = '[mpns-relay]'

/** Creates the relay hub. Attach its handleUpgrade to the HTTP server's `upgrade` event. */
export function createRelayHub(options: RelayHubOptions): RelayHub {
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_RELAY_FRAME_BYTES })
  const state: HubState = {
    options,
    owners: new Map(),
    connections: new Set(),
    knownTokens: new Set(),
  }
  server.on('connection', (socket: WebSocket) => {
    acceptConnection(state, socket)
  })

  return {
    handleUpgrade(req, socket, head) {
      if (URL.parse(req.url ?? '', 'http://localhost')?.pathname !== RELAY_PATH) {
        return false
      }
      upgradeConnection({ server, options, req, socket, head })
      return true
    },
    relay: (token, request) => relayRequest(state, token, request),
    close() {
      for (const connection of state.connections) {
        connection.socket.terminate()
        closeConnection(state, connection)
      }
      server.close()
    },
  }
}

function upgradeConnection(upgrade: {
  server: WebSocketServer
  options: RelayHubOptions
  req: IncomingMessage
  socket: Duplex
  head: Buffer
}): void {
  const { server, options, req, socket, head } = upgrade
  const handleUpgradeError = (error: Error) => {
    options.logger.warn(
      `${LOG_PREFIX} Relay connection failed during the upgrade: ${error.message}`,
    )
  }
  socket.on('error', handleUpgradeError)

  options
    .findUpgradeRejection(req)
    .then((rejection) => {
      if (rejection !== undefined) {
        options.logger.warn(`${LOG_PREFIX} Rejected a relay connection: ${rejection}`)
        rejectUpgrade(socket, rejection)
        return
      }
      server.handleUpgrade(req, socket, head, (webSocket) => {
        // From here the WebSocket reports the socket's errors, and the upgrade is over.
        socket.off('error', handleUpgradeError)
        server.emit('connection', webSocket, req)
      })
    })
    .catch((error: unknown) => {
      options.logger.error(`${LOG_PREFIX} Failed to accept a relay connection: ${String(error)}`)
      socket.destroy()
    })
}

function rejectUpgrade(socket: Duplex, reason: string): void {
  const body = Buffer.from(reason, 'utf8')
  socket.end(
    `HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${reason}`,
  )
}

function acceptConnection(state: HubState, socket: WebSocket): void {
  const connection: PageConnection = {
    socket,
    helloReceived: false,
    tokens: new Set(),
    pending: new Map(),
    invalidFrames: 0,
  }
  state.connections.add(connection)

  socket.on('message', (data: RawData, isBinary: boolean) => {
    handleFrame(state, connection, { data, isBinary })
  })
  socket.on('error', (error: NodeJS.ErrnoException) => {
    // A tab that closes or reloads resets its connection, which is routine.
    const message = `${LOG_PREFIX} Relay connection failed: ${error.message}`
    if (error.code === 'ECONNRESET') {
      state.options.logger.info(message)
    } else {
      state.options.logger.warn(message)
    }
  })
  socket.on('close', (code: number) => {
    if (connection.helloReceived) {
      state.options.logger.info(`${LOG_PREFIX} Emulator page disconnected (close code ${code}).`)
    }
    closeConnection(state, connection)
  })
}

function relayRequest(
  state: HubState,
  token: string,
  request: Omit<RelayRequestPayload, 'requestId'>,
): Promise<RelayOutcome> {
  const connection = state.owners.get(token) ?? findPageForUnknownToken(state, token)
  if (connection === undefined) {
    return Promise.resolve({ kind: 'no-owner' })
  }

  const requestId = randomUUID()
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      connection.pending.delete(requestId)
      resolve({ kind: 'timed-out', timeoutMs: state.options.relayTimeoutMs })
    }, state.options.relayTimeoutMs)
    connection.pending.set(requestId, { resolve, timer })

    const message: ServerToPageMessage = {
      type: 'RELAY_REQUEST',
      payload: { requestId, ...request },
    }
    connection.socket.send(JSON.stringify(message), (error) => {
      if (error !== undefined && error !== null) {
        state.options.logger.warn(
          `${LOG_PREFIX} Failed to send a request to the page: ${error.message}`,
        )
        settlePending(connection, requestId, { kind: 'disconnected' })
      }
    })
  })
}

/**
 * Picks the page that handles a token no page ever registered, such as a mistyped or invented
 * token. Every page's worker responds to it with 404, as MPNS does. The newest connected page is chosen.
 * A token some page registered before waits for its own page, so its sender gets 503 until then.
 */
function findPageForUnknownToken(state: HubState, token: string): PageConnection | undefined {
  if (state.knownTokens.has(token)) {
    return undefined
  }
  // NOTE: after a server restart, the token of a handset whose tab has not reconnected is unknown,
  // so another open page responds with 404 where 503 would be right.
  return [...state.connections].reverse().find((connection) => connection.helloReceived)
}

function closeConnection(state: HubState, connection: PageConnection): void {
  if (!state.connections.delete(connection)) {
    return
  }
  for (const token of connection.tokens) {
    if (state.owners.get(token) === connection) {
      state.owners.delete(token)
    }
  }
  for (const requestId of [...connection.pending.keys()]) {
    settlePending(connection, requestId, { kind: 'disconnected' })
  }
}
