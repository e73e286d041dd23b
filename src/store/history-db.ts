import { openDB } from 'idb'
import type { DBSchema, IDBPDatabase } from 'idb'

import { logError, logWarn } from '@/lib/log'

import { MAX_HISTORY_ENTRIES, sortNewestFirst } from './history-model'
import type { HistoryEntry } from './history-model'
import { parseHistoryEntry } from './history-validation'

/** The console's request history in the page's IndexedDB, apart from the worker's database. */
export interface HistoryDatabase {
  /** Lists every stored entry, newest first, skipping records that fail validation. */
  list(): Promise<HistoryEntry[]>
  /** Stores entries (replacing any with the same id), then drops the oldest beyond the cap. */
  put(entries: readonly HistoryEntry[]): Promise<void>
  clear(): Promise<void>
  close(): void
}

interface HistorySchema extends DBSchema {
  entries: {
    key: string
    value: HistoryEntry
    indexes: { sentAt: number }
  }
}

/** Name of the history database, separate from the service worker's `mpns-emulator`. */
export const HISTORY_DATABASE_NAME = 'wp8-console-history'

const DATABASE_VERSION = 1

const STORE_NAME = 'entries'

/** Opens, creating on first use, the history database. */
export async function openHistoryDatabase(
  databaseName: string = HISTORY_DATABASE_NAME,
): Promise<HistoryDatabase> {
  const database = await openDB<HistorySchema>(databaseName, DATABASE_VERSION, {
    upgrade(upgrading) {
      const store = upgrading.createObjectStore(STORE_NAME, { keyPath: 'id' })
      store.createIndex('sentAt', 'sentAt')
    },
  })
  return {
    list: () => guard('list', 'all', () => listEntries(database)),
    put: (entries) => guard('put', describeKeys(entries), () => putEntries(database, entries)),
    clear: () => guard('clear', 'all', () => database.clear(STORE_NAME)),
    close: () => database.close(),
  }
}

async function listEntries(database: IDBPDatabase<HistorySchema>): Promise<HistoryEntry[]> {
  const records: unknown[] = await database.getAll(STORE_NAME)
  const entries: HistoryEntry[] = []
  for (const record of records) {
    const parsed = parseHistoryEntry(record)
    if ('entry' in parsed) {
      entries.push(parsed.entry)
    } else {
      logWarn('[console]', `Skipped an invalid history record: ${parsed.problem}`)
    }
  }
  return sortNewestFirst(entries)
}

async function putEntries(
  database: IDBPDatabase<HistorySchema>,
  entries: readonly HistoryEntry[],
): Promise<void> {
  const transaction = database.transaction(STORE_NAME, 'readwrite')
  for (const entry of entries) {
    void transaction.store.put(entry)
  }

  let excess = (await transaction.store.count()) - MAX_HISTORY_ENTRIES
  let cursor = excess > 0 ? await transaction.store.index('sentAt').openCursor() : null
  while (cursor && excess > 0) {
    void cursor.delete()
    excess -= 1
    cursor = await cursor.continue()
  }
  await transaction.done
}

/** Runs an IndexedDB operation, logging the original error and rejecting with one naming it. */
async function guard<T>(operation: string, key: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    logError('[console]', `IndexedDB ${operation} failed on ${STORE_NAME} (${key})`, error)
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(
      `Failed to ${operation} history entries in the "${STORE_NAME}" store (key ${key}): ${reason}`,
    )
  }
}

function describeKeys(entries: readonly HistoryEntry[]): string {
  const [first] = entries
  return entries.length === 1 && first ? first.id : `${entries.length} entries`
}
