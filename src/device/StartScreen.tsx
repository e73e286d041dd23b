import { useLayoutEffect, useMemo, useRef } from 'react'
import type { CSSProperties, KeyboardEvent, MouseEvent, PointerEvent } from 'react'

import type { AppDefinition, TileSize } from '@/apps/app-model'
import { findApp } from '@/apps/sample-apps'
import { toNavigationTarget } from '@/mpns/param'
import type { TileState } from '@/mpns/tile-state'
import type { DeviceStore } from '@/store/device-store'
import { useHandsetAccentColor, useHandsetStore } from '@/store/handset-context'

import {
  toCustomizationCommand,
  toCustomizationStatus,
  toStartTileName,
  useCustomizationCommands,
} from './start-customization'
import type { CustomizationCommand } from './start-customization'
import { useTileGestures } from './start-gestures'
import type { DragPosition, TileGestureController } from './start-gestures'
import {
  SMALL_TILE_PX,
  START_COLUMNS,
  START_MARGIN_PX,
  TILE_GUTTER_PX,
  placeStartTiles,
  toTileOrigin,
} from './start-layout'
import type { PlacedStartTile } from './start-layout'
import { LiveTile } from './tiles/LiveTile'
import { toTileAccessibleName } from './tiles/tile-views'
import styles from './StartScreen.module.css'

interface StartTileCellProps {
  placed: PlacedStartTile
  isHeld: boolean
  isCustomizing: boolean
  dragPosition: DragPosition | null
  gestures: TileGestureController
  onCommand: (key: string, command: CustomizationCommand) => void
  onFrameChange: (key: string, frame: HTMLElement | null) => void
}

const APP_LIST_ARROW = 'M4 12h15M13 6l6 6-6 6'
const UNPIN_GLYPH = 'M9 3h6l-1 6 3 3v2H7v-2l3-3zM12 14v7M4 4l16 16'
const RESIZE_GLYPH = 'M7 17 17 7M9 7h8v8'

/** Small cells four across, 12 px gutters and 24 px margins, with room below for the arrow. */
const GRID_STYLE: CSSProperties = {
  gridTemplateColumns: `repeat(${START_COLUMNS}, ${SMALL_TILE_PX}px)`,
  gridAutoRows: `${SMALL_TILE_PX}px`,
  gap: `${TILE_GUTTER_PX}px`,
  padding: `${START_MARGIN_PX}px ${START_MARGIN_PX}px 96px`,
}

/**
 * Renders the Start screen: the pinned tiles on the 4-column grid, and the arrow that opens
 * the app list. Pressing and holding a tile, or its ContextMenu key, enters customisation.
 */
export function StartScreen() {
  const startTiles = useHandsetStore((state) => state.startTiles)
  const customizingTileKey = useHandsetStore((state) => state.customizingTileKey)
  const openAppList = useHandsetStore((state) => state.openAppList)
  const leaveCustomization = useHandsetStore((state) => state.leaveCustomization)
  const commands = useCustomizationCommands()
  const gridRef = useRef<HTMLUListElement>(null)
  const appListRef = useRef<HTMLButtonElement>(null)
  const frames = useRef(new Map<string, HTMLElement>())
  const { gestures, dragPosition } = useTileGestures(gridRef)
  const placed = useMemo(() => placeStartTiles(startTiles), [startTiles])

  // Reordering moves a tile's DOM node, which loses focus, so the moved tile gets it back.
  useLayoutEffect(() => {
    const key = commands.takeFocusRequest()
    if (key === undefined) {
      return
    }
    const target =
      key === null ? appListRef.current : frames.current.get(key)?.querySelector('button')
    target?.focus()
  })

  const handleClickCapture = (event: MouseEvent) => {
    if (gestures.takeClickSuppression()) {
      event.stopPropagation()
      event.preventDefault()
    }
  }
  const handleFrameChange = (key: string, frame: HTMLElement | null) => {
    if (frame) {
      frames.current.set(key, frame)
    } else {
      frames.current.delete(key)
    }
  }

  return (
    // Tapping empty space ends customisation. Tiles stop the clicks that land on them.
    <div
      role="region"
      aria-label="Start screen"
      className={styles.start}
      onPointerDownCapture={() => gestures.forgetClickSuppression()}
      onClickCapture={handleClickCapture}
      onClick={leaveCustomization}
    >
      <ul ref={gridRef} aria-label="Tiles" className={styles.grid} style={GRID_STYLE}>
        {placed.map((tile) => (
          <StartTileCell
            key={tile.key}
            placed={tile}
            isHeld={tile.key === customizingTileKey}
            isCustomizing={customizingTileKey !== null}
            dragPosition={dragPosition}
            gestures={gestures}
            onCommand={commands.run}
            onFrameChange={handleFrameChange}
          />
        ))}
      </ul>
      <CustomizationStatus placed={placed} />
      <button
        ref={appListRef}
        type="button"
        className={styles.appListButton}
        aria-label="App list"
        onClick={openAppList}
      >
        <Glyph path={APP_LIST_ARROW} />
      </button>
    </div>
  )
}

