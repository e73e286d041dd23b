import { parseTileColor, toDisplayedCount } from '@/mpns/tile-state'
import type { TileState } from '@/mpns/tile-state'

/** Content of the front of a medium Flip tile. */
export interface FlipFrontView {
  title: string
  count: number | undefined
  imageUrl: string | undefined
}

/** Content of the back of a medium Flip tile. */
export interface FlipBackView {
  title: string
  content: string
  imageUrl: string | undefined
}

/** Content of a medium Iconic tile. */
export interface IconicTileView {
  title: string
  count: number | undefined
  /** Fill colour as `#RRGGBB`. */
  backgroundColor: string
  iconUrl: string | undefined
}

// The real shell's flip interval is not published, and the Toolkit's HubTile imitation
// waits 0.1 to 3 s. The handset waits a random 4 to 7 s so each side stays readable.
const MIN_FLIP_DELAY_MS = 4_000
const MAX_FLIP_DELAY_MS = 7_000

/**
 * Builds a tile button's accessible name: the app name, then the front title when it is not
 * the app name, then the displayed count, joined by ", " (`Contoso Weather, Oslo, 3`).
 */
export function toTileAccessibleName(appName: string, tile: TileState): string {
  const parts = [appName]
  const title = tile.fields.Title?.trim() ?? ''
  if (title !== '' && title !== appName) {
    parts.push(title)
  }
  const count = toDisplayedCount(tile.fields.Count)
  if (count !== undefined) {
    parts.push(String(count))
  }
  return parts.join(', ')
}

/**
 * Returns the URL an image field can be drawn from: http and https URLs as they are. Package
 * paths such as `/Assets/...` and `isostore:` URIs return undefined because the emulated apps
 * ship no image files, so the tile shows its colour alone.
 */
export function toTileImageUrl(uri: string | undefined): string | undefined {
  if (uri === undefined) {
    return undefined
  }
  const trimmed = uri.trim()
  return /^https?:\/\//i.test(trimmed) ? trimmed : undefined
}

/**
 * Returns the Iconic tile fill: `BackgroundColor` (`#AARRGGBB` or `#RRGGBB`) when it is fully
 * opaque, otherwise the accent colour.
 */
export function toIconicBackgroundColor(argb: string | undefined, accentColor: string): string {
  // NOTE: that a colour with alpha below FF falls back to the accent is widely reported for
  // WP8 but not documented.
  const color = argb === undefined ? undefined : parseTileColor(argb)
  return color?.alpha === 0xff ? color.rgb : accentColor
}

/** Returns whether a Flip tile has a back side, which makes it flip. */
export function hasFlipBack(tile: TileState): boolean {
  const { BackTitle, BackContent, BackBackgroundImage } = tile.fields
  return [BackTitle, BackContent, BackBackgroundImage].some(
    (value) => value !== undefined && value.trim() !== '',
  )
}

/** Returns the front of a medium Flip tile (also used for Legacy and Cycle tiles). */
export function toFlipFrontView(tile: TileState): FlipFrontView {
  return {
    title: tile.fields.Title ?? '',
    count: toDisplayedCount(tile.fields.Count),
    imageUrl: toTileImageUrl(tile.fields.BackgroundImage),
  }
}

/** Returns the back of a medium Flip tile. */
export function toFlipBackView(tile: TileState): FlipBackView {
  return {
    title: tile.fields.BackTitle ?? '',
    content: tile.fields.BackContent ?? '',
    imageUrl: toTileImageUrl(tile.fields.BackBackgroundImage),
  }
}

/** Returns what a medium Iconic tile shows. */
export function toIconicTileView(tile: TileState, accentColor: string): IconicTileView {
  return {
    title: tile.fields.Title ?? '',
    count: toDisplayedCount(tile.fields.Count),
    backgroundColor: toIconicBackgroundColor(tile.fields.BackgroundColor, accentColor),
    iconUrl: toTileImageUrl(tile.fields.IconImage),
  }
}

/** Picks the wait before a Flip tile's next turn, in milliseconds. */
export function pickFlipDelayMs(random: () => number = Math.random): number {
  return MIN_FLIP_DELAY_MS + Math.round(random() * (MAX_FLIP_DELAY_MS - MIN_FLIP_DELAY_MS))
}
