import 'fake-indexeddb/auto'
import { openDB } from 'idb'
import { afterEach, describe, expect, it, vi } from 'vitest'

import type { EngineClockState } from '@/mpns/clock'
import type { QueueStore, StoreChange, UnansweredRequest } from '@/mpns/delivery'
import { DEFAULT_ENGINE_SETTINGS } from '@/mpns/engine'
import type { ChannelRecord, DeviceRecord, QueuedNotification } from '@/mpns/types'

import { openIndexedDbQueueStore } from './indexeddb-queue-store'
import { createMemoryQueueStore } from './memory-queue-store'

let databaseCounter = 0

function nextDatabaseName(): string {
  databaseCounter += 1
  return `contract-${databaseCounter}`
}

const implementations: Array<[string, () => Promise<QueueStore>]> = [
  ['memory', () => Promise.resolve(createMemoryQueueStore())],
  ['indexeddb', () => openIndexedDbQueueStore({ databaseName: nextDatabaseName() })],
]

const CHANNEL: ChannelRecord = {
  token: 'token-a',
  channelUri: 'http://127.0.0.1/throttledthirdparty/01.00/token-a',
  handsetId: 'handset-1',
  appId: 'contoso-weather',
  appName: 'Contoso Weather',
  channelName: 'main',
  boundToast: true,
  boundTile: true,
  tileTemplate: 'FlipTile',
  openedAt: 1_000,
}

const DEVICE: DeviceRecord = {
  handsetId: 'handset-1',
  foregroundAppId: null,
  lastContactAt: 5,
  network: 'online',
  battery: 'normal',
  secondaryTileIds: { 'contoso-weather': ['/Forecast.xaml?city=Oslo'] },
}

const CLOCK: EngineClockState = { speed: 60, anchorRealMs: 1_000, anchorEngineMs: 5_000 }

function queued(
  deliveryId: string,
  options: { handsetId?: string; token?: string; dueAt?: number } = {},
) {
  const notification: QueuedNotification = {
    deliveryId,
    token: options.token ?? 'token-a',
    handsetId: options.handsetId ?? 'handset-1',
    appId: 'contoso-weather',
    notificationClass: 2,
    acceptedAt: 1_000,
    dueAt: options.dueAt ?? 1_000,
    payload: { type: 'raw', body: new Uint8Array([0, 1, 255]) },
  }
  return notification
}

function enqueue(...deliveryIds: string[]): StoreChange[] {
  return deliveryIds.map((deliveryId) => ({ kind: 'enqueue', notification: queued(deliveryId) }))
}

async function listDeliveryIds(store: QueueStore, handsetId = 'handset-1'): Promise<string[]> {
  return (await store.listQueued(handsetId)).map((notification) => notification.deliveryId)
}

afterEach(() => {
  vi.restoreAllMocks()
})

/** Keeps the expected IndexedDB error log of a failing batch out of the test output. */
function silenceErrorLog(): void {
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
}

