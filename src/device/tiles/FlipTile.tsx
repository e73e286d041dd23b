import { AnimatePresence, motion } from 'framer-motion'

import type { AppDefinition } from '@/apps/app-model'

import { AppIcon } from '../AppIcon'
import { TILE_FLIP_VARIANTS } from '../motion'
import { useMotionMode } from '../motion-mode'
import styles from './FlipTile.module.css'
import { TileCount, TileImageLayer, TileTitle } from './TileParts'
import { toTileStepCount } from './tile-views'
import type { FlipFaceView, FlipTileView } from './tile-views'
import { useTileStep } from './use-tile-step'

interface FlipTileProps {
  app: AppDefinition
  view: FlipTileView
  timingKey: string
}

interface FlipFaceProps {
  app: AppDefinition
  face: FlipFaceView
  view: FlipTileView
}

/**
 * Draws a Flip or Legacy tile. Only the face on show is in the DOM: when animated, the leaving
 * face turns to its edge and is removed before the arriving one turns in. The face element's
 * `data-face` (front or back) and `data-flips` attributes let the QA kit read which face shows.
 */
export function FlipTile({ app, view, timingKey }: FlipTileProps) {
  const { mode } = useMotionMode()
  const step = useTileStep({ stepCount: toTileStepCount(view), timingKey })
  const faceName = step === 1 && view.back !== undefined ? 'back' : 'front'
  const face = faceName === 'back' && view.back !== undefined ? view.back : view.front
  const content = <FlipFace app={app} face={face} view={view} />
  const faceAttributes = { 'data-face': faceName, 'data-flips': view.back !== undefined }

  if (mode !== 'animated') {
    return (
      <span className={styles.stage}>
        <span key={faceName} className={styles.face} {...faceAttributes}>
          {content}
        </span>
      </span>
    )
  }

  return (
    <span className={styles.stage}>
      <AnimatePresence initial={false} mode="wait">
        <motion.span
          key={faceName}
          className={styles.face}
          {...faceAttributes}
          variants={TILE_FLIP_VARIANTS}
          initial="enter"
          animate="center"
          exit="exit"
        >
          {content}
        </motion.span>
      </AnimatePresence>
    </span>
  )
}

function FlipFace({ app, face, view }: FlipFaceProps) {
  const glyphClass = view.size === 'small' ? styles.smallGlyph : styles.glyph

  return (
    <>
      <TileImageLayer image={face.image} fit="fill" />
      {face.showGlyph && <AppIcon icon={app.icon} className={glyphClass} />}
      <TileCount count={face.count} size={view.size} />
      {face.contentLines.length > 0 && (
        <span className={styles.backContent}>
          {face.contentLines.map((line, index) => (
            <span key={index} className={styles.backLine}>
              {line}
            </span>
          ))}
        </span>
      )}
      <TileTitle text={face.title} />
    </>
  )
}
