import { findApp } from '@/apps/sample-apps'
import type { TileState } from '@/mpns/tile-state'
import type { TileFieldName } from '@/mpns/types'

import type { DeviceStore } from '../device-store'
import {
  MAX_APPLIED_DELIVERY_IDS,
  createInitialAppState,
  MAX_BACK_STACK,
  MAX_LOG_ENTRIES,
  MAX_QUEUED_TOASTS,
  SETTINGS_PAGE_IDS,
  START_SCREEN,
} from './device-model'
import type {
  AppLogEntry,
  AppState,
  PermissionAnswer,
  Screen,
  SettingsPageId,
  ShownToast,
} from './device-model'
import { restoreBatterySettings } from './device-state-slice'
import { restoreLockScreenState } from './lock-screen-slice'
import { deleteUnpinnedSecondaryTiles, restoreStartTiles } from './persisted-start-tiles'
import { restorePowerState } from './power-slice'

/**
 * The part of the handset that survives a reload. Reloading the tab is not restarting the
 * phone, so the page on screen and the back stack stay; transitions start afresh.
 */
export type PersistedDeviceState = Pick<
  DeviceStore,
  | 'apps'
  | 'toasts'
  | 'appliedDeliveryIds'
  | 'screen'
  | 'backStack'
  | 'airplaneMode'
  | 'batteryPercent'
  | 'batterySaver'
  | 'display'
  | 'locked'
  | 'detailedStatusAppId'
  | 'quickStatusAppIds'
  | 'startTiles'
>

const PERMISSION_ANSWERS: readonly string[] = [
  'unasked',
  'allowed',
  'declined',
] satisfies PermissionAnswer[]
const LOG_KINDS: readonly string[] = [
  'raw',
  'toast',
  'info',
  'error',
] satisfies AppLogEntry['kind'][]

/** Selects the state written to storage. */
export function toPersistedDeviceState(state: DeviceStore): PersistedDeviceState {
  return {
    apps: state.apps,
    toasts: state.toasts,
    appliedDeliveryIds: state.appliedDeliveryIds,
    screen: state.screen,
    backStack: state.backStack,
    airplaneMode: state.airplaneMode,
    batteryPercent: state.batteryPercent,
    batterySaver: state.batterySaver,
    display: state.display,
    locked: state.locked,
    detailedStatusAppId: state.detailedStatusAppId,
    quickStatusAppIds: state.quickStatusAppIds,
    startTiles: state.startTiles,
  }
}

/**
 * Merges stored state into a fresh store. Storage is outside the app's control, so every
 * value is checked: an invalid field keeps its fresh value, apps no longer installed are
 * dropped and newly installed apps keep their initial state.
 */
export function mergePersistedDeviceState(persisted: unknown, current: DeviceStore): DeviceStore {
  if (!isRecord(persisted)) {
    return current
  }

  const apps: Record<string, AppState> = {}
  const storedApps = isRecord(persisted.apps) ? persisted.apps : {}
  for (const [appId, fresh] of Object.entries(current.apps)) {
    apps[appId] = restoreAppState(storedApps[appId], fresh, appId)
  }
  // Custom apps have no fresh state: they are restored while the page's catalogue has them.
  for (const [appId, stored] of Object.entries(storedApps)) {
    const app = apps[appId] === undefined ? findApp(appId) : undefined
    if (app) {
      apps[appId] = restoreAppState(stored, createInitialAppState(app), appId)
    }
  }

  const startTiles = restoreStartTiles(persisted.startTiles, {
    apps,
    fresh: current.startTiles,
    storedAppIds: Object.keys(storedApps),
  })
  deleteUnpinnedSecondaryTiles(apps, startTiles)

  const toasts = Array.isArray(persisted.toasts)
    ? persisted.toasts.filter((toast): toast is ShownToast => isShownToast(toast, apps))
    : current.toasts
  const appliedDeliveryIds = Array.isArray(persisted.appliedDeliveryIds)
    ? persisted.appliedDeliveryIds.filter((id): id is string => typeof id === 'string')
    : current.appliedDeliveryIds
  const backStack = Array.isArray(persisted.backStack)
    ? persisted.backStack.flatMap((screen) => restoreScreen(screen, apps) ?? [])
    : current.backStack

  return {
    ...current,
    apps,
    toasts: toasts.slice(-MAX_QUEUED_TOASTS),
    appliedDeliveryIds: appliedDeliveryIds.slice(-MAX_APPLIED_DELIVERY_IDS),
    screen: restoreScreen(persisted.screen, apps) ?? START_SCREEN,
    backStack: backStack.slice(-MAX_BACK_STACK),
    airplaneMode:
      typeof persisted.airplaneMode === 'boolean' ? persisted.airplaneMode : current.airplaneMode,
    ...restoreBatterySettings(persisted, current),
    ...restorePowerState(persisted, current),
    ...restoreLockScreenState(persisted, current),
    startTiles,
  }
}

