import type { AppDefinition, AppIconGlyph } from '@/apps/app-model'
import type { BatteryState } from '@/mpns/types'
import type { BatterySaverOption } from '@/store/slices/battery-model'
import type { AppState, SettingsPageId } from '@/store/slices/device-model'
import type { HandsetProfile } from '@/store/slices/handset-profile'
import { canShowDetailedStatus, canShowQuickStatus } from '@/store/slices/lock-screen-slice'

/** An option of a select: its value and its visible label. */
export interface SelectOption {
  value: string
  label: string
}

/** Pages the Settings list opens, top to bottom. */
export const SETTINGS_ENTRIES: ReadonlyArray<{ page: Exclude<SettingsPageId, 'home'> }> = [
  { page: 'theme' },
  { page: 'lock-screen' },
  { page: 'airplane-mode' },
  { page: 'battery-saver' },
]

/** Page titles, in lower case as WP8 writes them. */
export const SETTINGS_PAGE_TITLES: Readonly<Record<SettingsPageId, string>> = {
  home: 'settings',
  theme: 'theme',
  'lock-screen': 'lock screen',
  'airplane-mode': 'airplane mode',
  'battery-saver': 'battery saver',
}

/** Gear drawn for the Settings entry in the app list. */
export const SETTINGS_ICON: AppIconGlyph = {
  viewBox: '0 0 48 48',
  path:
    'M21 4h6l1 6 4 2 5-4 4 4-4 5 2 4 6 1v6l-6 1-2 4 4 5-4 4-5-4-4 2-1 6h-6l-1-6-4-2-5 4-4-4 ' +
    '4-5-2-4-6-1v-6l6-1 2-4-4-5 4-4 5 4 4-2zM24 17a7 7 0 1 0 0 14 7 7 0 0 0 0-14z',
}

/** Value of the "none" option in the lock screen selects. */
export const NO_APP_VALUE = ''

export const BATTERY_SAVER_CHOICES: ReadonlyArray<{ value: BatterySaverOption; label: string }> = [
  { value: 'off', label: 'Off' },
  { value: 'when-low', label: 'When battery is low' },
  { value: 'until-charge', label: 'Now until next charge' },
]

const BATTERY_STATE_LABELS: Readonly<Record<BatteryState, string>> = {
  normal: 'Normal',
  saver: 'Battery saver on',
  critical: 'Critically low',
}

/** The handset state the Settings list summarises under each entry. */
export interface SettingsSummarySource {
  profile: Pick<HandsetProfile, 'theme' | 'accent'> | undefined
  airplaneMode: boolean
  battery: BatteryState
  batteryPercent: number
  detailedStatusAppName: string | undefined
}

/**
 * Lists the apps a lock screen select offers: "none", then the installed apps whose manifest
 * allows that kind of lock screen notification, by name.
 */
export function toLockScreenAppOptions(
  kind: 'detailed' | 'quick',
  apps: readonly AppDefinition[],
  appStates: Readonly<Record<string, AppState>>,
): SelectOption[] {
  const isAllowed = kind === 'detailed' ? canShowDetailedStatus : canShowQuickStatus
  const choices = apps
    .filter((app) => appStates[app.id]?.installed === true && isAllowed(app))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((app) => ({ value: app.id, label: app.name }))
  return [{ value: NO_APP_VALUE, label: 'none' }, ...choices]
}

/** Returns the select value for a chosen app: its id when offered, else the "none" value. */
export function toSelectedAppValue(appId: string | null, options: readonly SelectOption[]): string {
  return options.some((option) => option.value === appId) && appId !== null ? appId : NO_APP_VALUE
}

/** Converts a select value back to an app id, or null for "none". */
export function fromSelectedAppValue(value: string): string | null {
  return value === NO_APP_VALUE ? null : value
}

/** Returns the label of a power level: `Normal`, `Battery saver on` or `Critically low`. */
export function describeBatteryState(battery: BatteryState): string {
  return BATTERY_STATE_LABELS[battery]
}

/** Returns the short line shown under a Settings entry, such as `Off` under airplane mode. */
export function describeSettingsEntry(
  page: Exclude<SettingsPageId, 'home'>,
  source: SettingsSummarySource,
): string {
  switch (page) {
    case 'theme':
      return source.profile ? `${source.profile.theme} background, ${source.profile.accent}` : ''
    case 'lock-screen':
      return source.detailedStatusAppName ?? 'no detailed status'
    case 'airplane-mode':
      return source.airplaneMode ? 'On' : 'Off'
    case 'battery-saver':
      return `${describeBatteryState(source.battery)}, ${source.batteryPercent} %`
  }
}
