import { toAppJson } from '@/apps/app-json'
import type { AppDefinition } from '@/apps/app-model'
import type { EngineSettings } from '@/mpns/types'
import type { DeviceStore } from '@/store/device-store'
import type { MotionModeSetting } from '@/store/motion-settings'
import type { HandsetProfile } from '@/store/slices/handset-profile'

import { toPageBatterySaver } from './device-state-names'
import { SCENARIO_FORMAT, SCENARIO_VERSION } from './scenario-schema'
import type { ScenarioInput } from './scenario-schema'

type ScenarioHandsetInput = NonNullable<ScenarioInput['handsets']>[number]
type ScenarioAppInput = NonNullable<ScenarioHandsetInput['apps']>[number]

/** The handset state a scenario records. */
export type ExportedDeviceState = Pick<
  DeviceStore,
  | 'apps'
  | 'startTiles'
  | 'airplaneMode'
  | 'batteryPercent'
  | 'batterySaver'
  | 'display'
  | 'locked'
  | 'detailedStatusAppId'
  | 'quickStatusAppIds'
>

/** Everything `toScenarioInput` reads: the page's state at one moment. */
export interface EmulatorSnapshot {
  name: string
  handsets: ReadonlyArray<{ profile: HandsetProfile; state: ExportedDeviceState }>
  /** Finds a sample or custom app by id. */
  findApp: (appId: string) => AppDefinition | undefined
  engineSettings: EngineSettings
  /** Engine milliseconds per real millisecond. */
  clockSpeed: number
  motion: { mode: MotionModeSetting; seed: number }
}

/**
 * Writes the page's state as a scenario without a timeline. Sample apps are named, custom apps
 * embedded as the app page's "Export app" writes them, and every app and tile is referred to by
 * its name, or by its id where two installed apps share a name.
 */
export function toScenarioInput(snapshot: EmulatorSnapshot): ScenarioInput {
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    name: snapshot.name,
    seed: snapshot.motion.seed,
    motion: snapshot.motion.mode,
    engine: { settings: { ...snapshot.engineSettings }, clockSpeed: snapshot.clockSpeed },
    handsets: snapshot.handsets.map(({ profile, state }) =>
      toHandsetInput(profile, state, snapshot.findApp),
    ),
    timeline: [],
  }
}

function toHandsetInput(
  profile: HandsetProfile,
  state: ExportedDeviceState,
  findApp: EmulatorSnapshot['findApp'],
): ScenarioHandsetInput {
  const installed = Object.entries(state.apps).flatMap(([appId, appState]) => {
    const app = appState.installed ? findApp(appId) : undefined
    return app === undefined ? [] : [{ app, appState }]
  })
  const toReference = createReferenceWriter(installed.map(({ app }) => app))
  const installedIds = new Set(installed.map(({ app }) => app.id))

  return {
    name: profile.name,
    model: profile.model,
    osVersion: profile.osVersion,
    theme: profile.theme,
    accent: profile.accent,
    apps: installed.map(({ app, appState }): ScenarioAppInput => ({
      ...toAppSource(app),
      permission: appState.permission === 'unasked' ? 'ask' : appState.permission,
      tileUpdates: appState.tileUpdatesEnabled,
      channel: appState.channelUri !== undefined,
    })),
    tiles: state.startTiles
      .filter((tile) => installedIds.has(tile.appId))
      .map((tile) => ({
        app: toReference(tile.appId),
        ...(tile.navigationUri === undefined ? {} : { secondary: tile.navigationUri }),
        size: tile.size,
      })),
    device: {
      airplaneMode: state.airplaneMode,
      battery: state.batteryPercent,
      batterySaver: toPageBatterySaver(state.batterySaver),
      screen: state.display,
      locked: state.locked,
    },
    lockScreen: toLockScreenInput(state, {
      installed: installed.map(({ app }) => app),
      toReference,
    }),
  }
}

function toAppSource(app: AppDefinition): Pick<ScenarioAppInput, 'sample' | 'appFile'> {
  if (app.origin === 'sample') {
    return { sample: app.name }
  }
  return { appFile: JSON.parse(toAppJson(app)) as Record<string, unknown> }
}

function toLockScreenInput(
  state: ExportedDeviceState,
  context: { installed: readonly AppDefinition[]; toReference: (appId: string) => string },
): ScenarioHandsetInput['lockScreen'] {
  const findInstalled = (appId: string | null) =>
    appId === null ? undefined : context.installed.find((app) => app.id === appId)
  const detailed = findInstalled(state.detailedStatusAppId)
  const quickStatus = state.quickStatusAppIds.flatMap((appId) => {
    const app = findInstalled(appId)
    return app?.lockScreen.iconCount === true ? [context.toReference(app.id)] : []
  })
  return {
    detailedStatus:
      detailed?.lockScreen.textField === true ? context.toReference(detailed.id) : null,
    quickStatus,
  }
}

/** Returns a function that names an installed app by its name, or by its id when the name is shared. */
function createReferenceWriter(installed: readonly AppDefinition[]): (appId: string) => string {
  return (appId) => {
    const app = installed.find((candidate) => candidate.id === appId)
    if (app === undefined) {
      return appId
    }
    const isShared = installed.some(
      (other) => other.id !== app.id && (other.name === app.name || other.id === app.name),
    )
    return isShared ? app.id : app.name
  }
}
