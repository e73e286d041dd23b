import type { EngineClockState } from '@/mpns/clock'
import { selectPendingNotifications } from '@/mpns/delivery'
import type {
  CommitResult,
  QueueStore,
  RemovedNotification,
  StoreChange,
  UnansweredRequest,
} from '@/mpns/delivery'
import type {
  ChannelRecord,
  ChannelUsage,
  DeviceRecord,
  EngineSettings,
  QueuedNotification,
} from '@/mpns/types'

import { collectLatestPuts } from './store-changes'

interface MemoryState {
  channels: Map<string, ChannelRecord>
  devices: Map<string, DeviceRecord>
  usage: Map<string, ChannelUsage>
  /** Queued notifications in acceptance order. */
  queue: QueuedNotification[]
  /** Requests whose response may not have reached the sender, by delivery id. */
  unanswered: Map<string, UnansweredRequest>
  settings?: EngineSettings
  clock?: EngineClockState
}

/**
 * Creates a QueueStore that keeps everything in memory, for tests and tools. Values are cloned on
 * the way in and out, as IndexedDB does, and a batch that fails leaves the state untouched.
 */
export function createMemoryQueueStore(): QueueStore {
  let state = createEmptyState()

  return {
    getChannel: (token) => resolveClone(state.channels.get(token)),
    findChannelByApp: (handsetId, appId) =>
      resolveClone(
        [...state.channels.values()].find(
          (channel) =>
            channel.handsetId === handsetId &&
            channel.appId === appId &&
            channel.closedAt === undefined,
        ),
      ),
    listChannels: (handsetId) =>
      resolveClone(
        [...state.channels.values()].filter(
          (channel) => handsetId === undefined || channel.handsetId === handsetId,
        ),
      ),
    getDevice: (handsetId) => resolveClone(state.devices.get(handsetId)),
    listDevices: () => resolveClone([...state.devices.values()]),
    getUsage: (token) => resolveClone(state.usage.get(token)),
    countQueued: (token) =>
      Promise.resolve(state.queue.filter((notification) => notification.token === token).length),
    listQueued: (handsetId) =>
      resolveClone(state.queue.filter((notification) => notification.handsetId === handsetId)),
    listDue: (handsetId, options) =>
      resolveClone(
        selectPendingNotifications(
          state.queue.filter((notification) => notification.handsetId === handsetId),
          options,
        ),
      ),
    getSettings: () => resolveClone(state.settings),
    getClock: () => resolveClone(state.clock),
    readState: () =>
      resolveClone({
        channels: [...state.channels.values()],
        devices: [...state.devices.values()],
        usage: [...state.usage.values()],
        queuedCounts: countPerToken(state.queue),
        settings: state.settings,
        clock: state.clock,
        unanswered: [...state.unanswered.values()],
      }),
    commit: (changes) => {
      try {
        const next = applyChanges(state, changes)
        state = next.state
        return Promise.resolve(next.result)
      } catch (error) {
        return Promise.reject(
          new Error(`Failed to commit a batch of ${changes.length} changes in memory.`, {
            cause: error,
          }),
        )
      }
    },
    clear: () => {
      state = createEmptyState()
      return Promise.resolve()
    },
  }
}

function createEmptyState(): MemoryState {
  return {
    channels: new Map(),
    devices: new Map(),
    usage: new Map(),
    queue: [],
    unanswered: new Map(),
  }
}

/** Applies a batch to a copy of the state, and throws before anything is replaced when a change is invalid. */
function applyChanges(
  current: MemoryState,
  changes: readonly StoreChange[],
): { state: MemoryState; result: CommitResult } {
  const cloned = structuredClone(changes)
  let queue = [...current.queue]
  const deliveryIds = new Set(queue.map((notification) => notification.deliveryId))
  const removed: RemovedNotification[] = []

  for (const [changeIndex, change] of cloned.entries()) {
    if (change.kind === 'enqueue') {
      const { deliveryId } = change.notification
      if (deliveryIds.has(deliveryId)) {
        throw new Error(`Delivery id "${deliveryId}" is already queued.`)
      }
      deliveryIds.add(deliveryId)
      queue.push(change.notification)
    } else if (change.kind === 'remove-deliveries') {
      const targets = new Set(change.deliveryIds)
      queue = removeFromQueue({
        queue,
        shouldRemove: (notification) =>
          notification.handsetId === change.handsetId && targets.has(notification.deliveryId),
        onRemove: (notification) => removed.push({ changeIndex, token: notification.token }),
      })
    } else if (change.kind === 'remove-channel-queue') {
      queue = removeFromQueue({
        queue,
        shouldRemove: (notification) => notification.token === change.token,
        onRemove: (notification) => removed.push({ changeIndex, token: notification.token }),
      })
    }
  }

  const unanswered = new Map(current.unanswered)
  for (const change of cloned) {
    if (change.kind === 'put-unanswered') {
      unanswered.set(change.request.deliveryId, change.request)
    } else if (change.kind === 'remove-unanswered') {
      for (const deliveryId of change.deliveryIds) {
        unanswered.delete(deliveryId)
      }
    }
  }

  const puts = collectLatestPuts(cloned)
  const state: MemoryState = {
    channels: new Map([...current.channels, ...puts.channels]),
    devices: new Map([...current.devices, ...puts.devices]),
    usage: new Map([...current.usage, ...puts.usage]),
    queue,
    unanswered,
  }
  const settings = puts.settings ?? current.settings
  const clock = puts.clock ?? current.clock
  if (settings !== undefined) {
    state.settings = settings
  }
  if (clock !== undefined) {
    state.clock = clock
  }
  return { state, result: { removed } }
}

function removeFromQueue(options: {
  queue: readonly QueuedNotification[]
  shouldRemove: (notification: QueuedNotification) => boolean
  onRemove: (notification: QueuedNotification) => void
}): QueuedNotification[] {
  const kept: QueuedNotification[] = []
  for (const notification of options.queue) {
    if (options.shouldRemove(notification)) {
      options.onRemove(notification)
    } else {
      kept.push(notification)
    }
  }
  return kept
}

function countPerToken(queue: readonly QueuedNotification[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const notification of queue) {
    counts.set(notification.token, (counts.get(notification.token) ?? 0) + 1)
  }
  return counts
}

function resolveClone<T>(value: T): Promise<T> {
  return Promise.resolve(structuredClone(value))
}
