import { useEffect, useState } from 'react'

import { toTileImageSource } from '@/apps/app-files'
import type { TileImage } from '@/apps/app-files'
import type { AppDefinition } from '@/apps/app-model'

import { AppIcon } from '../AppIcon'
import styles from './IconicTile.module.css'
import { TileTitle } from './TileParts'
import { MAX_ICON_IMAGE_PX, MAX_SMALL_ICON_IMAGE_PX, toCssUrl, toIconBoxSize } from './tile-layout'
import type { BoxSize } from './tile-layout'
import type { IconicTileView } from './tile-views'

interface IconicTileProps {
  app: AppDefinition
  view: IconicTileView
}

interface IconicIconProps {
  app: AppDefinition
  image: TileImage
  maxSide: number
}

interface MeasuredImage {
  source: string
  size: BoxSize
}

/** Draws an Iconic tile: a white icon and count on the tile colour, and no animation. */
export function IconicTile({ app, view }: IconicTileProps) {
  const smallIcon = view.size === 'small' || view.layout === 'content'
  const maxSide = smallIcon ? MAX_SMALL_ICON_IMAGE_PX : MAX_ICON_IMAGE_PX
  const iconGroup = (
    <>
      <IconicIcon app={app} image={view.icon} maxSide={maxSide} />
      {view.count !== undefined && <span className={styles.count}>{view.count}</span>}
    </>
  )

  return (
    <span className={styles.face} style={{ backgroundColor: view.backgroundColor }}>
      {view.layout === 'content' ? (
        <>
          <span className={styles.contentRows}>
            {view.contentRows.map((row, index) => (
              <span key={index} className={index === 0 ? styles.firstRow : styles.row}>
                {row}
              </span>
            ))}
          </span>
          <span className={styles.cornerGroup}>{iconGroup}</span>
        </>
      ) : (
        <span className={view.size === 'small' ? styles.smallIconGroup : styles.iconGroup}>
          {iconGroup}
        </span>
      )}
      <TileTitle text={view.title} />
    </span>
  )
}

/**
 * Draws an icon image as a mask filled white, so every pixel that is not transparent shows
 * white, or the app glyph when the image field names nothing drawable.
 */
function IconicIcon({ app, image, maxSide }: IconicIconProps) {
  const source = toTileImageSource(image)
  const natural = useNaturalSize(source)
  if (source === undefined) {
    return <AppIcon icon={app.icon} className={styles.glyph} />
  }

  const box = toIconBoxSize(natural, maxSide)
  const mask = toCssUrl(source)
  return (
    <span
      className={styles.maskIcon}
      style={{ width: box.width, height: box.height, maskImage: mask, WebkitMaskImage: mask }}
    />
  )
}

function useNaturalSize(source: string | undefined): BoxSize | undefined {
  const [measured, setMeasured] = useState<MeasuredImage | undefined>(undefined)

  useEffect(() => {
    if (source === undefined) {
      return
    }
    const image = new Image()
    image.onload = () => {
      setMeasured({ source, size: { width: image.naturalWidth, height: image.naturalHeight } })
    }
    image.src = source
    return () => {
      image.onload = null
    }
  }, [source])

  return measured !== undefined && measured.source === source ? measured.size : undefined
}
