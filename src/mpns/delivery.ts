import type { EngineClockState } from './clock'
import type {
  ChannelRecord,
  ChannelUsage,
  DeviceRecord,
  EngineSettings,
  MpnsHttpResponse,
  QueuedNotification,
} from './types'

/**
 * One write in a batch. Queue writes (`enqueue` and the two removals) apply in list order, so a
 * removal also reaches notifications enqueued earlier in the batch. Each `put-…` keeps the last
 * value per key.
 */
export type StoreChange =
  | { kind: 'enqueue'; notification: QueuedNotification }
  | { kind: 'put-channel'; channel: ChannelRecord }
  | { kind: 'put-device'; device: DeviceRecord }
  | { kind: 'put-usage'; usage: ChannelUsage }
  | { kind: 'put-settings'; settings: EngineSettings }
  | { kind: 'put-clock'; clock: EngineClockState }
  /** Deletes acknowledged deliveries. Ids of other handsets and unknown ids are skipped. */
  | { kind: 'remove-deliveries'; handsetId: string; deliveryIds: readonly string[] }
  /** Deletes every queued notification of a channel. */
  | { kind: 'remove-channel-queue'; token: string }
  | { kind: 'put-unanswered'; request: UnansweredRequest }
  /** Deletes the records of requests whose response was handed to the browser. */
  | { kind: 'remove-unanswered'; deliveryIds: readonly string[] }

/**
 * An accepted request whose response may not have reached the sender. When a service worker
 * stops before it responds, Chromium starts it again and dispatches the same fetch event once
 * more, so a restarted worker responds to a matching request with this response instead of queuing
 * the notification twice.
 */
export interface UnansweredRequest {
  /** Delivery id of the notification the request queued. */
  deliveryId: string
  /** Hash of the request's method, URL, headers and body. */
  fingerprint: string
  /** Id of the worker life that accepted the request. */
  workerLifeId: string
  /** Real time of acceptance, in epoch milliseconds. */
  acceptedAtRealMs: number
  response: MpnsHttpResponse
}

/** A queued notification that a committed batch deleted, and the change that deleted it. */
export interface RemovedNotification {
  /** Index of the removing change in the committed list. */
  changeIndex: number
  /** Channel token of the deleted notification. */
  token: string
}

export interface CommitResult {
  /** Queued notifications the batch deleted, in the order the removals ran. */
  removed: RemovedNotification[]
}

/** Everything the worker keeps in memory between requests, read in one transaction. */
export interface StoredEngineState {
  channels: ChannelRecord[]
  devices: DeviceRecord[]
  usage: ChannelUsage[]
  /** Undelivered notifications per channel token. Tokens with none are absent. */
  queuedCounts: Map<string, number>
  settings: EngineSettings | undefined
  clock: EngineClockState | undefined
  unanswered: UnansweredRequest[]
}

/**
 * Durable state of the service: channels, what each handset last reported, quota counts, the
 * queue of accepted notifications, the engine settings and the engine clock. Implemented over
 * IndexedDB in the worker and in memory for tests, and both pass one contract suite.
 */
export interface QueueStore {
  /** Reads a channel by token, open or closed. */
  getChannel(token: string): Promise<ChannelRecord | undefined>
  /** Finds the app's open channel. Closed channels of the app are skipped. */
  findChannelByApp(handsetId: string, appId: string): Promise<ChannelRecord | undefined>
  /** Lists every channel, closed ones included, or only those of one handset. */
  listChannels(handsetId?: string): Promise<ChannelRecord[]>
  getDevice(handsetId: string): Promise<DeviceRecord | undefined>
  listDevices(): Promise<DeviceRecord[]>
  /** Reads a channel's quota count, whatever day it was counted on. */
  getUsage(token: string): Promise<ChannelUsage | undefined>
  /** Counts a channel's undelivered notifications. */
  countQueued(token: string): Promise<number>
  /** Lists a handset's queued notifications in the order they were accepted. */
  listQueued(handsetId: string): Promise<QueuedNotification[]>
  /**
   * Selects up to `limit` of a handset's notifications that are due at `now`, in acceptance
   * order, as selectPendingNotifications does over the whole queue. It reads only the due ones.
   */
  listDue(handsetId: string, options: { now: number; limit: number }): Promise<PendingSelection>
  getSettings(): Promise<EngineSettings | undefined>
  getClock(): Promise<EngineClockState | undefined>
  /** Reads everything the worker caches, in one consistent read. */
  readState(): Promise<StoredEngineState>
  /**
   * Writes a batch of changes atomically: all of them, or none when any fails. Resolves once
   * the batch is durable, so a caller may then promise the sender that its notification is stored.
   */
  commit(changes: readonly StoreChange[]): Promise<CommitResult>
  /** Deletes every record of every store in one transaction, so either all go or none. */
  clear(): Promise<void>
}

/** Notifications to hand to a push client in one reply, and what remains for later. */
export interface PendingSelection {
  /** Due notifications in acceptance order, at most `limit` of them. */
  notifications: QueuedNotification[]
  /** True when more due notifications remain beyond `limit`. */
  more: boolean
  /** Engine time at which the earliest waiting notification becomes due. Absent when none waits. */
  nextDueAt?: number
}

/** Notifications in one PENDING reply when the push client names no limit. */
export const DEFAULT_PENDING_LIMIT = 100

/** Selects the queued notifications that are due at `now`, keeping acceptance order. */
export function selectDueNotifications(
  queued: readonly QueuedNotification[],
  now: number,
): QueuedNotification[] {
  return queued.filter((notification) => notification.dueAt <= now)
}

/**
 * Selects up to `limit` due notifications in acceptance order, telling whether due ones remain
 * and when the next notification that is not yet due falls due.
 */
export function selectPendingNotifications(
  queued: readonly QueuedNotification[],
  options: { now: number; limit: number },
): PendingSelection {
  const due = selectDueNotifications(queued, options.now)
  const selection: PendingSelection = {
    notifications: due.slice(0, options.limit),
    more: due.length > options.limit,
  }

  let nextDueAt: number | undefined
  for (const notification of queued) {
    if (notification.dueAt > options.now) {
      nextDueAt = Math.min(nextDueAt ?? notification.dueAt, notification.dueAt)
    }
  }
  if (nextDueAt !== undefined) {
    selection.nextDueAt = nextDueAt
  }
  return selection
}

/** Builds a delivery id that is unique per service and readable in logs. */
export function createDeliveryId(now: number, randomBytes: Uint8Array): string {
  const random = Array.from(randomBytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${now.toString(36)}-${random}`
}
