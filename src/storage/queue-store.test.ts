import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'

import type { QueueStore } from '@/mpns/delivery'
import type { ChannelRecord, QueuedNotification } from '@/mpns/types'

import { openIndexedDbQueueStore } from './indexeddb-queue-store'
import { createMemoryQueueStore } from './memory-queue-store'

let databaseCounter = 0

const implementations: Array<[string, () => Promise<QueueStore>]> = [
  ['memory', () => Promise.resolve(createMemoryQueueStore())],
  [
    'indexeddb',
    () => {
      databaseCounter += 1
      return openIndexedDbQueueStore({ databaseName: `contract-${databaseCounter}` })
    },
  ],
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
  openedAt: 1_000,
}

function queued(deliveryId: string, handsetId = 'handset-1'): QueuedNotification {
  return {
    deliveryId,
    token: 'token-a',
    handsetId,
    appId: 'contoso-weather',
    notificationClass: 2,
    acceptedAt: 1_000,
    dueAt: 1_000,
    payload: { type: 'raw', body: new Uint8Array([0, 1, 255]) },
  }
}

describe.each(implementations)('QueueStore (%s)', (_name, open) => {
  it('finds a stored channel by token and by app', async () => {
    const store = await open()
    await store.putChannel(CHANNEL)

    expect(await store.getChannel('token-a')).toEqual(CHANNEL)
    expect(await store.findChannelByApp('handset-1', 'contoso-weather')).toEqual(CHANNEL)
    expect(await store.findChannelByApp('handset-1', 'other')).toBeUndefined()
    expect(await store.listChannels()).toEqual([CHANNEL])
  })

  it('returns undefined for an unknown channel', async () => {
    const store = await open()
    expect(await store.getChannel('missing')).toBeUndefined()
  })

  it('lists queued notifications in acceptance order per handset', async () => {
    const store = await open()
    await store.enqueue(queued('z-first'))
    await store.enqueue(queued('a-second'))
    await store.enqueue(queued('other', 'handset-2'))

    const listed = await store.listQueued('handset-1')

    expect(listed.map((n) => n.deliveryId)).toEqual(['z-first', 'a-second'])
    expect(listed[0]?.payload).toEqual({ type: 'raw', body: new Uint8Array([0, 1, 255]) })
  })

  it('removes only the acknowledged deliveries of that handset', async () => {
    const store = await open()
    await store.enqueue(queued('one'))
    await store.enqueue(queued('two'))
    await store.enqueue(queued('three', 'handset-2'))

    const removed = await store.removeQueued('handset-1', ['one', 'three', 'unknown'])

    expect(removed).toBe(1)
    expect((await store.listQueued('handset-1')).map((n) => n.deliveryId)).toEqual(['two'])
    expect((await store.listQueued('handset-2')).map((n) => n.deliveryId)).toEqual(['three'])
  })

  it('stores device state', async () => {
    const store = await open()
    const device = { handsetId: 'handset-1', foregroundAppId: null, lastContactAt: 5 }

    expect(await store.updateDevice('handset-1', () => device)).toEqual(device)
    expect(await store.getDevice('handset-1')).toEqual(device)
  })

  it('keeps concurrent device updates apart', async () => {
    const store = await open()
    await store.updateDevice('handset-1', () => ({
      handsetId: 'handset-1',
      foregroundAppId: null,
      lastContactAt: 1,
    }))

    // A keep-alive that only touches the contact time races a report of the foreground app.
    await Promise.all([
      store.updateDevice('handset-1', (current) => ({
        handsetId: 'handset-1',
        foregroundAppId: current?.foregroundAppId ?? null,
        lastContactAt: 2,
      })),
      store.updateDevice('handset-1', (current) => ({
        handsetId: 'handset-1',
        foregroundAppId: 'contoso-weather',
        lastContactAt: current?.lastContactAt ?? 0,
      })),
    ])

    expect((await store.getDevice('handset-1'))?.foregroundAppId).toBe('contoso-weather')
    expect((await store.getDevice('handset-1'))?.lastContactAt).toBe(2)
  })
})
