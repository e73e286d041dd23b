import { describe, expect, it, vi } from 'vitest'

import type { ChannelRecord } from '@/mpns/types'

import { createConsoleStore } from './console-store'

vi.mock('./worker-sync', () => ({
  requestWorker: vi.fn(() => Promise.resolve({ channels: [CHANNEL] })),
  subscribeToWorker: vi.fn(() => () => undefined),
}))

const CHANNEL: ChannelRecord = {
  token: 'tok',
  channelUri: 'http://127.0.0.1:5173/throttledthirdparty/01.00/tok',
  handsetId: 'handset-1',
  appId: 'contoso-weather',
  appName: 'Contoso Weather',
  channelName: 'main',
  boundToast: true,
  boundTile: true,
  openedAt: 0,
}

const CHAT_CHANNEL: ChannelRecord = {
  ...CHANNEL,
  token: 'chat',
  channelUri: 'http://127.0.0.1:5173/throttledthirdparty/01.00/chat',
  appId: 'contoso-chat',
  appName: 'Contoso Chat',
}

function createFetchStub(response: Response) {
  return vi.fn<typeof fetch>(() => Promise.resolve(response))
}

describe('console store', () => {
  it('selects the first channel after a refresh', async () => {
    const store = createConsoleStore(createFetchStub(new Response(null)))
    await store.getState().refreshChannels()
    expect(store.getState().selectedToken).toBe('tok')
  })

  it('sends toast headers and the payload as bytes', async () => {
    const fetchStub = createFetchStub(new Response(null, { status: 200 }))
    const store = createConsoleStore(fetchStub)
    await store.getState().refreshChannels()
    store.getState().editMessageId(' 3f2504e0-4f89-11d3-9a0c-0305e82c3301 ')

    await store.getState().send()

    const [url, init] = fetchStub.mock.calls[0] ?? []
    expect(url).toBe(CHANNEL.channelUri)
    expect(init?.method).toBe('POST')
    expect(init?.headers).toEqual([
      ['Content-Type', 'text/xml'],
      ['X-WindowsPhone-Target', 'toast'],
      ['X-NotificationClass', '2'],
      ['X-MessageID', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
    ])
    expect(init?.body).toBeInstanceOf(Uint8Array)
  })

  it('sends raw without target or content type', async () => {
    const fetchStub = createFetchStub(new Response(null, { status: 200 }))
    const store = createConsoleStore(fetchStub)
    await store.getState().refreshChannels()
    store.getState().chooseNotificationType('raw')
    store.getState().chooseNotificationClass('')

    await store.getState().send()

    expect(fetchStub.mock.calls[0]?.[1]?.headers).toEqual([])
  })

  it('records the response with MPNS header casing', async () => {
    const response = new Response('Malformed XML payload', {
      status: 400,
      statusText: 'Bad Request',
      headers: { 'x-emulator-reason': 'Malformed XML payload' },
    })
    const store = createConsoleStore(createFetchStub(response))
    await store.getState().refreshChannels()

    await store.getState().send()

    const exchange = store.getState().exchange
    expect(exchange?.response?.status).toBe(400)
    expect(exchange?.response?.headers).toContainEqual([
      'X-Emulator-Reason',
      'Malformed XML payload',
    ])
    expect(exchange?.response?.body).toBe('Malformed XML payload')
    expect(store.getState().sending).toBe(false)
  })

  it('records a network failure instead of a response', async () => {
    const store = createConsoleStore(
      vi.fn<typeof fetch>(() => Promise.reject(new TypeError('down'))),
    )
    await store.getState().refreshChannels()

    await store.getState().send()

    expect(store.getState().exchange?.failure).toContain('down')
  })

  it('offers the tile starter of the chosen app', async () => {
    const store = createConsoleStore(createFetchStub(new Response(null)))
    await store.getState().refreshChannels()
    expect(store.getState().payloads.tile).toContain('Template="FlipTile"')

    store.setState({ channels: [CHANNEL, CHAT_CHANNEL] })
    store.getState().selectChannel('chat')

    expect(store.getState().payloads.tile).toContain('Template="IconicTile"')
  })

  it('keeps an edited tile payload when the channel changes', async () => {
    const store = createConsoleStore(createFetchStub(new Response(null)))
    await store.getState().refreshChannels()
    store.getState().chooseNotificationType('tile')
    store.getState().editPayload('<edited/>')

    store.setState({ channels: [CHANNEL, CHAT_CHANNEL] })
    store.getState().selectChannel('chat')

    expect(store.getState().payloads.tile).toBe('<edited/>')
  })

  it('keeps one payload per notification type', () => {
    const store = createConsoleStore(createFetchStub(new Response(null)))
    store.getState().editPayload('<edited/>')
    store.getState().chooseNotificationType('tile')

    expect(store.getState().payloads.tile).toContain('FlipTile')
    expect(store.getState().payloads.toast).toBe('<edited/>')
    expect(store.getState().notificationClass).toBe('1')
  })
})
