import { logInfo } from '@/lib/log'
import type { DeviceStore } from '@/store/device-store'
import { selectIsScreenInteractive } from '@/store/slices/power-slice'

/** The handset's hardware buttons: the three keys under the screen and Power on the side. */
export type HardwareKey = 'back' | 'start' | 'search' | 'power'

/** The parts of a keyboard event that pick a hardware key. */
export interface KeyPress {
  key: string
  altKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  repeat: boolean
}

/**
 * Keyboard shortcuts, as `KeyboardEvent.key` values. F1, F2 and F3 are Back, Start and
 * Search, as in the Windows Phone 8 SDK emulator. That emulator used F12 for Power, which
 * Chromium keeps for its developer tools, so Power is F4, which Chromium passes to the page.
 */
export const HARDWARE_KEY_SHORTCUTS: Readonly<Record<HardwareKey, string>> = {
  back: 'F1',
  start: 'F2',
  search: 'F3',
  power: 'F4',
}

/**
 * Returns the hardware key a key press maps to, or undefined. Presses with a modifier are
 * left to the browser (Alt+F4 and the like), and a held key's repeats are ignored so that
 * holding F4 does not switch the display on and off.
 */
export function toHardwareKey(press: KeyPress): HardwareKey | undefined {
  if (press.altKey || press.ctrlKey || press.metaKey || press.shiftKey || press.repeat) {
    return undefined
  }
  const entry = Object.entries(HARDWARE_KEY_SHORTCUTS).find(
    ([, shortcut]) => shortcut === press.key,
  )
  return entry?.[0] as HardwareKey | undefined
}

/**
 * Presses a hardware key on the handset. Power always works. Back, Start and Search do
 * nothing while the display is off or the lock screen is up.
 */
export function pressHardwareKey(state: DeviceStore, key: HardwareKey): void {
  if (key === 'power') {
    state.pressPower()
    return
  }
  // NOTE: that the capacitive keys are inert on a locked WP8 phone is assumed, not verified.
  if (!selectIsScreenInteractive(state)) {
    return
  }
  switch (key) {
    case 'back':
      state.goBack()
      return
    case 'start':
      state.goStart()
      return
    case 'search':
      // TODO: the Search key opens Bing on a real handset; the emulator has no search to open.
      logInfo('[app]', 'Search key pressed; search is not emulated.')
      return
  }
}
