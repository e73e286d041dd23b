import { AnimatePresence, motion } from 'framer-motion'

import { CYCLE_SLIDE_VARIANTS } from '../motion'
import { useMotionMode } from '../motion-mode'
import styles from './CycleTile.module.css'
import { TileCount, TileImageLayer, TileTitle } from './TileParts'
import { toTileStepCount } from './tile-views'
import type { CycleTileView } from './tile-views'
import { useTileStep } from './use-tile-step'

interface CycleTileProps {
  view: CycleTileView
  timingKey: string
}

/**
 * Draws a Cycle tile: its images take turns under a fixed title and count. When animated, the
 * next image slides up from the bottom and pushes the current one out.
 */
export function CycleTile({ view, timingKey }: CycleTileProps) {
  const { mode } = useMotionMode()
  const step = useTileStep({ stepCount: toTileStepCount(view), timingKey })
  const image = view.images[step]

  return (
    <span className={styles.face}>
      {image !== undefined && mode === 'animated' && (
        <AnimatePresence initial={false}>
          <motion.span
            key={step}
            className={styles.slide}
            variants={CYCLE_SLIDE_VARIANTS}
            initial="enter"
            animate="center"
            exit="exit"
          >
            <TileImageLayer image={image} fit="cover" />
          </motion.span>
        </AnimatePresence>
      )}
      {image !== undefined && mode !== 'animated' && (
        <span key={step} className={styles.slide}>
          <TileImageLayer image={image} fit="cover" />
        </span>
      )}
      <TileCount count={view.count} size={view.size} />
      <TileTitle text={view.title} />
    </span>
  )
}
