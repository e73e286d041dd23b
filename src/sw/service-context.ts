import type { QueueStore } from '@/mpns/delivery'

import type { GroupCommit } from './group-commit'

/** Dependencies the worker's request handlers share: the group commit, the store, the origin, and sources of time and randomness. */
export interface ServiceContext {
  commit: GroupCommit
  store: QueueStore
  /** Origin that channel URIs are issued on, such as `http://127.0.0.1:5173`. */
  origin: string
  /** Fills a new buffer with cryptographically random bytes. */
  randomBytes: (length: number) => Uint8Array
  /** Real time in epoch milliseconds. */
  readRealTime: () => number
  /** Random id of this worker life, which distinguishes a repeated dispatch from a new request. */
  workerLifeId: string
  /** Stores, in one batch per task, that the responses of these deliveries reached the browser. */
  markAnswered: (deliveryId: string) => void
}
