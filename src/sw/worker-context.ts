/// <reference lib="webworker" />
import { locateChannel } from '@/mpns/channel'
import type { QueueStore } from '@/mpns/delivery'
import type { WorkerBroadcastMessage } from '@/messaging/messages'
import { openIndexedDbQueueStore } from '@/storage/indexeddb-queue-store'

declare const self: ServiceWorkerGlobalScope

let storePromise: Promise<QueueStore> | undefined

/** Opens the service's store once per worker life; a restarted worker opens it again. */
export function getQueueStore(): Promise<QueueStore> {
  storePromise ??= openIndexedDbQueueStore()
  return storePromise
}

/** Tells whether a request URL is a channel URI on this origin. */
export function isChannelRequest(url: string): boolean {
  return new URL(url).origin === self.location.origin && locateChannel(url).kind === 'channel'
}

/** Reads the engine clock in epoch milliseconds. */
export function readEngineTime(): number {
  // NOTE: the engine clock runs at real speed with no offset until clock control exists.
  return Date.now()
}

/** Fills a buffer with cryptographically random bytes. */
export function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length))
}

/** Posts a message to every page this worker controls. */
export async function broadcast(message: WorkerBroadcastMessage): Promise<void> {
  const clients = await self.clients.matchAll({ type: 'window' })
  for (const client of clients) {
    client.postMessage(message)
  }
}
