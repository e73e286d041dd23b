import { toTileImageSource } from '@/apps/app-files'
import type { TileImage } from '@/apps/app-files'
import type { TileSize } from '@/apps/app-model'

import styles from './TileParts.module.css'

interface TileImageLayerProps {
  image: TileImage
  /** `fill` stretches the image to the tile, `cover` crops its centre. */
  fit: 'fill' | 'cover'
}

interface TileTextProps {
  text: string | undefined
}

interface TileCountProps {
  count: number | undefined
  size: TileSize
}

/** Draws a tile background image over the whole tile, or nothing when there is none. */
export function TileImageLayer({ image, fit }: TileImageLayerProps) {
  const source = toTileImageSource(image)
  if (source === undefined) {
    return null
  }

  const className = fit === 'cover' ? styles.coverImage : styles.fillImage
  return <img className={className} src={source} alt="" draggable={false} />
}

/** Draws a tile title on one line at the bottom-left, clipped at the tile's edge. */
export function TileTitle({ text }: TileTextProps) {
  if (text === undefined || text === '') {
    return null
  }
  return <span className={styles.title}>{text}</span>
}

/** Draws the count badge at the upper right of a Flip or Cycle tile. */
export function TileCount({ count, size }: TileCountProps) {
  if (count === undefined) {
    return null
  }
  const className = size === 'small' ? styles.smallCount : styles.count
  return <span className={className}>{count}</span>
}
