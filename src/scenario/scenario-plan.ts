import { parseAppJson } from '@/apps/app-json'
import type { AppDefinition, TileSize } from '@/apps/app-model'
import { parseAppManifest } from '@/apps/manifest'
import { SAMPLE_APPS } from '@/apps/sample-apps'
import { DEFAULT_ENGINE_SETTINGS } from '@/mpns/engine'
import { mergeEngineSettings } from '@/mpns/settings'
import type { EngineSettings } from '@/mpns/types'
import { ACCENT_COLORS } from '@/store/slices/handset-profile'

import type { DeviceStateChange } from './page-api'
import { checkTimeline, describeMissingApp, findPlannedApp } from './scenario-references'
import type { Scenario, ScenarioApp, ScenarioHandset } from './scenario-schema'

/** An app to install on a handset, as the scenario file describes it. */
export interface PlannedApp {
  /** JSON path of the app in the file, for messages, such as `handsets[0].apps[1]`. */
  path: string
  /** The sample app, or the custom app read from its file, with any name override applied. */
  app: AppDefinition
  isSample: boolean
  permission: 'ask' | 'allowed' | 'declined'
  tileUpdates: boolean
  /** Whether loading opens the app's push channel and waits for its channel URI. */
  openChannel: boolean
}

/** One Start tile, referring to an app of the handset's plan by its index. */
export interface PlannedTile {
  appIndex: number
  navigationUri?: string
  size: TileSize
}

export interface PlannedLockScreen {
  /** Index of the detailed-status app, null for none, or undefined to keep the fresh choice. */
  detailedStatus?: number | null
  /** Indexes of the quick-status apps, left to right. */
  quickStatus?: number[]
}

export interface PlannedHandset {
  name: string
  profile: Pick<ScenarioHandset, 'model' | 'osVersion' | 'theme' | 'accent'>
  /** Every app installed after loading: the listed ones, or the sample apps when none are listed. */
  apps: PlannedApp[]
  /** Whether `apps` comes from the file, so the installed set must be exactly it. */
  appsListed: boolean
  /** Start tiles in order, or undefined to keep a fresh handset's tiles. */
  tiles: PlannedTile[] | undefined
  device: DeviceStateChange | undefined
  lockScreen: PlannedLockScreen | undefined
}

/** A validated scenario with every reference resolved, ready to apply to fresh stores. */
export interface ScenarioPlan {
  scenario: Scenario
  handsets: PlannedHandset[]
  engineSettings: Partial<EngineSettings> | undefined
  clockSpeed: number | undefined
}

export type ScenarioPlanResult = { ok: true; plan: ScenarioPlan } | { ok: false; errors: string[] }

/** Quick-status slots on the lock screen. */
const QUICK_STATUS_SLOTS = 5

const ACCENT_NAMES: readonly string[] = ACCENT_COLORS.map((color) => color.name)

/**
 * Reads the apps of every handset and resolves each reference to an app or a handset. Returns
 * every problem found, each naming its JSON path, so nothing is applied from an invalid file.
 */
export function planScenario(scenario: Scenario): ScenarioPlanResult {
  const errors: string[] = []
  const handsets = scenario.handsets.map((handset, index) =>
    planHandset(handset, { index, errors }),
  )
  checkHandsetNames(handsets, errors)
  const engineSettings = checkEngineSettings(scenario.engine?.settings, errors)
  errors.push(...checkTimeline(scenario.timeline, handsets))

  if (errors.length > 0) {
    return { ok: false, errors }
  }
  return {
    ok: true,
    plan: { scenario, handsets, engineSettings, clockSpeed: scenario.engine?.clockSpeed },
  }
}

function planHandset(
  handset: ScenarioHandset,
  context: { index: number; errors: string[] },
): PlannedHandset {
  const path = `handsets[${context.index}]`
  const name = handset.name ?? `Handset ${context.index + 1}`
  const apps =
    handset.apps === undefined
      ? SAMPLE_APPS.map((app, appIndex) => toDefaultSample(app, `${path}.apps[${appIndex}]`))
      : planApps(handset.apps, { path, errors: context.errors })

  if (handset.accent !== undefined && !ACCENT_NAMES.includes(handset.accent)) {
    context.errors.push(
      `${path}.accent: unknown accent colour "${handset.accent}". Use one of ${ACCENT_NAMES.join(', ')}.`,
    )
  }

  const planned: PlannedHandset = {
    name,
    profile: pickProfile(handset),
    apps,
    appsListed: handset.apps !== undefined,
    tiles: planTiles(handset, { path, name, apps, errors: context.errors }),
    device: planDevice(handset.device, `${path}.device`, context.errors),
    lockScreen: planLockScreen(handset.lockScreen, { path, name, apps, errors: context.errors }),
  }
  return planned
}

