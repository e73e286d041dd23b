import { useEffect, useState } from 'react'
import type { RefObject } from 'react'

import type { DeviceStoreApi } from '@/store/device-store'
import { useHandsetStoreApi } from '@/store/handset-context'

import {
  START_MARGIN_PX,
  findDropIndex,
  placeStartTiles,
  toStartCell,
  toTileOrigin,
} from './start-layout'
import type { StartPoint } from './start-layout'

/** Position of the dragged tile's top left corner, in logical pixels from the first grid cell. */
export interface DragPosition extends StartPoint {
  key: string
}

interface TileGesture {
  pointerId: number
  key: string
  phase: 'pressing' | 'dragging'
  startX: number
  startY: number
  /** Pointer position inside the tile, in logical pixels from its top left corner. */
  grab: StartPoint
  moved: boolean
}

/** Time a pointer must rest on a tile before customisation starts, in milliseconds (an estimate). */
export const HOLD_DURATION_MS = 600
/** Pointer travel, in CSS pixels, that turns a press into a scroll or a drag. */
const MOVE_TOLERANCE_PX = 10

/**
 * Follows pointer presses on Start tiles. Holding a tile for HOLD_DURATION_MS enters
 * customisation with it, and dragging the held tile moves it through the Start order.
 */
export class TileGestureController {
  private gesture: TileGesture | null = null
  private holdTimer: ReturnType<typeof setTimeout> | undefined
  private suppressClick = false

  constructor(
    private readonly options: {
      store: DeviceStoreApi
      grid: RefObject<HTMLElement | null>
      onDragChange: (position: DragPosition | null) => void
    },
  ) {}

  /**
   * Starts a press on a tile. Outside customisation a hold timer starts. In customisation the
   * pressed tile is held at once and follows the pointer.
   */
  pressTile(key: string, event: PointerEvent): void {
    this.cancel()
    const point = this.toGridPoint(event)
    const tile = placeStartTiles(this.state().startTiles).find((placed) => placed.key === key)
    const isCustomizing = this.state().customizingTileKey !== null
    if (event.button !== 0 || !event.isPrimary || !point || !tile) {
      return
    }

    const origin = toTileOrigin(tile)
    this.gesture = {
      pointerId: event.pointerId,
      key,
      phase: isCustomizing ? 'dragging' : 'pressing',
      startX: event.clientX,
      startY: event.clientY,
      grab: { x: point.x - origin.x, y: point.y - origin.y },
      moved: false,
    }
    if (isCustomizing) {
      this.state().enterCustomization(key)
    } else {
      this.holdTimer = setTimeout(() => this.completeHold(key), HOLD_DURATION_MS)
    }
  }

  movePointer(event: PointerEvent): void {
    const gesture = this.gesture
    if (gesture?.pointerId !== event.pointerId) {
      return
    }
    const travel = Math.hypot(event.clientX - gesture.startX, event.clientY - gesture.startY)
    if (gesture.phase === 'pressing') {
      if (travel > MOVE_TOLERANCE_PX) {
        this.cancel()
      }
      return
    }
    if (!gesture.moved && travel <= MOVE_TOLERANCE_PX) {
      return
    }

    gesture.moved = true
    this.suppressClick = true
    this.dragTo(gesture, event)
  }

  endPointer(event: PointerEvent): void {
    if (this.gesture?.pointerId === event.pointerId) {
      this.cancel()
    }
  }

  /** Clears a pending click suppression, because a new press starts and the old click never came. */
  forgetClickSuppression(): void {
    this.suppressClick = false
  }

  /** Returns whether the click that ends a hold or a drag must be dropped, and clears the flag. */
  takeClickSuppression(): boolean {
    const suppress = this.suppressClick
    this.suppressClick = false
    return suppress
  }

  /** Ends the current press or drag without a move. */
  cancel(): void {
    clearTimeout(this.holdTimer)
    this.holdTimer = undefined
    if (this.gesture?.phase === 'dragging') {
      this.options.onDragChange(null)
    }
    this.gesture = null
  }

  private completeHold(key: string): void {
    this.holdTimer = undefined
    this.state().enterCustomization(key)
    if (this.gesture?.key === key && this.state().customizingTileKey === key) {
      this.gesture.phase = 'dragging'
      // The release that follows the hold must not open the app.
      this.suppressClick = true
    }
  }

  private dragTo(gesture: TileGesture, event: PointerEvent): void {
    const point = this.toGridPoint(event)
    if (!point) {
      return
    }
    this.options.onDragChange({
      key: gesture.key,
      x: point.x - gesture.grab.x,
      y: point.y - gesture.grab.y,
    })

    const placed = placeStartTiles(this.state().startTiles)
    const index = findDropIndex(placed, gesture.key, toStartCell(point))
    const currentIndex = placed.findIndex((tile) => tile.key === gesture.key)
    if (index >= 0 && index !== currentIndex) {
      this.state().moveTile(gesture.key, index)
    }
  }

  /** Converts a pointer position to logical pixels from the first grid cell. */
  private toGridPoint(event: PointerEvent): StartPoint | undefined {
    const grid = this.options.grid.current
    if (!grid || grid.offsetWidth === 0) {
      return undefined
    }
    // The handset draws its screen scaled, so CSS pixels on the page are not logical pixels.
    const rect = grid.getBoundingClientRect()
    const scale = rect.width / grid.offsetWidth
    return {
      x: (event.clientX - rect.left) / scale - START_MARGIN_PX,
      y: (event.clientY - rect.top) / scale - START_MARGIN_PX,
    }
  }

  private state() {
    return this.options.store.getState()
  }
}

/**
 * Creates the Start screen's gesture controller and listens for pointer moves and releases on
 * the whole window, so a drag continues when the pointer leaves the tile.
 */
export function useTileGestures(grid: RefObject<HTMLElement | null>): {
  gestures: TileGestureController
  dragPosition: DragPosition | null
} {
  const store = useHandsetStoreApi()
  const [dragPosition, setDragPosition] = useState<DragPosition | null>(null)
  const [gestures] = useState(
    () => new TileGestureController({ store, grid, onDragChange: setDragPosition }),
  )

  useEffect(() => {
    const handleMove = (event: PointerEvent) => gestures.movePointer(event)
    const handleEnd = (event: PointerEvent) => gestures.endPointer(event)
    window.addEventListener('pointermove', handleMove)
    window.addEventListener('pointerup', handleEnd)
    window.addEventListener('pointercancel', handleEnd)
    return () => {
      window.removeEventListener('pointermove', handleMove)
      window.removeEventListener('pointerup', handleEnd)
      window.removeEventListener('pointercancel', handleEnd)
      gestures.cancel()
    }
  }, [gestures])

  return { gestures, dragPosition }
}
