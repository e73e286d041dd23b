/// <reference lib="webworker" />
import { logError } from '@/lib/log'
import { locateChannel } from '@/mpns/channel'
import type { WorkerBroadcastMessage } from '@/messaging/messages'
import { openIndexedDbQueueStore } from '@/storage/indexeddb-queue-store'

import type { ServiceContext } from './service-context'
import { createServiceContext } from './service-requests'

declare const self: ServiceWorkerGlobalScope

/** Path that the worker responds to with 204 at once and no storage work, the floor of a round trip. */
export const PING_PATH = '/__emulator/ping'

let contextPromise: Promise<ServiceContext> | undefined

/**
 * Opens the service once per worker life over IndexedDB, and a restarted worker opens it again.
 * When opening fails, the next request tries again.
 */
export function getServiceContext(): Promise<ServiceContext> {
  contextPromise ??= openIndexedDbQueueStore().then(
    (store) => createServiceContext({ store, origin: self.location.origin, broadcast }),
    (error: unknown) => {
      contextPromise = undefined
      throw error
    },
  )
  return contextPromise
}

/** Tells whether a request URL is a channel URI on this origin. */
export function isChannelRequest(url: string): boolean {
  return new URL(url).origin === self.location.origin && locateChannel(url).kind === 'channel'
}

/** Tells whether a request URL is this origin's ping path. */
export function isPingRequest(url: string): boolean {
  const parsed = new URL(url)
  return parsed.origin === self.location.origin && parsed.pathname === PING_PATH
}

/** Posts a message to every page this worker controls. */
export async function broadcast(message: WorkerBroadcastMessage): Promise<void> {
  const clients = await self.clients.matchAll({ type: 'window' })
  for (const client of clients) {
    try {
      client.postMessage(message)
    } catch (error) {
      logError('[sw]', `Failed to post ${message.type} to ${client.url}`, error)
    }
  }
}
