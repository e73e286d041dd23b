import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { StateStorage } from 'zustand/middleware'

import type {
  DeviceStatePayload,
  WorkerBroadcastMessage,
  WorkerRequestMap,
  WorkerRequestStem,
} from '@/messaging/messages'
import type { ChannelRecord, QueuedNotification } from '@/mpns/types'
import { HANDSET_1, HANDSET_1_STORAGE_KEY } from '@/test/handset-builders'

import { deliveryJournal } from './delivery-journal'
import { createDeviceStore } from './device-store'
import { KEEPALIVE_INTERVAL_MS, PENDING_CHUNK_SIZE, startPushClient } from './push-client'
import type { OwnershipLock, PushClientOptions } from './push-client'
import { toDeviceStatePayload } from './slices/device-state-slice'
import type { BroadcastListener, WorkerRequester } from './worker-sync'

const HANDSET = 'handset-1'

interface RecordedRequest {
  stem: WorkerRequestStem
  payload: unknown
}

/** An in-memory service: a queue of due notifications, the channel list, and broadcasts. */
class FakeService {
  queue: QueuedNotification[] = []
  channels: ChannelRecord[] = []
  nextDueInRealMs: number | undefined
  requests: RecordedRequest[] = []
  failNextAck = false
  /** Runs while a PENDING request waits for its reply. */
  onPending: (() => void) | undefined
  private readonly listeners = new Set<BroadcastListener>()

  readonly request = (async (stem: WorkerRequestStem, payload: unknown) => {
    this.requests.push({ stem, payload })
    await Promise.resolve()
    return this.reply(stem, payload)
  }) as WorkerRequester

  readonly subscribe = (listener: BroadcastListener) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  broadcast(message: WorkerBroadcastMessage): void {
    for (const listener of this.listeners) {
      listener(message)
    }
  }

  stems(): WorkerRequestStem[] {
    return this.requests.map((request) => request.stem)
  }

  private reply(stem: WorkerRequestStem, payload: unknown): unknown {
    switch (stem) {
      case 'DEVICE_STATE':
        return { device: { ...(payload as DeviceStatePayload), lastContactAt: 0 } }
      case 'CHANNEL_LIST':
        return { channels: this.channels } satisfies WorkerRequestMap['CHANNEL_LIST']['response']
      case 'PENDING':
        return this.replyToPending(payload as WorkerRequestMap['PENDING']['request'])
      case 'ACK':
        return this.replyToAck(payload as WorkerRequestMap['ACK']['request'])
      default:
        throw new Error(`Failed to handle ${stem}_REQUEST: the fake service does not know it.`)
    }
  }

  private replyToPending(request: WorkerRequestMap['PENDING']['request']) {
    this.onPending?.()
    const limit = request.limit ?? this.queue.length
    const reply: WorkerRequestMap['PENDING']['response'] = {
      notifications: this.queue.slice(0, limit),
      more: this.queue.length > limit,
    }
    if (this.nextDueInRealMs !== undefined) {
      reply.nextDueInRealMs = this.nextDueInRealMs
    }
    return reply
  }

  private replyToAck(request: WorkerRequestMap['ACK']['request']) {
    if (this.failNextAck) {
      this.failNextAck = false
      throw new Error('Failed to handle ACK_REQUEST: the worker stopped.')
    }
    const before = this.queue.length
    this.queue = this.queue.filter((item) => !request.deliveryIds.includes(item.deliveryId))
    return { removed: before - this.queue.length }
  }
}

/** The handset's reported state, changed by the test. */
class FakeHandset {
  state: DeviceStatePayload = {
    handsetId: HANDSET,
    foregroundAppId: null,
    network: 'online',
    battery: 'normal',
    secondaryTileIds: {},
  }
  applied: QueuedNotification[][] = []
  appliedIds = new Set<string>()
  private readonly listeners = new Set<() => void>()

