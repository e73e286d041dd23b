import { toAppFileKey } from '@/apps/app-model'
import type { AppDefinition, AppIconGlyph } from '@/apps/app-model'
import { toDisplayedCount } from '@/mpns/tile-state'
import type { AppState } from '@/store/slices/device-model'
import {
  canShowDetailedStatus,
  canShowQuickStatus,
  toTileStatusLines,
} from '@/store/slices/lock-screen-slice'

/** One icon in the lock screen's quick-status row. */
export interface QuickStatusItem {
  appId: string
  appName: string
  /** URL of the app's lock icon, or undefined when it has none and its glyph is drawn. */
  iconUrl: string | undefined
  glyph: AppIconGlyph
  /** Count of the app's primary tile, 1 to 99, or undefined when the tile shows none. */
  count: number | undefined
}

/** The apps of one handset that the lock screen reads. */
export interface LockScreenSources {
  apps: readonly AppDefinition[]
  appStates: Readonly<Record<string, AppState>>
}

/** Upward drag, in logical pixels, past which releasing the lock screen unlocks it. */
const UNLOCK_DISTANCE_PX = 160
/** Upward flick speed, in logical pixels per second, that unlocks from any distance. */
const UNLOCK_VELOCITY_PX_PER_S = 600

/**
 * Builds the quick-status row from the chosen slots, left to right. Empty slots, apps that
 * are unknown or not installed, and apps whose manifest lacks the icon-count extension are
 * skipped.
 */
export function toQuickStatusItems(
  slotAppIds: ReadonlyArray<string | null>,
  sources: LockScreenSources,
): QuickStatusItem[] {
  const items: QuickStatusItem[] = []
  for (const appId of slotAppIds) {
    const found = appId === null ? undefined : findInstalledApp(appId, sources)
    if (!found || !canShowQuickStatus(found.app)) {
      continue
    }
    const { app, appState } = found
    // NOTE: whether WP8 hides the whole icon at count 0, or only the number, is unverified.
    items.push({
      appId: app.id,
      appName: app.name,
      iconUrl: toLockIconUrl(app),
      glyph: app.icon,
      count: toDisplayedCount(appState.tile.fields.Count),
    })
  }
  return items
}

/**
 * Returns the detailed-status lines of the chosen app, read from its primary tile. An app
 * that is unknown, not installed or lacks the text-field extension shows no text.
 */
export function toDetailedStatusLines(appId: string | null, sources: LockScreenSources): string[] {
  const found = appId === null ? undefined : findInstalledApp(appId, sources)
  if (!found || !canShowDetailedStatus(found.app)) {
    return []
  }
  return toTileStatusLines(found.appState.tile)
}

/** Returns the URL of the app's lock icon file, or undefined when the app has none. */
export function toLockIconUrl(app: AppDefinition): string | undefined {
  const path = app.lockScreen.lockIconPath
  return path === undefined ? undefined : app.assets[toAppFileKey(path)]
}

/** Builds a quick-status item's accessible name: the app name, then the count if any. */
export function toQuickStatusLabel(item: QuickStatusItem): string {
  return item.count === undefined ? item.appName : `${item.appName}, ${item.count}`
}

/** Returns whether releasing an upward drag unlocks: far enough, or flicked fast enough. */
export function isUnlockSwipe(offsetY: number, velocityY: number): boolean {
  return offsetY <= -UNLOCK_DISTANCE_PX || velocityY <= -UNLOCK_VELOCITY_PX_PER_S
}

/** Formats the lock screen date in English, as `Monday, June 3`. */
export function formatLockScreenDate(date: Date): string {
  return date.toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric' })
}

function findInstalledApp(
  appId: string,
  sources: LockScreenSources,
): { app: AppDefinition; appState: AppState } | undefined {
  const app = sources.apps.find((candidate) => candidate.id === appId)
  const appState = sources.appStates[appId]
  if (!app || appState?.installed !== true) {
    return undefined
  }
  return { app, appState }
}
