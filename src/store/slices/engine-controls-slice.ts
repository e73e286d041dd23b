import type { StateCreator } from 'zustand'

import { logError } from '@/lib/log'
import type { EngineClockSnapshot } from '@/messaging/messages'
import type { EngineSettings } from '@/mpns/types'

import type { ConsoleState } from '../console-store'
import {
  getEngineClock,
  getEngineSettings,
  toErrorReason,
  updateEngineClock,
  updateEngineSettings,
} from '../worker-sync'

/** Engine settings edited as numbers in the console. */
export type NumericSettingKey = 'dailyQuota' | 'queueDepth' | 'inactiveAfterMinutes'

export type ClockControl = 'speed' | 'advance'

export interface EngineControlsSlice {
  /** Mirror of the engine settings; null until the worker has sent them. */
  settings: EngineSettings | null
  /** Rejection message of the last change of each setting. */
  settingErrors: Partial<Record<keyof EngineSettings, string>>
  /** Settings changes sent to the worker that it has not replied to yet. */
  settingsUpdatesInFlight: number
  /** Mirror of the engine clock; null until the worker has sent it. */
  clock: EngineClockSnapshot | null
  /** Rejection message of the last change through each clock control. */
  clockErrors: Partial<Record<ClockControl, string>>
  /** Reads the engine settings and clock from the worker. */
  loadEngineState: () => Promise<void>
  /** Changes engine settings; a rejection is stored against every changed setting. */
  changeSettings: (changes: Partial<EngineSettings>) => Promise<void>
  /** Changes a numeric setting from the text typed into its field. */
  changeNumericSetting: (key: NumericSettingKey, text: string) => Promise<void>
  /** Sets the engine clock's speed, in engine milliseconds per real millisecond. */
  changeClockSpeed: (speed: number) => Promise<void>
  /** Moves engine time forward by the minutes typed into the field. */
  advanceClock: (minutesText: string) => Promise<void>
  /** Stores settings the worker broadcast after any page changed them. */
  mirrorSettings: (settings: EngineSettings) => void
  /** Stores a clock snapshot, unless the mirror already holds a newer one. */
  mirrorClock: (snapshot: EngineClockSnapshot) => void
}

const MS_PER_MINUTE = 60_000

export const createEngineControlsSlice: StateCreator<ConsoleState, [], [], EngineControlsSlice> = (
  set,
  get,
) => {
  const updateClock = async (
    control: ClockControl,
    changes: { speed?: number; advanceMs?: number },
  ): Promise<void> => {
    try {
      const snapshot = await updateEngineClock(changes)
      get().mirrorClock(snapshot)
      set((state) => ({ clockErrors: withoutKeys(state.clockErrors, [control]) }))
    } catch (error) {
      logError('[console]', 'Failed to change the engine clock', error, changes)
      set((state) => ({ clockErrors: { ...state.clockErrors, [control]: toErrorReason(error) } }))
    }
  }

  return {
    settings: null,
    settingErrors: {},
    settingsUpdatesInFlight: 0,
    clock: null,
    clockErrors: {},

    loadEngineState: async () => {
      try {
        const [settings, clock] = await Promise.all([getEngineSettings(), getEngineClock()])
        get().mirrorSettings(settings)
        get().mirrorClock(clock)
      } catch (error) {
        logError('[console]', 'Failed to read the engine settings and clock', error)
      }
    },

    changeSettings: async (changes) => {
      const keys = Object.keys(changes) as Array<keyof EngineSettings>
      // Checkboxes and pickers show the change at once, as a checkbox does when clicked, and go
      // back to the stored value when the worker rejects it. Number fields keep their own draft.
      const previous = get().settings
      const isInstant = Object.values(changes).every((value) => typeof value !== 'number')
      if (previous !== null && isInstant) {
        set({ settings: { ...previous, ...changes } })
      }
      set((state) => ({ settingsUpdatesInFlight: state.settingsUpdatesInFlight + 1 }))
      try {
        const settings = await updateEngineSettings(changes)
        set((state) => ({ settings, settingErrors: withoutKeys(state.settingErrors, keys) }))
      } catch (error) {
        logError('[console]', 'Failed to change the engine settings', error, changes)
        const message = toErrorReason(error)
        set((state) => ({
          ...(previous !== null && isInstant ? { settings: previous } : {}),
          settingErrors: {
            ...state.settingErrors,
            ...Object.fromEntries(keys.map((key) => [key, message])),
          },
        }))
      } finally {
        set((state) => ({ settingsUpdatesInFlight: state.settingsUpdatesInFlight - 1 }))
      }
    },

    changeNumericSetting: async (key, text) => {
      const value = parseNumber(text)
      if (value === null) {
        set((state) => ({
          settingErrors: {
            ...state.settingErrors,
            [key]: `"${text}" is not a number. Enter a whole number.`,
          },
        }))
        return
      }
      await get().changeSettings({ [key]: value })
    },

    changeClockSpeed: async (speed) => {
      await updateClock('speed', { speed })
    },

    advanceClock: async (minutesText) => {
      const minutes = parseNumber(minutesText)
      if (minutes === null || minutes < 0) {
        const problem =
          minutes === null
            ? `"${minutesText}" is not a number. Enter the minutes to advance by.`
            : `${minutes} minutes would turn the engine clock back. Enter 0 or more minutes.`
        set((state) => ({ clockErrors: { ...state.clockErrors, advance: problem } }))
        return
      }
      await updateClock('advance', { advanceMs: minutes * MS_PER_MINUTE })
    },

    mirrorSettings: (settings) => set({ settings }),

    mirrorClock: (snapshot) => {
      const current = get().clock
      // A clock change moves the anchor to the real time of the change, so an older snapshot
      // (a slow CLOCK_GET reply after a broadcast) has an earlier anchor.
      if (current && current.clock.anchorRealMs > snapshot.clock.anchorRealMs) {
        return
      }
      set({ clock: snapshot })
    },
  }
}

/** Parses a number typed into a field, or returns null when the text is not one. */
function parseNumber(text: string): number | null {
  const trimmed = text.trim()
  const value = Number(trimmed)
  return trimmed === '' || !Number.isFinite(value) ? null : value
}

function withoutKeys<K extends string>(
  record: Partial<Record<K, string>>,
  keys: readonly K[],
): Partial<Record<K, string>> {
  const next = { ...record }
  for (const key of keys) {
    delete next[key]
  }
  return next
}
