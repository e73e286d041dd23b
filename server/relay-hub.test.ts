import { createServer } from 'node:http'
import type { IncomingMessage } from 'node:http'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'

import { RELAY_PATH, RELAY_PROTOCOL_VERSION } from '../src/messaging/relay-messages.ts'
import {
  TEST_TOKEN,
  closeServer,
  connectFakePage,
  listen,
  sendRequest,
  startTestEndpoint,
  toBodyBase64,
} from './endpoint-test-kit.ts'
import type { FakePage, TestEndpoint } from './endpoint-test-kit.ts'
import { MAX_RELAY_FRAME_BYTES, createRelayHub } from './relay-hub.ts'
import { RELAY_VERSION_MISMATCH_CLOSE_CODE } from './relay-page-messages.ts'

const CHANNEL_PATH = `/throttledthirdparty/01.00/${TEST_TOKEN}`

let server: TestEndpoint
let pages: FakePage[]

beforeEach(async () => {
  server = await startTestEndpoint({ relayTimeoutMs: 400 })
  pages = []
})

afterEach(async () => {
  await Promise.all(pages.map((page) => page.close()))
  await server.close()
})

describe('createRelayHub', () => {
  it.each([
    [
      'another origin',
      { origin: 'http://evil.example' },
      'the web page origin "http://evil.example"',
    ],
    [
      'another host',
      { headers: { Host: 'rebound.example' } },
      'addressed to host "rebound.example"',
    ],
  ])('rejects an upgrade from %s with 403', async (_name, options, reason) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}${RELAY_PATH}`, options)

    const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      socket.on('unexpected-response', (_request, res: IncomingMessage) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        )
      })
      socket.on('open', () => reject(new Error('the upgrade was accepted')))
      socket.on('error', reject)
    })

    expect(response.status).toBe(403)
    expect(response.body).toContain(reason)
  })

  it('accepts an upgrade without Origin from a local program', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}${RELAY_PATH}`)

    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve())
      socket.once('error', reject)
    })

    expect(socket.readyState).toBe(WebSocket.OPEN)
    socket.close()
  })

  it('leaves upgrades of other paths to other listeners', async () => {
    const httpServer = createServer()
    const hub = createRelayHub({
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      relayTimeoutMs: 100,
      findUpgradeRejection: () => Promise.resolve(undefined),
      sendCallback: () => Promise.reject(new Error('not used')),
    })
    const handled: boolean[] = []
    httpServer.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
      const isRelayPath = hub.handleUpgrade(req, socket, head)
      handled.push(isRelayPath)
      if (!isRelayPath) {
        socket.end('HTTP/1.1 426 Upgrade Required\r\nContent-Length: 0\r\n\r\n')
      }
    })
    const port = await listen(httpServer)

    const socket = new WebSocket(`ws://127.0.0.1:${port}/vite-hmr`)
    const status = await new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_request, res: IncomingMessage) =>
        resolve(res.statusCode ?? 0),
      )
      socket.on('error', () => resolve(-1))
    })

    expect(status).toBe(426)
    expect(handled).toEqual([false])
    hub.close()
    await closeServer(httpServer)
  })

  it('closes a connection that speaks another protocol version', async () => {
    const socket = await openSocket()

    const closed = new Promise<{ code: number; reason: string }>((resolve) => {
      socket.on('close', (code: number, reason: Buffer) =>
        resolve({ code, reason: reason.toString() }),
      )
    })
    socket.send(
      JSON.stringify({
        type: 'RELAY_HELLO',
        payload: { protocolVersion: RELAY_PROTOCOL_VERSION + 1 },
      }),
    )

    expect(await closed).toEqual({
      code: RELAY_VERSION_MISMATCH_CLOSE_CODE,
      reason: `The page speaks relay protocol ${RELAY_PROTOCOL_VERSION + 1} and the server speaks ${RELAY_PROTOCOL_VERSION}. Reload the emulator page.`,
    })
  })

  it('ignores a registration before the hello', async () => {
    const socket = await openSocket()
    socket.send(JSON.stringify({ type: 'RELAY_REGISTER', payload: { tokens: [TEST_TOKEN] } }))
    await ping(socket)

    const reply = await sendRequest(server.port, { path: CHANNEL_PATH, body: 'x' })

    expect(reply.status).toBe(503)
    const prefix =
      '[mpns-relay] Ignored a frame from an emulator page, because RELAY_REGISTER arrived before RELAY_HELLO: {"type":"RELAY_REGISTER"'
    expect(server.logLines.filter((line) => line.startsWith(prefix))).toHaveLength(1)
    socket.close()
  })

  it('logs invalid frames and keeps relaying', async () => {
    const page = await openPage()

    page.socket.send('not json')
    page.socket.send(Buffer.from([1, 2, 3]), { binary: true })
    page.socket.send(JSON.stringify({ type: 'RELAY_REGISTER', payload: { tokens: 'all' } }))
    page.socket.send(JSON.stringify({ type: 'UNKNOWN', payload: {} }))
    page.send({
      type: 'RELAY_RESPONSE',
      payload: {
        requestId: 'never-sent',
        status: 200,
        statusText: 'OK',
        headers: [],
        bodyBase64: '',
      },
    })
    const reply = await sendRequest(server.port, { path: CHANNEL_PATH, body: 'x' })

    expect(reply.status).toBe(200)
    const ignored = server.logLines.filter((line) =>
      line.startsWith('[mpns-relay] Ignored a frame'),
    )
    expect(ignored).toEqual([
      '[mpns-relay] Ignored a frame from an emulator page, because it is not a valid relay message: not json',
      '[mpns-relay] Ignored a frame from an emulator page, because it is not a valid relay message: (binary frame)',
      '[mpns-relay] Ignored a frame from an emulator page, because it is not a valid relay message: {"type":"RELAY_REGISTER","payload":{"tokens":"all"}} Further invalid frames from this page are not logged.',
    ])
    expect(server.logLines).toContain(
      '[mpns-relay] Ignored a response for request never-sent, which timed out or was not sent to this page.',
    )
  })

  it('closes a connection that sends a frame over the size cap', async () => {
    const page = await openPage()

    const closed = new Promise<number>((resolve) => {
      page.socket.on('close', (code: number) => resolve(code))
    })
    page.socket.send('x'.repeat(MAX_RELAY_FRAME_BYTES + 1))

    expect(await closed).toBe(1009)
    const reply = await sendRequest(server.port, { path: CHANNEL_PATH, body: 'x' })
    expect(reply.status).toBe(503)
  })

  it('sends a callback for the page and returns the result', async () => {
    const received: { body: Buffer; contentType: string | undefined }[] = []
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        received.push({ body: Buffer.concat(chunks), contentType: req.headers['content-type'] })
        res.writeHead(202)
        res.end()
      })
    })
    const receiverPort = await listen(receiver)
    const page = await openPage()

    const response = page.nextMessage('CALLBACK_SEND_RESPONSE')
    page.send({
      type: 'CALLBACK_SEND_REQUEST',
      payload: {
        callbackId: 'callback-1',
        token: TEST_TOKEN,
        callbackUri: `http://127.0.0.1:${receiverPort}/inactive`,
        bodyBase64: toBodyBase64('device went away'),
      },
    })
    const { payload } = await response

    expect(payload.callbackId).toBe('callback-1')
    expect(payload.outcome).toBe('delivered')
    expect(payload.status).toBe(202)
    expect(received).toEqual([
      { body: Buffer.from('device went away'), contentType: 'application/octet-stream' },
    ])
    await closeServer(receiver)
  })
})

async function openPage(): Promise<FakePage> {
  const page = await connectFakePage(server.port)
  pages.push(page)
  return page
}

async function openSocket(): Promise<WebSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}${RELAY_PATH}`, {
    origin: server.baseUrl,
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  return socket
}

function ping(socket: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    socket.once('pong', () => resolve())
    socket.ping()
  })
}
