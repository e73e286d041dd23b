import type { StateCreator } from 'zustand'

import type { ConsoleState } from '../console-store'

/** One press of Send: a countdown, then `total` requests one after another. */
export interface SendSeries {
  id: string
  total: number
  /** Number of the request in flight, counted from 1. It is 0 while the countdown runs. */
  current: number
  /** Real epoch milliseconds at which the countdown ends. Absent once it has ended. */
  countdownEndsAt?: number
}

export type SendOption = 'sendCount' | 'delaySeconds'

export interface SendSeriesSlice {
  /** Number of requests one press of Send posts. @default 1 */
  sendCount: number
  /** Real seconds Send waits before the first request. @default 0 */
  delaySeconds: number
  /** Rejection message of the last value typed into each send option. */
  sendOptionErrors: Partial<Record<SendOption, string>>
  /** The series in progress, or null. */
  series: SendSeries | null
  /** Outcome of the last cancelled series, shown until the next series starts, or null. */
  seriesNotice: string | null
  /** Sets a send option from the text typed into its field, or stores why the text is rejected. */
  chooseSendOption: (option: SendOption, text: string) => void
  /** Stops the countdown, or the requests not yet sent. A request in flight still completes. */
  cancelSending: () => void
}

/** Limits of the send options, inclusive. */
export const SEND_OPTION_LIMITS: Readonly<Record<SendOption, { min: number; max: number }>> = {
  sendCount: { min: 1, max: 100 },
  delaySeconds: { min: 0, max: 3600 },
}

const SEND_OPTION_NAMES: Readonly<Record<SendOption, string>> = {
  sendCount: 'Send count',
  delaySeconds: 'Delay in seconds',
}

const MS_PER_SECOND = 1000

/** Ends the countdown of a series early, by series id. */
const countdownCancels = new Map<string, () => void>()

export const createSendSeriesSlice: StateCreator<ConsoleState, [], [], SendSeriesSlice> = (
  set,
  get,
) => ({
  sendCount: 1,
  delaySeconds: 0,
  sendOptionErrors: {},
  series: null,
  seriesNotice: null,

  chooseSendOption: (option, text) => {
    const { min, max } = SEND_OPTION_LIMITS[option]
    const trimmed = text.trim()
    const value = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN
    if (!(value >= min && value <= max)) {
      const problem = `Invalid ${SEND_OPTION_NAMES[option]} "${text}": enter a whole number from ${min} to ${max}.`
      set((state) => ({ sendOptionErrors: { ...state.sendOptionErrors, [option]: problem } }))
      return
    }
    set((state) => {
      const sendOptionErrors = { ...state.sendOptionErrors }
      delete sendOptionErrors[option]
      return { [option]: value, sendOptionErrors }
    })
  },

  cancelSending: () => {
    const { series } = get()
    if (series === null) {
      return
    }
    countdownCancels.get(series.id)?.()
    // A request in flight when Cancel is pressed still completes, so it counts as sent.
    const seriesNotice =
      series.countdownEndsAt === undefined
        ? `Cancelled after ${series.current} of ${series.total} requests.`
        : 'Cancelled before sending.'
    set({ series: null, seriesNotice })
  },
})

/**
 * Runs one press of Send: waits out the delay, then calls `sendOnce` for each request of the
 * count, one after another. Does nothing while a series runs or a send option is invalid.
 */
export async function runSendSeries(options: {
  get: () => ConsoleState
  set: (partial: Partial<ConsoleState>) => void
  sendOnce: () => Promise<void>
}): Promise<void> {
  const { get, set, sendOnce } = options
  const { sendCount, delaySeconds, series, sendOptionErrors } = get()
  if (series !== null || Object.keys(sendOptionErrors).length > 0) {
    return
  }

  const id = crypto.randomUUID()
  const delayMs = delaySeconds * MS_PER_SECOND
  const countdown = delayMs > 0 ? { countdownEndsAt: Date.now() + delayMs } : {}
  set({ series: { id, total: sendCount, current: 0, ...countdown }, seriesNotice: null })
  if (delayMs > 0) {
    await waitForCountdown(id, delayMs)
  }

  for (let index = 1; index <= sendCount; index += 1) {
    if (get().series?.id !== id) {
      return
    }
    set({ series: { id, total: sendCount, current: index } })
    await sendOnce()
  }
  if (get().series?.id === id) {
    set({ series: null })
  }
}

/** Waits `delayMs` real milliseconds, or less when the series is cancelled. */
function waitForCountdown(id: string, delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer)
      countdownCancels.delete(id)
      resolve()
    }
    const timer = setTimeout(finish, delayMs)
    countdownCancels.set(id, finish)
  })
}
