import { logError, logInfo } from '@/lib/log'
import type { QueuedNotification } from '@/mpns/types'

import { requestWorker, subscribeToWorker } from './worker-sync'

export interface PushClientOptions {
  handsetId: string
  /** Applies one delivered notification to the handset; must record its delivery id. */
  applyNotification: (notification: QueuedNotification) => void
}

/** Interval of the push client's contact with the service, in milliseconds. */
export const KEEPALIVE_INTERVAL_MS = 15_000

/**
 * Starts a handset's push client: it takes ownership of the handset through a Web Lock, then
 * pulls due notifications on start, when the service announces new ones and on a keep-alive,
 * applies them and acknowledges them. Returns a function that stops it.
 */
export function startPushClient(options: PushClientOptions): () => void {
  const abort = new AbortController()
  let owner = false
  let pulling = false
  let pullAgain = false

  const pull = async (): Promise<void> => {
    if (!owner) {
      return
    }
    if (pulling) {
      pullAgain = true
      return
    }
    pulling = true
    try {
      do {
        pullAgain = false
        await deliverPending(options)
      } while (pullAgain && !abort.signal.aborted)
    } catch (error) {
      logError('[push]', `Failed to pull notifications for ${options.handsetId}`, error)
    } finally {
      pulling = false
    }
  }

  const unsubscribe = subscribeToWorker((message) => {
    if (
      message.type === 'NOTIFICATIONS_AVAILABLE_MESSAGE' &&
      message.payload.handsetId === options.handsetId
    ) {
      void pull()
    }
  })
  const keepalive = setInterval(() => void pull(), KEEPALIVE_INTERVAL_MS)

  // Only the tab holding the lock receives and acknowledges, so a handset open in two tabs
  // shows each notification once. The lock passes on when the owning tab closes.
  navigator.locks
    .request(`mpns-push-client:${options.handsetId}`, { signal: abort.signal }, () => {
      owner = true
      logInfo('[push]', `${options.handsetId}: this tab owns the handset`)
      void pull()
      return new Promise<void>((resolve) => {
        abort.signal.addEventListener('abort', () => resolve())
      })
    })
    .catch((error: unknown) => {
      if (!abort.signal.aborted) {
        logError('[push]', `Failed to take ownership of ${options.handsetId}`, error)
      }
    })

  return () => {
    abort.abort()
    owner = false
    clearInterval(keepalive)
    unsubscribe()
  }
}

async function deliverPending(options: PushClientOptions): Promise<void> {
  const { notifications } = await requestWorker('PENDING', { handsetId: options.handsetId })
  if (notifications.length === 0) {
    return
  }

  const applied: string[] = []
  for (const notification of notifications) {
    try {
      options.applyNotification(notification)
      applied.push(notification.deliveryId)
    } catch (error) {
      // Left unacknowledged, the notification is offered again on the next pull.
      logError('[push]', `Failed to apply delivery ${notification.deliveryId}`, error, {
        token: notification.token,
        messageId: notification.messageId,
      })
    }
  }

  await requestWorker('ACK', { handsetId: options.handsetId, deliveryIds: applied })
}
