import type { DeviceStateChange } from '@/scenario/page-api'

import { applyDeviceStateChange } from './device-state-change'
import { clearEmulatorState } from './emulator-reset'
import { handsetRegistry } from './handset-registry'
import { getHandsetStore, waitForOwnership } from './handset-runtime'
import { motionSettings } from './motion-settings'
import { scenarioSession } from './scenario-session'
import { findHandsetTarget, findInstalledAppId } from './scenario-targets'
import { toDeviceStatePayload } from './slices/device-state-slice'
import { reportDeviceState, startWorkerSync, updateEngineClock } from './worker-sync'

/** Maximum single clock advance in seconds, ten years, the same limit as the worker's. */
const MAX_ADVANCE_SECONDS = 10 * 365 * 24 * 3600
const MAX_ANIMATION_STEPS = 1000

const BATTERY_SAVER_NAMES: readonly unknown[] = ['off', 'when-low', 'on']
const SCREEN_STATES: readonly unknown[] = ['on', 'off']
const DEVICE_STATE_FIELDS: readonly string[] = [
  'airplaneMode',
  'battery',
  'batterySaver',
  'screen',
  'locked',
]

/**
 * Resolves once the service worker controls the page and this tab owns every handset, and each
 * handset has reported its state to the service.
 */
export async function waitUntilReady(): Promise<void> {
  await startWorkerSync()
  const handsetIds = handsetRegistry.getState().handsets.map((handset) => handset.id)
  await waitForOwnership(handsetIds)
  // Reporting here, rather than waiting for the push clients' own reports, makes sure the
  // service has every handset's record when this resolves.
  await Promise.all(
    handsetIds.map((handsetId) =>
      reportDeviceState(toDeviceStatePayload(getHandsetStore(handsetId).getState())),
    ),
  )
}

/** Deletes the emulator's whole state and the scenario session, then reloads the page. */
export async function resetEmulator(): Promise<void> {
  scenarioSession.getState().clear()
  await clearEmulatorState()
  // The caller receives the result before the page reloads.
  setTimeout(() => window.location.reload(), 0)
}

/** Moves engine time on by `seconds`, after checking the value. */
export async function advanceClock(seconds: number): Promise<void> {
  if (typeof seconds !== 'number' || !(seconds > 0) || seconds > MAX_ADVANCE_SECONDS) {
    throw new Error(
      `Invalid clock advance ${String(seconds)}: give a number of seconds above 0 and at most ${MAX_ADVANCE_SECONDS}.`,
    )
  }
  await updateEngineClock({ advanceMs: seconds * 1000 })
}

/** Moves every flip and cycle tile on by `steps`, after checking the value. */
export function stepTileAnimation(steps: number): void {
  if (!Number.isInteger(steps) || steps < 1 || steps > MAX_ANIMATION_STEPS) {
    throw new Error(
      `Invalid animation steps ${String(steps)}: give a whole number from 1 to ${MAX_ANIMATION_STEPS}.`,
    )
  }
  for (let count = 0; count < steps; count += 1) {
    motionSettings.getState().advanceTileAnimation()
  }
}

/** Changes one handset's device state, or rejects with the reason when it cannot be reached. */
export function setDeviceState(change: DeviceStateChange, handset?: string): Promise<void> {
  try {
    const problem =
      describeInvalidChange(change) ??
      applyDeviceStateChange(findHandsetTarget(handset).store, change)
    return problem === undefined ? Promise.resolve() : Promise.reject(new Error(problem))
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)))
  }
}

/** Reads an installed app's channel URI, or null while it has none. Throws for an unknown app. */
export function readChannelUri(app: string, handset?: string): string | null {
  const target = findHandsetTarget(handset)
  const appId = findInstalledAppId(target.store, app)
  if (appId === undefined) {
    throw new Error(`No installed app is named "${app}" on ${target.name}.`)
  }
  return target.store.getState().apps[appId]?.channelUri ?? null
}

function describeInvalidChange(change: unknown): string | undefined {
  if (typeof change !== 'object' || change === null) {
    return 'Invalid device state: give an object such as { airplaneMode: true }.'
  }
  const fields = change as Record<string, unknown>
  const unknown = Object.keys(fields).find((name) => !DEVICE_STATE_FIELDS.includes(name))
  if (unknown !== undefined) {
    return `Invalid device state: unknown field "${unknown}". Use ${DEVICE_STATE_FIELDS.join(', ')}.`
  }
  const problems = [
    checkField(
      fields.airplaneMode,
      (value) => typeof value === 'boolean',
      'airplaneMode',
      'true or false',
    ),
    checkField(
      fields.battery,
      (value) => typeof value === 'number',
      'battery',
      'a percent from 0 to 100',
    ),
    checkField(
      fields.batterySaver,
      (value) => BATTERY_SAVER_NAMES.includes(value),
      'batterySaver',
      '"off", "when-low" or "on"',
    ),
    checkField(fields.screen, (value) => SCREEN_STATES.includes(value), 'screen', '"on" or "off"'),
    checkField(fields.locked, (value) => typeof value === 'boolean', 'locked', 'true or false'),
  ]
  return problems.find((problem) => problem !== undefined)
}

function checkField(
  value: unknown,
  isValid: (value: unknown) => boolean,
  name: string,
  expected: string,
): string | undefined {
  if (value === undefined || isValid(value)) {
    return undefined
  }
  return `Invalid device state: "${name}" is ${JSON.stringify(value)}; use ${expected}.`
}
