import type { ScenarioStatus } from '@/scenario/page-api'

/** sessionStorage key of the scenario session. */
export const SCENARIO_SESSION_STORAGE_KEY = 'wp8-emulator:scenario-session'

/** Stage of the scenario session. */
export type ScenarioPhase = 'none' | 'applying' | 'loaded' | 'failed'

/** The fields of the scenario session that its status is made of. */
export interface ScenarioStatusFields {
  phase: ScenarioPhase
  name: string
  stepTitles: string[]
  nextStep: number
  errors: string[]
}

/** Returns the status `window.wp8Emulator.scenario` reports. */
export function toScenarioStatus(session: ScenarioStatusFields): ScenarioStatus {
  switch (session.phase) {
    case 'none':
      return { state: 'none' }
    case 'applying':
      return { state: 'loading', name: session.name }
    case 'loaded':
      return {
        state: 'loaded',
        name: session.name,
        stepCount: session.stepTitles.length,
        nextStep: session.nextStep,
      }
    case 'failed':
      return { state: 'failed', errors: session.errors }
  }
}

/**
 * Reads the scenario session's status straight from sessionStorage, where the session store
 * writes every change at once. This keeps the store's code out of the page's first script.
 */
export function readStoredScenarioStatus(storage: Storage = window.sessionStorage): ScenarioStatus {
  const fields = readStoredFields(storage)
  return fields === undefined ? { state: 'none' } : toScenarioStatus(fields)
}

/** Reads the stored session's status fields, or undefined when none are stored or they are invalid. */
export function readStoredFields(
  storage: Storage = window.sessionStorage,
): ScenarioStatusFields | undefined {
  let stored: unknown
  try {
    stored = JSON.parse(storage.getItem(SCENARIO_SESSION_STORAGE_KEY) ?? 'null')
  } catch {
    // A value that is not JSON was not written by the session store, so there is no session.
    return undefined
  }
  const state = isRecord(stored) ? stored.state : undefined
  return restoreStatusFields(state)
}

/** Restores the status fields of a stored session, or returns undefined when any is invalid. */
export function restoreStatusFields(stored: unknown): ScenarioStatusFields | undefined {
  if (!isRecord(stored)) {
    return undefined
  }
  const isValid =
    ['none', 'applying', 'loaded', 'failed'].includes(String(stored.phase)) &&
    typeof stored.name === 'string' &&
    isStringList(stored.stepTitles) &&
    isStringList(stored.errors) &&
    typeof stored.nextStep === 'number' &&
    Number.isSafeInteger(stored.nextStep)
  if (!isValid) {
    return undefined
  }
  return {
    phase: stored.phase as ScenarioPhase,
    name: stored.name as string,
    stepTitles: stored.stepTitles as string[],
    nextStep: stored.nextStep as number,
    errors: stored.errors as string[],
  }
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
