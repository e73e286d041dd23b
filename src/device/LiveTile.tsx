import { AnimatePresence, motion } from 'framer-motion'

import type { AppDefinition } from '@/apps/app-model'
import type { TileState } from '@/mpns/tile-state'

import { AppIcon } from './AppIcon'
import styles from './LiveTile.module.css'
import { TILE_FLIP_VARIANTS } from './motion'
import { ACCENT_COLOR } from './theme'
import {
  hasFlipBack,
  toFlipBackView,
  toFlipFrontView,
  toIconicTileView,
  toTileAccessibleName,
} from './tile-model'
import { useFlipCycle } from './use-flip-cycle'

interface LiveTileProps {
  app: AppDefinition
  tile: TileState
  onOpen: (appId: string) => void
}

interface TileContentProps {
  app: AppDefinition
  tile: TileState
}

/** Renders a medium Start tile: a Flip tile that turns when it has a back, or an Iconic tile. */
export function LiveTile({ app, tile, onOpen }: LiveTileProps) {
  const handleClick = () => onOpen(app.id)

  return (
    <button
      type="button"
      className={styles.tile}
      aria-label={toTileAccessibleName(app.name, tile)}
      onClick={handleClick}
    >
      {tile.template === 'IconicTile' ? (
        <IconicTileContent app={app} tile={tile} />
      ) : (
        <FlipTileContent app={app} tile={tile} />
      )}
    </button>
  )
}

function FlipTileContent({ app, tile }: TileContentProps) {
  const face = useFlipCycle(hasFlipBack(tile))

  // Only the face on show is in the DOM: the leaving face turns to its edge and is removed
  // before the arriving one turns in.
  return (
    <span className={styles.flipStage}>
      <AnimatePresence initial={false} mode="wait">
        <motion.span
          key={face}
          className={styles.face}
          variants={TILE_FLIP_VARIANTS}
          initial="enter"
          animate="center"
          exit="exit"
        >
          {face === 'front' ? <FlipFront app={app} tile={tile} /> : <FlipBack tile={tile} />}
        </motion.span>
      </AnimatePresence>
    </span>
  )
}

function FlipFront({ app, tile }: TileContentProps) {
  const view = toFlipFrontView(tile)
  // Without a BackgroundImage field the manifest's tile image shows; the emulated apps draw
  // their icon glyph in its place. A field naming a package file shows the tile colour alone.
  const showGlyph = tile.fields.BackgroundImage === undefined

  return (
    <>
      {view.imageUrl && <img className={styles.image} src={view.imageUrl} alt="" />}
      {showGlyph && <AppIcon icon={app.icon} className={styles.flipGlyph} />}
      {view.count !== undefined && <span className={styles.flipCount}>{view.count}</span>}
      <span className={styles.title}>{view.title}</span>
    </>
  )
}

function FlipBack({ tile }: { tile: TileState }) {
  const view = toFlipBackView(tile)

  return (
    <>
      {view.imageUrl && <img className={styles.image} src={view.imageUrl} alt="" />}
      <span className={styles.backContent}>{view.content}</span>
      <span className={styles.title}>{view.title}</span>
    </>
  )
}

function IconicTileContent({ app, tile }: TileContentProps) {
  const view = toIconicTileView(tile, ACCENT_COLOR)
  // An IconImage field naming a package file has nothing to draw, so the glyph is drawn.
  const icon = view.iconUrl ? (
    <img className={styles.iconicImage} src={view.iconUrl} alt="" />
  ) : (
    <AppIcon icon={app.icon} className={styles.iconicGlyph} />
  )

  return (
    <span className={styles.face} style={{ backgroundColor: view.backgroundColor }}>
      <span className={styles.iconicRow}>
        {icon}
        {view.count !== undefined && <span className={styles.iconicCount}>{view.count}</span>}
      </span>
      <span className={styles.title}>{view.title}</span>
    </span>
  )
}
