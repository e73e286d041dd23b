import { openDB } from 'idb'
import type { DBSchema, IDBPDatabase } from 'idb'

import { logError } from '@/lib/log'
import type { QueueStore } from '@/mpns/delivery'
import type { ChannelRecord, DeviceRecord, QueuedNotification } from '@/mpns/types'

interface StoredNotification extends QueuedNotification {
  /** Auto-incremented key that keeps acceptance order. */
  seq?: number
}

interface EmulatorSchema extends DBSchema {
  channels: {
    key: string
    value: ChannelRecord
    indexes: { byApp: [string, string] }
  }
  devices: { key: string; value: DeviceRecord }
  queue: {
    key: number
    value: StoredNotification
    indexes: { byHandset: string; byDelivery: string }
  }
}

export interface IndexedDbQueueStoreOptions {
  /** Database name. @default 'mpns-emulator' */
  databaseName?: string
}

const DATABASE_VERSION = 1

/** Opens the service's IndexedDB database and returns a QueueStore over it. */
export async function openIndexedDbQueueStore(
  options: IndexedDbQueueStoreOptions = {},
): Promise<QueueStore> {
  const databaseName = options.databaseName ?? 'mpns-emulator'
  const database = await openDB<EmulatorSchema>(databaseName, DATABASE_VERSION, {
    upgrade: upgradeDatabase,
  })
  return createStore(database)
}

function upgradeDatabase(database: IDBPDatabase<EmulatorSchema>): void {
  const channels = database.createObjectStore('channels', { keyPath: 'token' })
  channels.createIndex('byApp', ['handsetId', 'appId'])
  database.createObjectStore('devices', { keyPath: 'handsetId' })
  const queue = database.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true })
  queue.createIndex('byHandset', 'handsetId')
  queue.createIndex('byDelivery', 'deliveryId', { unique: true })
}

function createStore(database: IDBPDatabase<EmulatorSchema>): QueueStore {
  return {
    getChannel: (token) => guard('read', 'channels', token, () => database.get('channels', token)),
    findChannelByApp: (handsetId, appId) =>
      guard('read', 'channels', `${handsetId}/${appId}`, () =>
        database.getFromIndex('channels', 'byApp', [handsetId, appId]),
      ),
    putChannel: (channel) =>
      guard('write', 'channels', channel.token, async () => {
        await database.put('channels', channel)
      }),
    listChannels: () => guard('list', 'channels', '*', () => database.getAll('channels')),
    getDevice: (handsetId) =>
      guard('read', 'devices', handsetId, () => database.get('devices', handsetId)),
    updateDevice: (handsetId, update) =>
      guard('update', 'devices', handsetId, async () => {
        // Read and write in one readwrite transaction: IndexedDB runs overlapping readwrite
        // transactions one after another, so concurrent updates cannot interleave.
        const transaction = database.transaction('devices', 'readwrite')
        const device = update(await transaction.store.get(handsetId))
        await transaction.store.put(device)
        await transaction.done
        return device
      }),
    enqueue: (notification) =>
      guard('write', 'queue', notification.deliveryId, async () => {
        await database.add('queue', { ...notification })
      }),
    listQueued: (handsetId) =>
      guard('list', 'queue', handsetId, async () => {
        const stored = await database.getAllFromIndex('queue', 'byHandset', handsetId)
        return stored.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)).map(withoutSeq)
      }),
    removeQueued: (handsetId, deliveryIds) =>
      guard('delete', 'queue', handsetId, () => removeDeliveries(database, handsetId, deliveryIds)),
  }
}

async function removeDeliveries(
  database: IDBPDatabase<EmulatorSchema>,
  handsetId: string,
  deliveryIds: readonly string[],
): Promise<number> {
  const transaction = database.transaction('queue', 'readwrite')
  const index = transaction.store.index('byDelivery')
  let removed = 0
  for (const deliveryId of deliveryIds) {
    const key = await index.getKey(deliveryId)
    const entry = key === undefined ? undefined : await transaction.store.get(key)
    if (key !== undefined && entry?.handsetId === handsetId) {
      await transaction.store.delete(key)
      removed += 1
    }
  }
  await transaction.done
  return removed
}

function withoutSeq(stored: StoredNotification): QueuedNotification {
  const { seq: _seq, ...notification } = stored
  return notification
}

async function guard<T>(
  operation: string,
  storeName: string,
  key: string,
  action: () => Promise<T>,
): Promise<T> {
  try {
    return await action()
  } catch (error) {
    logError('[sw]', `IndexedDB ${operation} failed on "${storeName}" for key "${key}"`, error)
    throw new Error(`Failed to ${operation} ${storeName} entry "${key}" in IndexedDB.`, {
      cause: error,
    })
  }
}
