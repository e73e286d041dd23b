import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { fromBase64 } from '../src/messaging/relay-messages.ts'
import { AUTHENTICATED_MAX_BODY_BYTES } from '../src/mpns/request.ts'
import { ENGINE_MAX_BODY_BYTES, MAX_RELAYED_BODY_BYTES } from './channel-endpoint.ts'
import {
  TEST_TOKEN,
  connectFakePage,
  sendRawRequest,
  sendRequest,
  startTestEndpoint,
  toBodyBase64,
} from './endpoint-test-kit.ts'
import type { FakePage, TestEndpoint } from './endpoint-test-kit.ts'

const CHANNEL_PATH = `/throttledthirdparty/01.00/${TEST_TOKEN}`
const TOAST =
  '<?xml version="1.0" encoding="utf-8"?><wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>Hi</wp:Text1></wp:Toast></wp:Notification>'
const RELAY_TIMEOUT_MS = 400

let server: TestEndpoint
let pages: FakePage[]

beforeEach(async () => {
  server = await startTestEndpoint({ relayTimeoutMs: RELAY_TIMEOUT_MS })
  pages = []
})

afterEach(async () => {
  await Promise.all(pages.map((page) => page.close()))
  await server.close()
})

describe('createChannelEndpoint', () => {
  it('relays a request and writes the response exactly', async () => {
    const body = Buffer.from([0x3c, 0x78, 0x2f, 0x3e, 0x00, 0xff, 0xe9])
    const page = await openPage({
      answer: () => ({
        status: 200,
        statusText: 'OK, Received',
        headers: [
          ['X-NotificationStatus', 'Received'],
          ['x-lower-case', 'kept'],
          ['X-SubscriptionStatus', 'Active'],
        ],
        bodyBase64: toBodyBase64('réponse'),
      }),
    })

    const reply = await sendRequest(server.port, {
      path: `${CHANNEL_PATH}?a=%20b`,
      headers: {
        'Content-Type': 'text/xml',
        'X-WindowsPhone-Target': 'toast',
        'X-NotificationClass': '2',
      },
      body,
    })

    expect(reply.status).toBe(200)
    expect(reply.statusText).toBe('OK, Received')
    expect(reply.rawHeaders.slice(0, 6)).toEqual([
      'X-NotificationStatus',
      'Received',
      'x-lower-case',
      'kept',
      'X-SubscriptionStatus',
      'Active',
    ])
    expect(reply.body.toString('utf8')).toBe('réponse')
    const [request] = page.requests
    expect(request?.method).toBe('POST')
    expect(request?.target).toBe(`${CHANNEL_PATH}?a=%20b`)
    expect(request?.channelUri).toBe(`${server.baseUrl}${CHANNEL_PATH}?a=%20b`)
    expect(Buffer.from(fromBase64(request?.bodyBase64 ?? '')).equals(body)).toBe(true)
    expect(request?.headers).toEqual([
      ['Content-Type', 'text/xml'],
      ['X-WindowsPhone-Target', 'toast'],
      ['X-NotificationClass', '2'],
    ])
    expect(request?.clientCertificate).toBeUndefined()
  })

  it('drops connection headers and emulator headers', async () => {
    const page = await openPage()

    await sendRequest(server.port, {
      path: CHANNEL_PATH,
      headers: {
        'X-Emulator-Client-Certificate': 'push.contoso.example',
        'x-emulator-channel-uri': 'http://elsewhere.example/',
        'Proxy-Authorization': 'Basic eA==',
        'Keep-Alive': 'timeout=5',
        Connection: 'keep-alive, X-Hop',
        'X-Hop': 'one hop only',
        'X-MessageID': '11111111-2222-3333-4444-555555555555',
      },
      body: TOAST,
    })

    expect(page.requests[0]?.headers).toEqual([
      ['X-MessageID', '11111111-2222-3333-4444-555555555555'],
    ])
  })

  it('relays GET for the worker to reject', async () => {
    const page = await openPage({
      answer: () => ({
        status: 405,
        statusText: 'Method Not Allowed',
        headers: [['X-Emulator-Reason', 'Invalid method "GET"']],
        bodyBase64: '',
      }),
    })

    const reply = await sendRequest(server.port, { method: 'GET', path: CHANNEL_PATH })

    expect(reply.status).toBe(405)
    expect(page.requests[0]?.method).toBe('GET')
    expect(page.requests[0]?.bodyBase64).toBe('')
  })

  it('answers 503 when no page owns the channel', async () => {
    const reply = await sendRequest(server.port, { path: CHANNEL_PATH, body: TOAST })

    expect(reply.status).toBe(503)
    expect(reply.statusText).toBe('Service Unavailable')
    expect(reply.body.toString()).toBe(
      `Service Unavailable: no emulator page has this channel open. The handset that owns the channel must be open in a browser tab at ${server.baseUrl}/, so open the emulator there and resend.`,
    )
    expect(reply.headers['x-emulator-reason']).toBe(reply.body.toString())
    expect(reply.headers['x-notificationstatus']).toBeUndefined()
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8')
  })

  it('answers 503 when the page does not answer in time', async () => {
    await openPage({ answer: () => undefined })

    const reply = await sendRequest(server.port, { path: CHANNEL_PATH, body: TOAST })

    expect(reply.status).toBe(503)
    expect(reply.body.toString()).toBe(
      `Service Unavailable: the emulator page that owns this channel did not respond within ${RELAY_TIMEOUT_MS / 1000} seconds. Check that its tab is not paused in the debugger, or raise EMULATOR_RELAY_TIMEOUT_MS, then resend.`,
    )
  })

  it('relays to the page that registered the token last', async () => {
    const first = await openPage()
    const second = await openPage()

    await sendRequest(server.port, { path: CHANNEL_PATH, body: TOAST })
    await first.register([TEST_TOKEN])
    await sendRequest(server.port, { path: CHANNEL_PATH, body: TOAST })

    expect(second.requests).toHaveLength(1)
    expect(first.requests).toHaveLength(1)
  })

  it('stops relaying a token the page no longer registers', async () => {
    const page = await openPage()
    await page.register(['AQother'])

    const reply = await sendRequest(server.port, { path: CHANNEL_PATH, body: TOAST })

    expect(reply.status).toBe(503)
    expect(page.requests).toHaveLength(0)
  })

  it('relays a token no page registered to the newest page', async () => {
    const older = await openPage({ tokens: ['AQolder'] })
    const newer = await openPage({ tokens: ['AQnewer'] })

    const reply = await sendRequest(server.port, {
      path: '/throttledthirdparty/01.00/AQneverIssued',
      body: TOAST,
    })

    expect(reply.status).toBe(200)
    expect(newer.requests).toHaveLength(1)
    expect(older.requests).toHaveLength(0)
  })

  it('keeps a known token for its own page after it left', async () => {
    const owner = await openPage()
    const other = await openPage({ tokens: ['AQother'] })
    await owner.close()

    const reply = await sendRequest(server.port, { path: CHANNEL_PATH, body: TOAST })

    expect(reply.status).toBe(503)
    expect(other.requests).toHaveLength(0)
  })

  it('answers 503 when the page disconnects before it answers', async () => {
    const page = await openPage({ answer: () => undefined })
    const received = page.nextMessage('RELAY_REQUEST')

    const pending = sendRequest(server.port, { path: CHANNEL_PATH, body: TOAST })
    await received
    page.socket.terminate()
    const reply = await pending

    expect(reply.status).toBe(503)
    expect(reply.body.toString()).toBe(
      'Service Unavailable: the emulator page that owns this channel closed its relay connection before it answered. Reload the emulator page and resend.',
    )
  })

  it('answers 503 to a relayed request that reached the server', async () => {
    const page = await openPage()

    const reply = await sendRequest(server.port, {
      path: CHANNEL_PATH,
      headers: { 'X-Emulator-Relay': '1', Origin: server.baseUrl, 'Sec-Fetch-Site': 'same-origin' },
      body: TOAST,
    })

    expect(reply.status).toBe(503)
    expect(reply.body.toString()).toContain(
      "the emulator page's service worker did not answer the relayed request",
    )
    expect(page.requests).toHaveLength(0)
  })

  it('answers 400 when the headers are over 1 KB', async () => {
    const page = await openPage()

    const reply = await sendRequest(server.port, {
      path: CHANNEL_PATH,
      headers: { 'X-Padding': 'p'.repeat(1000) },
      body: TOAST,
    })

    expect(reply.status).toBe(400)
    expect(reply.body.toString()).toMatch(
      /^Headers too large: the request's headers are \d+ bytes, over the limit of 1024 bytes for all headers together\. Send fewer or shorter headers\.$/,
    )
    expect(page.requests).toHaveLength(0)
  })

  it('counts header lines as name, colon, space, value and CRLF', async () => {
    await openPage()
    const host = `127.0.0.1:${server.port}`
    const fixedBytes =
      'Host'.length +
      4 +
      host.length +
      'Connection'.length +
      4 +
      'close'.length +
      'X-Padding'.length +
      4
    const head = (padding: number) =>
      `POST ${CHANNEL_PATH} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\nX-Padding: ${'p'.repeat(padding)}\r\n\r\n`

    const atLimit = await sendRawRequest(server.port, Buffer.from(head(1024 - fixedBytes)))
    const overLimit = await sendRawRequest(server.port, Buffer.from(head(1025 - fixedBytes)))

    expect(atLimit).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
    expect(overLimit).toContain("the request's headers are 1025 bytes")
  })

  it.each([
    ['an escaped dot segment', '/throttledthirdparty/01.00/%2e%2e/AQabc', '%2e%2e/AQabc'],
    ['an escaped slash', '/throttledthirdparty/01.00/AQ%2Fabc', 'AQ%2Fabc'],
  ])('answers 400 for %s before decoding', async (_name, path, shownToken) => {
    const page = await openPage()

    const reply = await sendRequest(server.port, { path, body: TOAST })

    expect(reply.status).toBe(400)
    expect(reply.body.toString()).toBe(
      `Malformed channel URI: its token "${shownToken}" contains characters other than A-Z, a-z, 0-9, "-", "_", "." and "~". Use the channel URI exactly as the phone reported it.`,
    )
    expect(page.requests).toHaveLength(0)
  })

  it('answers 400 for a dot-segment token', async () => {
    const reply = await sendRequest(server.port, {
      path: '/throttledthirdparty/01.00/..',
      body: TOAST,
    })

    expect(reply.status).toBe(400)
    expect(reply.body.toString()).toContain(
      'its path does not start with /throttledthirdparty/01.00/',
    )
  })

  it('answers 400 for a channel URI over 1024 characters', async () => {
    const path = `/throttledthirdparty/01.00/${'A'.repeat(1000)}`
    const length = server.baseUrl.length + path.length

    const reply = await sendRequest(server.port, { path, body: TOAST })

    expect(reply.status).toBe(400)
    expect(reply.body.toString()).toBe(
      `Malformed channel URI: it is ${length} characters long, over the 1024-character limit. Use the channel URI exactly as the phone reported it.`,
    )
  })

  it('answers 405 for TRACE', async () => {
    const page = await openPage()

    const reply = await sendRequest(server.port, { method: 'TRACE', path: CHANNEL_PATH })

    expect(reply.status).toBe(405)
    expect(reply.body.toString()).toBe(
      'Invalid method "TRACE" on a channel URI: MPNS accepts only POST. Send the notification with POST.',
    )
    expect(page.requests).toHaveLength(0)
  })

  it('relays plain HTTP to an authenticated channel for the worker to answer', async () => {
    const page = await openPage()

    const reply = await sendRequest(server.port, {
      path: `/unthrottledthirdparty/01.00/${TEST_TOKEN}`,
      body: TOAST,
    })

    expect(reply.status).toBe(200)
    expect(page.requests[0]?.channelUri).toBe(
      `${server.baseUrl}/unthrottledthirdparty/01.00/${TEST_TOKEN}`,
    )
  })

  it('relays a body of exactly the cap', async () => {
    const page = await openPage()

    const reply = await sendRequest(server.port, {
      path: CHANNEL_PATH,
      body: Buffer.alloc(MAX_RELAYED_BODY_BYTES, 0x61),
    })

    expect(reply.status).toBe(200)
    expect(fromBase64(page.requests[0]?.bodyBase64 ?? '').length).toBe(MAX_RELAYED_BODY_BYTES)
  })

  it('answers 400 for a declared length over the cap', async () => {
    const page = await openPage()

    const reply = await sendRequest(server.port, {
      path: CHANNEL_PATH,
      body: Buffer.alloc(MAX_RELAYED_BODY_BYTES + 1, 0x61),
    })

    expect(reply.status).toBe(400)
    expect(reply.body.toString()).toBe(
      `Payload too large: the body is ${MAX_RELAYED_BODY_BYTES + 1} bytes, over the limit of 65536 bytes that the emulator accepts on any channel. Shorten the payload to the channel's limit: by default 3072 bytes for toast and tile and 1024 bytes for raw, or 65536 bytes on an authenticated channel.`,
    )
    expect(reply.headers.connection).toBe('close')
    expect(page.requests).toHaveLength(0)
  })

  it('cuts off a chunked body over the cap', async () => {
    const page = await openPage()
    const chunk = 'a'.repeat(16 * 1024)
    const chunks = Array.from(
      { length: 6 },
      () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
    ).join('')

    const reply = await sendRawRequest(
      server.port,
      Buffer.from(
        `POST ${CHANNEL_PATH} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nTransfer-Encoding: chunked\r\n\r\n${chunks}0\r\n\r\n`,
      ),
    )

    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
    expect(reply).toContain('Payload too large: the body is over 65536 bytes')
    expect(page.requests).toHaveLength(0)
  })

  it('caps bodies one byte above the engine limit', () => {
    expect(ENGINE_MAX_BODY_BYTES).toBe(AUTHENTICATED_MAX_BODY_BYTES)
  })

  it('explains a Content-Length that counted characters', async () => {
    await openPage({
      answer: () => ({
        status: 400,
        statusText: 'Bad Request',
        headers: [['X-Emulator-Reason', 'Malformed XML payload at line 1, column 80.']],
        bodyBase64: toBodyBase64('Malformed XML payload at line 1, column 80.'),
      }),
    })
    const body =
      '<wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>Café é</wp:Text1></wp:Toast></wp:Notification>'
    const characters = [...body].length
    const head = `POST ${CHANNEL_PATH} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: text/xml\r\nContent-Length: ${characters}\r\n\r\n`

    const reply = await sendRawRequest(server.port, Buffer.from(`${head}${body}`, 'utf8'))

    const sentence = `The body contains non-ASCII text: its Content-Length of ${characters} was read as ${characters} bytes, which decode to ${characters - 2} characters. If the sender counted characters instead of UTF-8 bytes, at least the last 2 bytes of the body were never read. More bytes followed the body on the connection, which fits this cause. Set Content-Length to the body's length in UTF-8 bytes.`
    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
    expect(reply).toContain(
      `\r\nX-Emulator-Reason: Malformed XML payload at line 1, column 80. ${sentence}\r\n`,
    )
    expect(reply).toContain('\r\nConnection: close\r\n')
    expect(reply.endsWith(`\r\n\r\nMalformed XML payload at line 1, column 80. ${sentence}`)).toBe(
      true,
    )
    expect(reply.match(/HTTP\/1\.1/g)).toHaveLength(1)
  })

  it('adds no explanation to an ASCII body', async () => {
    await openPage({
      answer: () => ({
        status: 400,
        statusText: 'Bad Request',
        headers: [],
        bodyBase64: toBodyBase64('Bad'),
      }),
    })

    const reply = await sendRequest(server.port, { path: CHANNEL_PATH, body: TOAST })

    expect(reply.body.toString()).toBe('Bad')
    expect(reply.headers['x-emulator-reason']).toBeUndefined()
  })

  it.each([
    ['a public host name', 'rebound.example:1234'],
    ['a private address', '192.168.1.20'],
  ])('answers 403 for a Host header with %s', async (_name, host) => {
    const page = await openPage()

    const reply = await sendRequest(server.port, {
      path: CHANNEL_PATH,
      headers: { Host: host },
      body: TOAST,
    })

    expect(reply.status).toBe(403)
    expect(reply.body.toString()).toBe(
      `Forbidden: the request was addressed to host "${host}", which is not one of the emulator's hosts (localhost, 127.0.0.1, [::1] and the hosts of ${server.baseUrl}). To send to it under that name, start the server with EMULATOR_PUBLIC_URL set to the URL senders use, such as http://${host}.`,
    )
    expect(page.requests).toHaveLength(0)
  })

  it.each([['localhost'], ['127.0.0.1'], ['[::1]']])(
    'relays a request addressed to %s',
    async (name) => {
      await openPage()

      const reply = await sendRequest(server.port, {
        path: CHANNEL_PATH,
        headers: { Host: `${name}:${server.port}` },
        body: TOAST,
      })

      expect(reply.status).toBe(200)
    },
  )

  it.each([
    [
      'another Origin',
      { Origin: 'http://evil.example' },
      'the web page origin "http://evil.example"',
    ],
    ['a cross-site fetch', { 'Sec-Fetch-Site': 'cross-site' }, 'a web page that is "cross-site"'],
    ['a same-site fetch', { 'Sec-Fetch-Site': 'same-site' }, 'a web page that is "same-site"'],
  ])('answers 403 for %s', async (_name, headers, reason) => {
    const page = await openPage()

    const reply = await sendRequest(server.port, { path: CHANNEL_PATH, headers, body: TOAST })

    expect(reply.status).toBe(403)
    expect(reply.body.toString()).toContain(reason)
    expect(page.requests).toHaveLength(0)
  })

  it('logs one line per request with a shortened token', async () => {
    await openPage()

    await sendRequest(server.port, { path: CHANNEL_PATH, body: TOAST })

    const lines = server.logLines.filter((line) => line.startsWith('[mpns-endpoint] POST'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      new RegExp(`^\\[mpns-endpoint\\] POST ${TEST_TOKEN.slice(0, 8)}… 200 \\d+ ms$`),
    )
    expect(lines[0]).not.toContain(TEST_TOKEN)
  })

  it('answers 503 for a response HTTP cannot carry', async () => {
    await openPage({
      answer: () => ({
        status: 200,
        statusText: 'OK',
        headers: [['Bad Header', 'x']],
        bodyBase64: '',
      }),
    })

    const reply = await sendRequest(server.port, { path: CHANNEL_PATH, body: TOAST })

    expect(reply.status).toBe(503)
    expect(reply.body.toString()).toContain(
      'the emulator page relayed a response that HTTP/1.1 cannot carry',
    )
  })
})

async function openPage(options: Parameters<typeof connectFakePage>[1] = {}): Promise<FakePage> {
  const page = await connectFakePage(server.port, options)
  pages.push(page)
  return page
}
