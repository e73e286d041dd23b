import { DEFAULT_ENGINE_SETTINGS } from '@/mpns/engine'
import type { EngineSettings } from '@/mpns/types'

/** One choice of a select control: its option label and the settings it stands for. */
export interface SettingChoice<T> {
  value: string
  label: string
  changes: T
}

export type BodySizeChanges = Pick<EngineSettings, 'maxXmlBodyBytes' | 'maxRawBodyBytes'>

/** Body size profiles: the WP8 limits, and the WP7 limit of 1,024 bytes for every type. */
export const BODY_SIZE_CHOICES: ReadonlyArray<SettingChoice<BodySizeChanges>> = [
  {
    value: 'wp8',
    label: 'Windows Phone 8: 3,072 bytes, raw 1,024',
    changes: { maxXmlBodyBytes: 3072, maxRawBodyBytes: 1024 },
  },
  {
    value: 'wp7',
    label: 'Windows Phone 7: 1,024 bytes for every type',
    changes: { maxXmlBodyBytes: 1024, maxRawBodyBytes: 1024 },
  },
]

export const MISSING_CLASS_LABELS: Readonly<Record<EngineSettings['missingClassDefault'], string>> =
  {
    slowest: '900-second class',
    immediate: 'Immediate',
  }

export const UNKNOWN_TOKEN_LABELS: Readonly<Record<EngineSettings['unknownTokenAnswer'], string>> =
  {
    'not-found': '404 Not Found',
    'probe-resistant': '200 Received (probe-resistant)',
  }

export const AUTHENTICATED_LIMITS_LABELS: Readonly<
  Record<EngineSettings['authenticatedLimits'], string>
> = {
  lifted: 'Lifted (64 KB cap)',
  documented: 'Documented limits',
}

/** Clock speeds the console offers, in engine milliseconds per real millisecond. */
export const CLOCK_SPEEDS: readonly number[] = [1, 10, 100, 1000]

/** Returns the body size profile the settings match, or undefined for other limits. */
export function findBodySizeChoice(
  settings: EngineSettings,
): SettingChoice<BodySizeChanges> | undefined {
  return BODY_SIZE_CHOICES.find(
    (choice) =>
      choice.changes.maxXmlBodyBytes === settings.maxXmlBodyBytes &&
      choice.changes.maxRawBodyBytes === settings.maxRawBodyBytes,
  )
}

/** Labels body size limits that match no profile, as another tool may set them. */
export function toCustomBodySizeLabel(settings: EngineSettings): string {
  return `Custom: ${formatNumber(settings.maxXmlBodyBytes)} bytes, raw ${formatNumber(settings.maxRawBodyBytes)}`
}

/** Texts of the assumed defaults, shown beside each setting whose default is an assumption. */
export const ASSUMED_DEFAULT_TEXTS = {
  dailyQuota: `Assumed default: ${formatNumber(DEFAULT_ENGINE_SETTINGS.dailyQuota)}`,
  queueDepth: `Assumed default: ${formatNumber(DEFAULT_ENGINE_SETTINGS.queueDepth)}`,
  inactiveAfterMinutes: `Assumed default: ${formatNumber(DEFAULT_ENGINE_SETTINGS.inactiveAfterMinutes)}`,
  bodySize: `Assumed default: ${findBodySizeChoice(DEFAULT_ENGINE_SETTINGS)?.label ?? toCustomBodySizeLabel(DEFAULT_ENGINE_SETTINGS)}`,
  missingClassDefault: `Assumed default: ${MISSING_CLASS_LABELS[DEFAULT_ENGINE_SETTINGS.missingClassDefault]}`,
  unknownTokenAnswer: `Assumed default: ${UNKNOWN_TOKEN_LABELS[DEFAULT_ENGINE_SETTINGS.unknownTokenAnswer]}`,
  authenticatedLimits: `Assumed default: ${AUTHENTICATED_LIMITS_LABELS[DEFAULT_ENGINE_SETTINGS.authenticatedLimits]}`,
} as const

/** Formats engine time as `2025-06-01 12:00:00 UTC`. */
export function formatEngineTime(engineMs: number): string {
  const iso = new Date(engineMs).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`
}

/** Labels a clock speed as `100×`. */
export function formatClockSpeed(speed: number): string {
  return `${speed}×`
}

function formatNumber(value: number): string {
  return value.toLocaleString('en-US')
}
