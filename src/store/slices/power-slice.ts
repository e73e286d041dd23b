import type { StateCreator } from 'zustand'

import type { DeviceStore } from '../device-store'

/** Whether the handset's display is lit. */
export type DisplayState = 'on' | 'off'

export interface PowerSlice {
  display: DisplayState
  /**
   * Whether the lock screen covers the page. The foreground app stays in the foreground
   * underneath it, so it keeps receiving raw notifications.
   */
  locked: boolean
  /**
   * Presses the Power button. A lit display turns off and the handset locks, and a dark
   * display turns on and shows the lock screen.
   */
  pressPower: () => void
  /** Removes the lock screen, as the user sliding it up. Does nothing while the display is off. */
  unlock: () => void
}

export type PersistedPowerState = Pick<PowerSlice, 'display' | 'locked'>

export const createPowerSlice: StateCreator<DeviceStore, [], [], PowerSlice> = (set, get) => ({
  display: 'on',
  locked: false,

  pressPower: () => {
    if (get().display === 'on') {
      set({ display: 'off', locked: true })
    } else {
      set({ display: 'on' })
    }
  },

  unlock: () => {
    const { display, locked } = get()
    if (display === 'on' && locked) {
      set({ locked: false })
    }
  },
})

/**
 * Returns whether the page on screen takes input: the display is on and not locked. Back,
 * Start and Search do nothing otherwise.
 */
export function selectIsScreenInteractive(state: DeviceStore): boolean {
  return state.display === 'on' && !state.locked
}

/**
 * Restores the stored display and lock state. An invalid value keeps the fresh one, and a
 * dark display is always locked, as pressing Power leaves it.
 */
export function restorePowerState(
  stored: Record<string, unknown>,
  current: PersistedPowerState,
): PersistedPowerState {
  const display =
    stored.display === 'on' || stored.display === 'off' ? stored.display : current.display
  const locked = typeof stored.locked === 'boolean' ? stored.locked : current.locked
  return { display, locked: display === 'off' || locked }
}
