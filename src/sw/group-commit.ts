import { logError } from '@/lib/log'
import { readEngineClock } from '@/mpns/clock'
import type { CommitResult, QueueStore, StoreChange } from '@/mpns/delivery'
import type { QueuedNotification } from '@/mpns/types'
import type { WorkerBroadcastMessage } from '@/messaging/messages'

import { applyChangeToState, applyRemovalsToState, toEngineState } from './engine-state'
import type { EngineState } from './engine-state'

/** Outcome of one request: its reply, the changes to store and the messages to broadcast after. */
export interface Decision<T> {
  reply: T
  changes?: StoreChange[]
  broadcasts?: WorkerBroadcastMessage[]
}

/** Inputs of a decision. It must not change `state`, because its `changes` are applied for it. */
export interface DecisionContext {
  state: Readonly<EngineState>
  /** Engine time in epoch milliseconds. */
  now: number
  /** Real time in epoch milliseconds. */
  realNowMs: number
}

/** A reply whose changes are stored. */
export interface Committed<T> {
  reply: T
  /** Queued notifications the decision's removals deleted. */
  removed: number
}

export interface GroupCommitOptions {
  store: QueueStore
  /** Posts a message to every page. It is awaited before the batch's replies are released. */
  broadcast: (message: WorkerBroadcastMessage) => Promise<void>
  /** Real time in epoch milliseconds. @default Date.now */
  readRealTime?: () => number
}

/**
 * Decides requests one at a time against the cached engine state and stores their changes in
 * shared transactions: one batch is written while the next one fills.
 */
export interface GroupCommit {
  /**
   * Runs `decide` against the cache, adds its changes to the open batch and resolves once that
   * batch has committed. Rejects with CommitFailedError when the batch could not be written.
   */
  run<T>(decide: (context: DecisionContext) => Decision<T>): Promise<Committed<T>>
  /**
   * Waits until the batches decided so far have committed, then deletes every stored record and
   * drops the cache. Requests that arrive meanwhile are decided against the emptied state.
   */
  clear(): Promise<void>
}

/** The batch holding a request's changes failed to commit, so none of them were stored. */
export class CommitFailedError extends Error {
  constructor(cause: unknown) {
    super(
      `Failed to store the change in IndexedDB (${describeError(cause)}), so none of it was stored. Send the request again.`,
      { cause },
    )
    this.name = 'CommitFailedError'
  }
}

interface Waiter {
  /** Range of the waiter's changes in its batch. */
  firstChange: number
  endChange: number
  resolve: (removed: number) => void
  reject: (error: Error) => void
}

/** Most notifications sent with one announcement; more are left for the push client to pull. */
const MAX_PUSHED = 100

interface Batch {
  changes: StoreChange[]
  waiters: Waiter[]
  broadcasts: WorkerBroadcastMessage[]
}

