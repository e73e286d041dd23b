import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb'

import type { UnansweredRequest } from '@/mpns/delivery'
import type { ChannelUsage, QueuedNotification } from '@/mpns/types'

import type { StoredChannelRecord, StoredDeviceRecord } from './stored-records'

/** A queued notification as stored: the auto-incremented key keeps acceptance order. */
export interface StoredNotification extends QueuedNotification {
  seq?: number
}

/** Keys of the single records in the `meta` store. */
export type MetaKey = 'settings' | 'clock'

/** Layout of the service's database at schema version 3. */
export interface EmulatorSchema extends DBSchema {
  channels: {
    key: string
    value: StoredChannelRecord
    indexes: { byApp: [string, string]; byHandset: string }
  }
  devices: { key: string; value: StoredDeviceRecord }
  queue: {
    key: number
    value: StoredNotification
    indexes: {
      byHandset: string
      byDelivery: string
      byToken: string
      byHandsetDue: [string, number]
    }
  }
  usage: { key: string; value: ChannelUsage }
  unanswered: { key: string; value: UnansweredRequest }
  /** Records under out-of-line keys. Values are read back as unknown and validated. */
  meta: { key: MetaKey; value: unknown }
}

export type EmulatorStoreName = StoreNames<EmulatorSchema>

export type EmulatorDatabase = IDBPDatabase<EmulatorSchema>

/**
 * Schema version 2 added the usage and meta stores, the channel-by-handset index, and the
 * queue-by-token and queue-by-handset-and-due-time indexes. Version 3 added the unanswered store.
 */
export const DATABASE_VERSION = 3

export const ALL_STORE_NAMES: EmulatorStoreName[] = [
  'channels',
  'devices',
  'queue',
  'usage',
  'meta',
  'unanswered',
]

/**
 * Creates or upgrades the database step by step from `oldVersion`, keeping every record.
 * Records written by version 1 lack the newer fields and are completed when read.
 */
export function upgradeDatabase(
  database: EmulatorDatabase,
  oldVersion: number,
  transaction: IDBPTransaction<EmulatorSchema, EmulatorStoreName[], 'versionchange'>,
): void {
  if (oldVersion < 1) {
    const channels = database.createObjectStore('channels', { keyPath: 'token' })
    channels.createIndex('byApp', ['handsetId', 'appId'])
    database.createObjectStore('devices', { keyPath: 'handsetId' })
    const queue = database.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true })
    queue.createIndex('byHandset', 'handsetId')
    queue.createIndex('byDelivery', 'deliveryId', { unique: true })
  }

  if (oldVersion < 2) {
    // Indexes created on a store that has records are filled from them by the browser.
    transaction.objectStore('channels').createIndex('byHandset', 'handsetId')
    transaction.objectStore('queue').createIndex('byToken', 'token')
    transaction.objectStore('queue').createIndex('byHandsetDue', ['handsetId', 'dueAt'])
    database.createObjectStore('usage', { keyPath: 'token' })
    database.createObjectStore('meta')
  }

  if (oldVersion < 3) {
    database.createObjectStore('unanswered', { keyPath: 'deliveryId' })
  }
}
