import type { AppDefinition, TileSize } from '@/apps/app-model'

/**
 * One tile pinned to Start. A primary tile has no navigation URI. A secondary tile has the
 * navigation URI its app passed to `ShellTile.Create`, which is also its `Id` in tile payloads.
 */
export interface StartTile {
  /** Identity on Start: the app id for a primary tile, the app id and navigation URI for a secondary one. */
  key: string
  appId: string
  navigationUri?: string
  size: TileSize
}

/** Sizes a tile can take, in the order the Resize button cycles through them. */
export const TILE_SIZES: readonly TileSize[] = ['medium', 'small', 'wide']

/** Returns the key of an app's primary tile. */
export function toPrimaryTileKey(appId: string): string {
  return appId
}

/** Returns the key of a secondary tile: the app id followed by the tile's navigation URI. */
export function toSecondaryTileKey(appId: string, navigationUri: string): string {
  return `${appId}${navigationUri}`
}

/** Creates an app's primary tile at medium size, the size a newly pinned tile takes. */
export function createPrimaryStartTile(appId: string): StartTile {
  return { key: toPrimaryTileKey(appId), appId, size: 'medium' }
}

/** Creates a secondary tile at medium size. */
export function createSecondaryStartTile(appId: string, navigationUri: string): StartTile {
  return { key: toSecondaryTileKey(appId, navigationUri), appId, navigationUri, size: 'medium' }
}

/**
 * Returns the size after `size` in the cycle medium → small → wide → medium. Without wide
 * support the cycle skips wide.
 */
export function nextTileSize(size: TileSize, supportsWide: boolean): TileSize {
  // NOTE: WP8's documentation gives no order for the size cycle, so this one is an assumption.
  switch (size) {
    case 'medium':
      return 'small'
    case 'small':
      return supportsWide ? 'wide' : 'medium'
    case 'wide':
      return 'medium'
  }
}

/** Returns whether a tile of this app may be made wide: the manifest's flag, or the offer's. */
export function supportsWideTile(app: AppDefinition, tile: StartTile): boolean {
  if (tile.navigationUri === undefined) {
    return app.supportsWide
  }
  const offer = app.secondaryTiles.find(
    (candidate) => candidate.navigationUri === tile.navigationUri,
  )
  return offer?.supportsWide ?? false
}

/**
 * Appends a tile at the end of Start, where WP8 places a newly pinned tile. Returns `tiles`
 * unchanged when a tile with the same key is already pinned.
 */
export function pinStartTile(tiles: readonly StartTile[], tile: StartTile): readonly StartTile[] {
  if (tiles.some((candidate) => candidate.key === tile.key)) {
    return tiles
  }
  return [...tiles, tile]
}

/** Removes the tile with this key. Returns `tiles` unchanged when no tile has it. */
export function unpinStartTile(tiles: readonly StartTile[], key: string): readonly StartTile[] {
  if (!tiles.some((tile) => tile.key === key)) {
    return tiles
  }
  return tiles.filter((tile) => tile.key !== key)
}

/** Removes every tile of an app, primary and secondary, as uninstalling the app does. */
export function unpinAppTiles(tiles: readonly StartTile[], appId: string): readonly StartTile[] {
  if (!tiles.some((tile) => tile.appId === appId)) {
    return tiles
  }
  return tiles.filter((tile) => tile.appId !== appId)
}

/** Gives the tile with this key a new size. Returns `tiles` unchanged when nothing changes. */
export function resizeStartTile(
  tiles: readonly StartTile[],
  key: string,
  size: TileSize,
): readonly StartTile[] {
  const tile = tiles.find((candidate) => candidate.key === key)
  if (!tile || tile.size === size) {
    return tiles
  }
  return tiles.map((candidate) => (candidate.key === key ? { ...candidate, size } : candidate))
}

/**
 * Moves the tile with this key to `toIndex` in the Start order, clamped to the list. Returns
 * `tiles` unchanged when no tile has the key or the tile is already there.
 */
export function moveStartTile(
  tiles: readonly StartTile[],
  key: string,
  toIndex: number,
): readonly StartTile[] {
  const fromIndex = tiles.findIndex((tile) => tile.key === key)
  const tile = tiles[fromIndex]
  if (tile === undefined) {
    return tiles
  }

  const targetIndex = Math.min(Math.max(Math.trunc(toIndex), 0), tiles.length - 1)
  if (targetIndex === fromIndex) {
    return tiles
  }
  const others = tiles.filter((candidate) => candidate.key !== key)
  return [...others.slice(0, targetIndex), tile, ...others.slice(targetIndex)]
}

/**
 * Lists the navigation URIs of each app's pinned secondary tiles, sorted, for the apps that
 * have any. Sorting keeps the report the same when the user only reorders tiles.
 */
export function listSecondaryTileIds(tiles: readonly StartTile[]): Record<string, string[]> {
  const byApp: Record<string, string[]> = {}
  for (const tile of tiles) {
    if (tile.navigationUri === undefined) {
      continue
    }
    byApp[tile.appId] = [...(byApp[tile.appId] ?? []), tile.navigationUri]
  }

  const sorted: Record<string, string[]> = {}
  for (const appId of Object.keys(byApp).sort()) {
    sorted[appId] = (byApp[appId] ?? []).sort()
  }
  return sorted
}