/** Creates the group commit over a store. The cache is read from the store on first use. */
export function createGroupCommit(options: GroupCommitOptions): GroupCommit {
  const readRealTime = options.readRealTime ?? Date.now
  let state: EngineState | undefined
  let loading: Promise<EngineState> | undefined
  let openBatch: Batch | undefined
  let committing = false
  let flushScheduled = false
  /** The running clear, which settles once the store is empty. Undefined while no clear runs. */
  let clearing: Promise<void> | undefined
  let idleWaiters: Array<() => void> = []

  const loadState = (): Promise<EngineState> => {
    if (state !== undefined) {
      return Promise.resolve(state)
    }
    loading ??= (clearing ?? Promise.resolve())
      .then(() => options.store.readState())
      .then(
        (stored) => {
          loading = undefined
          state = toEngineState(stored, readRealTime())
          return state
        },
        (error: unknown) => {
          loading = undefined
          throw error
        },
      )
    return loading
  }

  const readContext = (current: EngineState): DecisionContext => {
    const realNowMs = readRealTime()
    return { state: current, now: readEngineClock(current.clock, realNowMs), realNowMs }
  }

  const scheduleFlush = (): void => {
    if (committing || flushScheduled) {
      return
    }
    flushScheduled = true
    // The next task lets the requests that arrived together join one batch.
    setTimeout(() => {
      flushScheduled = false
      void flush()
    }, 0)
  }

  const flush = async (): Promise<void> => {
    const batch = openBatch
    openBatch = undefined
    if (batch === undefined) {
      releaseIdleWaiters()
      return
    }

    committing = true
    let result: CommitResult
    try {
      result =
        batch.changes.length === 0 ? { removed: [] } : await options.store.commit(batch.changes)
    } catch (error) {
      committing = false
      failBatches(batch, error)
      releaseIdleWaiters()
      return
    }
    committing = false

    if (state !== undefined) {
      applyRemovalsToState(state, result.removed)
    }
    // The next batch is written as soon as this one finished.
    if (openBatch !== undefined) {
      void flush()
    } else {
      releaseIdleWaiters()
    }
    const pushed = state === undefined ? undefined : readContext(state)
    await sendBroadcasts(batch, { broadcast: options.broadcast, context: pushed })
    resolveWaiters(batch, result)
  }

  const releaseIdleWaiters = (): void => {
    if (committing || openBatch !== undefined) {
      return
    }
    const waiters = idleWaiters
    idleWaiters = []
    for (const resolve of waiters) {
      resolve()
    }
  }

  const waitForIdle = (): Promise<void> => {
    if (!committing && openBatch === undefined) {
      return Promise.resolve()
    }
    return new Promise((resolve) => idleWaiters.push(resolve))
  }

  const failBatches = (failed: Batch, error: unknown): void => {
    // Requests in the open batch decided against a cache that counted the failed changes, so
    // they fail too, and the cache is read again from storage.
    const waiters = [...failed.waiters, ...(openBatch?.waiters ?? [])]
    openBatch = undefined
    state = undefined
    logError(
      '[sw]',
      `Failed to commit a batch of ${failed.changes.length} changes (${describeDeliveries(failed.changes)}), so ${waiters.length} requests get an error and the engine state is read again from IndexedDB.`,
      error,
    )
    for (const waiter of waiters) {
      waiter.reject(new CommitFailedError(error))
    }
  }

  return {
    async run(decide) {
      let current = await loadState()
      // A batch that failed while this request waited dropped the cache: read it again. The check
      // and the decision run in one synchronous step, so no failure can come between them.
      while (current !== state) {
        current = await loadState()
      }

      const decision = decide(readContext(current))
      const changes = decision.changes ?? []
      for (const change of changes) {
        applyChangeToState(current, change)
      }

      openBatch ??= { changes: [], waiters: [], broadcasts: [] }
      const batch = openBatch
      const firstChange = batch.changes.length
      batch.changes.push(...changes)
      batch.broadcasts.push(...(decision.broadcasts ?? []))
      const removed = new Promise<number>((resolve, reject) => {
        batch.waiters.push({ firstChange, endChange: batch.changes.length, resolve, reject })
      })
      scheduleFlush()

      return { reply: decision.reply, removed: await removed }
    },

    async clear() {
      while (loading !== undefined || committing || openBatch !== undefined) {
        await (loading?.then(ignore, ignore) ?? waitForIdle())
      }
      // The cache is dropped in the same step as the idle check, so no request can decide
      // against the old state from here on. Each one reads the state again after the clear.
      state = undefined
      const cleared = options.store.clear()
      clearing = cleared.catch(() => undefined)
      try {
        await cleared
      } finally {
        clearing = undefined
      }
    },
  }
}

function ignore(): void {}

/** Releases the replies of a committed batch, each with the count its own removals deleted. */
function resolveWaiters(batch: Batch, result: CommitResult): void {
  const removedPerChange = new Map<number, number>()
  for (const { changeIndex } of result.removed) {
    removedPerChange.set(changeIndex, (removedPerChange.get(changeIndex) ?? 0) + 1)
  }

  for (const waiter of batch.waiters) {
    let removed = 0
    for (let index = waiter.firstChange; index < waiter.endChange; index += 1) {
      removed += removedPerChange.get(index) ?? 0
    }
    waiter.resolve(removed)
  }
}

