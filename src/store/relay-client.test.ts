import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { DueCallback } from '@/mpns/callback'
import type { ChannelRecord } from '@/mpns/types'
import type { WorkerBroadcastMessage } from '@/messaging/messages'
import { fromBase64, toBase64 } from '@/messaging/relay-messages'
import type { PageToServerMessage, RelayRequestPayload } from '@/messaging/relay-messages'
import { buildChannel } from '@/test/engine-builders'

import { createCallbackLog } from './callback-log'
import { answerRelayRequest, startRelayClient } from './relay-client'

const PAGE_ORIGIN = 'http://127.0.0.1:5173'
const ENDPOINT = {
  httpBaseUrl: PAGE_ORIGIN,
  httpsBaseUrl: 'https://127.0.0.1:5443',
  relayPath: '/__emulator/relay',
  relayProtocolVersion: 1,
}

/** A WebSocket stand-in that records what the page sends and lets the test play the server. */
class FakeSocket extends EventTarget {
  readyState = 0
  readonly sent: PageToServerMessage[] = []

  constructor(readonly url: string) {
    super()
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data) as PageToServerMessage)
  }

  close(): void {
    this.readyState = 3
    this.dispatchEvent(Object.assign(new Event('close'), { code: 1000, reason: '' }))
  }

  open(): void {
    this.readyState = 1
    this.dispatchEvent(new Event('open'))
  }

  receive(message: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(message) }))
  }
}

function relayRequest(overrides: Partial<RelayRequestPayload> = {}): RelayRequestPayload {
  return {
    requestId: 'r1',
    method: 'POST',
    channelUri: `${ENDPOINT.httpsBaseUrl}/unthrottledthirdparty/01.00/AQabc`,
    target: '/unthrottledthirdparty/01.00/AQabc',
    headers: [
      ['X-WindowsPhone-Target', 'toast'],
      ['Content-Type', 'text/xml'],
    ],
    bodyBase64: toBase64(new TextEncoder().encode('<xml/>')),
    clientCertificate: { commonName: 'push.contoso.example' },
    ...overrides,
  }
}

function setUp(options: { owned?: string[]; channels?: ChannelRecord[] } = {}) {
  const sockets: FakeSocket[] = []
  const workerListeners = new Set<(message: WorkerBroadcastMessage) => void>()
  const ownershipListeners = new Set<() => void>()
  const owned = { ids: options.owned ?? ['handset-1'] }
  const callbackLog = createCallbackLog()
  const fetchChannel = vi.fn<typeof fetch>(() =>
    Promise.resolve(
      new Response(null, {
        status: 200,
        statusText: 'OK',
        headers: { Date: 'Tue, 22 Oct 2013 12:00:00 GMT', 'X-NotificationStatus': 'Received' },
      }),
    ),
  )
  const stop = startRelayClient({
    endpoint: ENDPOINT,
    pageOrigin: PAGE_ORIGIN,
    createSocket: (url) => {
      const socket = new FakeSocket(url)
      sockets.push(socket)
      return socket as unknown as WebSocket
    },
    fetchChannel,
    listChannels: () =>
      Promise.resolve(
        options.channels ?? [
          buildChannel({ token: 'mine' }),
          buildChannel({ token: 'theirs', handsetId: 'handset-2' }),
        ],
      ),
    subscribeToWorker: (listener) => {
      workerListeners.add(listener)
      return () => workerListeners.delete(listener)
    },
    listOwnedHandsetIds: () => owned.ids,
    subscribeToOwnership: (listener) => {
      ownershipListeners.add(listener)
      return () => ownershipListeners.delete(listener)
    },
    callbackLog: callbackLog.getState(),
  })
  const broadcast = (message: WorkerBroadcastMessage) => {
    for (const listener of workerListeners) {
      listener(message)
    }
  }
  const changeOwnership = (ids: string[]) => {
    owned.ids = ids
    for (const listener of ownershipListeners) {
      listener()
    }
  }
  return { sockets, fetchChannel, callbackLog, broadcast, changeOwnership, stop }
}