describe.each(implementations)('QueueStore (%s)', (_name, open) => {
  it('finds a stored channel by token, app and handset', async () => {
    const store = await open()
    const other = { ...CHANNEL, token: 'token-b', handsetId: 'handset-2' }
    await store.commit([
      { kind: 'put-channel', channel: CHANNEL },
      { kind: 'put-channel', channel: other },
    ])

    expect(await store.getChannel('token-a')).toEqual(CHANNEL)
    expect(await store.findChannelByApp('handset-1', 'contoso-weather')).toEqual(CHANNEL)
    expect(await store.findChannelByApp('handset-1', 'other')).toBeUndefined()
    expect(await store.listChannels()).toHaveLength(2)
    expect(await store.listChannels('handset-2')).toEqual([other])
  })

  it('returns undefined for unknown records', async () => {
    const store = await open()

    expect(await store.getChannel('missing')).toBeUndefined()
    expect(await store.getDevice('missing')).toBeUndefined()
    expect(await store.getUsage('missing')).toBeUndefined()
    expect(await store.getSettings()).toBeUndefined()
    expect(await store.getClock()).toBeUndefined()
    expect(await store.countQueued('missing')).toBe(0)
  })

  it('finds the open channel of an app next to its closed ones', async () => {
    const store = await open()
    const closed = {
      ...CHANNEL,
      token: 'token-old',
      closedAt: 900,
      closeReason: 'renewed' as const,
    }
    await store.commit([
      { kind: 'put-channel', channel: closed },
      { kind: 'put-channel', channel: CHANNEL },
    ])

    expect(await store.findChannelByApp('handset-1', 'contoso-weather')).toEqual(CHANNEL)
    expect(await store.getChannel('token-old')).toEqual(closed)
  })

  it('skips an app whose only channel is closed', async () => {
    const store = await open()
    await store.commit([
      { kind: 'put-channel', channel: { ...CHANNEL, closedAt: 2_000, closeReason: 'uninstalled' } },
    ])

    expect(await store.findChannelByApp('handset-1', 'contoso-weather')).toBeUndefined()
  })

  it('stores devices, usage, settings and the clock', async () => {
    const store = await open()
    const settings = { ...DEFAULT_ENGINE_SETTINGS, queueDepth: 5_000 }
    await store.commit([
      { kind: 'put-device', device: DEVICE },
      { kind: 'put-usage', usage: { token: 'token-a', day: '2013-05-01', count: 7 } },
      { kind: 'put-settings', settings },
      { kind: 'put-clock', clock: CLOCK },
    ])

    expect(await store.getDevice('handset-1')).toEqual(DEVICE)
    expect(await store.listDevices()).toEqual([DEVICE])
    expect(await store.getUsage('token-a')).toEqual({
      token: 'token-a',
      day: '2013-05-01',
      count: 7,
    })
    expect(await store.getSettings()).toEqual(settings)
    expect(await store.getClock()).toEqual(CLOCK)
  })

  it('keeps the last value written per key in a batch', async () => {
    const store = await open()
    await store.commit([
      { kind: 'put-usage', usage: { token: 'token-a', day: '2013-05-01', count: 1 } },
      { kind: 'put-device', device: DEVICE },
      { kind: 'put-usage', usage: { token: 'token-a', day: '2013-05-01', count: 2 } },
      { kind: 'put-device', device: { ...DEVICE, network: 'offline', offlineSince: 9 } },
    ])

    expect((await store.getUsage('token-a'))?.count).toBe(2)
    expect((await store.getDevice('handset-1'))?.offlineSince).toBe(9)
  })

  it('lists queued notifications in acceptance order across batches', async () => {
    const store = await open()
    await store.commit(enqueue('z-first', 'a-second'))
    await store.commit([
      { kind: 'enqueue', notification: queued('other', { handsetId: 'handset-2' }) },
      ...enqueue('m-third'),
    ])

    const listed = await store.listQueued('handset-1')

    expect(listed.map((notification) => notification.deliveryId)).toEqual([
      'z-first',
      'a-second',
      'm-third',
    ])
    expect(listed[0]).toEqual(queued('z-first'))
    expect(listed[0]?.payload).toEqual({ type: 'raw', body: new Uint8Array([0, 1, 255]) })
  })

  it('lists due notifications in acceptance order', async () => {
    const store = await open()
    await store.commit([
      { kind: 'enqueue', notification: queued('slow', { dueAt: 900 }) },
      { kind: 'enqueue', notification: queued('waiting', { dueAt: 5_000 }) },
      { kind: 'enqueue', notification: queued('fast', { dueAt: 100 }) },
      { kind: 'enqueue', notification: queued('other', { handsetId: 'handset-2' }) },
      { kind: 'enqueue', notification: queued('later', { dueAt: 3_000 }) },
    ])

    const selection = await store.listDue('handset-1', { now: 1_000, limit: 10 })

    expect(selection.notifications.map(({ deliveryId }) => deliveryId)).toEqual(['slow', 'fast'])
    expect(selection.notifications[0]).toEqual(queued('slow', { dueAt: 900 }))
    expect(selection.more).toBe(false)
    expect(selection.nextDueAt).toBe(3_000)
  })

  it('lists at most the limit of due notifications', async () => {
    const store = await open()
    await store.commit(enqueue('one', 'two', 'three'))

    const selection = await store.listDue('handset-1', { now: 1_000, limit: 2 })

    expect(selection.notifications.map(({ deliveryId }) => deliveryId)).toEqual(['one', 'two'])
    expect(selection.more).toBe(true)
    expect(selection).not.toHaveProperty('nextDueAt')
  })

  it('lists nothing due for an unknown handset', async () => {
    const store = await open()
    await store.commit(enqueue('one'))

    expect(await store.listDue('handset-9', { now: 1_000, limit: 10 })).toEqual({
      notifications: [],
      more: false,
    })
  })

  it('counts queued notifications per channel', async () => {
    const store = await open()
    await store.commit([
      ...enqueue('one', 'two'),
      { kind: 'enqueue', notification: queued('three', { token: 'token-b' }) },
    ])

    expect(await store.countQueued('token-a')).toBe(2)
    expect(await store.countQueued('token-b')).toBe(1)
  })

  it('removes only the acknowledged deliveries of that handset', async () => {
    const store = await open()
    await store.commit([
      ...enqueue('one', 'two'),
      { kind: 'enqueue', notification: queued('three', { handsetId: 'handset-2' }) },
    ])

    const result = await store.commit([
      {
        kind: 'remove-deliveries',
        handsetId: 'handset-1',
        deliveryIds: ['one', 'three', 'unknown'],
      },
    ])

    expect(result.removed).toEqual([{ changeIndex: 0, token: 'token-a' }])
    expect(await listDeliveryIds(store)).toEqual(['two'])
    expect(await listDeliveryIds(store, 'handset-2')).toEqual(['three'])
  })

  it('removes the queue of a channel, including what the batch enqueued', async () => {
    const store = await open()
    await store.commit([
      ...enqueue('one'),
      { kind: 'enqueue', notification: queued('kept', { token: 'token-b' }) },
    ])

    const result = await store.commit([
      ...enqueue('two'),
      { kind: 'remove-channel-queue', token: 'token-a' },
      ...enqueue('three'),
    ])

    expect(result.removed).toEqual([
      { changeIndex: 1, token: 'token-a' },
      { changeIndex: 1, token: 'token-a' },
    ])
    expect(await listDeliveryIds(store)).toEqual(['kept', 'three'])
    expect(await store.countQueued('token-a')).toBe(1)
  })

  it('reads the whole state at once', async () => {
    const store = await open()
    await store.commit([
      { kind: 'put-channel', channel: CHANNEL },
      { kind: 'put-device', device: DEVICE },
      { kind: 'put-usage', usage: { token: 'token-a', day: '2013-05-01', count: 3 } },
      { kind: 'put-clock', clock: CLOCK },
      ...enqueue('one', 'two', 'three'),
      { kind: 'enqueue', notification: queued('four', { token: 'token-b' }) },
    ])

    const state = await store.readState()

    expect(state.channels).toEqual([CHANNEL])
    expect(state.devices).toEqual([DEVICE])
    expect(state.usage).toEqual([{ token: 'token-a', day: '2013-05-01', count: 3 }])
    expect(state.queuedCounts).toEqual(
      new Map([
        ['token-a', 3],
        ['token-b', 1],
      ]),
    )
    expect(state.settings).toBeUndefined()
    expect(state.clock).toEqual(CLOCK)
  })

  it('clears every store at once', async () => {
    const store = await open()
    await store.commit([
      { kind: 'put-channel', channel: CHANNEL },
      { kind: 'put-device', device: DEVICE },
      { kind: 'put-usage', usage: { token: 'token-a', day: '2013-05-01', count: 3 } },
      { kind: 'put-clock', clock: CLOCK },
      ...enqueue('one', 'two'),
    ])

    await store.clear()

    const state = await store.readState()
    expect(state.channels).toEqual([])
    expect(state.devices).toEqual([])
    expect(state.usage).toEqual([])
    expect(state.queuedCounts).toEqual(new Map())
    expect(state.clock).toBeUndefined()
    expect(state.unanswered).toEqual([])
    expect(await store.listQueued('handset-1')).toEqual([])
  })

  it('stores and forgets unanswered requests', async () => {
    const store = await open()
    const unanswered = (deliveryId: string): UnansweredRequest => ({
      deliveryId,
      fingerprint: '0123456789abcdef',
      workerLifeId: 'life-1',
      acceptedAtRealMs: 1_000,
      response: {
        status: 200,
        statusText: 'OK',
        headers: [['X-NotificationStatus', 'Received']],
        body: '',
      },
    })
    await store.commit([
      { kind: 'put-unanswered', request: unanswered('one') },
      { kind: 'put-unanswered', request: unanswered('two') },
    ])

    await store.commit([{ kind: 'remove-unanswered', deliveryIds: ['one', 'unknown'] }])

    expect((await store.readState()).unanswered).toEqual([unanswered('two')])
  })

  it('writes nothing of a batch with a duplicate delivery id', async () => {
    const store = await open()
    await store.commit(enqueue('one'))
    silenceErrorLog()

    await expect(
      store.commit([
        { kind: 'put-channel', channel: CHANNEL },
        { kind: 'put-device', device: DEVICE },
        ...enqueue('two', 'one'),
      ]),
    ).rejects.toThrow(/Failed to commit/)

    expect(await store.getChannel('token-a')).toBeUndefined()
    expect(await store.getDevice('handset-1')).toBeUndefined()
    expect(await listDeliveryIds(store)).toEqual(['one'])
  })

  it('writes nothing of a batch with a value that cannot be cloned', async () => {
    const store = await open()
    await store.commit(enqueue('one'))
    const broken = { ...queued('two'), messageId: (() => 'x') as unknown as string }
    silenceErrorLog()

    await expect(
      store.commit([
        { kind: 'remove-deliveries', handsetId: 'handset-1', deliveryIds: ['one'] },
        { kind: 'put-channel', channel: CHANNEL },
        { kind: 'enqueue', notification: broken },
      ]),
    ).rejects.toThrow(/Failed to commit/)

    expect(await store.getChannel('token-a')).toBeUndefined()
    expect(await listDeliveryIds(store)).toEqual(['one'])
  })

  it('returns copies that callers cannot change in the store', async () => {
    const store = await open()
    await store.commit([{ kind: 'put-device', device: DEVICE }])

    const read = await store.getDevice('handset-1')
    read?.secondaryTileIds['contoso-weather']?.push('/Changed.xaml')

    expect(await store.getDevice('handset-1')).toEqual(DEVICE)
  })
})

