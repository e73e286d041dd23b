import { memo } from 'react'
import type { CSSProperties } from 'react'

import type { AppDefinition } from '@/apps/app-model'
import { MotionModeProvider } from '@/device/motion-mode'
import { CycleTile } from '@/device/tiles/CycleTile'
import { FlipTile } from '@/device/tiles/FlipTile'
import { IconicTile } from '@/device/tiles/IconicTile'
import tileStyles from '@/device/tiles/LiveTile.module.css'

import styles from './PayloadPreview.module.css'
import type { TileFace } from './tile-faces'

interface PreviewTileFaceProps {
  app: AppDefinition
  face: TileFace
  accentColor: string
  /** Whether the update changes what this frame draws, which outlines it. */
  changed: boolean
}

// CSS modules type every class as possibly undefined, so the size classes are looked up once.
const SIZE_CLASS: Record<TileFace['size'], string | undefined> = {
  small: tileStyles.small,
  medium: tileStyles.medium,
  wide: tileStyles.wide,
}

const FRAME_SIZE_CLASS: Record<TileFace['size'], string | undefined> = {
  small: styles.smallFrame,
  medium: styles.mediumFrame,
  wide: styles.wideFrame,
}

/**
 * Draws one frame of a tile with the handset's tile components, still: deterministic motion
 * mode picks the side or image and runs no timers or animation.
 */
export const PreviewTileFace = memo(function PreviewTileFace({
  app,
  face,
  accentColor,
  changed,
}: PreviewTileFaceProps) {
  const { view } = face
  const surfaceStyle = { '--tile-color': accentColor } as CSSProperties
  const timingKey = `${app.id}\n${face.key}`
  const figureClass = [styles.figure, changed ? styles.changedFigure : undefined].join(' ')

  return (
    <figure className={figureClass} data-changed={changed}>
      <span className={[styles.frame, FRAME_SIZE_CLASS[view.size]].join(' ')}>
        <span className={[tileStyles.tile, SIZE_CLASS[view.size], styles.tile].join(' ')}>
          <span className={tileStyles.surface} style={surfaceStyle}>
            <MotionModeProvider mode="deterministic" tick={face.step}>
              {view.template === 'flip' && <FlipTile app={app} view={view} timingKey={timingKey} />}
              {view.template === 'iconic' && <IconicTile app={app} view={view} />}
              {view.template === 'cycle' && <CycleTile view={view} timingKey={timingKey} />}
            </MotionModeProvider>
          </span>
        </span>
        {face.remoteImageCount > 0 && (
          <span className={styles.remotePlaceholder}>Remote image (not loaded)</span>
        )}
      </span>
      <figcaption className={styles.caption}>{face.caption}</figcaption>
      {changed && <span className={styles.changedMark}>Changed</span>}
    </figure>
  )
})
