import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, request as httpRequest } from 'node:http'
import type { IncomingMessage, Server } from 'node:http'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { WebSocket } from 'ws'

import {
  RELAY_PATH,
  RELAY_PROTOCOL_VERSION,
  toBase64,
  toServerToPageMessage,
} from '../src/messaging/relay-messages.ts'
import type {
  PageToServerMessage,
  RelayRequestPayload,
  RelayResponsePayload,
  ServerToPageMessage,
} from '../src/messaging/relay-messages.ts'
import { readEndpointSettings } from './endpoint-options.ts'
import type { EndpointLogger, MpnsEndpointOptions } from './endpoint-options.ts'
import { attachMpnsEndpoint } from './mpns-endpoint.ts'
import type { MpnsEndpoint } from './mpns-endpoint.ts'

/** An MPNS endpoint on a plain Node HTTP server at 127.0.0.1, for tests. */
export interface TestEndpoint {
  port: number
  baseUrl: string
  endpoint: MpnsEndpoint
  dataDir: string
  /** Every line the endpoint logged, at any level. */
  logLines: string[]
  close(): Promise<void>
}

/** Builds a fake page's response to a relayed request, or returns undefined to send none. */
export type FakePageAnswer = (
  request: RelayRequestPayload,
) => Omit<RelayResponsePayload, 'requestId'> | undefined

/** A WebSocket client that plays the emulator page's side of the relay. */
export interface FakePage {
  socket: WebSocket
  /** Relayed requests in the order they arrived. */
  requests: RelayRequestPayload[]
  /** Messages of every type in the order they arrived. */
  messages: ServerToPageMessage[]
  send(message: PageToServerMessage): void
  register(tokens: string[]): Promise<void>
  /** Waits for the next message of a type. */
  nextMessage<T extends ServerToPageMessage['type']>(
    type: T,
  ): Promise<Extract<ServerToPageMessage, { type: T }>>
  close(): Promise<void>
}

/** A response as the sender saw it. */
export interface SenderReply {
  status: number
  statusText: string
  /** Raw header list: names in the case the server wrote them. */
  rawHeaders: string[]
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/** A channel token of the length the engine issues. */
export const TEST_TOKEN = 'AQ' + 'b'.repeat(62)

/** Starts the endpoint on a fresh data folder, with no HTTPS listener unless the options ask for one. */
export async function startTestEndpoint(options: MpnsEndpointOptions = {}): Promise<TestEndpoint> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'mpns-endpoint-')))
  const logLines: string[] = []
  const logger: EndpointLogger = {
    info: (line) => logLines.push(line),
    warn: (line) => logLines.push(line),
    error: (line) => logLines.push(line),
  }
  const settings = readEndpointSettings({ httpsPort: 'off', env: {}, ...options, dataDir })

  const server = createServer()
  const endpoint = attachMpnsEndpoint({ httpServer: server, settings, logger, root: dataDir })
  server.on('request', (req, res) => {
    endpoint.middleware(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      res.end('not handled by the endpoint')
    })
  })
  const port = await listen(server)
  await endpoint.ready()

  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    endpoint,
    dataDir,
    logLines,
    async close() {
      await endpoint.close()
      await closeServer(server)
      if (options.dataDir === undefined) {
        await rm(dataDir, { recursive: true, force: true })
      }
    },
  }
}

/** Connects a fake page, sends RELAY_HELLO and registers the tokens. */
export async function connectFakePage(
  port: number,
  options: { tokens?: string[]; answer?: FakePageAnswer; origin?: string } = {},
): Promise<FakePage> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}${RELAY_PATH}`, {
    origin: options.origin ?? `http://127.0.0.1:${port}`,
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })

  const page = createFakePage(socket, options.answer ?? answerOk)
  page.send({ type: 'RELAY_HELLO', payload: { protocolVersion: RELAY_PROTOCOL_VERSION } })
  await page.register(options.tokens ?? [TEST_TOKEN])
  return page
}

