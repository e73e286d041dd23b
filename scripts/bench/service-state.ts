import type { Page } from '@playwright/test'

import { HANDSET_ID } from '../../e2e/fixtures'

/** The parts of the worker's stored state that the benchmark waits on. */
export interface ServiceState {
  /** Notifications queued for the handset, or null when the database has no queue index. */
  queued: number | null
  /**
   * The foreground app in the handset's last report: null for Start, and undefined before the
   * first report or when the database has no device store.
   */
  foregroundAppId: string | null | undefined
  /** Page time of the read, in milliseconds since the page's time origin. */
  readAt: number
}

/** IndexedDB database in which the service worker keeps channels, devices and the queue. */
const SERVICE_DATABASE_NAME = 'mpns-emulator'

/**
 * Reads the handset's queue length and foreground app from the worker's IndexedDB database,
 * from the page. It reads only the `queue` store with its `byHandset` index and the `devices`
 * store, which the first schema and the current one both have, and reports a missing store as
 * unknown.
 */
export function readServiceState(page: Page): Promise<ServiceState> {
  return page.evaluate(
    async ({ databaseName, handsetId }) => {
      const database = await new Promise<IDBDatabase | null>((resolve, reject) => {
        const request = indexedDB.open(databaseName)
        // Aborting the upgrade leaves the creation of a missing database to the worker.
        request.onupgradeneeded = () => request.transaction?.abort()
        request.onsuccess = () => resolve(request.result)
        request.onerror = () =>
          request.error?.name === 'AbortError'
            ? resolve(null)
            : reject(new Error(`Failed to open ${databaseName}`, { cause: request.error }))
      })
      if (database === null) {
        return { queued: null, foregroundAppId: undefined, readAt: performance.now() }
      }

      const storeNames = ['queue', 'devices'].filter((name) =>
        database.objectStoreNames.contains(name),
      )
      if (storeNames.length === 0) {
        database.close()
        return { queued: null, foregroundAppId: undefined, readAt: performance.now() }
      }
      const transaction = database.transaction(storeNames, 'readonly')
      const queue = storeNames.includes('queue') ? transaction.objectStore('queue') : null
      const queuedRequest =
        queue !== null && queue.indexNames.contains('byHandset')
          ? queue.index('byHandset').count(handsetId)
          : null
      const deviceRequest = storeNames.includes('devices')
        ? transaction.objectStore('devices').get(handsetId)
        : null
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve()
        transaction.onerror = () =>
          reject(new Error(`Failed to read ${databaseName}`, { cause: transaction.error }))
      })
      database.close()

      const device: unknown = deviceRequest?.result
      const foregroundAppId =
        typeof device === 'object' && device !== null && 'foregroundAppId' in device
          ? device.foregroundAppId
          : undefined
      return {
        queued: queuedRequest?.result ?? null,
        foregroundAppId:
          typeof foregroundAppId === 'string' || foregroundAppId === null
            ? foregroundAppId
            : undefined,
        readAt: performance.now(),
      }
    },
    { databaseName: SERVICE_DATABASE_NAME, handsetId: HANDSET_ID },
  )
}
