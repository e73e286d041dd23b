// The emulator page's scripting surface, `window.wp8Emulator`. The QA kit drives the page
// through it where the UI has no quick equivalent, and people script demos with it from the
// browser's console. Like the schema, this file is also compiled into the kit, so it imports
// only from this folder.

import type {
  ScenarioInput,
  ScenarioOutcomeExpectation,
  ScenarioResponseExpectation,
} from './scenario-schema.ts'

/** Version of this interface; the kit refuses a page whose version differs. */
export const PAGE_API_VERSION = 1

/** Name of the global the page defines. */
export const PAGE_API_GLOBAL = 'wp8Emulator'

/** The response to a POST, as the sender receives it. Header names are lower case. */
export interface SendResult {
  status: number
  statusText: string
  headers: Record<string, string>
  body: string
}

/** State of the scenario the page was requested to load. */
export type ScenarioStatus =
  | { state: 'none' }
  | { state: 'loading'; name?: string }
  | { state: 'loaded'; name: string; stepCount: number; nextStep: number }
  | { state: 'failed'; errors: string[] }

/** The result of one timeline step that the page ran. */
export interface StepResult {
  index: number
  /** The step's own name, or a description the player writes, such as `Send a toast to Contoso Chat`. */
  title: string
  /** The response, for a send step. */
  response?: SendResult
  /** Expected response fields that differ, each as `X-NotificationStatus: expected "Received", got "Dropped"`. */
  responseMismatches: string[]
  /**
   * Outcome expectations that the handsets' state did not meet within 5 seconds, each as
   * `Toast: expected Text1 "Bob", shown "Anna"`. Empty for steps without an outcome expectation.
   */
  outcomeMismatches: string[]
  /** The step's outcome expectation, for the kit to assert against what is drawn. */
  expect?: ScenarioOutcomeExpectation
  /** The response expectation of a send step. */
  expectResponse?: ScenarioResponseExpectation
}

/** Options of `runNextStep`. */
export interface RunStepOptions {
  /** The response to a send step that the caller sent itself. */
  response?: SendResult
}

/** Device state a script may set on one handset; fields left out keep their value. */
export interface DeviceStateChange {
  airplaneMode?: boolean
  /** Battery level in percent, 0 to 100. */
  battery?: number
  batterySaver?: 'off' | 'when-low' | 'on'
  screen?: 'on' | 'off'
  locked?: boolean
}

/** `window.wp8Emulator`. Every method rejects with a plain sentence when it cannot act. */
export interface EmulatorPageApi {
  readonly version: number
  /**
   * Resolves once the service worker controls the page and every handset's push client has
   * reported to it, so channels can open and notifications arrive.
   */
  ready(): Promise<void>
  /** The scenario the page loaded, or is loading. */
  readonly scenario: ScenarioStatus
  /**
   * Validates a scenario and replaces the whole emulator state with its setup. The page
   * reloads when it held state before; wait for `ready()` and `scenario.state === 'loaded'`.
   * Resolves with the validation errors, if any, before anything is changed.
   */
  loadScenario(scenario: unknown): Promise<{ ok: true } | { ok: false; errors: string[] }>
  /** Writes the current state (handsets, apps, tiles, device state, engine settings) as a scenario. */
  exportScenario(): Promise<ScenarioInput>
  /**
   * Runs the loaded scenario's next timeline step. For a send step that the caller already sent
   * itself (`via: "http"`), pass the response it got, and the page checks and records it
   * instead of sending the request again.
   */
  runNextStep(options?: RunStepOptions): Promise<StepResult>
  /** Deletes every channel, queued notification, app, tile and setting, and reloads the page. */
  reset(): Promise<void>
  /** Moves engine time on by `seconds`; notifications that fall due are then delivered. */
  advanceClock(seconds: number): Promise<void>
  /**
   * Moves every flip and cycle tile on by `steps`, in the deterministic motion mode. Throws
   * until `ready()` has resolved once.
   */
  stepTileAnimation(steps: number): void
  /** Changes one handset's device state; `handset` is its name, the first handset by default. */
  setDeviceState(change: DeviceStateChange, handset?: string): Promise<void>
  /**
   * Reads an installed app's channel URI, or null while it has none. `app` is its name or id.
   * Throws until `ready()` has resolved once.
   */
  readChannelUri(app: string, handset?: string): string | null
}
