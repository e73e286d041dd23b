import { logError } from '@/lib/log'
import { PAGE_API_GLOBAL, PAGE_API_VERSION } from '@/scenario/page-api'
import type { EmulatorPageApi } from '@/scenario/page-api'

import type * as PageApiMethodsModule from './page-api-methods'
import { readStoredFields, readStoredScenarioStatus } from './scenario-status'

declare global {
  interface Window {
    wp8Emulator?: EmulatorPageApi
  }
}

type PageApiMethods = typeof PageApiMethodsModule

/** Query parameter naming a scenario file to load at start-up. */
export const SCENARIO_URL_PARAMETER = 'scenario'

let methods: PageApiMethods | undefined

/**
 * Defines `window.wp8Emulator`. Its code stays out of the page's first script: the methods load
 * once the handset runtime runs, and the scenario code (zod, the player and the exporter) on the
 * first call that needs it. The synchronous methods throw until `ready()` has resolved.
 */
export function installEmulatorPageApi(): void {
  const api: EmulatorPageApi = {
    version: PAGE_API_VERSION,
    get scenario() {
      return readStoredScenarioStatus()
    },
    ready: async () => (await loadMethods()).waitUntilReady(),
    loadScenario: async (scenario) => (await loadRuntime()).loadScenario(scenario),
    exportScenario: async () => (await loadRuntime()).exportScenario(),
    runNextStep: async (options) => (await loadRuntime()).runNextStep(options),
    reset: async () => (await loadMethods()).resetEmulator(),
    advanceClock: async (seconds) => (await loadMethods()).advanceClock(seconds),
    stepTileAnimation: (steps) => requireMethods().stepTileAnimation(steps),
    setDeviceState: async (change, handset) =>
      (await loadMethods()).setDeviceState(change, handset),
    readChannelUri: (app, handset) => requireMethods().readChannelUri(app, handset),
  }
  Object.defineProperty(window, PAGE_API_GLOBAL, { value: api, configurable: true })
}

/**
 * Continues the scenario session once the handset runtime runs: applies a scenario stored
 * before the reload that loading did, restores a loaded scenario's motion settings, or loads
 * the file that `?scenario=<url>` names. It also loads the page API's methods.
 */
export function resumeScenarioSession(): void {
  loadMethods().catch((error: unknown) => {
    logError('[store]', 'Failed to load the page API', error)
  })
  const url = new URL(window.location.href).searchParams.get(SCENARIO_URL_PARAMETER)
  const phase = readStoredFields()?.phase
  if (url === null && phase !== 'applying' && phase !== 'loaded') {
    return
  }
  loadRuntime()
    .then(async (runtime) => {
      if (url !== null) {
        const result = await runtime.loadScenarioFromUrl(url)
        // A failed load keeps the parameter, so a reload tries the fixed file again. This runs
        // before the reload that a successful load may schedule.
        if (result.ok) {
          removeScenarioUrlParameter()
        }
      } else if (phase === 'applying') {
        await runtime.applyPendingScenario()
      } else {
        runtime.resumeLoadedScenario()
      }
    })
    .catch((error: unknown) => {
      logError('[store]', 'Failed to continue the scenario session', error)
    })
}

async function loadMethods(): Promise<PageApiMethods> {
  methods ??= await import('./page-api-methods')
  return methods
}

function requireMethods(): PageApiMethods {
  if (methods === undefined) {
    throw new Error('The emulator is still starting. Await wp8Emulator.ready() first.')
  }
  return methods
}

function loadRuntime() {
  return import('./scenario-runtime')
}

/**
 * Removes `?scenario=` from the address with history.replaceState, so that a reload keeps the
 * demo's progress instead of loading the file again.
 */
function removeScenarioUrlParameter(): void {
  const address = new URL(window.location.href)
  address.searchParams.delete(SCENARIO_URL_PARAMETER)
  window.history.replaceState(window.history.state, '', address)
}
