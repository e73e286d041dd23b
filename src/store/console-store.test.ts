import { beforeEach, describe, expect, it, vi } from 'vitest'

import type { EngineClockSnapshot, WorkerBroadcastMessage } from '@/messaging/messages'
import { DEFAULT_ENGINE_SETTINGS } from '@/mpns/engine'
import type { ChannelRecord, EngineSettings } from '@/mpns/types'

import { createConsoleStore, startConsoleSync } from './console-store'
import {
  WorkerRequestError,
  getEngineClock,
  getEngineSettings,
  renewChannel,
  requestWorker,
  subscribeToWorker,
  updateEngineClock,
  updateEngineSettings,
} from './worker-sync'
import type { BroadcastListener } from './worker-sync'
import type * as WorkerSync from './worker-sync'

vi.mock('./worker-sync', async (importOriginal) => ({
  ...(await importOriginal<typeof WorkerSync>()),
  requestWorker: vi.fn(),
  subscribeToWorker: vi.fn(),
  renewChannel: vi.fn(),
  getEngineSettings: vi.fn(),
  updateEngineSettings: vi.fn(),
  getEngineClock: vi.fn(),
  updateEngineClock: vi.fn(),
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
  tileTemplate: 'FlipTile',
  openedAt: 0,
}

const CHAT_CHANNEL: ChannelRecord = {
  ...CHANNEL,
  token: 'chat',
  channelUri: 'http://127.0.0.1:5173/throttledthirdparty/01.00/chat',
  appId: 'contoso-chat',
  appName: 'Contoso Chat',
  tileTemplate: 'IconicTile',
}

const CLOCK: EngineClockSnapshot = {
  clock: { speed: 1, anchorRealMs: 1_000, anchorEngineMs: 5_000 },
  engineNow: 5_000,
}

let listedChannels: ChannelRecord[]

beforeEach(() => {
  vi.clearAllMocks()
  listedChannels = [CHANNEL]
  vi.mocked(requestWorker).mockImplementation(() => Promise.resolve({ channels: listedChannels }))
  vi.mocked(subscribeToWorker).mockReturnValue(() => undefined)
  vi.mocked(getEngineSettings).mockResolvedValue(DEFAULT_ENGINE_SETTINGS)
  vi.mocked(getEngineClock).mockResolvedValue(CLOCK)
})

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
      ['X-Emulator-Console-Request', store.getState().exchange?.consoleRequestId],
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

    expect(fetchStub.mock.calls[0]?.[1]?.headers).toEqual([
      ['X-Emulator-Console-Request', store.getState().exchange?.consoleRequestId],
    ])
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

  it('lists only open channels', async () => {
    listedChannels = [{ ...CHAT_CHANNEL, closedAt: 10, closeReason: 'renewed' }, CHANNEL]
    const store = createConsoleStore(createFetchStub(new Response(null)))

    await store.getState().refreshChannels()

    expect(store.getState().channels).toEqual([CHANNEL])
  })

  it('renews the selected channel and selects the new one', async () => {
    const renewed = { ...CHANNEL, token: 'renewed', channelUri: 'http://127.0.0.1/renewed' }
    vi.mocked(renewChannel).mockImplementation(() => {
      listedChannels = [renewed]
      return Promise.resolve(renewed)
    })
    const store = createConsoleStore(createFetchStub(new Response(null)))
    await store.getState().refreshChannels()

    await store.getState().renewSelectedChannel()

    expect(renewChannel).toHaveBeenCalledWith({ handsetId: 'handset-1', appId: 'contoso-weather' })
    expect(store.getState().selectedToken).toBe('renewed')
    expect(store.getState().channelError).toBeNull()
  })

  it('shows why a renewal failed', async () => {
    vi.mocked(renewChannel).mockRejectedValue(
      new WorkerRequestError('CHANNEL_RENEW', 'No open channel for contoso-weather.'),
    )
    const store = createConsoleStore(createFetchStub(new Response(null)))
    await store.getState().refreshChannels()

    await store.getState().renewSelectedChannel()

    expect(store.getState().channelError).toBe(
      'Failed to renew the channel URI: No open channel for contoso-weather.',
    )
  })

  it('loads the engine settings and clock', async () => {
    const store = createConsoleStore(createFetchStub(new Response(null)))

    await store.getState().loadEngineState()

    expect(store.getState().settings).toEqual(DEFAULT_ENGINE_SETTINGS)
    expect(store.getState().clock).toEqual(CLOCK)
  })

  it('mirrors settings and clock broadcasts', async () => {
    let listener: BroadcastListener | undefined
    vi.mocked(subscribeToWorker).mockImplementation((subscriber) => {
      listener = subscriber
      return () => undefined
    })
    const store = createConsoleStore(createFetchStub(new Response(null)))
    startConsoleSync(store)
    await vi.waitFor(() => expect(store.getState().clock).toEqual(CLOCK))

    const settings: EngineSettings = { ...DEFAULT_ENGINE_SETTINGS, serviceDown: true }
    const clock: EngineClockSnapshot = {
      clock: { speed: 100, anchorRealMs: 2_000, anchorEngineMs: 6_000 },
      engineNow: 6_000,
    }
    const broadcasts: WorkerBroadcastMessage[] = [
      { type: 'SETTINGS_CHANGED_MESSAGE', payload: { settings } },
      { type: 'CLOCK_CHANGED_MESSAGE', payload: clock },
    ]
    broadcasts.forEach((message) => listener?.(message))

    expect(store.getState().settings).toEqual(settings)
    expect(store.getState().clock).toEqual(clock)
  })

  it('keeps a newer clock over an older reply', () => {
    const store = createConsoleStore(createFetchStub(new Response(null)))
    const newer: EngineClockSnapshot = {
      clock: { speed: 10, anchorRealMs: 3_000, anchorEngineMs: 9_000 },
      engineNow: 9_000,
    }

    store.getState().mirrorClock(newer)
    store.getState().mirrorClock(CLOCK)

    expect(store.getState().clock).toEqual(newer)
  })

  it('stores changed settings and clears their error', async () => {
    const changed = { ...DEFAULT_ENGINE_SETTINGS, dailyQuota: 20 }
    vi.mocked(updateEngineSettings)
      .mockRejectedValueOnce(new WorkerRequestError('SETTINGS_UPDATE', 'Invalid dailyQuota -1.'))
      .mockResolvedValueOnce(changed)
    const store = createConsoleStore(createFetchStub(new Response(null)))

    await store.getState().changeNumericSetting('dailyQuota', '-1')
    expect(store.getState().settingErrors).toEqual({ dailyQuota: 'Invalid dailyQuota -1.' })
    await store.getState().changeNumericSetting('dailyQuota', '20')

    expect(updateEngineSettings).toHaveBeenLastCalledWith({ dailyQuota: 20 })
    expect(store.getState().settings).toEqual(changed)
    expect(store.getState().settingErrors).toEqual({})
  })

  it('shows a switched setting before the worker replies', async () => {
    let reject: (error: Error) => void = () => undefined
    vi.mocked(updateEngineSettings).mockImplementationOnce(
      () =>
        new Promise<EngineSettings>((_resolve, rejectUpdate) => {
          reject = rejectUpdate
        }),
    )
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const store = createConsoleStore(createFetchStub(new Response(null)))
    store.getState().mirrorSettings(DEFAULT_ENGINE_SETTINGS)

    const change = store.getState().changeSettings({ strictMode: true })
    expect(store.getState().settings?.strictMode).toBe(true)
    reject(new WorkerRequestError('SETTINGS_UPDATE', 'The worker stopped.'))
    await change

    expect(store.getState().settings?.strictMode).toBe(false)
    expect(store.getState().settingErrors).toEqual({ strictMode: 'The worker stopped.' })
  })

  it('stores a rejection against every changed setting', async () => {
    vi.mocked(updateEngineSettings).mockRejectedValue(
      new WorkerRequestError('SETTINGS_UPDATE', 'Body size limits must be positive.'),
    )
    const store = createConsoleStore(createFetchStub(new Response(null)))

    await store.getState().changeSettings({ maxXmlBodyBytes: 0, maxRawBodyBytes: 0 })

    expect(store.getState().settingErrors).toEqual({
      maxXmlBodyBytes: 'Body size limits must be positive.',
      maxRawBodyBytes: 'Body size limits must be positive.',
    })
  })

  it('rejects text that is not a number', async () => {
    const store = createConsoleStore(createFetchStub(new Response(null)))

    await store.getState().changeNumericSetting('queueDepth', 'ten')

    expect(updateEngineSettings).not.toHaveBeenCalled()
    expect(store.getState().settingErrors.queueDepth).toBe(
      '"ten" is not a number. Enter a whole number.',
    )
  })

  it('changes the clock speed', async () => {
    const faster = { ...CLOCK, clock: { ...CLOCK.clock, speed: 100, anchorRealMs: 4_000 } }
    vi.mocked(updateEngineClock).mockResolvedValue(faster)
    const store = createConsoleStore(createFetchStub(new Response(null)))

    await store.getState().changeClockSpeed(100)

    expect(updateEngineClock).toHaveBeenCalledWith({ speed: 100 })
    expect(store.getState().clock).toEqual(faster)
  })

  it('advances the clock by minutes', async () => {
    vi.mocked(updateEngineClock).mockResolvedValue(CLOCK)
    const store = createConsoleStore(createFetchStub(new Response(null)))

    await store.getState().advanceClock(' 90 ')

    expect(updateEngineClock).toHaveBeenCalledWith({ advanceMs: 5_400_000 })
    expect(store.getState().clockErrors).toEqual({})
  })

  it.each([
    { text: '', error: '"" is not a number. Enter the minutes to advance by.' },
    { text: '-5', error: '-5 minutes would turn the engine clock back. Enter 0 or more minutes.' },
  ])('refuses to advance by "$text"', async ({ text, error }) => {
    const store = createConsoleStore(createFetchStub(new Response(null)))

    await store.getState().advanceClock(text)

    expect(updateEngineClock).not.toHaveBeenCalled()
    expect(store.getState().clockErrors.advance).toBe(error)
  })

  it('shows the worker reason for a clock change', async () => {
    vi.mocked(updateEngineClock).mockRejectedValue(
      new WorkerRequestError('CLOCK_UPDATE', 'Clock speed 20000 is above 10000.'),
    )
    const store = createConsoleStore(createFetchStub(new Response(null)))

    await store.getState().changeClockSpeed(20_000)

    expect(store.getState().clockErrors).toEqual({ speed: 'Clock speed 20000 is above 10000.' })
  })
})
