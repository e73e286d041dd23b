import { createStore, useStore } from 'zustand'

import type { ConsoleRequestHandled } from '@/messaging/messages'

import type { NotificationOutcome } from './slices/notification-model'

/** Record of one queued notification, as this tab saw it after the service accepted it. */
export interface DeliveryRecord {
  /** Engine time at which the push client had the service remove it from the queue. */
  deliveredAt?: number
  /** The handset's outcome for it, with the engine time at which the handset applied it. */
  outcome?: NotificationOutcome & { at: number }
}

export interface DeliveryJournalState {
  /** The worker's reports on console POSTs, by console request id. */
  handledRequests: Record<string, ConsoleRequestHandled>
  /** Deliveries to handsets this tab owns, by delivery id. */
  deliveries: Record<string, DeliveryRecord>
  /**
   * Reads engine time in epoch milliseconds. The console replaces it with a reader of its clock
   * mirror through `setState`.
   * @default Date.now
   */
  readEngineNow: () => number
  recordHandledRequest: (handled: ConsoleRequestHandled) => void
  /** Records that the push client acknowledged these deliveries to the service. */
  recordDelivered: (deliveryIds: readonly string[]) => void
  /** Records what the handset did with each applied delivery. */
  recordOutcomes: (
    outcomes: ReadonlyArray<{ deliveryId: string; outcome: NotificationOutcome }>,
  ) => void
}

export type DeliveryJournal = ReturnType<typeof createDeliveryJournal>

/** Maximum entries kept per record kind. The oldest go first, so a long session does not grow without bound. */
export const MAX_JOURNAL_ENTRIES = 500

/** Creates an empty delivery journal. */
export function createDeliveryJournal() {
  return createStore<DeliveryJournalState>()((set, get) => ({
    handledRequests: {},
    deliveries: {},
    readEngineNow: () => Date.now(),

    recordHandledRequest: (handled) =>
      set((state) => ({
        handledRequests: withCappedEntries(state.handledRequests, [
          [handled.consoleRequestId, handled],
        ]),
      })),

    recordDelivered: (deliveryIds) => {
      if (deliveryIds.length === 0) {
        return
      }
      const deliveredAt = get().readEngineNow()
      set((state) => ({
        deliveries: withCappedEntries(
          state.deliveries,
          deliveryIds.flatMap((deliveryId): Array<[string, DeliveryRecord]> => {
            // A delivery acknowledged again after a reload keeps its first time.
            const record = state.deliveries[deliveryId] ?? {}
            return record.deliveredAt === undefined
              ? [[deliveryId, { ...record, deliveredAt }]]
              : []
          }),
        ),
      }))
    },

    recordOutcomes: (outcomes) => {
      if (outcomes.length === 0) {
        return
      }
      const at = get().readEngineNow()
      set((state) => ({
        deliveries: withCappedEntries(
          state.deliveries,
          outcomes.map(({ deliveryId, outcome }): [string, DeliveryRecord] => [
            deliveryId,
            { ...state.deliveries[deliveryId], outcome: { ...outcome, at } },
          ]),
        ),
      }))
    },
  }))
}

/** The delivery journal of this page, which the push clients and handsets write and the console reads. */
export const deliveryJournal = createDeliveryJournal()

/** Selects from the page's delivery journal. */
export function useDeliveryJournal<T>(selector: (state: DeliveryJournalState) => T): T {
  return useStore(deliveryJournal, selector)
}

/**
 * Sets entries, re-inserting each as the newest, and drops the oldest beyond the cap. It copies
 * the record once per call, because the push client reports a drained backlog of thousands of
 * deliveries in a few calls, and a copy per delivery made that drain quadratic.
 */
function withCappedEntries<T>(
  record: Readonly<Record<string, T>>,
  entries: ReadonlyArray<readonly [key: string, value: T]>,
): Record<string, T> {
  if (entries.length === 0) {
    return record
  }
  const next = new Map(Object.entries(record))
  for (const [key, value] of entries) {
    next.delete(key)
    next.set(key, value)
  }
  const kept = [...next].slice(Math.max(0, next.size - MAX_JOURNAL_ENTRIES))
  return Object.fromEntries(kept)
}
