import { useStore } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { StateStorage } from 'zustand/middleware'
import { createStore } from 'zustand/vanilla'

import type { StepResult } from '@/scenario/page-api'

import { SCENARIO_SESSION_STORAGE_KEY, restoreStatusFields } from './scenario-status'
import type { ScenarioPhase } from './scenario-status'

/**
 * The scenario the page loaded and how far its timeline has run. It lives in sessionStorage, so
 * it survives the reload that loading does and a reload during a demo, and ends with the tab.
 */
export interface ScenarioSession {
  /**
   * `applying` while the scenario waits to be applied after the reload that emptied the
   * emulator; `loaded` once its setup is in place.
   */
  phase: ScenarioPhase
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
  /** Whether `errors` come from a load that failed while this scenario stayed loaded. */
  loadFailed: boolean
  /** Stores a scenario that is applied after the page reloads. */
  beginApplying: (scenario: { name: string; input: unknown; stepTitles: string[] }) => void
  /** Marks the scenario as loaded, with none of its steps run. */
  markLoaded: (scenario: { name: string; input: unknown; stepTitles: string[] }) => void
  /** Marks the load as failed with these errors, dropping any scenario. */
  markFailed: (errors: string[]) => void
  /** Records a step that ran and moves on to the next one. */
  recordStep: (result: StepResult) => void
  /** Shows the errors of a step that could not run, without changing the scenario. */
  showErrors: (errors: string[]) => void
  /** Shows the errors of a rejected load while the loaded scenario stays loaded. */
  showLoadErrors: (errors: string[]) => void
  clear: () => void
}

const SESSION_STORAGE_VERSION = 1

const EMPTY = {
  phase: 'none',
  name: '',
  input: undefined,
  stepTitles: [],
  nextStep: 0,
  results: [],
  errors: [],
  loadFailed: false,
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
            loadFailed: false,
          })),
        showErrors: (errors) => set({ errors, loadFailed: false }),
        showLoadErrors: (errors) => set({ errors, loadFailed: true }),
        clear: () => set({ ...EMPTY }),
      }),
      {
        name: SCENARIO_SESSION_STORAGE_KEY,
        version: SESSION_STORAGE_VERSION,
        storage: createJSONStorage(() => storage ?? window.sessionStorage),
        partialize: ({
          phase,
          name,
          input,
          stepTitles,
          nextStep,
          results,
          errors,
          loadFailed,
        }) => ({
          phase,
          name,
          input,
          stepTitles,
          nextStep,
          results,
          errors,
          loadFailed,
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

/** Restores a stored session field by field; anything invalid leaves no session. */
function restoreSession(persisted: unknown): Partial<ScenarioSession> {
  const stored = isRecord(persisted) ? persisted : {}
  const fields = restoreStatusFields(stored)
  if (fields === undefined || !Array.isArray(stored.results)) {
    return {}
  }
  return {
    ...fields,
    input: stored.input,
    results: stored.results.map(restoreStepResult),
    loadFailed: stored.loadFailed === true,
  }
}

/** Restores a stored step result, adding the outcome mismatches that older sessions lack. */
function restoreStepResult(stored: unknown): StepResult {
  const result = stored as StepResult
  return Array.isArray(result.outcomeMismatches) ? result : { ...result, outcomeMismatches: [] }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
