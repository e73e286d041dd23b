import { findApp } from '@/apps/sample-apps'
import { logError } from '@/lib/log'
import type { RunStepOptions, StepResult } from '@/scenario/page-api'
import { toScenarioInput } from '@/scenario/scenario-export'
import { planScenario } from '@/scenario/scenario-plan'
import type { ScenarioPlan } from '@/scenario/scenario-plan'
import { parseScenario } from '@/scenario/scenario-schema'
import type { ScenarioInput } from '@/scenario/scenario-schema'
import { describeStep } from '@/scenario/scenario-steps'

import { clearEmulatorState, hasEmulatorState } from './emulator-reset'
import { handsetRegistry } from './handset-registry'
import { getHandsetStore } from './handset-runtime'
import { motionSettings } from './motion-settings'
import { runScenarioStep } from './scenario-player'
import { scenarioSession } from './scenario-session'
import { applyMotion, applyScenarioPlan } from './scenario-setup'
import { getEngineClock, getEngineSettings } from './worker-sync'

export type LoadResult = { ok: true } | { ok: false; errors: string[] }

/** Name of an exported scenario when no scenario is loaded. */
const DEFAULT_EXPORT_NAME = 'Emulator state'

let running: Promise<unknown> = Promise.resolve()

/**
 * Validates a scenario and replaces the emulator's state with its setup. Validation errors are
 * returned before anything changes. When the page has stored state, it is deleted and the page
 * reloads, and the scenario is applied as the page starts again.
 */
export async function loadScenario(input: unknown): Promise<LoadResult> {
  const checked = checkScenario(input)
  if (!checked.ok) {
    reportLoadErrors(checked.errors)
    return checked
  }
  const { plan, value } = checked
  const session = {
    name: plan.scenario.name,
    input: value,
    stepTitles: plan.scenario.timeline.map(describeStep),
  }

  if (await hasEmulatorState()) {
    scenarioSession.getState().beginApplying(session)
    await clearEmulatorState()
    // The caller receives the result before the page reloads.
    setTimeout(() => window.location.reload(), 0)
    return { ok: true }
  }
  scenarioSession.getState().beginApplying(session)
  return finishApplying(plan, session)
}

/** Applies the scenario that `loadScenario` stored before the page reloaded. */
export async function applyPendingScenario(): Promise<void> {
  const { input, name, stepTitles } = scenarioSession.getState()
  const checked = checkScenario(input)
  if (!checked.ok) {
    scenarioSession.getState().markFailed(checked.errors)
    return
  }
  await finishApplying(checked.plan, { name, input, stepTitles })
}

/** Restores the motion mode and seed of the loaded scenario after a reload during a demo. */
export function resumeLoadedScenario(): void {
  const parsed = parseScenario(scenarioSession.getState().input)
  if (parsed.ok) {
    applyMotion(parsed)
  }
}

/**
 * Fetches a scenario file from an http(s) URL, relative to the page or absolute, and loads it.
 * An error status or an HTML page fails the load with a message naming the URL.
 */
export async function loadScenarioFromUrl(url: string): Promise<LoadResult> {
  let text: string
  try {
    text = await fetchScenarioText(url)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    const errors = [`Failed to load the scenario from "${url}": ${reason}`]
    reportLoadErrors(errors)
    return { ok: false, errors }
  }
  return loadScenario(text)
}

/** Reads a scenario file the user chose or dropped, and loads it. */
export async function loadScenarioFile(file: Blob & { name: string }): Promise<LoadResult> {
  let text: string
  try {
    text = await file.text()
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    const errors = [`Failed to read "${file.name}": ${reason}. Choose the file again.`]
    reportLoadErrors(errors)
    return { ok: false, errors }
  }
  return loadScenario(text)
}

/** Writes the page's current state as a scenario without a timeline. */
export async function exportScenario(): Promise<ScenarioInput> {
  const [engineSettings, { clock }] = await Promise.all([getEngineSettings(), getEngineClock()])
  const session = scenarioSession.getState()
  const { mode, seed } = motionSettings.getState()
  return toScenarioInput({
    name: session.phase === 'loaded' ? session.name : DEFAULT_EXPORT_NAME,
    handsets: handsetRegistry.getState().handsets.map((profile) => ({
      profile,
      state: getHandsetStore(profile.id).getState(),
    })),
    findApp,
    engineSettings,
    clockSpeed: clock.speed,
    motion: { mode, seed },
  })
}

/**
 * Runs the loaded scenario's next step. Calls made while a step runs wait for it, so each call
 * runs its own step. A step that cannot act rejects and stays next.
 */
export function runNextStep(options: RunStepOptions = {}): Promise<StepResult> {
  const next = running.then(
    () => runStep(options),
    () => runStep(options),
  )
  running = next
  return next
}

