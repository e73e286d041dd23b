import type { IDBPTransaction } from 'idb'

import type { CommitResult, RemovedNotification, StoreChange } from '@/mpns/delivery'

import type { EmulatorDatabase, EmulatorSchema, EmulatorStoreName } from './indexeddb-schema'
import { ALL_STORE_NAMES } from './indexeddb-schema'
import { collectLatestPuts } from './store-changes'

type WriteTransaction = IDBPTransaction<EmulatorSchema, EmulatorStoreName[], 'readwrite'>

/**
 * Writes a batch of changes in one readwrite transaction and resolves when it has committed.
 * Any failed request aborts the transaction, and so does any exception thrown while the requests
 * are issued (a value that cannot be cloned throws synchronously), so nothing is half-written.
 */
export async function commitChanges(
  database: EmulatorDatabase,
  changes: readonly StoreChange[],
): Promise<CommitResult> {
  const transaction = database.transaction(ALL_STORE_NAMES, 'readwrite')
  const requests: Promise<unknown>[] = [transaction.done]
  // Every request's failure also surfaces through Promise.all below. These handlers only stop the
  // requests that fail after the first one from being reported as unhandled rejections.
  transaction.done.catch(() => undefined)
  const removed: RemovedNotification[] = []

  try {
    await writeQueueChanges({ transaction, changes, requests, removed })
    writeLatestPuts(transaction, changes, requests)
    writeUnansweredChanges(transaction, changes, requests)
    await Promise.all(requests)
  } catch (error) {
    abortQuietly(transaction)
    throw error
  }
  return { removed }
}

async function writeQueueChanges(context: {
  transaction: WriteTransaction
  changes: readonly StoreChange[]
  requests: Promise<unknown>[]
  removed: RemovedNotification[]
}): Promise<void> {
  const { transaction, changes, requests, removed } = context
  const queue = transaction.objectStore('queue')

  for (const [changeIndex, change] of changes.entries()) {
    if (change.kind === 'enqueue') {
      // Requests run in the order they are made, so `seq` follows the order of the batch.
      track(requests, queue.add({ ...change.notification }))
    } else if (change.kind === 'remove-deliveries') {
      const found = await Promise.all(
        change.deliveryIds.map((deliveryId) => queue.index('byDelivery').get(deliveryId)),
      )
      for (const entry of found) {
        if (entry?.seq !== undefined && entry.handsetId === change.handsetId) {
          track(requests, queue.delete(entry.seq))
          removed.push({ changeIndex, token: entry.token })
        }
      }
    } else if (change.kind === 'remove-channel-queue') {
      const keys = await queue.index('byToken').getAllKeys(change.token)
      for (const key of keys) {
        track(requests, queue.delete(key))
        removed.push({ changeIndex, token: change.token })
      }
    }
  }
}

function writeLatestPuts(
  transaction: WriteTransaction,
  changes: readonly StoreChange[],
  requests: Promise<unknown>[],
): void {
  const puts = collectLatestPuts(changes)
  for (const channel of puts.channels.values()) {
    track(requests, transaction.objectStore('channels').put(channel))
  }
  for (const device of puts.devices.values()) {
    track(requests, transaction.objectStore('devices').put(device))
  }
  for (const usage of puts.usage.values()) {
    track(requests, transaction.objectStore('usage').put(usage))
  }
  if (puts.settings !== undefined) {
    track(requests, transaction.objectStore('meta').put(puts.settings, 'settings'))
  }
  if (puts.clock !== undefined) {
    track(requests, transaction.objectStore('meta').put(puts.clock, 'clock'))
  }
}

function writeUnansweredChanges(
  transaction: WriteTransaction,
  changes: readonly StoreChange[],
  requests: Promise<unknown>[],
): void {
  const unanswered = transaction.objectStore('unanswered')
  for (const change of changes) {
    if (change.kind === 'put-unanswered') {
      track(requests, unanswered.put(change.request))
    } else if (change.kind === 'remove-unanswered') {
      for (const deliveryId of change.deliveryIds) {
        track(requests, unanswered.delete(deliveryId))
      }
    }
  }
}

function track(requests: Promise<unknown>[], request: Promise<unknown>): void {
  request.catch(() => undefined)
  requests.push(request)
}

function abortQuietly(transaction: WriteTransaction): void {
  try {
    transaction.abort()
  } catch {
    // The transaction has already aborted because one of its requests failed.
  }
}
