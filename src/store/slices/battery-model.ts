import type { BatteryState } from '@/mpns/types'

/**
 * The battery saver option in Settings: `off`, `when-low` (on below 20 %), or `until-charge`
 * (on now, until the battery next charges).
 */
export type BatterySaverOption = 'off' | 'when-low' | 'until-charge'

/** Battery charge and saver option, from which the reported power state is derived. */
export interface BatterySettings {
  /** Charge in whole percent, 0 to 100. */
  batteryPercent: number
  batterySaver: BatterySaverOption
}

export const BATTERY_SAVER_OPTIONS: readonly BatterySaverOption[] = [
  'off',
  'when-low',
  'until-charge',
]

/** Charge below which "when battery is low" turns battery saver on, in percent. */
export const LOW_BATTERY_PERCENT = 20
// NOTE: WP8 does not publish the charge at which it reports CriticalLowPowerLevel, so 5 % is a guess.
/** Charge at or below which the battery is critically low and every notification is dropped. */
export const CRITICAL_BATTERY_PERCENT = 5

// NOTE: WP8's default saver option is not documented, so "when battery is low" is assumed.
export const DEFAULT_BATTERY_SETTINGS: BatterySettings = {
  batteryPercent: 80,
  batterySaver: 'when-low',
}

/** Charge the console's Battery choices set when the current charge gives another state. */
const NORMAL_PRESET_PERCENT = 80
const SAVER_PRESET_PERCENT = 15
const CRITICAL_PRESET_PERCENT = 3

/**
 * Derives the power state the push client reports: critical at or below 5 %, saver while
 * battery saver is on (always, or below 20 % with "when battery is low"), normal otherwise.
 */
export function toBatteryState(settings: BatterySettings): BatteryState {
  const { batteryPercent, batterySaver } = settings
  if (batteryPercent <= CRITICAL_BATTERY_PERCENT) {
    return 'critical'
  }
  const isSaverOn =
    batterySaver === 'until-charge' ||
    (batterySaver === 'when-low' && batteryPercent < LOW_BATTERY_PERCENT)
  return isSaverOn ? 'saver' : 'normal'
}

/**
 * Returns charge and saver settings that give `target`, changing as little of `current` as
 * possible: the current settings when they already give it, otherwise a preset charge, and
 * the saver option only where the charge alone cannot reach the target.
 */
export function toBatterySettingsFor(
  target: BatteryState,
  current: BatterySettings,
): BatterySettings {
  if (toBatteryState(current) === target) {
    return { batteryPercent: current.batteryPercent, batterySaver: current.batterySaver }
  }
  switch (target) {
    case 'critical':
      return { ...current, batteryPercent: CRITICAL_PRESET_PERCENT }
    case 'saver':
      return {
        batteryPercent: isLowButNotCritical(current.batteryPercent)
          ? current.batteryPercent
          : SAVER_PRESET_PERCENT,
        batterySaver: current.batterySaver === 'off' ? 'when-low' : current.batterySaver,
      }
    case 'normal':
      return {
        batteryPercent:
          current.batteryPercent >= LOW_BATTERY_PERCENT
            ? current.batteryPercent
            : NORMAL_PRESET_PERCENT,
        batterySaver: current.batterySaver === 'until-charge' ? 'when-low' : current.batterySaver,
      }
  }
}

/**
 * Applies a new charge. A rise in charge counts as charging, which ends "now until next
 * charge" and returns the option to "when battery is low".
 */
export function withBatteryPercent(current: BatterySettings, percent: number): BatterySettings {
  const batteryPercent = clampPercent(percent)
  // NOTE: the emulator has no charger, so any rise in charge counts as the next charge.
  const isCharging = batteryPercent > current.batteryPercent
  const batterySaver =
    isCharging && current.batterySaver === 'until-charge' ? 'when-low' : current.batterySaver
  return { batteryPercent, batterySaver }
}

/** Rounds a charge to a whole percent between 0 and 100. NaN counts as 0. */
export function clampPercent(percent: number): number {
  if (Number.isNaN(percent)) {
    return 0
  }
  return Math.min(100, Math.max(0, Math.round(percent)))
}

/** Returns whether a stored value is a valid charge: a whole number from 0 to 100. */
export function isBatteryPercent(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100
}

/** Returns whether a stored value is one of the battery saver options. */
export function isBatterySaverOption(value: unknown): value is BatterySaverOption {
  return typeof value === 'string' && (BATTERY_SAVER_OPTIONS as readonly string[]).includes(value)
}

function isLowButNotCritical(percent: number): boolean {
  return percent > CRITICAL_BATTERY_PERCENT && percent < LOW_BATTERY_PERCENT
}
