import type { AppState } from './device-model'
import {
  TILE_SIZES,
  createPrimaryStartTile,
  createSecondaryStartTile,
  pinStartTile,
} from './start-tiles'
import type { StartTile } from './start-tiles'

/**
 * Restores the Start layout: each stored tile of an installed app, once, in stored order. A
 * secondary tile needs its stored tile state. Apps that storage does not know yet keep their
 * fresh tiles, at the end. Storage from before Start could be customised has no layout, so
 * the fresh layout is kept, less the apps no longer installed.
 */
export function restoreStartTiles(
  stored: unknown,
  context: {
    apps: Record<string, AppState>
    fresh: readonly StartTile[]
    storedAppIds: readonly string[]
  },
): readonly StartTile[] {
  const { apps, fresh, storedAppIds } = context
  if (!Array.isArray(stored)) {
    return fresh.filter((tile) => apps[tile.appId]?.installed === true)
  }

  let restored: readonly StartTile[] = []
  for (const value of stored) {
    const tile = restoreStartTile(value, apps)
    if (tile) {
      restored = pinStartTile(restored, tile)
    }
  }
  for (const tile of fresh) {
    if (!storedAppIds.includes(tile.appId)) {
      restored = pinStartTile(restored, tile)
    }
  }
  return restored
}

function restoreStartTile(stored: unknown, apps: Record<string, AppState>): StartTile | null {
  if (!isRecord(stored) || typeof stored.appId !== 'string') {
    return null
  }
  const app = apps[stored.appId]
  if (app?.installed !== true || !isOneOf(stored.size, TILE_SIZES)) {
    return null
  }

  const size = stored.size as StartTile['size']
  const { navigationUri } = stored
  if (navigationUri === undefined) {
    return { ...createPrimaryStartTile(stored.appId), size }
  }
  if (typeof navigationUri !== 'string' || app.secondaryTiles[navigationUri] === undefined) {
    return null
  }
  return { ...createSecondaryStartTile(stored.appId, navigationUri), size }
}

/** Deletes secondary tile state that no pinned tile uses, as unpinning a secondary tile does. */
export function deleteUnpinnedSecondaryTiles(
  apps: Record<string, AppState>,
  startTiles: readonly StartTile[],
): void {
  for (const [appId, app] of Object.entries(apps)) {
    const pinned = Object.entries(app.secondaryTiles).filter(([navigationUri]) =>
      startTiles.some((tile) => tile.appId === appId && tile.navigationUri === navigationUri),
    )
    apps[appId] = { ...app, secondaryTiles: Object.fromEntries(pinned) }
  }
}

function isOneOf(value: unknown, allowed: readonly string[]): boolean {
  return typeof value === 'string' && allowed.includes(value)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
