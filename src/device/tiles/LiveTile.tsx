import { motion } from 'framer-motion'
import type { CSSProperties } from 'react'

import type { AppDefinition, TileSize } from '@/apps/app-model'
import type { TileState } from '@/mpns/tile-state'

import { TILT_PERSPECTIVE_PX } from '../motion'
import { useMotionMode } from '../motion-mode'
import { CycleTile } from './CycleTile'
import { FlipTile } from './FlipTile'
import { IconicTile } from './IconicTile'
import styles from './LiveTile.module.css'
import { toLiveTileView, toTileAccessibleName } from './tile-views'
import { useTilt } from './use-tilt'

export interface LiveTileProps {
  app: AppDefinition
  tile: TileState
  size: TileSize
  /** Theme accent as `#RRGGBB`: the tile colour wherever no image or BackgroundColor applies. */
  accentColor: string
  onOpen: () => void
  /** Accessible name of a secondary tile. Without it the name comes from the app and content. */
  name?: string
}

// CSS modules type every class as possibly undefined, so the size classes are looked up once.
const SIZE_CLASS: Record<TileSize, string | undefined> = {
  small: styles.small,
  medium: styles.medium,
  wide: styles.wide,
}

/**
 * Renders a Start tile of any template at small (99 x 99), medium (210 x 210) or wide
 * (432 x 210) logical px, as a button that opens the app and tilts toward the touch.
 */
export function LiveTile({ app, tile, size, accentColor, onOpen, name }: LiveTileProps) {
  const { mode } = useMotionMode()
  const tilt = useTilt(mode === 'animated')
  const view = toLiveTileView({ app, tile, size, accentColor })
  const timingKey = `${app.id}\n${name ?? ''}`
  const handleClick = () => onOpen()
  // Faces paint --tile-color, so the Start background shows around a face while it turns.
  const surfaceStyle = { '--tile-color': accentColor } as CSSProperties

  return (
    <motion.button
      type="button"
      className={[styles.tile, SIZE_CLASS[view.size]].join(' ')}
      style={{ transformPerspective: TILT_PERSPECTIVE_PX }}
      aria-label={name ?? toTileAccessibleName(app.name, tile)}
      onClick={handleClick}
      animate={tilt.pose}
      transition={tilt.transition}
      onPointerDown={tilt.onPointerDown}
      onPointerMove={tilt.onPointerMove}
      onPointerUp={tilt.onPointerUp}
      onPointerCancel={tilt.onPointerCancel}
      onPointerLeave={tilt.onPointerLeave}
    >
      <span className={styles.surface} style={surfaceStyle}>
        {view.template === 'flip' && <FlipTile app={app} view={view} timingKey={timingKey} />}
        {view.template === 'iconic' && <IconicTile app={app} view={view} />}
        {view.template === 'cycle' && <CycleTile view={view} timingKey={timingKey} />}
      </span>
    </motion.button>
  )
}
