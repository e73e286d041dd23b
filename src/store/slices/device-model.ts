import type { AppDefinition } from '@/apps/app-model'
import type { TileState } from '@/mpns/tile-state'

export type PermissionAnswer = 'unasked' | 'allowed' | 'declined'

export type AppLogKind = 'raw' | 'toast' | 'info' | 'error'

/** One line of an app's on-page notification log. */
export interface AppLogEntry {
  kind: AppLogKind
  text: string
  /** Wall-clock time in epoch milliseconds. */
  time: number
}

/** Handset state of one sample app. */
export interface AppState {
  /** False after the user uninstalled the app: it leaves Start and shows in the app list only. */
  installed: boolean
  /** The user's answer to the app's own notification prompt. */
  permission: PermissionAnswer
  /** Channel URI last returned to the app, absent until its channel has opened once. */
  channelUri?: string
  launched: boolean
  log: AppLogEntry[]
  /** The app's primary tile. */
  tile: TileState
  /** The app's pinned secondary tiles, keyed by navigation URI. Unpinning a tile deletes its entry. */
  secondaryTiles: Record<string, TileState>
  /** Raw notifications handed to the running app since it was installed; the log keeps only the newest. */
  rawReceivedCount: number
  /** The app's own "Live Tile updates" switch: off leaves its channel unbound from the tile. */
  tileUpdatesEnabled: boolean
}

/** Pages of the Settings app. */
export type SettingsPageId = 'home' | 'lock-screen' | 'theme' | 'airplane-mode' | 'battery-saver'

export const SETTINGS_PAGE_IDS: readonly SettingsPageId[] = [
  'home',
  'lock-screen',
  'theme',
  'airplane-mode',
  'battery-saver',
]

export type Screen =
  | { kind: 'start' }
  | { kind: 'app-list' }
  | { kind: 'app'; appId: string; page: string; query: Array<[string, string]> }
  | { kind: 'settings'; page: SettingsPageId }
  /** An app's own notification settings page, which is part of the app. */
  | { kind: 'app-settings'; appId: string }

export type NavigationDirection = 'forward' | 'backward'

/**
 * The sound a toast plays as it arrives: the system notification sound, a sound file from the
 * app's package (named by `wp:Sound`), or none (`Silent="true"`).
 */
export type ToastSound = { kind: 'default' } | { kind: 'silent' } | { kind: 'custom'; path: string }

/** A toast banner waiting in line or on screen; `id` is the delivery id it came with. */
export interface ShownToast {
  id: string
  appId: string
  text1: string
  text2: string
  param?: string
  /** Sound decided when the toast arrived; absent means the default sound. */
  sound?: ToastSound
}

/**
 * Delivery ids kept to recognise a redelivered notification. A chunk applied but not yet
 * acknowledged comes again in full, so this stays well above the push client's chunk size.
 */
export const MAX_APPLIED_DELIVERY_IDS = 1000
/** Log lines kept per app; older lines are dropped first. */
export const MAX_LOG_ENTRIES = 100
// NOTE: WP8 documents no toast queue; this cap only keeps a burst from growing without bound.
/** Toast banners kept waiting; the oldest waiting banner is dropped first. */
export const MAX_QUEUED_TOASTS = 20
/** Pages kept on the back stack. */
export const MAX_BACK_STACK = 20

export const START_SCREEN: Screen = { kind: 'start' }

/** Creates the state of a freshly installed app: permission unasked, no channel, manifest tile. */
export function createInitialAppState(app: AppDefinition): AppState {
  return {
    installed: true,
    permission: 'unasked',
    launched: false,
    log: [],
    tile: app.initialTile,
    secondaryTiles: {},
    rawReceivedCount: 0,
    tileUpdatesEnabled: true,
  }
}

/** Creates the state of every sample app, freshly installed. */
export function createInitialAppStates(apps: readonly AppDefinition[]): Record<string, AppState> {
  const states: Record<string, AppState> = {}
  for (const app of apps) {
    states[app.id] = createInitialAppState(app)
  }
  return states
}

/** Returns the app whose page is on screen, or null on Start and the other shell screens. */
export function toForegroundAppId(screen: Screen): string | null {
  return screen.kind === 'app' || screen.kind === 'app-settings' ? screen.appId : null
}

/** Returns whether the screen is one of the app's pages, its settings page included. */
export function isScreenOfApp(screen: Screen, appId: string): boolean {
  return toForegroundAppId(screen) === appId
}

/** Appends an item and keeps only the newest `max` items. */
export function appendCapped<T>(list: readonly T[], item: T, max: number): T[] {
  return appendAllCapped(list, [item], max)
}

/** Appends items in order and keeps only the newest `max` items. */
export function appendAllCapped<T>(list: readonly T[], items: readonly T[], max: number): T[] {
  const next = [...list, ...items]
  return next.length > max ? next.slice(next.length - max) : next
}

/** Returns a copy of `apps` with one log entry appended to `appId`'s log. */
export function withLogEntry(
  apps: Record<string, AppState>,
  appId: string,
  entry: AppLogEntry,
): Record<string, AppState> {
  const app = apps[appId]
  if (!app) {
    return apps
  }
  return {
    ...apps,
    [appId]: { ...app, log: appendCapped(app.log, entry, MAX_LOG_ENTRIES) },
  }
}

/** Returns a copy of `apps` with some fields of `appId` replaced. */
export function withAppChanges(
  apps: Record<string, AppState>,
  appId: string,
  changes: Partial<AppState>,
): Record<string, AppState> {
  const app = apps[appId]
  if (!app) {
    return apps
  }
  return { ...apps, [appId]: { ...app, ...changes } }
}

/** Returns a copy of `apps` in which `appId` has no channel URI. */
export function withoutChannelUri(
  apps: Record<string, AppState>,
  appId: string,
): Record<string, AppState> {
  const app = apps[appId]
  if (app?.channelUri === undefined) {
    return apps
  }
  const next: AppState = { ...app }
  delete next.channelUri
  return { ...apps, [appId]: next }
}

/**
 * Returns the shell bindings an app requests when it opens its channel: toast once the user
 * allowed notifications, tile while Live Tile updates are on, and neither for a raw-only app.
 */
export function toChannelBindings(
  app: Pick<AppDefinition, 'rawOnly'>,
  appState: Pick<AppState, 'permission' | 'tileUpdatesEnabled'>,
): { bindToast: boolean; bindTile: boolean } {
  const rawOnly = app.rawOnly === true
  return {
    bindToast: !rawOnly && appState.permission === 'allowed',
    bindTile: !rawOnly && appState.tileUpdatesEnabled,
  }
}