/**
 * Posts the batch's broadcasts once each: one NOTIFICATIONS_AVAILABLE per handset that received
 * a notification, however many it received, one CONSOLE_REQUEST_HANDLED per console request, and
 * the last of every other kind. When the batch's notifications are all the handset has queued,
 * the message carries the due ones, which saves the push client a PENDING round trip on the way
 * to the screen.
 */
async function sendBroadcasts(
  batch: Batch,
  options: {
    broadcast: (message: WorkerBroadcastMessage) => Promise<void>
    /** The cache after the commit, or undefined when it was dropped. */
    context: DecisionContext | undefined
  },
): Promise<void> {
  const { broadcast, context } = options
  const enqueuedByHandset = new Map<string, QueuedNotification[]>()
  for (const change of batch.changes) {
    if (change.kind === 'enqueue') {
      const { handsetId } = change.notification
      const enqueued = enqueuedByHandset.get(handsetId) ?? []
      enqueued.push(change.notification)
      enqueuedByHandset.set(handsetId, enqueued)
    }
  }

  const messages = new Map<string, WorkerBroadcastMessage>()
  for (const [handsetId, enqueued] of enqueuedByHandset) {
    const notifications =
      context === undefined ? undefined : selectPushedNotifications(context, enqueued)
    messages.set(`NOTIFICATIONS_AVAILABLE_MESSAGE:${handsetId}`, {
      type: 'NOTIFICATIONS_AVAILABLE_MESSAGE',
      payload: notifications === undefined ? { handsetId } : { handsetId, notifications },
    })
  }
  for (const message of batch.broadcasts) {
    messages.set(toBroadcastKey(message), message)
  }

  try {
    await Promise.all([...messages.values()].map((message) => broadcast(message)))
  } catch (error) {
    // The batch is stored, and push clients also pull on their keep-alive.
    logError('[sw]', 'Failed to broadcast after a commit', error)
  }
}

/** Keys a broadcast so that a batch sends one per handset or console request, and one of every other kind. */
function toBroadcastKey(message: WorkerBroadcastMessage): string {
  switch (message.type) {
    case 'NOTIFICATIONS_AVAILABLE_MESSAGE':
      return `${message.type}:${message.payload.handsetId}`
    case 'CONSOLE_REQUEST_HANDLED_MESSAGE':
      return `${message.type}:${message.payload.consoleRequestId}`
    default:
      return message.type
  }
}

/**
 * Returns the notifications to send with the announcement, or undefined when the push client
 * must pull. It must pull when the handset is offline, when other notifications of the handset
 * are queued (sending these first would break acceptance order), when one of them falls due
 * later, or when there are more than a chunk.
 */
function selectPushedNotifications(
  context: DecisionContext,
  enqueued: readonly QueuedNotification[],
): QueuedNotification[] | undefined {
  const handsetId = enqueued[0]?.handsetId
  const device = handsetId === undefined ? undefined : context.state.devices.get(handsetId)
  if (device === undefined || device.network === 'offline' || enqueued.length > MAX_PUSHED) {
    return undefined
  }

  let queuedForHandset = 0
  for (const channel of context.state.channels.values()) {
    if (channel.handsetId === handsetId) {
      queuedForHandset += context.state.queuedCounts.get(channel.token) ?? 0
    }
  }
  // A notification that falls due later needs the pull's reply, which sets the push client's timer.
  const allDue = enqueued.every((notification) => notification.dueAt <= context.now)
  return queuedForHandset === enqueued.length && allDue ? [...enqueued] : undefined
}

/** Names the first and last delivery ids a batch enqueued, for logs. */
function describeDeliveries(changes: readonly StoreChange[]): string {
  const deliveryIds = changes.flatMap((change) =>
    change.kind === 'enqueue' ? [change.notification.deliveryId] : [],
  )
  if (deliveryIds.length === 0) {
    return 'no deliveries'
  }
  const first = deliveryIds[0] ?? ''
  const last = deliveryIds[deliveryIds.length - 1] ?? ''
  return deliveryIds.length === 1
    ? `delivery ${first}`
    : `${deliveryIds.length} deliveries from ${first} to ${last}`
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
