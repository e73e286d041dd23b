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
        handledRequests: withCappedEntry(state.handledRequests, handled.consoleRequestId, handled),
      })),

    recordDelivered: (deliveryIds) => {
      if (deliveryIds.length === 0) {
        return
      }
      const deliveredAt = get().readEngineNow()
      set((state) => {
        let deliveries = state.deliveries
        for (const deliveryId of deliveryIds) {
          // A delivery acknowledged again after a reload keeps its first time.
          const record = deliveries[deliveryId] ?? {}
          if (record.deliveredAt === undefined) {
            deliveries = withCappedEntry<DeliveryRecord>(deliveries, deliveryId, {
              ...record,
              deliveredAt,
            })
          }
        }
        return { deliveries }
      })
    },

    recordOutcomes: (outcomes) => {
      if (outcomes.length === 0) {
        return
      }
      const at = get().readEngineNow()
      set((state) => {
        let deliveries = state.deliveries
        for (const { deliveryId, outcome } of outcomes) {
          const record = deliveries[deliveryId] ?? {}
          deliveries = withCappedEntry<DeliveryRecord>(deliveries, deliveryId, {
            ...record,
            outcome: { ...outcome, at },
          })
        }
        return { deliveries }
      })
    },
  }))
}

/** The delivery journal of this page, which the push clients and handsets write and the console reads. */
export const deliveryJournal = createDeliveryJournal()

/** Selects from the page's delivery journal. */
export function useDeliveryJournal<T>(selector: (state: DeliveryJournalState) => T): T {
  return useStore(deliveryJournal, selector)
}

/** Sets one entry, re-inserting it as the newest, and drops the oldest beyond the cap. */
function withCappedEntry<T>(
  record: Readonly<Record<string, T>>,
  key: string,
  value: T,
): Record<string, T> {
  const next: Record<string, T> = { ...record }
  delete next[key]
  next[key] = value
  const keys = Object.keys(next)
  for (const oldKey of keys.slice(0, Math.max(0, keys.length - MAX_JOURNAL_ENTRIES))) {
    delete next[oldKey]
  }
  return next
}
