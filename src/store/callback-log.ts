import { createStore } from 'zustand/vanilla'

import type { DueCallback } from '@/mpns/callback'
import type { CallbackResultPayload } from '@/messaging/relay-messages'

/** State of one callback: being sent by the server, or what came of it. */
export type CallbackDeliveryState = 'sending' | CallbackResultPayload['outcome'] | 'not-sent'

/** One fired callback as the console lists it. */
export interface CallbackDelivery {
  callbackId: string
  handsetId: string
  appName: string
  callbackUri: string
  /** Size of the registered body, in bytes. */
  bodyBytes: number
  /** Wall-clock time the engine fired it, in epoch milliseconds. */
  firedAt: number
  state: CallbackDeliveryState
  /** HTTP status of the callback URI's response, once delivered. */
  status?: number
  /** Milliseconds from sending to the response or the failure. */
  elapsedMs?: number
  /** Plain explanation for a callback that failed, was rejected or was not sent. */
  reason?: string
}

export interface CallbackLog {
  /** Newest first, at most MAX_CALLBACK_DELIVERIES. */
  deliveries: CallbackDelivery[]
  /** Lists a callback the engine fired; `reason` set means it could not be sent at all. */
  recordFired: (callback: DueCallback, options?: { reason?: string }) => void
  /** Records what the server reported for a callback it sent. */
  recordResult: (result: CallbackResultPayload) => void
}

/** Number of callbacks the console keeps. */
export const MAX_CALLBACK_DELIVERIES = 50

/** Creates the console's list of fired callbacks. */
export function createCallbackLog() {
  return createStore<CallbackLog>()((set) => ({
    deliveries: [],

    recordFired: (callback, options = {}) => {
      const delivery: CallbackDelivery = {
        callbackId: callback.callbackId,
        handsetId: callback.handsetId,
        appName: callback.appName,
        callbackUri: callback.callbackUri,
        bodyBytes: callback.body.byteLength,
        firedAt: Date.now(),
        state: options.reason === undefined ? 'sending' : 'not-sent',
      }
      if (options.reason !== undefined) {
        delivery.reason = options.reason
      }
      set((state) => ({
        deliveries: [delivery, ...state.deliveries].slice(0, MAX_CALLBACK_DELIVERIES),
      }))
    },

    recordResult: (result) => {
      set((state) => ({
        deliveries: state.deliveries.map((delivery) =>
          delivery.callbackId === result.callbackId ? withResult(delivery, result) : delivery,
        ),
      }))
    },
  }))
}

/** The page's list of fired callbacks, shown in the console. */
export const callbackLog = createCallbackLog()

function withResult(delivery: CallbackDelivery, result: CallbackResultPayload): CallbackDelivery {
  const updated: CallbackDelivery = {
    ...delivery,
    state: result.outcome,
    elapsedMs: result.elapsedMs,
  }
  if (result.status !== undefined) {
    updated.status = result.status
  }
  if (result.reason !== undefined) {
    updated.reason = result.reason
  }
  return updated
}
