import { useStore } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { StateStorage } from 'zustand/middleware'
import { createStore } from 'zustand/vanilla'

import type { ScenarioStatus, StepResult } from '@/scenario/page-api'

/**
 * The scenario the page loaded and how far its timeline has run. It lives in sessionStorage, so
 * it survives the reload that loading does and a reload during a demo, and ends with the tab.
 */
export interface ScenarioSession {
  /**
   * `applying` while the scenario waits to be applied after the reload that emptied the
   * emulator; `loaded` once its setup is in place.
   */
  phase: 'none' | 'applying' | 'loaded' | 'failed'
  name: string
  /** The scenario as given, parsed again when a step runs. */
  input: unknown
  /** Title of every timeline step, in order. */
  stepTitles: string[]
  /** Index of the next step to run. */
  nextStep: number
  /** Results of the steps run so far, in order. */
  results: StepResult[]
  /** Errors of the last load, or of the last step that could not run. */
  errors: string[]
  /** Stores a scenario that is applied after the page reloads. */
  beginApplying: (scenario: { name: string; input: unknown; stepTitles: string[] }) => void
  /** Marks the scenario as loaded, with none of its steps run. */
  markLoaded: (scenario: { name: string; input: unknown; stepTitles: string[] }) => void
  /** Marks the load as failed with these errors, dropping any scenario. */
  markFailed: (errors: string[]) => void
  /** Records a step that ran and moves on to the next one. */
  recordStep: (result: StepResult) => void
  /** Shows errors without changing the scenario: a step that could not run, or a load rejected. */
  showErrors: (errors: string[]) => void
  clear: () => void
}

/** sessionStorage key of the scenario session. */
export const SCENARIO_SESSION_STORAGE_KEY = 'wp8-emulator:scenario-session'
const SESSION_STORAGE_VERSION = 1

const EMPTY = {
  phase: 'none',
  name: '',
  input: undefined,
  stepTitles: [],
  nextStep: 0,
  results: [],
  errors: [],
} as const satisfies Partial<ScenarioSession>

/** Creates the scenario session, persisted to `storage` (sessionStorage by default). */
export function createScenarioSession(storage?: StateStorage) {
  return createStore<ScenarioSession>()(
    persist(
      (set) => ({
        ...EMPTY,
        stepTitles: [],
        results: [],
        errors: [],
        beginApplying: (scenario) => set({ ...EMPTY, ...scenario, phase: 'applying' }),
        markLoaded: (scenario) => set({ ...EMPTY, ...scenario, phase: 'loaded' }),
        markFailed: (errors) => set({ ...EMPTY, phase: 'failed', errors }),
        recordStep: (result) =>
          set((state) => ({
            results: [...state.results, result],
            nextStep: state.nextStep + 1,
            errors: [],
          })),
        showErrors: (errors) => set({ errors }),
        clear: () => set({ ...EMPTY }),
      }),
      {
        name: SCENARIO_SESSION_STORAGE_KEY,
        version: SESSION_STORAGE_VERSION,
        storage: createJSONStorage(() => storage ?? window.sessionStorage),
        partialize: ({ phase, name, input, stepTitles, nextStep, results, errors }) => ({
          phase,
          name,
          input,
          stepTitles,
          nextStep,
          results,
          errors,
        }),
        merge: (persisted, current) => ({ ...current, ...restoreSession(persisted) }),
      },
    ),
  )
}

export const scenarioSession = createScenarioSession()

/** Selects from the page's scenario session. */
export function useScenarioSession<T>(selector: (state: ScenarioSession) => T): T {
  return useStore(scenarioSession, selector)
}

/** Returns the status `window.wp8Emulator.scenario` reports. */
export function toScenarioStatus(session: ScenarioSession): ScenarioStatus {
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

/** Restores a stored session field by field; anything invalid leaves no session. */
function restoreSession(persisted: unknown): Partial<ScenarioSession> {
  if (typeof persisted !== 'object' || persisted === null) {
    return {}
  }
  const stored = persisted as Record<string, unknown>
  const isValid =
    ['applying', 'loaded', 'failed'].includes(String(stored.phase)) &&
    typeof stored.name === 'string' &&
    isStringList(stored.stepTitles) &&
    isStringList(stored.errors) &&
    Array.isArray(stored.results) &&
    typeof stored.nextStep === 'number' &&
    Number.isSafeInteger(stored.nextStep)
  if (!isValid) {
    return {}
  }
  return {
    phase: stored.phase as ScenarioSession['phase'],
    name: stored.name as string,
    input: stored.input,
    stepTitles: stored.stepTitles as string[],
    nextStep: stored.nextStep as number,
    results: stored.results as StepResult[],
    errors: stored.errors as string[],
  }
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}
