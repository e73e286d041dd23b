import type { BatteryState, ToastPayload } from '@/mpns/types'

import type { DeviceStore } from '../device-store'
import type { ToastSound } from './device-model'
import type { OsVersion } from './handset-profile'

/** Whether the screen is lit and whether the lock screen covers it. */
export interface ScreenPower {
  display: 'on' | 'off'
  locked: boolean
}

/** The handset state, apart from the app on screen, that decides how a toast arrives. */
export interface HandsetConditions extends ScreenPower {
  osVersion: OsVersion
  battery: BatteryState
}

/** Everything that decides whether a toast shows a banner, reaches the app, or is dropped. */
export interface ToastConditions extends HandsetConditions {
  /** Whether the toast's app has a page on screen. */
  foreground: boolean
  /** Whether the running app registered a `ShellToastNotificationReceived` handler. */
  hasToastHandler: boolean
}

/**
 * Outcome of a toast on the handset: a banner, the `ShellToastNotificationReceived` event in
 * the running app, or nothing at all.
 */
export type ToastOutcome = 'banner' | 'in-app' | 'none'

/** OS version of a handset missing from the registry, as a new handset gets it. */
export const DEFAULT_OS_VERSION: OsVersion = '8.0-update3'

/** Prefix of the log line a sample app writes from its `ShellToastNotificationReceived` handler. */
const IN_APP_TOAST_PREFIX = 'Toast received in app:'

/**
 * Reads the screen power from the store. A store without the power and lock fields belongs to
 * a handset that cannot turn its screen off, so it counts as on and unlocked.
 */
export function selectScreenPower(state: DeviceStore & Partial<ScreenPower>): ScreenPower {
  return { display: state.display ?? 'on', locked: state.locked ?? false }
}

/**
 * Decides the outcome of a toast. Low and critical power levels drop it, and an app in the
 * background gets a banner. An app in the foreground gets the event instead of a banner,
 * except from Update 3 on while the lock screen or a dark screen hides it. A foreground app
 * without a handler gets nothing.
 */
export function decideToastOutcome(conditions: ToastConditions): ToastOutcome {
  if (conditions.battery !== 'normal') {
    return 'none'
  }
  if (!conditions.foreground) {
    return 'banner'
  }
  // A dark screen hides the app as the lock screen does. The phone locks when its screen goes
  // off, but the emulator can set the two states apart.
  const covered = conditions.locked || conditions.display === 'off'
  if (conditions.osVersion === '8.0-update3' && covered) {
    return 'banner'
  }
  return conditions.hasToastHandler ? 'in-app' : 'none'
}

/**
 * Decides the sound a banner plays. Update 3 added `wp:Sound` and its `Silent` attribute, and
 * `Silent="true"` wins over a sound path. Earlier handsets ignore both and play the default.
 */
export function decideToastSound(
  toast: Pick<ToastPayload, 'sound' | 'silent'>,
  osVersion: OsVersion,
): ToastSound {
  if (osVersion !== '8.0-update3') {
    return { kind: 'default' }
  }
  if (toast.silent) {
    return { kind: 'silent' }
  }
  // NOTE: the path is not checked against the app's files: what the phone plays for a missing
  // sound file is unverified.
  return toast.sound === undefined ? { kind: 'default' } : { kind: 'custom', path: toast.sound }
}

/**
 * Returns the key and value pairs of `NotificationEventArgs.Collection` that a running app's
 * `ShellToastNotificationReceived` handler reads, in payload order. Absent elements have no key.
 * The documented keys are `wp:Text1`, `wp:Text2` and `wp:Param`. Whether the phone adds
 * `wp:Sound` is unverified, and it is included when the payload has one.
 */
export function toShellToastCollection(
  toast: Pick<ToastPayload, 'text1' | 'text2' | 'param' | 'sound'>,
): Array<[string, string]> {
  const entries: Array<[string, string | undefined]> = [
    ['wp:Text1', toast.text1],
    ['wp:Text2', toast.text2],
    ['wp:Param', toast.param],
    ['wp:Sound', toast.sound],
  ]
  return entries.flatMap(([key, value]) => (value === undefined ? [] : [[key, value]]))
}

/** Formats the log line a sample app writes when its handler receives a toast. */
export function toInAppToastText(
  toast: Pick<ToastPayload, 'text1' | 'text2' | 'param' | 'sound'>,
): string {
  const pairs = toShellToastCollection(toast).map(([key, value]) => `${key}="${value}"`)
  if (pairs.length === 0) {
    return `${IN_APP_TOAST_PREFIX} an empty collection`
  }
  return `${IN_APP_TOAST_PREFIX} ${pairs.join(', ')}`
}
