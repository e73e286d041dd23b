import { createServer } from 'node:http'
import type { IncomingHttpHeaders, Server } from 'node:http'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { toBase64 } from '../src/messaging/relay-messages.ts'
import type { CallbackSendPayload } from '../src/messaging/relay-messages.ts'
import { deliverCallback } from './callback-delivery.ts'
import type { CallbackDeliveryOptions, CallbackTransport } from './callback-delivery.ts'
import { closeServer, listen } from './endpoint-test-kit.ts'

interface ReceivedCallback {
  method: string | undefined
  url: string | undefined
  headers: IncomingHttpHeaders
  body: Buffer
}

/** Every byte value once, so that any re-encoding of the body shows. */
const BINARY_BODY = Uint8Array.from({ length: 256 }, (_value, index) => index)

let receiver: Server
let receiverPort: number
let received: ReceivedCallback[]
let logLines: string[]

beforeEach(async () => {
  received = []
  logLines = []
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks),
      })
      if (req.url === '/slow') {
        return
      }
      if (req.url === '/moved') {
        res.writeHead(302, { Location: '/elsewhere' })
        res.end()
        return
      }
      res.writeHead(200)
      res.end('thanks')
    })
  })
  receiverPort = await listen(receiver)
})

afterEach(async () => {
  await closeServer(receiver)
})

describe('deliverCallback', () => {
  it('posts the body verbatim as application/octet-stream', async () => {
    const result = await deliverCallback(
      createPayload(`http://127.0.0.1:${receiverPort}/inactive?id=7`),
      createOptions(),
    )

    expect(result).toEqual({
      callbackId: 'callback-1',
      outcome: 'delivered',
      status: 200,
      elapsedMs: expect.any(Number) as number,
    })
    expect(received).toHaveLength(1)
    expect(received[0]?.method).toBe('POST')
    expect(received[0]?.url).toBe('/inactive?id=7')
    expect(received[0]?.headers['content-type']).toBe('application/octet-stream')
    expect(received[0]?.headers['content-length']).toBe('256')
    expect(received[0]?.body.equals(Buffer.from(BINARY_BODY))).toBe(true)
  })

  it('does not follow a redirect', async () => {
    const result = await deliverCallback(
      createPayload(`http://127.0.0.1:${receiverPort}/moved`),
      createOptions(),
    )

    expect(result.outcome).toBe('delivered')
    expect(result.status).toBe(302)
    expect(received.map((callback) => callback.url)).toEqual(['/moved'])
  })

  it('fails after the timeout', async () => {
    const result = await deliverCallback(
      createPayload(`http://127.0.0.1:${receiverPort}/slow`),
      createOptions({ timeoutMs: 200 }),
    )

    expect(result.outcome).toBe('failed')
    expect(result.reason).toBe(
      `The callback POST to http://127.0.0.1:${receiverPort}/slow failed: timed out after 0.2 seconds.`,
    )
    expect(result.elapsedMs).toBeGreaterThanOrEqual(190)
  })

  it('fails when the connection is refused', async () => {
    const closed = createServer()
    const port = await listen(closed)
    await closeServer(closed)

    const result = await deliverCallback(
      createPayload(`http://127.0.0.1:${port}/`),
      createOptions(),
    )

    expect(result.outcome).toBe('failed')
    expect(result.reason).toBe(
      `The callback POST to http://127.0.0.1:${port}/ failed: ECONNREFUSED.`,
    )
  })

  it.each([
    [
      'a host that is not loopback',
      'http://backend.example/callback',
      'The callback URI "http://backend.example/callback" names host "backend.example", and the emulator POSTs callbacks only to loopback hosts (localhost, 127.0.0.0/8, ::1). To allow this host, start the server with EMULATOR_CALLBACK_HOSTS=backend.example.',
    ],
    [
      'a private address',
      'http://10.0.0.5:8080/callback',
      'names host "10.0.0.5", and the emulator POSTs callbacks only to loopback hosts',
    ],
    [
      'an ftp URI',
      'ftp://127.0.0.1/callback',
      'uses ftp:, but callbacks are POSTed only to http or https URIs.',
    ],
    ['a relative URI', '/callback', 'is not an absolute URL.'],
  ])('rejects %s before any connection', async (_name, uri, reason) => {
    const transport = createRecordingTransport()

    const result = await deliverCallback(createPayload(uri), createOptions({ transport }))

    expect(result.outcome).toBe('rejected')
    expect(result.reason).toContain(reason)
    expect(transport.calls).toEqual([])
  })

  it.each([
    ['localhost', 'http://localhost:9/cb'],
    ['another 127/8 address', 'http://127.5.6.7/cb'],
    ['IPv6 loopback', 'https://[::1]:9/cb'],
    ['a listed host', 'https://backend.example/cb'],
  ])('sends to %s', async (_name, uri) => {
    const transport = createRecordingTransport()

    const result = await deliverCallback(
      createPayload(uri),
      createOptions({ transport, allowedHosts: ['backend.example'] }),
    )

    expect(result.outcome).toBe('delivered')
    expect(transport.calls).toEqual([uri])
  })

  it('logs one line without the query', async () => {
    await deliverCallback(
      createPayload(`http://127.0.0.1:${receiverPort}/cb?secret=1`),
      createOptions(),
    )

    expect(logLines).toHaveLength(1)
    expect(logLines[0]).toMatch(
      new RegExp(
        `^\\[mpns-callback\\] POST http://127\\.0\\.0\\.1:${receiverPort}/cb\\?\\.\\.\\. for channel AQtoken1…: delivered 200 in \\d+ ms$`,
      ),
    )
  })
})

function createPayload(callbackUri: string): CallbackSendPayload {
  return {
    callbackId: 'callback-1',
    token: 'AQtoken1xyz',
    callbackUri,
    bodyBase64: toBase64(BINARY_BODY),
  }
}

function createOptions(overrides: Partial<CallbackDeliveryOptions> = {}): CallbackDeliveryOptions {
  const record = (line: string) => {
    logLines.push(line)
  }
  return {
    allowedHosts: [],
    timeoutMs: 2000,
    logger: { info: record, warn: record, error: record },
    ...overrides,
  }
}

/** Creates a transport that records the URIs it is given and opens no connection. */
function createRecordingTransport(): CallbackTransport & { calls: string[] } {
  const calls: string[] = []
  const transport = (request: { url: URL }) => {
    calls.push(request.url.href)
    return Promise.resolve(200)
  }
  return Object.assign(transport, { calls })
}