  change(changes: Partial<DeviceStatePayload>): void {
    this.state = { ...this.state, ...changes }
    for (const listener of this.listeners) {
      listener()
    }
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  readonly apply = (notifications: readonly QueuedNotification[]) => {
    this.applied.push([...notifications])
    for (const notification of notifications) {
      this.appliedIds.add(notification.deliveryId)
    }
    return notifications.map((notification) => notification.deliveryId)
  }
}

const grantAtOnce: OwnershipLock = (_name, _signal, hold) => hold()

let service: FakeService
let handset: FakeHandset
let updateChannelUris: ReturnType<typeof vi.fn<PushClientOptions['updateChannelUris']>>
let stop: (() => void) | undefined

beforeEach(() => {
  vi.useFakeTimers()
  service = new FakeService()
  handset = new FakeHandset()
  updateChannelUris = vi.fn<PushClientOptions['updateChannelUris']>()
  vi.spyOn(console, 'info').mockImplementation(() => undefined)
})

afterEach(() => {
  stop?.()
  stop = undefined
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('startPushClient', () => {
  it('reports the state before the first pull', async () => {
    handset.state.foregroundAppId = 'contoso-chat'

    start()
    await settle()

    expect(service.stems()).toEqual(['DEVICE_STATE', 'CHANNEL_LIST', 'PENDING'])
    expect(service.requests[0]?.payload).toEqual({
      handsetId: HANDSET,
      foregroundAppId: 'contoso-chat',
      network: 'online',
      battery: 'normal',
      secondaryTileIds: {},
    })
    expect(service.requests[2]?.payload).toEqual({ handsetId: HANDSET, limit: PENDING_CHUNK_SIZE })
  })

  it('applies and acknowledges due notifications', async () => {
    service.queue = [notification('d1'), notification('d2')]

    start()
    await settle()

    expect(handset.applied).toEqual([[notification('d1'), notification('d2')]])
    expect(service.requests.at(-1)).toEqual({
      stem: 'ACK',
      payload: { handsetId: HANDSET, deliveryIds: ['d1', 'd2'] },
    })
    expect(service.queue).toEqual([])
  })

  it('journals acknowledged deliveries', async () => {
    deliveryJournal.setState({ readEngineNow: () => 77_000 })
    service.queue = [notification('journal-1')]

    start()
    await settle()

    expect(service.stems()).toContain('ACK')
    expect(deliveryJournal.getState().deliveries['journal-1']?.deliveredAt).toBe(77_000)
  })

  it('sends no ACK for an empty reply', async () => {
    start()
    await settle()

    expect(service.stems()).not.toContain('ACK')
  })

  it('drains a backlog in chunks with a yield between', async () => {
    vi.useRealTimers()
    service.queue = Array.from({ length: 250 }, (_, index) => notification(`d${index}`))
    const events: string[] = []
    const apply = (notifications: readonly QueuedNotification[]) => {
      events.push(`apply ${notifications.length}`)
      // Runs only once the push client gives the event loop a turn.
      setTimeout(() => events.push('macrotask'), 0)
      return handset.apply(notifications)
    }

    start({ applyNotifications: apply })
    await vi.waitFor(() => expect(service.queue).toEqual([]))
    await new Promise((resolve) => setTimeout(resolve, 0))

    expect(events).toEqual([
      'apply 100',
      'macrotask',
      'apply 100',
      'macrotask',
      'apply 50',
      'macrotask',
    ])
    expect(handset.applied.flat().map((item) => item.deliveryId)).toEqual(
      Array.from({ length: 250 }, (_, index) => `d${index}`),
    )
  })

  it('offers an unacknowledged chunk again', async () => {
    service.queue = [notification('d1')]
    service.failNextAck = true
    vi.spyOn(console, 'error').mockImplementation(() => undefined)

    start()
    await settle()
    expect(service.queue).toHaveLength(1)

    service.broadcast({ type: 'NOTIFICATIONS_AVAILABLE_MESSAGE', payload: { handsetId: HANDSET } })
    await settle()

    expect(handset.applied).toEqual([[notification('d1')], [notification('d1')]])
    expect(service.queue).toEqual([])
  })

  it('does nothing while another tab owns the handset', async () => {
    let grant: (() => Promise<void>) | undefined
    start({ acquireOwnership: (_name, _signal, hold) => ((grant = hold), new Promise(() => {})) })
    await settle()

    handset.change({ foregroundAppId: 'contoso-weather', network: 'offline' })
    service.broadcast({ type: 'NOTIFICATIONS_AVAILABLE_MESSAGE', payload: { handsetId: HANDSET } })
    await vi.advanceTimersByTimeAsync(KEEPALIVE_INTERVAL_MS * 2)
    expect(service.requests).toEqual([])

    void grant?.()
    await flushMicrotasks()
    expect(service.requests[0]).toMatchObject({
      stem: 'DEVICE_STATE',
      payload: { foregroundAppId: 'contoso-weather', network: 'offline' },
    })
  })

  it('reports every state change', async () => {
    start()
    await settle()
    service.requests = []

    handset.change({ battery: 'saver' })
    await settle()
    handset.change({ battery: 'saver' })
    await settle()

    const reports = service.requests.filter((request) => request.stem === 'DEVICE_STATE')
    expect(reports).toHaveLength(1)
    expect(reports[0]?.payload).toMatchObject({ battery: 'saver' })
  })

  it('neither pulls nor acknowledges while offline', async () => {
    start()
    await settle()
    service.requests = []
    service.queue = [notification('d1')]

    handset.change({ network: 'offline' })
    await settle()
    service.broadcast({ type: 'NOTIFICATIONS_AVAILABLE_MESSAGE', payload: { handsetId: HANDSET } })
    service.broadcast({ type: 'CHANNELS_CHANGED_MESSAGE', payload: {} })
    await vi.advanceTimersByTimeAsync(KEEPALIVE_INTERVAL_MS)

    expect(service.stems()).toEqual(['DEVICE_STATE', 'DEVICE_STATE'])
    expect(service.requests[0]?.payload).toMatchObject({ network: 'offline' })
    expect(handset.appliedIds.size).toBe(0)
    expect(service.queue).toHaveLength(1)
  })

  it('reports then pulls in order when back online', async () => {
    handset.state.network = 'offline'
    service.queue = [notification('d1'), notification('d2'), notification('d3')]
    start()
    await settle()
    service.requests = []

    handset.change({ network: 'online' })
    await settle()

    expect(service.stems()).toEqual(['DEVICE_STATE', 'CHANNEL_LIST', 'PENDING', 'ACK'])
    expect(service.requests[0]?.payload).toMatchObject({ network: 'online' })
    expect(handset.applied.flat().map((item) => item.deliveryId)).toEqual(['d1', 'd2', 'd3'])
  })

  it('leaves a chunk queued when going offline mid-pull', async () => {
    service.queue = [notification('d1')]
    service.onPending = () => handset.change({ network: 'offline' })

    start()
    await settle()

    expect(handset.applied).toEqual([])
    expect(service.stems()).not.toContain('ACK')
    expect(service.queue).toHaveLength(1)
  })

  it('pulls when the next notification falls due', async () => {
    service.nextDueInRealMs = 4_500
    start()
    await settle()
    service.requests = []
    service.nextDueInRealMs = undefined

    await vi.advanceTimersByTimeAsync(4_499)
    expect(service.stems()).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(service.stems()).toEqual(['PENDING'])
  })

  it.each([
    { nextDueInRealMs: 1, firesAtMs: 50 },
    { nextDueInRealMs: 600_000, firesAtMs: KEEPALIVE_INTERVAL_MS },
  ])('clamps a due time of $nextDueInRealMs ms', async ({ nextDueInRealMs, firesAtMs }) => {
    service.nextDueInRealMs = nextDueInRealMs
    start()
    await settle()
    service.requests = []

    await vi.advanceTimersByTimeAsync(firesAtMs - 1)
    expect(service.stems()).not.toContain('PENDING')
    await vi.advanceTimersByTimeAsync(1)
    expect(service.stems()).toContain('PENDING')
  })

  it('resets the due timer on each pull', async () => {
    service.nextDueInRealMs = 4_500
    start()
    await settle()

    await vi.advanceTimersByTimeAsync(1_000)
    service.nextDueInRealMs = 10_000
    service.broadcast({ type: 'NOTIFICATIONS_AVAILABLE_MESSAGE', payload: { handsetId: HANDSET } })
    await settle()
    service.requests = []
    service.nextDueInRealMs = undefined

    await vi.advanceTimersByTimeAsync(9_999)
    expect(service.stems()).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(service.stems()).toEqual(['PENDING'])
  })

  it.each<{ name: string; message: WorkerBroadcastMessage }>([
    {
      name: 'new notifications',
      message: { type: 'NOTIFICATIONS_AVAILABLE_MESSAGE', payload: { handsetId: HANDSET } },
    },
    {
      name: 'a clock change',
      message: {
        type: 'CLOCK_CHANGED_MESSAGE',
        payload: { clock: { speed: 100, anchorRealMs: 0, anchorEngineMs: 0 }, engineNow: 0 },
      },
    },
  ])('pulls on $name', async ({ message }) => {
    start()
    await settle()
    service.requests = []

    service.broadcast(message)
    await settle()

    expect(service.stems()).toEqual(['PENDING'])
  })

  it('ignores notifications for another handset', async () => {
    start()
    await settle()
    service.requests = []

    service.broadcast({
      type: 'NOTIFICATIONS_AVAILABLE_MESSAGE',
      payload: { handsetId: 'handset-2' },
    })
    await settle()

    expect(service.requests).toEqual([])
  })

  it('applies notifications sent with the announcement', async () => {
    start()
    await settle()
    service.requests = []
    handset.applied = []

    service.queue = [notification('d1')]
    service.broadcast({
      type: 'NOTIFICATIONS_AVAILABLE_MESSAGE',
      payload: { handsetId: HANDSET, notifications: [notification('d1')] },
    })
    await settle()

    expect(handset.applied).toEqual([[notification('d1')]])
    expect(service.stems()).toEqual(['ACK'])
    expect(service.queue).toEqual([])
  })

  it('leaves sent notifications queued while offline', async () => {
    start()
    await settle()
    handset.change({ network: 'offline' })
    await settle()
    service.requests = []
    handset.applied = []

    service.queue = [notification('d1')]
    service.broadcast({
      type: 'NOTIFICATIONS_AVAILABLE_MESSAGE',
      payload: { handsetId: HANDSET, notifications: [notification('d1')] },
    })
    await settle()

    expect(handset.applied).toEqual([])
    expect(service.queue).toEqual([notification('d1')])
  })

  it('reports and pulls on the keep-alive', async () => {
    start()
    await settle()
    service.requests = []

    await vi.advanceTimersByTimeAsync(KEEPALIVE_INTERVAL_MS)

    expect(service.stems()).toEqual(['DEVICE_STATE', 'PENDING'])
  })

  it('passes the channel list on a channel change', async () => {
    start()
    await settle()
    const renewed = channelRecord('https://mpns.test/renewed')
    service.channels = [renewed]

    service.broadcast({ type: 'CHANNELS_CHANGED_MESSAGE', payload: {} })
    await settle()

    expect(updateChannelUris).toHaveBeenLastCalledWith([renewed])
  })

  it('stops contacting the service when stopped', async () => {
    start()
    await settle()
    service.requests = []

    stop?.()
    handset.change({ battery: 'critical' })
    service.broadcast({ type: 'NOTIFICATIONS_AVAILABLE_MESSAGE', payload: { handsetId: HANDSET } })
    await vi.advanceTimersByTimeAsync(KEEPALIVE_INTERVAL_MS * 2)

    expect(service.requests).toEqual([])
  })
})

describe('startPushClient with the device store', () => {
  it('delivers raw to the app open before a reload', async () => {
    const storage = createMemoryStorage()
    const stored = {
      state: { screen: { kind: 'app', appId: 'contoso-chat', page: '/MainPage.xaml', query: [] } },
      version: 1,
    }
    void storage.setItem(HANDSET_1_STORAGE_KEY, JSON.stringify(stored))
    const store = createDeviceStore({ ...HANDSET_1, storage: storage })
    service.queue = [notification('d1')]

    startWithStore(store)
    await settle()

    expect(service.requests[0]?.payload).toMatchObject({ foregroundAppId: 'contoso-chat' })
    expect(store.getState().apps['contoso-chat']?.rawReceivedCount).toBe(1)
  })

  it('applies a redelivered chunk once', async () => {
    const store = createDeviceStore({ ...HANDSET_1, storage: createMemoryStorage() })
    store.getState().openAppList()
    service.queue = [toastNotification('d1'), toastNotification('d2')]
    service.failNextAck = true
    vi.spyOn(console, 'error').mockImplementation(() => undefined)

    startWithStore(store)
    await settle()
    service.broadcast({ type: 'NOTIFICATIONS_AVAILABLE_MESSAGE', payload: { handsetId: HANDSET } })
    await settle()

    expect(service.queue).toEqual([])
    expect(store.getState().toasts.map((toast) => toast.id)).toEqual(['d1', 'd2'])
  })
})

function startWithStore(store: ReturnType<typeof createDeviceStore>): void {
  stop = startPushClient({
    handsetId: HANDSET,
    readDeviceState: () => toDeviceStatePayload(store.getState()),
    subscribeToDeviceState: (listener) => store.subscribe(listener),
    applyNotifications: (notifications) => store.getState().applyNotifications(notifications),
    updateChannelUris: (channels) => store.getState().updateChannelUris(channels),
    transport: { request: service.request, subscribe: service.subscribe },
    acquireOwnership: grantAtOnce,
  })
}

function createMemoryStorage(): StateStorage {
  const items = new Map<string, string>()
  return {
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => {
      items.set(name, value)
    },
    removeItem: (name) => {
      items.delete(name)
    },
  }
}

function toastNotification(deliveryId: string): QueuedNotification {
  return {
    ...notification(deliveryId),
    token: 'token-weather',
    appId: 'contoso-weather',
    notificationClass: 2,
    payload: { type: 'toast', toast: { text1: deliveryId, silent: false } },
  }
}

function start(overrides: Partial<PushClientOptions> = {}): void {
  stop = startPushClient({
    handsetId: HANDSET,
    readDeviceState: () => handset.state,
    subscribeToDeviceState: handset.subscribe,
    applyNotifications: handset.apply,
    updateChannelUris,
    transport: { request: service.request, subscribe: service.subscribe },
    acquireOwnership: grantAtOnce,
    ...overrides,
  })
}

/** Runs every pending promise callback without moving fake time. */
async function flushMicrotasks(): Promise<void> {
  for (let round = 0; round < 20; round += 1) {
    await Promise.resolve()
  }
}

/** Runs promise callbacks and zero-delay timers until the push client is idle. */
async function settle(): Promise<void> {
  for (let round = 0; round < 10; round += 1) {
    await vi.advanceTimersByTimeAsync(0)
  }
}

function notification(deliveryId: string): QueuedNotification {
  return {
    deliveryId,
    token: 'token-chat',
    handsetId: HANDSET,
    appId: 'contoso-chat',
    notificationClass: 3,
    acceptedAt: 0,
    dueAt: 0,
    payload: { type: 'raw', body: new TextEncoder().encode(deliveryId) },
  }
}

function channelRecord(channelUri: string): ChannelRecord {
  return {
    token: 'token-weather',
    channelUri,
    handsetId: HANDSET,
    appId: 'contoso-weather',
    appName: 'Contoso Weather',
    channelName: 'ContosoWeatherChannel',
    boundToast: true,
    boundTile: true,
    tileTemplate: 'FlipTile',
    openedAt: 0,
  }
}