function pickProfile(handset: ScenarioHandset): PlannedHandset['profile'] {
  const { model, osVersion, theme, accent } = handset
  return {
    ...(model === undefined ? {} : { model }),
    ...(osVersion === undefined ? {} : { osVersion }),
    ...(theme === undefined ? {} : { theme }),
    ...(accent === undefined ? {} : { accent }),
  }
}

function toDefaultSample(app: AppDefinition, path: string): PlannedApp {
  return {
    path,
    app,
    isSample: true,
    permission: 'ask',
    tileUpdates: true,
    openChannel: false,
  }
}

function planApps(
  listed: readonly ScenarioApp[],
  context: { path: string; errors: string[] },
): PlannedApp[] {
  const apps: PlannedApp[] = []
  for (const [index, entry] of listed.entries()) {
    const path = `${context.path}.apps[${index}]`
    const read = readApp(entry, path)
    if (!read.ok) {
      context.errors.push(read.error)
      continue
    }
    const duplicate = apps.find((planned) => planned.app.id === read.app.id)
    if (duplicate) {
      context.errors.push(
        `${path}: "${read.app.name}" (id "${read.app.id}") is already installed by ${duplicate.path}. List each app once.`,
      )
      continue
    }
    apps.push({
      path,
      app: read.app,
      isSample: entry.sample !== undefined,
      permission: entry.permission,
      tileUpdates: entry.tileUpdates,
      openChannel: entry.channel ?? entry.permission === 'allowed',
    })
  }
  return apps
}

function readApp(
  entry: ScenarioApp,
  path: string,
): { ok: true; app: AppDefinition } | { ok: false; error: string } {
  if (entry.sample !== undefined) {
    if (entry.name !== undefined) {
      return {
        ok: false,
        error: `${path}.name: a sample app keeps its own name. Remove "name", or install the app from an "appFile".`,
      }
    }
    const sample =
      SAMPLE_APPS.find((app) => app.name === entry.sample) ??
      SAMPLE_APPS.find((app) => app.id === entry.sample)
    if (sample === undefined) {
      const names = SAMPLE_APPS.map((app) => app.name).join(', ')
      return {
        ok: false,
        error: `${path}.sample: no sample app is named "${entry.sample}". Use one of ${names}.`,
      }
    }
    return { ok: true, app: sample }
  }

  const result =
    entry.appFile === undefined
      ? readManifest(entry.manifestXml ?? '')
      : parseAppJson(JSON.stringify(entry.appFile))
  if (!result.ok) {
    const field = entry.appFile === undefined ? 'manifestXml' : 'appFile'
    return { ok: false, error: `${path}.${field}: ${result.error}` }
  }
  const app: AppDefinition = { ...result.app, origin: 'custom' }
  return { ok: true, app: entry.name === undefined ? app : { ...app, name: entry.name } }
}

function readManifest(
  xml: string,
): { ok: true; app: AppDefinition } | { ok: false; error: string } {
  // A scenario carries no image files, so images the manifest names get placeholders.
  const result = parseAppManifest(xml)
  return result.ok ? { ok: true, app: result.app } : result
}

function planTiles(
  handset: ScenarioHandset,
  context: { path: string; name: string; apps: readonly PlannedApp[]; errors: string[] },
): PlannedTile[] | undefined {
  if (handset.tiles === undefined) {
    // A listed set of apps gets one medium primary tile each, in the order listed.
    return handset.apps === undefined
      ? undefined
      : context.apps.map((_, appIndex) => ({ appIndex, size: 'medium' }))
  }

  const tiles: PlannedTile[] = []
  const seen = new Set<string>()
  for (const [index, entry] of handset.tiles.entries()) {
    const path = `${context.path}.tiles[${index}]`
    const appIndex = findPlannedApp(context.apps, entry.app)
    const planned = context.apps[appIndex]
    if (planned === undefined) {
      context.errors.push(describeMissingApp(`${path}.app`, entry.app, context.name))
      continue
    }
    const problem = checkTile(planned.app, entry, path)
    if (problem !== undefined) {
      context.errors.push(problem)
      continue
    }
    const key = `${planned.app.id}${entry.secondary ?? ''}`
    if (seen.has(key)) {
      context.errors.push(`${path}: this tile is already on Start. List each tile once.`)
      continue
    }
    seen.add(key)
    tiles.push({
      appIndex,
      size: entry.size,
      ...(entry.secondary === undefined ? {} : { navigationUri: entry.secondary }),
    })
  }
  return tiles
}

