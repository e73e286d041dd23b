import { openDB } from 'idb'
import type { IDBPIndex } from 'idb'

import { logError, logWarn } from '@/lib/log'
import type { PendingSelection, QueueStore, StoredEngineState } from '@/mpns/delivery'
import { toEngineSettings } from '@/mpns/settings'
import type { QueuedNotification } from '@/mpns/types'

import { commitChanges } from './indexeddb-commit'
import { ALL_STORE_NAMES, DATABASE_VERSION, upgradeDatabase } from './indexeddb-schema'
import type {
  EmulatorDatabase,
  EmulatorSchema,
  EmulatorStoreName,
  StoredNotification,
} from './indexeddb-schema'
import { describeChangeKey } from './store-changes'
import { toChannelRecord, toDeviceRecord, toEngineClockState } from './stored-records'

export interface IndexedDbQueueStoreOptions {
  /** Database name. @default 'mpns-emulator' */
  databaseName?: string
}

/** Opens the service's IndexedDB database, upgrading older schemas, and returns a QueueStore over it. */
export async function openIndexedDbQueueStore(
  options: IndexedDbQueueStoreOptions = {},
): Promise<QueueStore> {
  const databaseName = options.databaseName ?? 'mpns-emulator'
  const database = await guard('open', `database "${databaseName}"`, () =>
    openDB<EmulatorSchema>(databaseName, DATABASE_VERSION, {
      upgrade: (upgrading, oldVersion, _newVersion, transaction) =>
        upgradeDatabase(upgrading, oldVersion, transaction),
      blocked: () => {
        logWarn(
          '[sw]',
          `Waiting to upgrade ${databaseName}: an older version of the emulator still has it open. Close other tabs of the emulator if this persists.`,
        )
      },
      terminated: () => {
        logError(
          '[sw]',
          `The browser closed ${databaseName} unexpectedly, so requests fail until the worker restarts. Reload the page.`,
        )
      },
      blocking: () => {
        // A newer worker is upgrading the schema, and it waits until this connection closes.
        logWarn('[sw]', `Closing ${databaseName}: a newer version of the emulator is upgrading it.`)
        database.close()
      },
    }),
  )
  return createStore(database)
}

function createStore(database: EmulatorDatabase): QueueStore {
  return {
    getChannel: (token) =>
      guard('read', `channels entry "${token}"`, async () => {
        const stored = await database.get('channels', token)
        return stored === undefined ? undefined : toChannelRecord(stored)
      }),
    findChannelByApp: (handsetId, appId) =>
      guard('read', `channels of app "${appId}" on "${handsetId}"`, async () => {
        const stored = await database.getAllFromIndex('channels', 'byApp', [handsetId, appId])
        const open = stored.find((channel) => channel.closedAt === undefined)
        return open === undefined ? undefined : toChannelRecord(open)
      }),
    listChannels: (handsetId) =>
      guard('list', `channels of "${handsetId ?? 'every handset'}"`, async () => {
        const stored =
          handsetId === undefined
            ? await database.getAll('channels')
            : await database.getAllFromIndex('channels', 'byHandset', handsetId)
        return stored.map(toChannelRecord)
      }),
    getDevice: (handsetId) =>
      guard('read', `devices entry "${handsetId}"`, async () => {
        const stored = await database.get('devices', handsetId)
        return stored === undefined ? undefined : toDeviceRecord(stored)
      }),
    listDevices: () =>
      guard('list', 'devices', async () => (await database.getAll('devices')).map(toDeviceRecord)),
    getUsage: (token) =>
      guard('read', `usage entry "${token}"`, () => database.get('usage', token)),
    countQueued: (token) =>
      guard('count', `queue entries of channel "${token}"`, () =>
        database.countFromIndex('queue', 'byToken', token),
      ),
    listQueued: (handsetId) =>
      guard('list', `queue entries of "${handsetId}"`, async () => {
        const stored = await database.getAllFromIndex('queue', 'byHandset', handsetId)
        return stored.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)).map(withoutSeq)
      }),
    listDue: (handsetId, options) =>
      guard('list', `due queue entries of "${handsetId}"`, () =>
        listDue(database, handsetId, options),
      ),
    getSettings: () =>
      guard('read', 'meta entry "settings"', async () => {
        const stored = await database.get('meta', 'settings')
        return stored === undefined ? undefined : toEngineSettings(stored)
      }),
    getClock: () =>
      guard('read', 'meta entry "clock"', async () =>
        toEngineClockState(await database.get('meta', 'clock')),
      ),
    readState: () => guard('read', 'the engine state from every store', () => readState(database)),
    commit: (changes) => {
      const first = changes[0] === undefined ? 'none' : describeChangeKey(changes[0])
      return guard('commit', `a batch of ${changes.length} changes (first ${first})`, () =>
        commitChanges(database, changes),
      )
    },
    clear: () => guard('clear', 'every store', () => clearStores(database)),
  }
}

