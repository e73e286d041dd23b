import { useState } from 'react'

import type { TileSize } from '@/apps/app-model'
import type { TileState } from '@/mpns/tile-state'
import type { DeviceStoreApi } from '@/store/device-store'
import { useHandsetStoreApi } from '@/store/handset-context'

/** A customisation command that a key press on a Start tile maps to. */
export type CustomizationCommand = 'enter' | 'earlier' | 'later' | 'unpin' | 'resize' | 'leave'

/** The key fields of a keyboard event that pick a command. */
interface KeyPress {
  key: string
  shiftKey: boolean
  ctrlKey: boolean
  altKey: boolean
  metaKey: boolean
}

export interface CustomizationCommands {
  run: (key: string, command: CustomizationCommand) => void
  takeFocusRequest: () => string | null | undefined
}

/**
 * Maps a key press on a Start tile to a customisation command. The ContextMenu key or
 * Shift+F10 picks up the focused tile. While it is held, the arrow keys move it, Delete unpins
 * it and R resizes it. Escape ends customisation from any tile.
 */
export function toCustomizationCommand(
  press: KeyPress,
  state: { isHeld: boolean; isCustomizing: boolean },
): CustomizationCommand | undefined {
  const isMenuKey = press.key === 'ContextMenu' || (press.key === 'F10' && press.shiftKey)
  if (press.ctrlKey || press.altKey || press.metaKey) {
    return undefined
  }
  if (!state.isHeld) {
    if (isMenuKey) {
      return 'enter'
    }
    return state.isCustomizing && press.key === 'Escape' ? 'leave' : undefined
  }

  switch (press.key) {
    case 'ArrowLeft':
    case 'ArrowUp':
      return 'earlier'
    case 'ArrowRight':
    case 'ArrowDown':
      return 'later'
    case 'Delete':
      return 'unpin'
    case 'r':
    case 'R':
      return 'resize'
    case 'Escape':
      return 'leave'
    default:
      return undefined
  }
}

/**
 * Names a tile for its Unpin and Resize buttons: the app name, then the title when it differs,
 * without the count, so the name stays the same while the count changes. A secondary tile's name ends
 * with its navigation URI, which keeps it apart from the primary tile with the same title.
 */
export function toStartTileName(appName: string, tile: TileState, navigationUri?: string): string {
  const title = tile.fields.Title?.trim() ?? ''
  const name = title === '' || title === appName ? appName : `${appName}, ${title}`
  return navigationUri === undefined ? name : `${name}, ${navigationUri}`
}

/** Describes the held tile for the status line that screen readers announce. */
export function toCustomizationStatus(options: {
  name: string
  size: TileSize
  position: number
  count: number
}): string {
  const { name, size, position, count } = options
  return `Customizing ${name}: ${size} tile, ${position} of ${count}. Arrow keys move it, R resizes it, Delete unpins it, Escape finishes.`
}

/**
 * Returns the runner of customisation commands for this handset. After a command that moves
 * or removes the focused tile, `takeFocusRequest` names the tile to focus: a key, null for the
 * App list button, or undefined when focus can stay.
 */
export function useCustomizationCommands(): CustomizationCommands {
  const store = useHandsetStoreApi()
  const [commands] = useState(() => createCustomizationCommands(store))
  return commands
}

function createCustomizationCommands(store: DeviceStoreApi): CustomizationCommands {
  let focusRequest: string | null | undefined

  const run = (key: string, command: CustomizationCommand) => {
    const state = store.getState()
    const { startTiles } = state
    const index = startTiles.findIndex((tile) => tile.key === key)
    if (index === -1) {
      return
    }
    switch (command) {
      case 'enter':
        return state.enterCustomization(key)
      case 'leave':
        return state.leaveCustomization()
      case 'resize':
        return state.resizeTile(key)
      case 'earlier':
      case 'later': {
        const toIndex = command === 'earlier' ? index - 1 : index + 1
        if (toIndex >= 0 && toIndex < startTiles.length) {
          focusRequest = key
          state.moveTile(key, toIndex)
        }
        return
      }
      case 'unpin':
        focusRequest = (startTiles[index + 1] ?? startTiles[index - 1])?.key ?? null
        return state.unpinTile(key)
    }
  }

  const takeFocusRequest = () => {
    const request = focusRequest
    focusRequest = undefined
    return request
  }

  return { run, takeFocusRequest }
}