/** Restores a stored screen, or returns null when it is invalid or shows an app not installed. */
function restoreScreen(stored: unknown, apps: Record<string, AppState>): Screen | null {
  if (!isRecord(stored)) {
    return null
  }
  if (stored.kind === 'start') {
    return START_SCREEN
  }
  if (stored.kind === 'app-list') {
    return { kind: 'app-list' }
  }
  if (stored.kind === 'settings') {
    return isOneOf(stored.page, SETTINGS_PAGE_IDS)
      ? { kind: 'settings', page: stored.page as SettingsPageId }
      : null
  }
  if (stored.kind === 'app-settings') {
    const isInstalledApp =
      typeof stored.appId === 'string' && apps[stored.appId]?.installed === true
    return isInstalledApp ? { kind: 'app-settings', appId: stored.appId as string } : null
  }
  const isAppScreen =
    stored.kind === 'app' &&
    typeof stored.appId === 'string' &&
    apps[stored.appId]?.installed === true &&
    typeof stored.page === 'string' &&
    Array.isArray(stored.query) &&
    stored.query.every(isQueryPair)
  if (!isAppScreen) {
    return null
  }
  return {
    kind: 'app',
    appId: stored.appId as string,
    page: stored.page as string,
    query: (stored.query as Array<[string, string]>).map(([key, value]) => [key, value]),
  }
}

function isQueryPair(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string'
  )
}

function restoreAppState(stored: unknown, fresh: AppState, appId: string): AppState {
  if (!isRecord(stored)) {
    return fresh
  }

  const installed = typeof stored.installed === 'boolean' ? stored.installed : fresh.installed
  if (!installed) {
    return { ...fresh, installed }
  }

  const restored: AppState = {
    installed,
    permission: isOneOf(stored.permission, PERMISSION_ANSWERS)
      ? (stored.permission as PermissionAnswer)
      : fresh.permission,
    launched: typeof stored.launched === 'boolean' ? stored.launched : fresh.launched,
    log: Array.isArray(stored.log)
      ? stored.log.filter(isAppLogEntry).slice(-MAX_LOG_ENTRIES)
      : fresh.log,
    tile: restoreTileState(stored.tile, fresh.tile),
    secondaryTiles: restoreSecondaryTiles(stored.secondaryTiles, appId),
    rawReceivedCount: isCount(stored.rawReceivedCount)
      ? stored.rawReceivedCount
      : fresh.rawReceivedCount,
    tileUpdatesEnabled:
      typeof stored.tileUpdatesEnabled === 'boolean'
        ? stored.tileUpdatesEnabled
        : fresh.tileUpdatesEnabled,
  }
  if (typeof stored.channelUri === 'string') {
    restored.channelUri = stored.channelUri
  }
  return restored
}

/** Restores the secondary tiles the app still offers, each in the template its offer creates. */
function restoreSecondaryTiles(stored: unknown, appId: string): Record<string, TileState> {
  const offers = findApp(appId)?.secondaryTiles ?? []
  if (!isRecord(stored)) {
    return {}
  }

  const tiles: Record<string, TileState> = {}
  for (const offer of offers) {
    const tile = stored[offer.navigationUri]
    if (tile !== undefined) {
      tiles[offer.navigationUri] = restoreTileState(tile, offer.initialTile)
    }
  }
  return tiles
}

function restoreTileState(stored: unknown, fresh: TileState): TileState {
  // The primary tile's template is fixed by the manifest, so stored state of another
  // template belongs to an older app version and is discarded.
  if (!isRecord(stored) || stored.template !== fresh.template || !isRecord(stored.fields)) {
    return fresh
  }
  const fields: Partial<Record<TileFieldName, string>> = {}
  for (const [name, value] of Object.entries(stored.fields)) {
    if (typeof value === 'string') {
      fields[name as TileFieldName] = value
    }
  }
  return { template: fresh.template, fields }
}

function isAppLogEntry(value: unknown): value is AppLogEntry {
  return (
    isRecord(value) &&
    isOneOf(value.kind, LOG_KINDS) &&
    typeof value.text === 'string' &&
    typeof value.time === 'number'
  )
}

function isShownToast(value: unknown, apps: Record<string, AppState>): boolean {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.appId === 'string' &&
    apps[value.appId]?.installed === true &&
    typeof value.text1 === 'string' &&
    typeof value.text2 === 'string' &&
    (value.param === undefined || typeof value.param === 'string') &&
    (value.sound === undefined || isToastSound(value.sound))
  )
}

function isToastSound(value: unknown): boolean {
  if (!isRecord(value)) {
    return false
  }
  if (value.kind === 'custom') {
    return typeof value.path === 'string'
  }
  return value.kind === 'default' || value.kind === 'silent'
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

function isOneOf(value: unknown, allowed: readonly string[]): boolean {
  return typeof value === 'string' && allowed.includes(value)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