async function clearStores(database: EmulatorDatabase): Promise<void> {
  const transaction = database.transaction(ALL_STORE_NAMES, 'readwrite')
  await Promise.all([
    ...ALL_STORE_NAMES.map((name) => transaction.objectStore(name).clear()),
    transaction.done,
  ])
}

async function readState(database: EmulatorDatabase): Promise<StoredEngineState> {
  const transaction = database.transaction(ALL_STORE_NAMES, 'readonly')
  const [channels, devices, usage, settings, clock, queuedCounts, unanswered] = await Promise.all([
    transaction.objectStore('channels').getAll(),
    transaction.objectStore('devices').getAll(),
    transaction.objectStore('usage').getAll(),
    transaction.objectStore('meta').get('settings'),
    transaction.objectStore('meta').get('clock'),
    countQueuedPerToken(transaction.objectStore('queue').index('byToken')),
    transaction.objectStore('unanswered').getAll(),
  ])
  await transaction.done

  return {
    channels: channels.map(toChannelRecord),
    devices: devices.map(toDeviceRecord),
    usage,
    queuedCounts,
    settings: settings === undefined ? undefined : toEngineSettings(settings),
    clock: toEngineClockState(clock),
    unanswered,
  }
}

/**
 * Reads the keys of every due notification from the handset-and-due-time index, sorts them into
 * acceptance order, and reads only the first `limit` notifications, so a large backlog costs one
 * key list per reply rather than every payload.
 */
async function listDue(
  database: EmulatorDatabase,
  handsetId: string,
  options: { now: number; limit: number },
): Promise<PendingSelection> {
  const transaction = database.transaction('queue', 'readonly')
  const index = transaction.store.index('byHandsetDue')
  const [dueKeys, nextCursor] = await Promise.all([
    index.getAllKeys(IDBKeyRange.bound([handsetId, -Infinity], [handsetId, options.now])),
    index.openKeyCursor(
      IDBKeyRange.bound([handsetId, options.now], [handsetId, Infinity], true, false),
    ),
  ])
  const nextDueAt = nextCursor?.key[1]

  const selectedKeys = dueKeys.sort((a, b) => a - b).slice(0, options.limit)
  const entries = await Promise.all(selectedKeys.map((key) => transaction.store.get(key)))
  await transaction.done

  const selection: PendingSelection = {
    notifications: entries.flatMap((entry) => (entry === undefined ? [] : [withoutSeq(entry)])),
    more: dueKeys.length > options.limit,
  }
  if (nextDueAt !== undefined) {
    selection.nextDueAt = nextDueAt
  }
  return selection
}

/** Counts queued notifications per token: one cursor step per distinct token, then one count each. */
async function countQueuedPerToken(
  index: IDBPIndex<EmulatorSchema, EmulatorStoreName[], 'queue', 'byToken'>,
): Promise<Map<string, number>> {
  const tokens: string[] = []
  let cursor = await index.openKeyCursor(null, 'nextunique')
  while (cursor) {
    tokens.push(cursor.key)
    cursor = await cursor.continue()
  }

  const counts = await Promise.all(tokens.map((token) => index.count(token)))
  return new Map(tokens.map((token, position) => [token, counts[position] ?? 0]))
}

function withoutSeq(stored: StoredNotification): QueuedNotification {
  const { seq: _seq, ...notification } = stored
  return notification
}

/** Runs one IndexedDB operation. A failure is logged with the original error and rethrown as ours. */
async function guard<T>(operation: string, target: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action()
  } catch (error) {
    logError('[sw]', `IndexedDB ${operation} failed on ${target}`, error)
    throw new Error(`Failed to ${operation} ${target} in IndexedDB: ${String(error)}`, {
      cause: error,
    })
  }
}