beforeEach(() => {
  vi.spyOn(console, 'info').mockImplementation(() => undefined)
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('startRelayClient', () => {
  it('says hello and registers the tokens of owned handsets', async () => {
    const { sockets } = setUp()
    const socket = sockets[0]

    socket?.open()

    expect(socket?.url).toBe('ws://127.0.0.1:5173/__emulator/relay')
    await vi.waitFor(() =>
      expect(socket?.sent).toEqual([
        { type: 'RELAY_HELLO', payload: { protocolVersion: 1 } },
        { type: 'RELAY_REGISTER', payload: { tokens: ['mine'] } },
      ]),
    )
  })

  it('registers again when ownership changes', async () => {
    const { sockets, changeOwnership } = setUp()
    sockets[0]?.open()
    await vi.waitFor(() => expect(sockets[0]?.sent).toHaveLength(2))

    changeOwnership(['handset-1', 'handset-2'])

    await vi.waitFor(() =>
      expect(sockets[0]?.sent[2]).toEqual({
        type: 'RELAY_REGISTER',
        payload: { tokens: ['mine', 'theirs'] },
      }),
    )
  })

  it('answers a relayed request through the page fetch', async () => {
    const { sockets, fetchChannel } = setUp()
    sockets[0]?.open()

    sockets[0]?.receive({ type: 'RELAY_REQUEST', payload: relayRequest() })

    await vi.waitFor(() =>
      expect(sockets[0]?.sent.at(-1)).toEqual({
        type: 'RELAY_RESPONSE',
        payload: {
          requestId: 'r1',
          status: 200,
          statusText: 'OK',
          headers: [
            ['X-NotificationStatus', 'Received'],
            ['Date', 'Tue, 22 Oct 2013 12:00:00 GMT'],
          ],
          bodyBase64: '',
        },
      }),
    )
    expect(fetchChannel).toHaveBeenCalledTimes(1)
  })

  it('reconnects after the server closes the socket', () => {
    vi.useFakeTimers()
    const { sockets } = setUp()
    sockets[0]?.open()

    sockets[0]?.close()
    vi.advanceTimersByTime(500)

    expect(sockets).toHaveLength(2)
  })

  it('has the server send callbacks of owned handsets only', () => {
    const { sockets, broadcast, callbackLog } = setUp()
    sockets[0]?.open()
    const callback: DueCallback = {
      callbackId: 'mine:5',
      token: 'mine',
      handsetId: 'handset-1',
      appId: 'contoso-weather',
      appName: 'Contoso Weather',
      callbackUri: 'http://127.0.0.1:9000/cb',
      body: new Uint8Array([1, 2]),
    }

    broadcast({
      type: 'CALLBACKS_DUE_MESSAGE',
      payload: { callbacks: [callback, { ...callback, callbackId: 'x', handsetId: 'handset-2' }] },
    })
    sockets[0]?.receive({
      type: 'CALLBACK_SEND_RESPONSE',
      payload: { callbackId: 'mine:5', outcome: 'delivered', status: 204, elapsedMs: 3 },
    })

    expect(sockets[0]?.sent.filter(({ type }) => type === 'CALLBACK_SEND_REQUEST')).toEqual([
      {
        type: 'CALLBACK_SEND_REQUEST',
        payload: {
          callbackId: 'mine:5',
          token: 'mine',
          callbackUri: 'http://127.0.0.1:9000/cb',
          bodyBase64: 'AQI=',
        },
      },
    ])
    expect(callbackLog.getState().deliveries).toEqual([
      expect.objectContaining({ callbackId: 'mine:5', state: 'delivered', status: 204 }),
    ])
  })

  it('lists a callback as not sent while disconnected', () => {
    const { broadcast, callbackLog } = setUp()

    broadcast({
      type: 'CALLBACKS_DUE_MESSAGE',
      payload: {
        callbacks: [
          {
            callbackId: 'mine:5',
            token: 'mine',
            handsetId: 'handset-1',
            appId: 'contoso-weather',
            appName: 'Contoso Weather',
            callbackUri: 'http://127.0.0.1:9000/cb',
            body: new Uint8Array([1]),
          },
        ],
      },
    })

    expect(callbackLog.getState().deliveries[0]?.state).toBe('not-sent')
  })
})

describe('answerRelayRequest', () => {
  it('fetches on the page origin with the relay headers', async () => {
    const fetchChannel = vi.fn<typeof fetch>(() =>
      Promise.resolve(new Response('no', { status: 400 })),
    )

    const response = await answerRelayRequest(relayRequest(), {
      pageOrigin: PAGE_ORIGIN,
      fetchChannel,
    })

    const [url, init] = fetchChannel.mock.calls[0] ?? []
    const headers = new Headers(init?.headers)
    expect(url).toBe(`${PAGE_ORIGIN}/unthrottledthirdparty/01.00/AQabc`)
    expect(headers.get('X-Emulator-Channel-Uri')).toBe(
      'https://127.0.0.1:5443/unthrottledthirdparty/01.00/AQabc',
    )
    expect(headers.get('X-Emulator-Client-Certificate')).toBe('push.contoso.example')
    expect(headers.get('X-Emulator-Relay')).toBe('r1')
    expect(headers.get('X-WindowsPhone-Target')).toBe('toast')
    expect(new TextDecoder().decode(init?.body as Uint8Array)).toBe('<xml/>')
    expect(response.status).toBe(400)
    expect(new TextDecoder().decode(fromBase64(response.bodyBase64))).toBe('no')
  })

  it('sends no body with GET', async () => {
    const fetchChannel = vi.fn<typeof fetch>(() =>
      Promise.resolve(new Response(null, { status: 405 })),
    )

    await answerRelayRequest(relayRequest({ method: 'GET' }), {
      pageOrigin: PAGE_ORIGIN,
      fetchChannel,
    })

    expect(fetchChannel.mock.calls[0]?.[1]?.body).toBeNull()
  })

  it('answers 503 when the fetch fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const fetchChannel = vi.fn<typeof fetch>(() => Promise.reject(new TypeError('Failed to fetch')))

    const response = await answerRelayRequest(relayRequest(), {
      pageOrigin: PAGE_ORIGIN,
      fetchChannel,
    })

    expect(response.status).toBe(503)
    expect(response.headers[0]?.[1]).toContain('Failed to fetch')
  })
})
