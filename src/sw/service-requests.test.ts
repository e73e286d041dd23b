import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { QueueStore } from '@/mpns/delivery'
import { openIndexedDbQueueStore } from '@/storage/indexeddb-queue-store'
import { createMemoryQueueStore } from '@/storage/memory-queue-store'
import {
  MINUTE_MS,
  ONLINE,
  ORIGIN,
  START_MS,
  WEATHER,
  openWeather,
  postToast,
  readHeader,
  setUp,
} from '@/test/service-harness'

let databaseCounter = 0

beforeEach(() => {
  // Channel and settings changes are logged; the tests check the stored state instead.
  vi.spyOn(console, 'info').mockImplementation(() => undefined)
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('channel lifecycle', () => {
  it('opens a channel and stores it', async () => {
    const { send, store, broadcasts } = setUp()

    const result = await send('CHANNEL_OPEN', WEATHER)

    expect(result.outcome).toBe('opened')
    const channel = result.outcome === 'opened' ? result.channel : undefined
    expect(channel?.channelUri).toBe(`${ORIGIN}/throttledthirdparty/01.00/${channel?.token}`)
    expect(channel).toMatchObject({ tileTemplate: 'FlipTile', openedAt: START_MS })
    expect(await store.getChannel(channel?.token ?? '')).toEqual(channel)
    expect(broadcasts).toContainEqual({ type: 'CHANNELS_CHANGED_MESSAGE', payload: {} })
  })

  it('updates the open channel of the app', async () => {
    const { send } = setUp()
    const first = await openWeather(send)

    const second = await send('CHANNEL_OPEN', {
      ...WEATHER,
      bindToast: false,
      tileTemplate: 'IconicTile',
    })

    expect(second).toEqual({
      outcome: 'updated',
      channel: { ...first, boundToast: false, tileTemplate: 'IconicTile' },
    })
  })

  it('issues an authenticated channel URI for a service name', async () => {
    const { send } = setUp()

    const result = await send('CHANNEL_OPEN', { ...WEATHER, serviceName: 'push.contoso.com' })

    const channel = result.outcome === 'opened' ? result.channel : undefined
    expect(channel?.serviceName).toBe('push.contoso.com')
    expect(channel?.channelUri).toBe(
      `${ORIGIN.replace('http:', 'https:')}/unthrottledthirdparty/01.00/${channel?.token}`,
    )
  })

  it('builds channel URIs on the bases the server advertises', async () => {
    const { send } = setUp()
    const channelUriBases = { http: 'http://127.0.0.2:8080', https: 'https://127.0.0.2:8443' }

    const plain = await send('CHANNEL_OPEN', { ...WEATHER, channelUriBases })
    const secure = await send('CHANNEL_OPEN', {
      ...WEATHER,
      appId: 'contoso-chat',
      serviceName: 'push.contoso.com',
      channelUriBases,
    })

    expect(plain.outcome === 'opened' ? plain.channel.channelUri : '').toMatch(
      /^http:\/\/127\.0\.0\.2:8080\/throttledthirdparty\/01\.00\/[\w-]+$/,
    )
    expect(secure.outcome === 'opened' ? secure.channel.channelUri : '').toMatch(
      /^https:\/\/127\.0\.0\.2:8443\/unthrottledthirdparty\/01\.00\/[\w-]+$/,
    )
  })

  it('moves an open channel to new bases and keeps its token', async () => {
    const { send } = setUp()
    const first = await openWeather(send)

    const again = await send('CHANNEL_OPEN', {
      ...WEATHER,
      channelUriBases: { http: 'http://127.0.0.2:8080', https: 'https://127.0.0.2:8443' },
    })

    expect(again.outcome).toBe('updated')
    expect(again.outcome === 'updated' ? again.channel.channelUri : '').toBe(
      `http://127.0.0.2:8080/throttledthirdparty/01.00/${first.token}`,
    )
  })

  it('rejects channel URI bases with a path', async () => {
    const { send } = setUp()

    await expect(
      send('CHANNEL_OPEN', {
        ...WEATHER,
        channelUriBases: { http: 'http://127.0.0.1:8080/x', https: 'https://127.0.0.1:8443' },
      }),
    ).rejects.toThrow('channelUriBases')
  })

  it('refuses the 31st open channel of a handset', async () => {
    const { send } = setUp()
    for (let index = 0; index < 30; index += 1) {
      await send('CHANNEL_OPEN', { ...WEATHER, appId: `app-${index}` })
    }

    const refused = await send('CHANNEL_OPEN', WEATHER)
    const reopened = await send('CHANNEL_OPEN', { ...WEATHER, appId: 'app-3' })
    const otherHandset = await send('CHANNEL_OPEN', { ...WEATHER, handsetId: 'handset-2' })

    expect(refused).toEqual({
      outcome: 'quota-exceeded',
      message:
        'PushNotificationChannelQuotaExceeded: handset-1 already has 30 open push channels, the most a Windows Phone allows. Close the channel of another app or uninstall one before opening a channel for "Contoso Weather".',
    })
    expect(reopened.outcome).toBe('updated')
    expect(otherHandset.outcome).toBe('opened')
  })

  it('closes a channel and deletes its queued notifications', async () => {
    const { send, store, context } = setUp()
    const channel = await openWeather(send)
    await postToast(context, channel.channelUri)

    const { channel: closed } = await send('CHANNEL_CLOSE', {
      handsetId: 'handset-1',
      appId: 'contoso-weather',
      reason: 'uninstalled',
    })

    expect(closed).toEqual({ ...channel, closedAt: START_MS, closeReason: 'uninstalled' })
    expect(await store.listQueued('handset-1')).toEqual([])
    const response = await postToast(context, channel.channelUri)
    expect(response.status).toBe(404)
    expect(readHeader(response, 'X-SubscriptionStatus')).toBe('Expired')
  })

  it('answers a close without an open channel with null', async () => {
    const { send } = setUp()

    const result = await send('CHANNEL_CLOSE', {
      handsetId: 'handset-1',
      appId: 'contoso-weather',
      reason: 'closed-by-app',
    })

    expect(result).toEqual({ channel: null })
  })

  it('gives a new token after a close instead of reopening', async () => {
    const { send } = setUp()
    const first = await openWeather(send)
    await send('CHANNEL_CLOSE', {
      handsetId: 'handset-1',
      appId: 'contoso-weather',
      reason: 'closed-by-app',
    })

    const second = await send('CHANNEL_OPEN', WEATHER)

    expect(second.outcome).toBe('opened')
    expect(second.outcome === 'opened' ? second.channel.token : '').not.toBe(first.token)
  })

  it('renews a channel and keeps its queued notifications', async () => {
    const { send, store, context } = setUp()
    const old = await openWeather(send)
    await postToast(context, old.channelUri)

    const { channel: renewed } = await send('CHANNEL_RENEW', {
      handsetId: 'handset-1',
      appId: 'contoso-weather',
    })

    expect(renewed?.token).not.toBe(old.token)
    expect(renewed?.channelUri).toBe(`${ORIGIN}/throttledthirdparty/01.00/${renewed?.token}`)
    expect(await store.getChannel(old.token)).toMatchObject({ closeReason: 'renewed' })
    expect(await store.listQueued('handset-1')).toHaveLength(1)
    expect((await postToast(context, renewed?.channelUri ?? '')).status).toBe(200)
    expect((await postToast(context, old.channelUri)).status).toBe(404)
  })

  it('lists closed channels too', async () => {
    const { send } = setUp()
    await openWeather(send)
    await send('CHANNEL_RENEW', { handsetId: 'handset-1', appId: 'contoso-weather' })

    const { channels } = await send('CHANNEL_LIST', {})

    expect(channels).toHaveLength(2)
    expect(channels.filter((channel) => channel.closedAt === undefined)).toHaveLength(1)
  })

  it('rejects a malformed payload with the field name', async () => {
    const { send } = setUp()

    await expect(
      send('CHANNEL_OPEN', { ...WEATHER, tileTemplate: 'Flip' as 'FlipTile' }),
    ).rejects.toThrow(
      'Invalid CHANNEL_OPEN_REQUEST: field "tileTemplate" is "Flip", expected "Legacy", "FlipTile", "IconicTile" or "CycleTile". Reload the page so that it and the service worker run the same version.',
    )
  })
})

describe('device state', () => {
  it('creates the device record from the first report', async () => {
    const { send, store } = setUp()

    const { device } = await send('DEVICE_STATE', {
      ...ONLINE,
      battery: 'saver',
      secondaryTileIds: { 'contoso-weather': ['/Forecast.xaml?city=Oslo'] },
    })

    expect(device).toEqual({
      handsetId: 'handset-1',
      foregroundAppId: null,
      lastContactAt: START_MS,
      network: 'online',
      battery: 'saver',
      secondaryTileIds: { 'contoso-weather': ['/Forecast.xaml?city=Oslo'] },
    })
    expect(await store.getDevice('handset-1')).toEqual(device)
  })

  it('keeps the time the handset went offline', async () => {
    const { send, time } = setUp()
    await send('DEVICE_STATE', ONLINE)
    time.realNowMs += MINUTE_MS
    await send('DEVICE_STATE', { ...ONLINE, network: 'offline' })
    time.realNowMs += MINUTE_MS

    const { device } = await send('DEVICE_STATE', {
      ...ONLINE,
      network: 'offline',
      battery: 'saver',
    })

    expect(device.offlineSince).toBe(START_MS + MINUTE_MS)
    expect(device.lastContactAt).toBe(START_MS)
  })

  it('clears the time away and announces the queue when back online', async () => {
    const store = createMemoryQueueStore()
    const { device: offline } = await setUp({ store }).send('DEVICE_STATE', {
      ...ONLINE,
      network: 'offline',
    })
    // The engine marks the handset Inactive when a request finds it so.
    await store.commit([
      { kind: 'put-device', device: { ...offline, inactiveNoticedAt: START_MS } },
    ])
    const restarted = setUp({ store })

    const { device } = await restarted.send('DEVICE_STATE', ONLINE)

    expect(device.offlineSince).toBeUndefined()
    expect(device.inactiveNoticedAt).toBeUndefined()
    expect(restarted.broadcasts).toContainEqual({
      type: 'NOTIFICATIONS_AVAILABLE_MESSAGE',
      payload: { handsetId: 'handset-1' },
    })
  })

  it('closes a raw-only channel when its app leaves the foreground', async () => {
    const { send, store, context, broadcasts } = setUp()
    const rawOnly = await send('CHANNEL_OPEN', { ...WEATHER, bindToast: false, bindTile: false })
    const token = rawOnly.outcome === 'opened' ? rawOnly.channel.token : ''
    await send('DEVICE_STATE', { ...ONLINE, foregroundAppId: 'contoso-weather' })
    broadcasts.length = 0

    await send('DEVICE_STATE', ONLINE)

    expect(await store.getChannel(token)).toMatchObject({
      closedAt: START_MS,
      closeReason: 'app-exited',
    })
    expect(broadcasts).toContainEqual({ type: 'CHANNELS_CHANGED_MESSAGE', payload: {} })
    const response = await postToast(
      context,
      rawOnly.outcome === 'opened' ? rawOnly.channel.channelUri : '',
    )
    expect(response.status).toBe(404)
  })

  it('keeps a toast-bound channel when its app exits', async () => {
    const { send, store } = setUp()
    const channel = await openWeather(send)
    await send('DEVICE_STATE', { ...ONLINE, foregroundAppId: 'contoso-weather' })

    await send('DEVICE_STATE', { ...ONLINE, foregroundAppId: 'other-app' })

    expect((await store.getChannel(channel.token))?.closedAt).toBeUndefined()
  })
})

describe('PENDING and ACK', () => {
  it('lists due notifications in acceptance order and records the contact', async () => {
    const { send, store, context, time } = setUp()
    const channel = await openWeather(send)
    await send('DEVICE_STATE', ONLINE)
    for (const text of ['one', 'two', 'three']) {
      await postToast(context, channel.channelUri, { text })
    }
    time.realNowMs += 5_000

    const pending = await send('PENDING', { handsetId: 'handset-1' })

    const texts = pending.notifications.map((notification) =>
      notification.payload.type === 'toast' ? notification.payload.toast.text1 : undefined,
    )
    expect(texts).toEqual(['one', 'two', 'three'])
    expect(pending.more).toBe(false)
    expect(pending.nextDueInRealMs).toBeUndefined()
    expect((await store.getDevice('handset-1'))?.lastContactAt).toBe(START_MS + 5_000)
  })

  it('sends at most the limit and tells that more are due', async () => {
    const { send, context } = setUp()
    const channel = await openWeather(send)
    await send('DEVICE_STATE', ONLINE)
    await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((text) => postToast(context, channel.channelUri, { text })),
    )

    const pending = await send('PENDING', { handsetId: 'handset-1', limit: 2 })

    expect(pending.notifications).toHaveLength(2)
    expect(pending.more).toBe(true)
  })

  it('tells the real time until the next notification falls due', async () => {
    const { send, context } = setUp()
    const channel = await openWeather(send)
    await send('DEVICE_STATE', ONLINE)
    await send('CLOCK_UPDATE', { speed: 10 })
    // Class 12 is the toast's 450-second batching interval.
    await postToast(context, channel.channelUri, { notificationClass: '12' })

    const pending = await send('PENDING', { handsetId: 'handset-1' })

    expect(pending.notifications).toEqual([])
    expect(pending.nextDueInRealMs).toBe(45_000)
  })

  it('sends nothing to an offline handset', async () => {
    const { send, context, store } = setUp()
    const channel = await openWeather(send)
    await send('DEVICE_STATE', { ...ONLINE, network: 'offline' })
    await postToast(context, channel.channelUri)

    const pending = await send('PENDING', { handsetId: 'handset-1' })

    expect(pending).toEqual({ notifications: [], more: false })
    expect(await store.listQueued('handset-1')).toHaveLength(1)
  })

  it('rejects a limit that is not a positive whole number', async () => {
    const { send } = setUp()

    await expect(send('PENDING', { handsetId: 'handset-1', limit: 0 })).rejects.toThrow(
      'Invalid PENDING limit "0": expected a whole number from 1 to 10000. Leave it out for 100.',
    )
  })

  it('deletes acknowledged deliveries and frees the queue', async () => {
    const { send, context, store } = setUp()
    await send('SETTINGS_UPDATE', { changes: { queueDepth: 2 } })
    const channel = await openWeather(send)
    await send('DEVICE_STATE', ONLINE)
    await postToast(context, channel.channelUri)
    await postToast(context, channel.channelUri)
    const full = await postToast(context, channel.channelUri)
    const { notifications } = await send('PENDING', { handsetId: 'handset-1' })

    const ack = await send('ACK', {
      handsetId: 'handset-1',
      deliveryIds: [notifications[0]?.deliveryId ?? '', 'unknown'],
    })

    expect(readHeader(full, 'X-NotificationStatus')).toBe('QueueFull')
    expect(ack).toEqual({ removed: 1 })
    expect(await store.listQueued('handset-1')).toHaveLength(1)
    const accepted = await postToast(context, channel.channelUri)
    expect(readHeader(accepted, 'X-NotificationStatus')).toBe('Received')
  })
})

describe('channel POST', () => {
  it('answers QueueFull to the requests past the queue depth', async () => {
    const { send, context, store } = setUp({
      store: await openIndexedDbQueueStore({ databaseName: `service-${(databaseCounter += 1)}` }),
    })
    await send('SETTINGS_UPDATE', { changes: { queueDepth: 100 } })
    const channel = await openWeather(send)

    const responses = await Promise.all(
      Array.from({ length: 150 }, () => postToast(context, channel.channelUri)),
    )

    const statuses = responses.map((response) => readHeader(response, 'X-NotificationStatus'))
    expect(statuses.filter((status) => status === 'Received')).toHaveLength(100)
    expect(statuses.filter((status) => status === 'QueueFull')).toHaveLength(50)
    expect(await store.countQueued(channel.token)).toBe(100)
  })

  it('answers 406 to the requests past the daily quota', async () => {
    const { send, context, store } = setUp()
    await send('SETTINGS_UPDATE', { changes: { dailyQuota: 30 } })
    const channel = await openWeather(send)

    const responses = await Promise.all(
      Array.from({ length: 40 }, () => postToast(context, channel.channelUri)),
    )

    expect(responses.filter((response) => response.status === 200)).toHaveLength(30)
    expect(responses.filter((response) => response.status === 406)).toHaveLength(10)
    expect((await store.getUsage(channel.token))?.count).toBe(30)
  })

  it('answers 503 when the notification cannot be stored', async () => {
    const inner = createMemoryQueueStore()
    const store: QueueStore = {
      ...inner,
      commit: (changes) =>
        changes.some((change) => change.kind === 'enqueue')
          ? Promise.reject(new Error('QuotaExceededError'))
          : inner.commit(changes),
    }
    const { send, context } = setUp({ store })
    const channel = await openWeather(send)
    vi.spyOn(console, 'error').mockImplementation(() => undefined)

    const response = await postToast(context, channel.channelUri)

    expect(response.status).toBe(503)
    expect(readHeader(response, 'X-NotificationStatus')).toBeUndefined()
    expect(response.body).toBe(
      'Failed to store the change in IndexedDB (QuotaExceededError), so none of it was stored. Send the request again.',
    )
    expect(readHeader(response, 'X-Emulator-Reason')).toBe(response.body)
    expect(await inner.countQueued(channel.token)).toBe(0)
  })
})

describe('engine settings', () => {
  it('stores a valid change and announces it', async () => {
    const { send, store, broadcasts } = setUp()

    const { settings } = await send('SETTINGS_UPDATE', {
      changes: { dailyQuota: 1_000_000, strictMode: true },
    })

    expect(settings).toMatchObject({ dailyQuota: 1_000_000, strictMode: true, queueDepth: 100 })
    expect(await store.getSettings()).toEqual(settings)
    expect(await send('SETTINGS_GET', {})).toEqual({ settings })
    expect(broadcasts).toContainEqual({ type: 'SETTINGS_CHANGED_MESSAGE', payload: { settings } })
  })

  it('rejects an invalid change and keeps the settings', async () => {
    const { send, store, broadcasts } = setUp()

    await expect(send('SETTINGS_UPDATE', { changes: { queueDepth: 0 } })).rejects.toThrow(
      'Invalid Queue depth (queueDepth) "0": expected a whole number of notifications from 1 to 100,000. Choose a value in that range.',
    )
    expect(await store.getSettings()).toBeUndefined()
    expect((await send('SETTINGS_GET', {})).settings.queueDepth).toBe(100)
    expect(broadcasts).toEqual([])
  })

  it('applies stored settings after a restart', async () => {
    const store = createMemoryQueueStore()
    await setUp({ store }).send('SETTINGS_UPDATE', { changes: { serviceDown: true } })
    const restarted = setUp({ store })
    const channel = await openWeather(restarted.send)

    const response = await postToast(restarted.context, channel.channelUri)

    expect(response.status).toBe(503)
  })
})

describe('engine clock', () => {
  it('stores a speed change and announces it', async () => {
    const { send, store, broadcasts, time } = setUp()

    const snapshot = await send('CLOCK_UPDATE', { speed: 60 })
    time.realNowMs += 1_000

    expect(snapshot).toEqual({
      clock: { speed: 60, anchorRealMs: START_MS, anchorEngineMs: START_MS },
      engineNow: START_MS,
    })
    expect(await store.getClock()).toEqual(snapshot.clock)
    expect(broadcasts).toContainEqual({ type: 'CLOCK_CHANGED_MESSAGE', payload: snapshot })
    expect((await send('CLOCK_GET', {})).engineNow).toBe(START_MS + 60_000)
  })

  it('advances before it changes speed', async () => {
    const { send } = setUp()

    const snapshot = await send('CLOCK_UPDATE', { advanceMs: 3_600_000, speed: 0 })

    expect(snapshot.engineNow).toBe(START_MS + 3_600_000)
    expect(snapshot.clock.speed).toBe(0)
  })

  it('keeps engine time across a restart', async () => {
    const store = await openIndexedDbQueueStore({ databaseName: `clock-${(databaseCounter += 1)}` })
    await setUp({ store }).send('CLOCK_UPDATE', { advanceMs: 90 * MINUTE_MS, speed: 2 })

    const restarted = setUp({ store, realNowMs: START_MS + 1_000 })

    expect((await restarted.send('CLOCK_GET', {})).engineNow).toBe(
      START_MS + 90 * MINUTE_MS + 2_000,
    )
  })

  it('stamps accepted notifications with engine time', async () => {
    const { send, context, store } = setUp()
    const channel = await openWeather(send)
    await send('CLOCK_UPDATE', { advanceMs: 24 * 60 * MINUTE_MS })

    await postToast(context, channel.channelUri)

    const [notification] = await store.listQueued('handset-1')
    expect(notification?.acceptedAt).toBe(START_MS + 24 * 60 * MINUTE_MS)
  })

  it('makes a handset Inactive after the time away on the engine clock', async () => {
    const { send, context } = setUp()
    const channel = await openWeather(send)
    await send('DEVICE_STATE', { ...ONLINE, network: 'offline' })

    await send('CLOCK_UPDATE', { advanceMs: 61 * MINUTE_MS })
    const response = await postToast(context, channel.channelUri)

    expect(response.status).toBe(412)
    expect(readHeader(response, 'X-DeviceConnectionStatus')).toBe('Inactive')
  })

  it.each([
    [{}, 'Invalid CLOCK_UPDATE: it changes nothing. Send speed, advanceMs or both.'],
    [
      { speed: -1 },
      'Invalid clock speed "-1": expected a number from 0 (stopped) to 10000. Choose a speed in that range.',
    ],
    [
      { advanceMs: -5 },
      'Invalid clock advance "-5" ms: expected from 0 to 315,360,000,000 ms (10 years), because the engine clock never runs backwards. Choose a step in that range.',
    ],
    [
      { advanceMs: 6_000_000_000_000 },
      'Invalid clock advance "6000000000000" ms: expected from 0 to 315,360,000,000 ms (10 years), because a single step moves the engine clock at most 10 years. Choose a step in that range.',
    ],
  ])('rejects the update %j', async (request, message) => {
    const { send, store } = setUp()

    await expect(send('CLOCK_UPDATE', request)).rejects.toThrow(message)
    expect(await store.getClock()).toBeUndefined()
  })
})

describe('repeated dispatch', () => {
  /** Creates a store whose commits hang once `stop()` is called, as writes do in a stopped worker. */
  function createStoppableStore(inner: QueueStore) {
    let stopped = false
    const store: QueueStore = {
      ...inner,
      commit: (changes) => (stopped ? new Promise(() => undefined) : inner.commit(changes)),
    }
    return { store, stop: () => (stopped = true) }
  }

  it('answers a repeated dispatch without queuing twice', async () => {
    const inner = createMemoryQueueStore()
    const first = createStoppableStore(inner)
    const before = setUp({ store: first.store })
    const channel = await openWeather(before.send)
    const accepted = await postToast(before.context, channel.channelUri)
    first.stop()

    const after = setUp({ store: inner, randomSeed: 1_000 })
    const repeated = await postToast(after.context, channel.channelUri)

    expect(repeated).toEqual(accepted)
    expect(await inner.countQueued(channel.token)).toBe(1)
  })

  it('queues the same request again once it was answered', async () => {
    const store = createMemoryQueueStore()
    const before = setUp({ store })
    const channel = await openWeather(before.send)
    await postToast(before.context, channel.channelUri)
    await vi.waitFor(async () => expect((await store.readState()).unanswered).toEqual([]))

    const after = setUp({ store, randomSeed: 1_000 })
    const second = await postToast(after.context, channel.channelUri)

    expect(readHeader(second, 'X-NotificationStatus')).toBe('Received')
    expect(await store.countQueued(channel.token)).toBe(2)
  })

  it('queues identical requests of one worker life', async () => {
    const { send, context, store } = setUp()
    const channel = await openWeather(send)

    await Promise.all([
      postToast(context, channel.channelUri),
      postToast(context, channel.channelUri),
    ])

    expect(await store.countQueued(channel.token)).toBe(2)
  })

  it('queues a request repeated after the window', async () => {
    const inner = createMemoryQueueStore()
    const first = createStoppableStore(inner)
    const before = setUp({ store: first.store })
    const channel = await openWeather(before.send)
    await postToast(before.context, channel.channelUri)
    first.stop()

    const after = setUp({ store: inner, realNowMs: START_MS + 61_000, randomSeed: 1_000 })
    await postToast(after.context, channel.channelUri)

    expect(await inner.countQueued(channel.token)).toBe(2)
    await vi.waitFor(async () => expect((await inner.readState()).unanswered).toEqual([]))
  })
})
