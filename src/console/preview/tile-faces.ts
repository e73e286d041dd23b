import type { TileImage } from '@/apps/app-files'
import type { AppDefinition, TileSize } from '@/apps/app-model'
import { toLiveTileView } from '@/device/tiles/tile-views'
import type {
  CycleTileView,
  FlipFaceView,
  FlipTileView,
  IconicTileView,
  LiveTileView,
} from '@/device/tiles/tile-views'
import type { TileState } from '@/mpns/tile-state'

/** Side of a Flip tile. Iconic and Cycle tiles have only a front. */
export type TileSide = 'front' | 'back'

/** One static frame of a tile at one size, as the preview draws it. */
export interface TileFace {
  /** Identity of the frame across tile states: size and side. */
  key: string
  size: TileSize
  side: TileSide
  /** Label of the frame, such as `Medium, back`. */
  caption: string
  /** View to draw, in which every remote image is replaced by a missing one. */
  view: LiveTileView
  /**
   * Position the tile components show in deterministic motion mode: 1 draws a Flip tile's
   * back, 0 its front or a Cycle tile's first image.
   */
  step: number
  /** Remote images the frame would show, drawn as placeholders. */
  remoteImageCount: number
  /** Text that differs between two frames exactly when what they draw differs. */
  signature: string
}

/** Input of listTileFaces. */
export interface TileFacesInput {
  app: AppDefinition
  tile: TileState
  /** Theme accent as `#RRGGBB`, the fill of a tile without an image or BackgroundColor. */
  accentColor: string
}

const PREVIEW_SIZES: readonly TileSize[] = ['small', 'medium', 'wide']

const SIZE_LABELS: Readonly<Record<TileSize, string>> = {
  small: 'Small',
  medium: 'Medium',
  wide: 'Wide',
}

/**
 * Lists every frame of a tile: small, medium and wide, with the back of a Flip tile at each
 * size that has one. Remote images are not loaded: a preview redraws on every keystroke, and
 * a half-typed URL must not reach the network.
 */
export function listTileFaces({ app, tile, accentColor }: TileFacesInput): TileFace[] {
  const faces: TileFace[] = []
  for (const size of PREVIEW_SIZES) {
    const view = toLiveTileView({ app, tile, size, accentColor })
    switch (view.template) {
      case 'flip':
        faces.push(...toFlipFaces(size, view))
        break
      case 'iconic':
        faces.push(toIconicFace(size, view))
        break
      case 'cycle':
        faces.push(toCycleFace(size, view))
        break
    }
  }
  return faces
}

/** Returns the keys of the frames in `after` that differ from the frame of the same key in `before`. */
export function findChangedFaceKeys(
  before: readonly TileFace[],
  after: readonly TileFace[],
): Set<string> {
  const previous = new Map(before.map((face) => [face.key, face.signature]))
  return new Set(
    after.filter((face) => previous.get(face.key) !== face.signature).map((face) => face.key),
  )
}

function toFlipFaces(size: TileSize, view: FlipTileView): TileFace[] {
  // A Legacy tile asked to be wide is drawn at medium, and the caption shows it.
  const drawnAt = view.size === size ? '' : ` (drawn at ${view.size})`
  const hasBack = view.back !== undefined
  const sides: Array<[TileSide, FlipFaceView]> = [['front', view.front]]
  if (view.back !== undefined) {
    sides.push(['back', view.back])
  }

  return sides.map(([side, face]) => {
    const image = stripRemoteImage(face.image)
    const drawnFace = { ...face, image: image.image }
    const drawnView: FlipTileView =
      side === 'front' ? { ...view, front: drawnFace } : { ...view, back: drawnFace }
    const label = size === 'small' && !hasBack ? SIZE_LABELS[size] : `${SIZE_LABELS[size]}, ${side}`
    return {
      key: `${size}-${side}`,
      size,
      side,
      caption: `${label}${drawnAt}`,
      view: drawnView,
      step: side === 'back' ? 1 : 0,
      remoteImageCount: image.remote ? 1 : 0,
      signature: JSON.stringify([view.size, face]),
    }
  })
}

function toIconicFace(size: TileSize, view: IconicTileView): TileFace {
  const icon = stripRemoteImage(view.icon)
  return {
    key: `${size}-front`,
    size,
    side: 'front',
    caption: SIZE_LABELS[size],
    view: { ...view, icon: icon.image },
    step: 0,
    remoteImageCount: icon.remote ? 1 : 0,
    signature: JSON.stringify(view),
  }
}

/**
 * Builds a Cycle tile's frame with its first image. The caption counts the images, since the
 * handset shows each of them in turn.
 */
function toCycleFace(size: TileSize, view: CycleTileView): TileFace {
  const count = view.images.length
  const images = size === 'small' || count === 0 ? '' : `, image 1 of ${count}`
  const empty = size !== 'small' && count === 0 ? ', no images' : ''
  return {
    key: `${size}-front`,
    size,
    side: 'front',
    caption: `${SIZE_LABELS[size]}${images}${empty}`,
    // A Cycle tile takes local images only, so its view contains no remote image.
    view,
    step: 0,
    remoteImageCount: 0,
    signature: JSON.stringify(view),
  }
}

function stripRemoteImage(image: TileImage): { image: TileImage; remote: boolean } {
  if (image.kind !== 'remote') {
    return { image, remote: false }
  }
  return { image: { kind: 'missing', path: image.url }, remote: true }
}