function checkTile(
  app: AppDefinition,
  tile: { secondary?: string | undefined; size: TileSize },
  path: string,
): string | undefined {
  let supportsWide = app.supportsWide
  if (tile.secondary !== undefined) {
    const offer = app.secondaryTiles.find((candidate) => candidate.navigationUri === tile.secondary)
    if (offer === undefined) {
      const offered = app.secondaryTiles.map((candidate) => `"${candidate.navigationUri}"`)
      const hint = offered.length === 0 ? 'It offers none.' : `It offers ${offered.join(', ')}.`
      return `${path}.secondary: "${app.name}" offers no secondary tile with navigation URI "${tile.secondary}". ${hint}`
    }
    supportsWide = offer.supportsWide
  }
  if (tile.size === 'wide' && !supportsWide) {
    return `${path}.size: this tile of "${app.name}" has no wide size. Use "medium" or "small".`
  }
  return undefined
}

function planDevice(
  device: ScenarioHandset['device'],
  path: string,
  errors: string[],
): DeviceStateChange | undefined {
  if (device === undefined) {
    return undefined
  }
  const change = withoutUndefined(device) as DeviceStateChange
  const problem = checkDeviceState(change, path)
  if (problem !== undefined) {
    errors.push(problem)
  }
  return change
}

/** Returns why a device state cannot be reached, or undefined when it can. */
export function checkDeviceState(change: DeviceStateChange, path: string): string | undefined {
  if (change.screen === 'off' && change.locked === false) {
    return `${path}.locked: a handset whose screen is off is always locked. Leave "locked" out or set it to true.`
  }
  return undefined
}

function planLockScreen(
  lockScreen: ScenarioHandset['lockScreen'],
  context: { path: string; name: string; apps: readonly PlannedApp[]; errors: string[] },
): PlannedLockScreen | undefined {
  if (lockScreen === undefined) {
    return undefined
  }
  const path = `${context.path}.lockScreen`
  const planned: PlannedLockScreen = {}

  const detailed = lockScreen.detailedStatus
  if (detailed === null) {
    planned.detailedStatus = null
  } else if (detailed !== undefined) {
    const appIndex = findLockScreenApp(detailed, {
      ...context,
      path: `${path}.detailedStatus`,
      allows: (app) => app.lockScreen.textField,
      requirement: 'LockScreen_Notification_TextField',
    })
    if (appIndex !== undefined) {
      planned.detailedStatus = appIndex
    }
  }

  if (lockScreen.quickStatus !== undefined) {
    const indexes: number[] = []
    for (const [slot, reference] of lockScreen.quickStatus.slice(0, QUICK_STATUS_SLOTS).entries()) {
      const appIndex = findLockScreenApp(reference, {
        ...context,
        path: `${path}.quickStatus[${slot}]`,
        allows: (app) => app.lockScreen.iconCount,
        requirement: 'LockScreen_Notification_IconCount',
      })
      if (appIndex !== undefined && indexes.includes(appIndex)) {
        context.errors.push(`${path}.quickStatus[${slot}]: "${reference}" is already in a slot.`)
      } else if (appIndex !== undefined) {
        indexes.push(appIndex)
      }
    }
    planned.quickStatus = indexes
  }
  return planned
}

function findLockScreenApp(
  reference: string,
  context: {
    path: string
    name: string
    apps: readonly PlannedApp[]
    errors: string[]
    allows: (app: AppDefinition) => boolean
    requirement: string
  },
): number | undefined {
  const appIndex = findPlannedApp(context.apps, reference)
  const planned = context.apps[appIndex]
  if (planned === undefined) {
    context.errors.push(describeMissingApp(context.path, reference, context.name))
    return undefined
  }
  if (!context.allows(planned.app)) {
    context.errors.push(
      `${context.path}: "${planned.app.name}" does not declare ${context.requirement} in its manifest, so the lock screen cannot show it.`,
    )
    return undefined
  }
  return appIndex
}

function checkHandsetNames(handsets: readonly PlannedHandset[], errors: string[]): void {
  for (const [index, handset] of handsets.entries()) {
    const first = handsets.findIndex((other) => other.name === handset.name)
    if (first !== index) {
      errors.push(
        `handsets[${index}].name: "${handset.name}" is already the name of handsets[${first}]. Give each handset its own name.`,
      )
    }
  }
}

function checkEngineSettings(
  settings: NonNullable<Scenario['engine']>['settings'],
  errors: string[],
): Partial<EngineSettings> | undefined {
  if (settings === undefined) {
    return undefined
  }
  const changes = withoutUndefined(settings) as Partial<EngineSettings>
  // The worker validates with the same function when the settings are applied, so a change
  // accepted here is accepted there.
  const merged = mergeEngineSettings(DEFAULT_ENGINE_SETTINGS, changes)
  if (!merged.ok) {
    errors.push(`engine.settings: ${merged.message}`)
  }
  return changes
}

/** Copies an object without its undefined fields, which optional fields may not hold. */
function withoutUndefined(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined))
}
