import { DEFAULT_ENGINE_SETTINGS } from './engine'
import type { EngineSettings } from './types'

/** Result of merging requested setting changes: the new settings, or why the change was rejected. */
export type SettingsMergeResult =
  { ok: true; settings: EngineSettings } | { ok: false; message: string }

type SettingName = keyof EngineSettings

/** Accepted values of a setting, and the label the console shows for it. */
type SettingRule = { label: string } & (
  | { kind: 'integer'; min: number; max: number; unit: string }
  | { kind: 'boolean' }
  | { kind: 'choice'; values: readonly string[] }
)

/** Accepted values of every engine setting. */
const SETTING_RULES: Readonly<Record<SettingName, SettingRule>> = {
  maxXmlBodyBytes: {
    label: 'Toast and tile body limit',
    kind: 'integer',
    min: 1,
    max: 65_536,
    unit: 'bytes',
  },
  maxRawBodyBytes: { label: 'Raw body limit', kind: 'integer', min: 1, max: 65_536, unit: 'bytes' },
  missingClassDefault: {
    label: 'Missing X-NotificationClass',
    kind: 'choice',
    values: ['slowest', 'immediate'],
  },
  dailyQuota: {
    label: 'Daily quota',
    kind: 'integer',
    min: 1,
    max: 1_000_000,
    unit: 'notifications',
  },
  queueDepth: {
    label: 'Queue depth',
    kind: 'integer',
    min: 1,
    max: 100_000,
    unit: 'notifications',
  },
  // 10,080 minutes is one week.
  inactiveAfterMinutes: {
    label: 'Minutes to Inactive',
    kind: 'integer',
    min: 1,
    max: 10_080,
    unit: 'minutes',
  },
  strictMode: { label: 'Strict mode', kind: 'boolean' },
  serviceDown: { label: 'Service down', kind: 'boolean' },
  unknownTokenAnswer: {
    label: 'Unknown channel token',
    kind: 'choice',
    values: ['not-found', 'probe-resistant'],
  },
  authenticatedLimits: {
    label: 'Authenticated channel limits',
    kind: 'choice',
    values: ['lifted', 'documented'],
  },
}

/**
 * Merges requested changes into the current settings after checking every changed value.
 * Any invalid or unknown field rejects the whole change, so settings never change halfway.
 */
export function mergeEngineSettings(
  current: EngineSettings,
  changes: unknown,
): SettingsMergeResult {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    return {
      ok: false,
      message: `Invalid settings change ${describeValue(changes)}: expected an object of setting names and values. Send { changes: { queueDepth: 500 } } or similar.`,
    }
  }

  const merged: Record<string, unknown> = { ...current }
  for (const [name, value] of Object.entries(changes)) {
    const problem = findSettingProblem(name, value)
    if (problem !== undefined) {
      return { ok: false, message: problem }
    }
    merged[name] = value
  }
  return { ok: true, settings: merged as unknown as EngineSettings }
}

/**
 * Reads settings stored by any version of the emulator: valid fields are kept, and missing or
 * invalid ones take their defaults.
 */
export function toEngineSettings(stored: unknown): EngineSettings {
  const settings: Record<string, unknown> = { ...DEFAULT_ENGINE_SETTINGS }
  if (typeof stored !== 'object' || stored === null) {
    return settings as unknown as EngineSettings
  }

  for (const [name, value] of Object.entries(stored)) {
    if (findSettingProblem(name, value) === undefined) {
      settings[name] = value
    }
  }
  return settings as unknown as EngineSettings
}

/** Describes what is wrong with one setting value, or returns undefined when it is valid. */
function findSettingProblem(name: string, value: unknown): string | undefined {
  if (!isSettingName(name)) {
    const known = Object.keys(SETTING_RULES).join(', ')
    return `Unknown engine setting "${name}": the settings are ${known}. Check the spelling.`
  }

  const rule = SETTING_RULES[name]
  const setting = `${rule.label} (${name})`
  switch (rule.kind) {
    case 'integer':
      if (
        typeof value !== 'number' ||
        !Number.isInteger(value) ||
        value < rule.min ||
        value > rule.max
      ) {
        return `Invalid ${setting} ${describeValue(value)}: expected a whole number of ${rule.unit} from ${formatCount(rule.min)} to ${formatCount(rule.max)}. Choose a value in that range.`
      }
      return undefined
    case 'boolean':
      if (typeof value !== 'boolean') {
        return `Invalid ${setting} ${describeValue(value)}: expected true or false.`
      }
      return undefined
    case 'choice':
      if (typeof value !== 'string' || !rule.values.includes(value)) {
        const choices = rule.values.map((choice) => `"${choice}"`).join(' or ')
        return `Invalid ${setting} ${describeValue(value)}: expected ${choices}. Use one of those values.`
      }
      return undefined
  }
}

function isSettingName(name: string): name is SettingName {
  return Object.hasOwn(SETTING_RULES, name)
}

/** Quotes a value for a message, whatever its type. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return `"${value.length > 40 ? `${value.slice(0, 40)}...` : value}"`
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return `"${String(value)}"`
  }
  return `of type ${Array.isArray(value) ? 'array' : typeof value}`
}

function formatCount(value: number): string {
  return value.toLocaleString('en-US')
}
