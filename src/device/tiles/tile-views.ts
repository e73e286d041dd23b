import { resolveLocalTileImage, resolveTileImage } from '@/apps/app-files'
import type { TileImage } from '@/apps/app-files'
import type { AppDefinition, TileSize } from '@/apps/app-model'
import { parseTileColor, toDisplayedCount } from '@/mpns/tile-state'
import type { TileState } from '@/mpns/tile-state'
import type { TileFieldName } from '@/mpns/types'
import { CYCLE_IMAGE_FIELDS } from '@/mpns/tile-fields'

/** Input of the tile view builders. */
export interface TileViewInput {
  app: AppDefinition
  tile: TileState
  size: TileSize
  /** Theme accent as `#RRGGBB`, the fill of an Iconic tile without an opaque BackgroundColor. */
  accentColor: string
}

/** One side of a Flip tile, or of a Legacy tile, which draws the same way. */
export interface FlipFaceView {
  image: TileImage
  /** Text at the bottom-left, or undefined on the small tile, which has no title. */
  title: string | undefined
  /** Badge number, which is always undefined on the back. */
  count: number | undefined
  /** Back content as drawn lines, at most three. Empty on the front. */
  contentLines: readonly string[]
  /** Whether the app glyph replaces the manifest image, because the image field is unset. */
  showGlyph: boolean
}

/** Content of a Flip or Legacy tile at one size. */
export interface FlipTileView {
  template: 'flip'
  /** Size drawn, which is medium for a Legacy tile asked to be wide. */
  size: TileSize
  front: FlipFaceView
  /** Undefined when this size has no back content, so the tile does not flip. */
  back: FlipFaceView | undefined
}

/** Content of an Iconic tile at one size. */
export interface IconicTileView {
  template: 'iconic'
  size: TileSize
  /**
   * `icon`: the icon with the count beside it. `content`: the wide tile's WideContent rows, with
   * the small icon and the count at the lower right.
   */
  layout: 'icon' | 'content'
  /** Fill as `#RRGGBB`. */
  backgroundColor: string
  /** Icon drawn as a white mask. The app glyph is drawn when this is not a file or remote image. */
  icon: TileImage
  title: string | undefined
  count: number | undefined
  /** WideContent1 to WideContent3, with an empty string for an unset row. Empty in the icon layout. */
  contentRows: readonly string[]
}

/** Content of a Cycle tile at one size. */
export interface CycleTileView {
  template: 'cycle'
  size: TileSize
  /** Set CycleImage fields in order (SmallBackgroundImage alone on the small tile). */
  images: readonly TileImage[]
  title: string | undefined
  count: number | undefined
  /** Whether the images take turns: only medium and wide tiles with two or more images do. */
  cycles: boolean
}

export type LiveTileView = FlipTileView | IconicTileView | CycleTileView

interface FlipFields {
  image: TileFieldName
  backImage: TileFieldName
  backContent: TileFieldName
}

// Flip tile fields by size. Title and BackTitle serve medium and wide alike.
const FLIP_FIELDS: Record<Exclude<TileSize, 'small'>, FlipFields> = {
  medium: {
    image: 'BackgroundImage',
    backImage: 'BackBackgroundImage',
    backContent: 'BackContent',
  },
  wide: {
    image: 'WideBackgroundImage',
    backImage: 'WideBackBackgroundImage',
    backContent: 'WideBackContent',
  },
}

const WIDE_CONTENT_FIELDS: readonly TileFieldName[] = [
  'WideContent1',
  'WideContent2',
  'WideContent3',
]

/** Lines of back content a tile draws. The sender breaks the lines, because the tile never wraps. */
export const MAX_BACK_CONTENT_LINES = 3

const LINE_BREAK = /\r\n|\r|\n/

/** Builds the view of a tile for its template and size. */
export function toLiveTileView(input: TileViewInput): LiveTileView {
  switch (input.tile.template) {
    case 'IconicTile':
      return toIconicTileView(input)
    case 'CycleTile':
      return toCycleTileView(input)
    case 'FlipTile':
    case 'Legacy':
      return toFlipTileView(input)
  }
}

/**
 * Builds a Flip or Legacy tile view. The small tile shows SmallBackgroundImage and the count,
 * medium and wide show their own image fields, the title and the count, and flip when that
 * size has back content.
 */
export function toFlipTileView({ app, tile, size }: TileViewInput): FlipTileView {
  // NOTE: a Legacy tile has no wide size on WP8, so a wide request draws it at medium.
  const drawnSize = tile.template === 'Legacy' && size === 'wide' ? 'medium' : size
  const count = toDisplayedCount(tile.fields.Count)
  if (drawnSize === 'small') {
    // NOTE: StandardTileData has no SmallBackgroundImage, so a small Legacy tile shows its
    // BackgroundImage scaled down.
    const field = tile.template === 'Legacy' ? 'BackgroundImage' : 'SmallBackgroundImage'
    const front = toFlipFace({ app, tile, imageField: field, title: undefined, count })
    return { template: 'flip', size: drawnSize, front, back: undefined }
  }

  const fields = FLIP_FIELDS[drawnSize]
  const title = tile.fields.Title ?? ''
  const front = toFlipFace({ app, tile, imageField: fields.image, title, count })
  if (!hasFlipBack(tile, drawnSize)) {
    return { template: 'flip', size: drawnSize, front, back: undefined }
  }

  const back: FlipFaceView = {
    image: resolveTileImage(app, tile.fields[fields.backImage]),
    title: tile.fields.BackTitle ?? '',
    count: undefined,
    contentLines: splitBackContent(tile.fields[fields.backContent]),
    showGlyph: false,
  }
  return { template: 'flip', size: drawnSize, front, back }
}