/** Builds a 200 response with no body for every relayed request. */
export function answerOk(): Omit<RelayResponsePayload, 'requestId'> {
  return {
    status: 200,
    statusText: 'OK',
    headers: [['X-NotificationStatus', 'Received']],
    bodyBase64: '',
  }
}

/** Sends an HTTP request with node:http and collects the response. */
export function sendRequest(
  port: number,
  request: {
    method?: string
    path: string
    headers?: Record<string, string>
    body?: string | Buffer
  },
): Promise<SenderReply> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: request.method ?? 'POST',
        path: request.path,
        headers: request.headers,
        agent: false,
      },
      (response) => {
        readSenderReply(response).then(resolve, reject)
      },
    )
    outgoing.on('error', reject)
    outgoing.end(request.body)
  })
}

/** Reads a whole response as a sender receives it. */
export function readSenderReply(response: IncomingMessage): Promise<SenderReply> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    response.on('data', (chunk: Buffer) => chunks.push(chunk))
    response.on('error', reject)
    response.on('end', () =>
      resolve({
        status: response.statusCode ?? 0,
        statusText: response.statusMessage ?? '',
        rawHeaders: response.rawHeaders,
        headers: response.headers,
        body: Buffer.concat(chunks),
      }),
    )
  })
}

/**
 * Writes bytes to a new TCP connection and resolves with everything the server wrote once it
 * closes the connection. Rejects when it stays open longer than `timeoutMs`.
 */
export function sendRawRequest(port: number, bytes: Buffer, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`the server kept the connection open for ${timeoutMs} ms`))
    }, timeoutMs)
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(Buffer.concat(chunks).toString('utf8'))
    })
    socket.write(bytes)
  })
}

/** Returns the value of a header in a raw header list, by name in any case. */
export function readRawHeader(rawHeaders: readonly string[], name: string): string | undefined {
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    if (rawHeaders[index]?.toLowerCase() === name.toLowerCase()) {
      return rawHeaders[index + 1]
    }
  }
  return undefined
}

/** Encodes text as the base64 body of a relayed response. */
export function toBodyBase64(text: string): string {
  return toBase64(new TextEncoder().encode(text))
}

/** Binds a server to 127.0.0.1 on a free port and returns the port. */
export function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

/** Closes a server and every connection it still has. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

function createFakePage(socket: WebSocket, answer: FakePageAnswer): FakePage {
  const requests: RelayRequestPayload[] = []
  const messages: ServerToPageMessage[] = []
  const waiters: { type: string; resolve: (message: ServerToPageMessage) => void }[] = []
  const send = (message: PageToServerMessage) => socket.send(JSON.stringify(message))

  socket.on('message', (data: Buffer) => {
    const message = toServerToPageMessage(JSON.parse(data.toString('utf8')))
    if (message === null) {
      throw new Error(`The fake page received an invalid message: ${data.toString('utf8')}`)
    }
    messages.push(message)
    const waiter = waiters.findIndex((candidate) => candidate.type === message.type)
    if (waiter !== -1) {
      waiters.splice(waiter, 1)[0]?.resolve(message)
    }
    if (message.type !== 'RELAY_REQUEST') {
      return
    }
    requests.push(message.payload)
    const response = answer(message.payload)
    if (response !== undefined) {
      send({
        type: 'RELAY_RESPONSE',
        payload: { requestId: message.payload.requestId, ...response },
      })
    }
  })

  return {
    socket,
    requests,
    messages,
    send,
    async register(tokens) {
      send({ type: 'RELAY_REGISTER', payload: { tokens } })
      // The server handles frames in order, so a ping's pong proves the registration was read.
      await new Promise<void>((resolve) => {
        socket.once('pong', () => resolve())
        socket.ping()
      })
    },
    nextMessage(type) {
      return new Promise((resolve) => {
        waiters.push({ type, resolve: resolve as (message: ServerToPageMessage) => void })
      })
    },
    close() {
      return new Promise((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) {
          resolve()
          return
        }
        socket.once('close', () => resolve())
        socket.close()
      })
    },
  }
}