/** Renders one pinned tile in its grid cell, with the Unpin and Resize buttons while held. */
function StartTileCell(props: StartTileCellProps) {
  const { placed, isHeld, isCustomizing, dragPosition, gestures, onCommand } = props
  const tile = useHandsetStore((state) => selectTileState(state, placed))
  const launchApp = useHandsetStore((state) => state.launchApp)
  const app = findApp(placed.appId)
  if (!app || !tile) {
    return null
  }

  const { key, navigationUri } = placed
  const name = toStartTileName(app.name, tile, navigationUri)
  const handleOpen = () =>
    launchApp(
      app.id,
      navigationUri === undefined ? undefined : toNavigationTarget(navigationUri, app.defaultPage),
    )
  const handleKeyDown = (event: KeyboardEvent) => {
    const command = toCustomizationCommand(event, { isHeld, isCustomizing })
    if (command !== undefined) {
      event.preventDefault()
      event.stopPropagation()
      onCommand(key, command)
    }
  }
  const handleContextMenu = (event: MouseEvent) => {
    event.preventDefault()
    onCommand(key, 'enter')
  }
  // In customisation a tap on a tile picks that tile up instead of opening its app.
  const handleTileClickCapture = (event: MouseEvent) => {
    if (isCustomizing) {
      event.stopPropagation()
      onCommand(key, 'enter')
    }
  }
  const handleCellClick = (event: MouseEvent) => {
    if (isCustomizing) {
      event.stopPropagation()
    }
  }
  const handlePointerDown = (event: PointerEvent) => gestures.pressTile(key, event.nativeEvent)
  let cellClassName = styles.cell
  if (isHeld) {
    cellClassName += ` ${styles.held}`
  } else if (isCustomizing) {
    cellClassName += ` ${styles.receded}`
  }

  return (
    <li
      className={cellClassName}
      style={toCellStyle(placed, isHeld ? dragPosition : null)}
      onPointerDown={handlePointerDown}
      onKeyDown={handleKeyDown}
      onContextMenu={handleContextMenu}
      onClick={handleCellClick}
    >
      <div
        ref={(frame) => props.onFrameChange(key, frame)}
        className={styles.tileFrame}
        onClickCapture={handleTileClickCapture}
      >
        <StartTileFace
          app={app}
          tile={tile}
          size={placed.size}
          navigationUri={navigationUri}
          onOpen={handleOpen}
        />
      </div>
      {isHeld && (
        <>
          <button
            type="button"
            className={`${styles.cornerButton} ${styles.unpinButton}`}
            aria-label={`Unpin ${name}`}
            onClick={() => onCommand(key, 'unpin')}
          >
            <Glyph path={UNPIN_GLYPH} />
          </button>
          <button
            type="button"
            className={`${styles.cornerButton} ${styles.resizeButton}`}
            aria-label={`Resize ${name}`}
            onClick={() => onCommand(key, 'resize')}
          >
            <Glyph path={RESIZE_GLYPH} />
          </button>
        </>
      )}
    </li>
  )
}

/**
 * Draws a tile's content at the size its cell gives it. Start renders tile content only here.
 */
interface StartTileFaceProps {
  app: AppDefinition
  tile: TileState
  size: TileSize
  /** A secondary tile's navigation URI, which ends its accessible name. */
  navigationUri: string | undefined
  onOpen: () => void
}

function StartTileFace({ app, tile, size, navigationUri, onOpen }: StartTileFaceProps) {
  const accentColor = useHandsetAccentColor()
  const name =
    navigationUri === undefined
      ? undefined
      : `${toTileAccessibleName(app.name, tile)}, ${navigationUri}`
  return (
    <LiveTile
      app={app}
      tile={tile}
      size={size}
      accentColor={accentColor}
      onOpen={onOpen}
      {...(name === undefined ? {} : { name })}
    />
  )
}

/** Announces the held tile, its size and its place. The line is empty outside customisation. */
function CustomizationStatus({ placed }: { placed: readonly PlacedStartTile[] }) {
  const customizingTileKey = useHandsetStore((state) => state.customizingTileKey)
  const apps = useHandsetStore((state) => state.apps)
  const index = placed.findIndex((tile) => tile.key === customizingTileKey)
  const heldTile = placed[index]
  const app = heldTile === undefined ? undefined : findApp(heldTile.appId)
  const tile = heldTile === undefined ? undefined : selectTileState({ apps }, heldTile)
  const text =
    heldTile && app && tile
      ? toCustomizationStatus({
          name: toStartTileName(app.name, tile, heldTile.navigationUri),
          size: heldTile.size,
          position: index + 1,
          count: placed.length,
        })
      : ''

  return (
    <p role="status" aria-label="Customization" className={styles.visuallyHidden}>
      {text}
    </p>
  )
}

function Glyph({ path }: { path: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={path}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}

/** Returns the state of a pinned tile: the app's primary tile, or the secondary tile it names. */
function selectTileState(
  state: Pick<DeviceStore, 'apps'>,
  placed: PlacedStartTile,
): TileState | undefined {
  const app = state.apps[placed.appId]
  return placed.navigationUri === undefined ? app?.tile : app?.secondaryTiles[placed.navigationUri]
}

/** Places a cell on the grid, and shifts the dragged tile to follow the pointer. */
function toCellStyle(placed: PlacedStartTile, drag: DragPosition | null): CSSProperties {
  const style: CSSProperties = {
    gridRow: `${placed.row + 1} / span ${placed.rowSpan}`,
    gridColumn: `${placed.column + 1} / span ${placed.columnSpan}`,
  }
  if (drag?.key === placed.key) {
    const origin = toTileOrigin(placed)
    style.transform = `translate(${drag.x - origin.x}px, ${drag.y - origin.y}px)`
  }
  return style
}
