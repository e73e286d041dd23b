import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { ChannelRecord } from '@/mpns/types'

import { createConsoleStore, startConsoleSync } from '../console-store'
import type { ConsoleExchange } from '../console-store'
import { deliveryJournal } from '../delivery-journal'
import { requestWorker, subscribeToWorker } from '../worker-sync'
import type { BroadcastListener } from '../worker-sync'
import type * as WorkerSync from '../worker-sync'

vi.mock('../worker-sync', async (importOriginal) => ({
  ...(await importOriginal<typeof WorkerSync>()),
  requestWorker: vi.fn(),
  subscribeToWorker: vi.fn(),
  getEngineSettings: vi.fn(() => new Promise(() => undefined)),
  getEngineClock: vi.fn(() => new Promise(() => undefined)),
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

beforeEach(() => {
  vi.clearAllMocks()
  vi.mocked(requestWorker).mockImplementation(() => Promise.resolve({ channels: [CHANNEL] }))
  vi.mocked(subscribeToWorker).mockReturnValue(() => undefined)
})

afterEach(() => {
  vi.useRealTimers()
})

/** Creates a console store whose POSTs get 200. It records each exchange that has a response. */
async function createSendingStore() {
  const fetchStub = vi.fn<typeof fetch>(() => Promise.resolve(new Response(null, { status: 200 })))
  const store = createConsoleStore(fetchStub)
  await store.getState().refreshChannels()
  const finished: ConsoleExchange[] = []
  store.subscribe((state, previous) => {
    if (state.exchange !== previous.exchange && state.exchange?.response !== undefined) {
      finished.push(state.exchange)
    }
  })
  return { store, fetchStub, finished }
}

describe('send series', () => {
  it('sends one request by default', async () => {
    const { store, fetchStub, finished } = await createSendingStore()

    await store.getState().send()

    expect(fetchStub).toHaveBeenCalledTimes(1)
    expect(finished).toHaveLength(1)
    expect(store.getState().series).toBeNull()
  })

  it('sends the count one after another', async () => {
    const { store, fetchStub, finished } = await createSendingStore()
    const progress: string[] = []
    store.subscribe(({ series }) => {
      if (series !== null && series.current > 0) {
        progress.push(`${series.current} of ${series.total}`)
      }
    })
    store.getState().chooseSendOption('sendCount', '3')

    await store.getState().send()

    expect(fetchStub).toHaveBeenCalledTimes(3)
    expect([...new Set(progress)]).toEqual(['1 of 3', '2 of 3', '3 of 3'])
    expect(new Set(finished.map((exchange) => exchange.consoleRequestId)).size).toBe(3)
    expect(store.getState().series).toBeNull()
  })

  it('waits the delay in real seconds', async () => {
    vi.useFakeTimers()
    const { store, fetchStub } = await createSendingStore()
    store.getState().chooseSendOption('delaySeconds', '5')

    const sending = store.getState().send()
    expect(store.getState().series?.countdownEndsAt).toBe(Date.now() + 5_000)
    await vi.advanceTimersByTimeAsync(4_999)
    expect(fetchStub).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    await sending

    expect(fetchStub).toHaveBeenCalledTimes(1)
  })

  it('cancels during the countdown', async () => {
    vi.useFakeTimers()
    const { store, fetchStub } = await createSendingStore()
    store.getState().chooseSendOption('delaySeconds', '60')

    const sending = store.getState().send()
    store.getState().cancelSending()
    await sending
    await vi.advanceTimersByTimeAsync(60_000)

    expect(fetchStub).not.toHaveBeenCalled()
    expect(store.getState().series).toBeNull()
    expect(store.getState().seriesNotice).toBe('Cancelled before sending.')
  })

  it('cancels the requests not yet sent', async () => {
    const { store, fetchStub } = await createSendingStore()
    store.getState().chooseSendOption('sendCount', '5')
    const unsubscribe = store.subscribe(({ series }) => {
      if (series?.current === 2) {
        store.getState().cancelSending()
      }
    })

    await store.getState().send()
    unsubscribe()

    expect(fetchStub).toHaveBeenCalledTimes(2)
    expect(store.getState().seriesNotice).toBe('Cancelled after 2 of 5 requests.')
  })

  it('clears the cancel notice when the next series starts', async () => {
    const { store } = await createSendingStore()
    store.setState({ seriesNotice: 'Cancelled before sending.' })
    await store.getState().send()
    expect(store.getState().seriesNotice).toBeNull()
  })

  it('ignores Send while a series runs', async () => {
    vi.useFakeTimers()
    const { store, fetchStub } = await createSendingStore()
    store.getState().chooseSendOption('delaySeconds', '1')

    const first = store.getState().send()
    await store.getState().send()
    await vi.advanceTimersByTimeAsync(1_000)
    await first

    expect(fetchStub).toHaveBeenCalledTimes(1)
  })

  it.each<['sendCount' | 'delaySeconds', string]>([
    ['sendCount', '0'],
    ['sendCount', '101'],
    ['sendCount', '2.5'],
    ['sendCount', ''],
    ['delaySeconds', '-1'],
    ['delaySeconds', '3601'],
    ['delaySeconds', 'soon'],
  ])('rejects %s "%s"', async (option, text) => {
    const { store, fetchStub } = await createSendingStore()

    store.getState().chooseSendOption(option, text)
    await store.getState().send()

    expect(store.getState().sendOptionErrors[option]).toMatch(
      /^Invalid .* enter a whole number from/,
    )
    expect(store.getState()[option]).toBe(option === 'sendCount' ? 1 : 0)
    expect(fetchStub).not.toHaveBeenCalled()
  })

  it('accepts the limits', async () => {
    const { store } = await createSendingStore()

    store.getState().chooseSendOption('sendCount', '100')
    store.getState().chooseSendOption('delaySeconds', '3600')

    expect(store.getState().sendCount).toBe(100)
    expect(store.getState().delaySeconds).toBe(3600)
    expect(store.getState().sendOptionErrors).toEqual({})
  })
})

describe('startConsoleSync journal', () => {
  it('records the worker reports', () => {
    let listener: BroadcastListener = () => undefined
    vi.mocked(subscribeToWorker).mockImplementation((next) => {
      listener = next
      return () => undefined
    })
    const store = createConsoleStore(vi.fn<typeof fetch>())
    const stop = startConsoleSync(store)
    const payload = {
      consoleRequestId: 'console-9',
      token: 'tok',
      status: 200,
      acceptedAt: 1_000,
    }

    listener({ type: 'CONSOLE_REQUEST_HANDLED_MESSAGE', payload })
    stop()

    expect(deliveryJournal.getState().handledRequests['console-9']).toEqual(payload)
  })

  it('reads engine time from the clock mirror', () => {
    const store = createConsoleStore(vi.fn<typeof fetch>())
    const stop = startConsoleSync(store)
    store.getState().mirrorClock({
      clock: { speed: 0, anchorRealMs: 0, anchorEngineMs: 42_000 },
      engineNow: 42_000,
    })

    const engineNow = deliveryJournal.getState().readEngineNow()
    stop()

    expect(engineNow).toBe(42_000)
  })
})