/**
 * Runs the remaining steps in order and stops at the first step that cannot act. Resolves with
 * the results of the steps that ran.
 */
export async function runAllSteps(): Promise<StepResult[]> {
  const results: StepResult[] = []
  while (true) {
    const { phase, nextStep, stepTitles } = scenarioSession.getState()
    if (phase !== 'loaded' || nextStep >= stepTitles.length) {
      return results
    }
    results.push(await runNextStep())
  }
}

/**
 * Loads the loaded scenario again from its start, so that a demo can be replayed. Like any
 * load, it empties the emulator and reloads the page when the page has stored state.
 */
export async function restartScenario(): Promise<LoadResult> {
  const { phase, input } = scenarioSession.getState()
  if (phase !== 'loaded') {
    throw new Error('No scenario is loaded. Load one before restarting it.')
  }
  return loadScenario(input)
}

/** Saves the page's current state as `<scenario name>.scenario.json`. */
export async function downloadScenario(
  save: (fileName: string, text: string) => void,
): Promise<void> {
  const scenario = await exportScenario()
  const fileName = `${scenario.name.replace(/[\\/:*?"<>|]+/g, '-')}.scenario.json`
  save(fileName, `${JSON.stringify(scenario, null, 2)}\n`)
}

async function runStep(options: RunStepOptions): Promise<StepResult> {
  const session = scenarioSession.getState()
  if (session.phase !== 'loaded') {
    throw new Error(
      'No scenario is loaded. Load one with loadScenario or the Scenario panel first.',
    )
  }
  const parsed = parseScenario(session.input)
  if (!parsed.ok) {
    throw new Error(`The loaded scenario is no longer valid: ${parsed.errors.join(' ')}`)
  }
  const step = parsed.scenario.timeline[session.nextStep]
  if (step === undefined) {
    throw new Error(
      `All ${session.stepTitles.length} steps of "${session.name}" have run. Restart the scenario, or load it again, to start over.`,
    )
  }

  try {
    const result = await runScenarioStep(step, session.nextStep, options)
    scenarioSession.getState().recordStep(result)
    return result
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    const message = `Step ${session.nextStep + 1} (${describeStep(step)}) failed: ${reason}`
    logError('[store]', message, error)
    scenarioSession.getState().showErrors([message])
    throw new Error(message)
  }
}

/** Fetches a scenario file's text, or throws an Error whose message gives the reason and the fix. */
async function fetchScenarioText(url: string): Promise<string> {
  const resolved = new URL(url, window.location.href)
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') {
    throw new Error(
      `only http and https URLs can be fetched, not ${resolved.protocol}. Check the ?scenario= URL.`,
    )
  }
  let response: Response
  try {
    response = await fetch(resolved, { cache: 'no-store' })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`the request failed (${reason}). Check the ?scenario= URL.`)
  }
  if (!response.ok) {
    throw new Error(`the server responded with HTTP ${response.status}. Check the path.`)
  }
  // The dev and preview servers respond to an unknown path with the page itself.
  const contentType = response.headers.get('Content-Type') ?? ''
  if (/^text\/html\b/i.test(contentType)) {
    throw new Error('the server sent an HTML page, not a scenario file. Check the path.')
  }
  return response.text()
}

function checkScenario(
  input: unknown,
): { ok: true; plan: ScenarioPlan; value: unknown } | { ok: false; errors: string[] } {
  let value = input
  if (typeof input === 'string') {
    const parsed = parseScenario(input)
    if (!parsed.ok) {
      return parsed
    }
    value = JSON.parse(input) as unknown
  }
  const parsed = parseScenario(value)
  if (!parsed.ok) {
    return parsed
  }
  const planned = planScenario(parsed.scenario)
  return planned.ok ? { ok: true, plan: planned.plan, value } : planned
}

async function finishApplying(
  plan: ScenarioPlan,
  session: { name: string; input: unknown; stepTitles: string[] },
): Promise<LoadResult> {
  let errors: string[]
  try {
    errors = await applyScenarioPlan(plan)
  } catch (error) {
    logError('[store]', `Failed to apply scenario "${plan.scenario.name}"`, error)
    errors = [
      `Failed to apply the scenario: ${error instanceof Error ? error.message : String(error)}`,
    ]
  }
  if (errors.length > 0) {
    scenarioSession.getState().markFailed(errors)
    return { ok: false, errors }
  }
  scenarioSession.getState().markLoaded(session)
  return { ok: true }
}

/** Shows load errors; a scenario already loaded stays loaded, since nothing was changed. */
function reportLoadErrors(errors: string[]): void {
  const session = scenarioSession.getState()
  if (session.phase === 'loaded') {
    session.showLoadErrors(errors)
  } else {
    session.markFailed(errors)
  }
}