/**
 * Builds an Iconic tile view. The small tile shows SmallIconImage and the count, and medium
 * shows IconImage, the count and the title. Wide shows the WideContent rows with the small
 * icon, or the medium layout when every row is blank.
 */
export function toIconicTileView({ app, tile, size, accentColor }: TileViewInput): IconicTileView {
  const contentRows = WIDE_CONTENT_FIELDS.map((field) => tile.fields[field] ?? '')
  const hasContent = size === 'wide' && contentRows.some((row) => row.trim() !== '')
  const iconField = size === 'small' || hasContent ? 'SmallIconImage' : 'IconImage'

  return {
    template: 'iconic',
    size,
    layout: hasContent ? 'content' : 'icon',
    backgroundColor: toIconicBackgroundColor(tile.fields.BackgroundColor, accentColor),
    icon: resolveTileImage(app, tile.fields[iconField]),
    title: size === 'small' ? undefined : (tile.fields.Title ?? ''),
    count: toDisplayedCount(tile.fields.Count),
    contentRows: hasContent ? contentRows : [],
  }
}

/**
 * Builds a Cycle tile view: a static SmallBackgroundImage on the small tile, and the set
 * CycleImage fields, the title and the count on medium and wide. Every image must be local,
 * so a remote one resolves as missing.
 */
export function toCycleTileView({ app, tile, size }: TileViewInput): CycleTileView {
  const fields = size === 'small' ? ['SmallBackgroundImage' as const] : CYCLE_IMAGE_FIELDS
  const images = fields
    .map((field) => resolveLocalTileImage(app, tile.fields[field]))
    .filter((image) => image.kind !== 'none')

  return {
    template: 'cycle',
    size,
    images,
    title: size === 'small' ? undefined : (tile.fields.Title ?? ''),
    count: toDisplayedCount(tile.fields.Count),
    cycles: size !== 'small' && images.length > 1,
  }
}

/**
 * Returns how many positions a tile moves through: 2 for a Flip tile with a back, the image
 * count for a cycling Cycle tile, and 1 for a tile that stays still.
 */
export function toTileStepCount(view: LiveTileView): number {
  switch (view.template) {
    case 'flip':
      return view.back === undefined ? 1 : 2
    case 'cycle':
      return view.cycles ? view.images.length : 1
    case 'iconic':
      return 1
  }
}

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
 * Returns the Iconic tile fill: `BackgroundColor` (`#AARRGGBB` or `#RRGGBB`) when it is fully
 * opaque, otherwise the accent colour.
 */
export function toIconicBackgroundColor(argb: string | undefined, accentColor: string): string {
  // NOTE: that a colour with alpha below FF falls back to the accent is widely reported for
  // WP8 but not documented.
  const color = argb === undefined ? undefined : parseTileColor(argb)
  return color?.alpha === 0xff ? color.rgb : accentColor
}

/**
 * Returns whether a Flip tile has a back at this size, which makes it flip: BackTitle,
 * BackContent or BackBackgroundImage on medium, and BackTitle, WideBackContent or
 * WideBackBackgroundImage on wide. A small tile never flips.
 */
export function hasFlipBack(tile: TileState, size: TileSize = 'medium'): boolean {
  if (size === 'small') {
    return false
  }
  const fields = FLIP_FIELDS[size]
  return [
    tile.fields.BackTitle,
    tile.fields[fields.backContent],
    tile.fields[fields.backImage],
  ].some((value) => value !== undefined && value.trim() !== '')
}

/** Splits back content on the sender's line breaks and keeps the first three lines. */
export function splitBackContent(content: string | undefined): string[] {
  if (content === undefined || content === '') {
    return []
  }
  return content.split(LINE_BREAK).slice(0, MAX_BACK_CONTENT_LINES)
}

interface FlipFaceOptions {
  app: AppDefinition
  tile: TileState
  imageField: TileFieldName
  title: string | undefined
  count: number | undefined
}

function toFlipFace({ app, tile, imageField, title, count }: FlipFaceOptions): FlipFaceView {
  const uri = tile.fields[imageField]
  return {
    image: resolveTileImage(app, uri),
    title,
    count,
    contentLines: [],
    // Without the field the manifest's tile image stays, and the emulated apps draw their
    // glyph in its place. A set field that resolves to nothing shows the tile colour alone.
    showGlyph: uri === undefined,
  }
}
