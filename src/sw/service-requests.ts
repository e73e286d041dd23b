import { logError } from '@/lib/log'
import type { QueueStore } from '@/mpns/delivery'
import type {
  WorkerBroadcastMessage,
  WorkerRequestMap,
  WorkerRequestMessage,
  WorkerRequestStem,
} from '@/messaging/messages'
import { describeInvalidPayload } from '@/messaging/request-validation'

import { closeChannel, listChannels, openChannel, renewChannel } from './channel-lifecycle'
import { acknowledge, listPending, reportDeviceState } from './device-sync'
import { getClock, getSettings, resetService, updateClock, updateSettings } from './engine-controls'
import { REDISPATCH_WINDOW_MS, listStaleUnanswered } from './engine-state'
import { createGroupCommit } from './group-commit'
import type { GroupCommit } from './group-commit'
import type { ServiceContext } from './service-context'

export interface ServiceContextOptions {
  store: QueueStore
  /** Origin that channel URIs are issued on. */
  origin: string
  /** Posts a message to every page the worker controls. */
  broadcast: (message: WorkerBroadcastMessage) => Promise<void>
  /** Real time in epoch milliseconds. @default Date.now */
  readRealTime?: () => number
  /** Fills a new buffer with random bytes. @default crypto.getRandomValues */
  randomBytes?: (length: number) => Uint8Array
}

/** Requests the service handles itself. HELLO needs the worker's global scope and is handled in worker-messages.ts. */
export type ServiceRequestMessage = Exclude<WorkerRequestMessage, { type: 'HELLO_REQUEST' }>

type ServiceReply = WorkerRequestMap[WorkerRequestStem]['response']

/** Random bytes in a worker life id. */
const WORKER_LIFE_ID_BYTES = 8

/** Creates the emulated service over a store: the group commit and the context its handlers share. */
export function createServiceContext(options: ServiceContextOptions): ServiceContext {
  const readRealTime = options.readRealTime ?? Date.now
  const randomBytes =
    options.randomBytes ?? ((length) => crypto.getRandomValues(new Uint8Array(length)))
  const commit = createGroupCommit({
    store: options.store,
    broadcast: options.broadcast,
    readRealTime,
  })
  return {
    commit,
    store: options.store,
    origin: options.origin,
    randomBytes,
    readRealTime,
    workerLifeId: toHex(randomBytes(WORKER_LIFE_ID_BYTES)),
    markAnswered: createAnsweredMarker(commit),
  }
}

/**
 * Collects the deliveries whose responses were handed to the browser and deletes their
 * unanswered records in one change per task, together with records too old to be dispatched again.
 */
function createAnsweredMarker(commit: GroupCommit): (deliveryId: string) => void {
  let pending: string[] = []

  const flush = (): void => {
    const answered = pending
    pending = []
    commit
      .run(({ state, realNowMs }) => ({
        reply: undefined,
        changes: [
          {
            kind: 'remove-unanswered',
            deliveryIds: [
              ...answered,
              ...listStaleUnanswered(state, { realNowMs, windowMs: REDISPATCH_WINDOW_MS }),
            ],
          },
        ],
      }))
      .catch((error: unknown) => {
        // A record left behind only matters if the same request comes again within the window.
        logError('[sw]', `Failed to mark ${answered.length} responses as sent`, error)
      })
  }

  return (deliveryId) => {
    if (pending.length === 0) {
      setTimeout(flush, 0)
    }
    pending.push(deliveryId)
  }
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * Handles one request from a page after checking its payload. Throws an Error with a plain
 * message when the payload is malformed or the request is invalid, and the caller replies with it.
 */
export function answerServiceRequest(
  context: ServiceContext,
  message: ServiceRequestMessage,
): Promise<ServiceReply> {
  const problem = describeInvalidPayload(message)
  if (problem !== undefined) {
    return Promise.reject(new Error(problem))
  }

  switch (message.type) {
    case 'CHANNEL_OPEN_REQUEST':
      return openChannel(context, message.payload)
    case 'CHANNEL_CLOSE_REQUEST':
      return closeChannel(context, message.payload)
    case 'CHANNEL_RENEW_REQUEST':
      return renewChannel(context, message.payload)
    case 'CHANNEL_LIST_REQUEST':
      return listChannels(context)
    case 'DEVICE_STATE_REQUEST':
      return reportDeviceState(context, message.payload)
    case 'PENDING_REQUEST':
      return listPending(context, message.payload)
    case 'ACK_REQUEST':
      return acknowledge(context, message.payload)
    case 'SETTINGS_GET_REQUEST':
      return getSettings(context)
    case 'SETTINGS_UPDATE_REQUEST':
      return updateSettings(context, message.payload.changes)
    case 'CLOCK_GET_REQUEST':
      return getClock(context)
    case 'CLOCK_UPDATE_REQUEST':
      return updateClock(context, message.payload)
    case 'RESET_REQUEST':
      return resetService(context)
  }
}