describe('openIndexedDbQueueStore', () => {
  it('keeps committed state for the next connection', async () => {
    const databaseName = nextDatabaseName()
    const first = await openIndexedDbQueueStore({ databaseName })
    await first.commit([{ kind: 'put-channel', channel: CHANNEL }, ...enqueue('one')])

    const second = await openIndexedDbQueueStore({ databaseName })

    expect(await second.getChannel('token-a')).toEqual(CHANNEL)
    expect(await listDeliveryIds(second)).toEqual(['one'])
  })

  it('upgrades a version 1 database and completes its records', async () => {
    const databaseName = nextDatabaseName()
    await writeVersionOneDatabase(databaseName)

    const store = await openIndexedDbQueueStore({ databaseName })

    const { tileTemplate: _template, ...channelWithoutTemplate } = CHANNEL
    expect(await store.getChannel('token-a')).toEqual({
      ...channelWithoutTemplate,
      tileTemplate: 'FlipTile',
    })
    expect(await store.getDevice('handset-1')).toEqual({
      handsetId: 'handset-1',
      foregroundAppId: 'contoso-weather',
      lastContactAt: 5,
      network: 'online',
      battery: 'normal',
      secondaryTileIds: {},
    })
    expect(await store.listChannels('handset-1')).toHaveLength(1)
    expect(await store.countQueued('token-a')).toBe(2)
    expect(await listDeliveryIds(store)).toEqual(['old-first', 'old-second'])
    expect((await store.readState()).queuedCounts).toEqual(new Map([['token-a', 2]]))
    const due = await store.listDue('handset-1', { now: 1_000, limit: 10 })
    expect(due.notifications.map(({ deliveryId }) => deliveryId)).toEqual([
      'old-first',
      'old-second',
    ])
  })

  it('enqueues after the version 1 notifications', async () => {
    const databaseName = nextDatabaseName()
    await writeVersionOneDatabase(databaseName)
    const store = await openIndexedDbQueueStore({ databaseName })

    await store.commit(enqueue('new'))

    expect(await listDeliveryIds(store)).toEqual(['old-first', 'old-second', 'new'])
  })
})

/** Builds a database as schema version 1 of the emulator left it, then closes it. */
async function writeVersionOneDatabase(databaseName: string): Promise<void> {
  const database = await openDB(databaseName, 1, {
    upgrade(upgrading) {
      const channels = upgrading.createObjectStore('channels', { keyPath: 'token' })
      channels.createIndex('byApp', ['handsetId', 'appId'])
      upgrading.createObjectStore('devices', { keyPath: 'handsetId' })
      const queue = upgrading.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true })
      queue.createIndex('byHandset', 'handsetId')
      queue.createIndex('byDelivery', 'deliveryId', { unique: true })
    },
  })
  const { tileTemplate: _template, ...versionOneChannel } = CHANNEL
  await database.put('channels', versionOneChannel)
  await database.put('devices', {
    handsetId: 'handset-1',
    foregroundAppId: 'contoso-weather',
    lastContactAt: 5,
  })
  await database.add('queue', queued('old-first'))
  await database.add('queue', queued('old-second'))
  database.close()
}
