import type { StateCreator } from 'zustand'

import { SAMPLE_APPS, findApp } from '@/apps/sample-apps'
import { logWarn } from '@/lib/log'

import type { DeviceStore } from '../device-store'
import { START_SCREEN, withAppChanges, withLogEntry } from './device-model'
import type { AppState } from './device-model'
import {
  createPrimaryStartTile,
  createSecondaryStartTile,
  moveStartTile,
  nextTileSize,
  pinStartTile,
  resizeStartTile,
  supportsWideTile,
  unpinAppTiles,
  unpinStartTile,
} from './start-tiles'
import type { StartTile } from './start-tiles'

export interface StartLayoutSlice {
  /** Tiles pinned to Start, in Start order. */
  startTiles: readonly StartTile[]
  /** Key of the tile held in customisation mode, or null outside it. */
  customizingTileKey: string | null
  /**
   * Pins an installed app's primary tile at the end of Start, medium size, and shows Start.
   * The tile shows the state the app's tile updates left while it was unpinned.
   */
  pinToStart: (appId: string) => void
  /**
   * Pins the secondary tile the app offers for `navigationUri`, as the app's
   * `ShellTile.Create` does: the tile starts medium with the offer's content, the app goes to
   * the background and Start shows the new tile.
   */
  pinSecondaryTile: (appId: string, navigationUri: string) => void
  /**
   * Removes a tile from Start and ends customisation. A primary tile keeps its state, because
   * the app's primary tile exists while unpinned. A secondary tile's state is deleted.
   */
  unpinTile: (key: string) => void
  /** Gives a tile the next size of the cycle medium → small → wide → medium. */
  resizeTile: (key: string) => void
  /** Moves a tile to `toIndex` in the Start order, and the tiles after it reflow. */
  moveTile: (key: string, toIndex: number) => void
  /**
   * Replaces Start with these tiles, in this order and at these sizes, as a scenario file lays
   * it out. Tiles of apps that are not installed, secondary tiles the app does not offer and
   * duplicates are skipped. Secondary tiles start with their offer's content.
   */
  arrangeStart: (tiles: readonly StartTile[]) => void
  /** Enters customisation mode with this tile held. In customisation it selects this tile instead. */
  enterCustomization: (key: string) => void
  leaveCustomization: () => void
}

export const createStartLayoutSlice: StateCreator<DeviceStore, [], [], StartLayoutSlice> = (
  set,
  get,
) => ({
  // The sample apps start pinned, so a fresh handset shows their tiles.
  startTiles: SAMPLE_APPS.map((app) => createPrimaryStartTile(app.id)),
  customizingTileKey: null,

  pinToStart: (appId) => {
    if (!isInstalled(get().apps[appId], appId, 'pin')) {
      return
    }
    // NOTE: that WP8 shows Start right after "pin to start" in the app list is unverified.
    set((state) => ({
      startTiles: pinStartTile(state.startTiles, createPrimaryStartTile(appId)),
      ...toStartScreen(state),
    }))
  },

  pinSecondaryTile: (appId, navigationUri) => {
    const appState = get().apps[appId]
    const offer = findApp(appId)?.secondaryTiles.find(
      (candidate) => candidate.navigationUri === navigationUri,
    )
    if (!isInstalled(appState, appId, 'pin a secondary tile of')) {
      return
    }
    if (!offer) {
      logWarn(
        '[app]',
        `Failed to pin a secondary tile of "${appId}": the app offers no tile with navigation URI "${navigationUri}".`,
      )
      return
    }
    if (appState.secondaryTiles[navigationUri] !== undefined) {
      // ShellTile.Create throws InvalidOperationException for a navigation URI that already has a tile.
      const text = `InvalidOperationException: a secondary tile with navigation URI "${navigationUri}" is already pinned.`
      set((state) => ({
        apps: withLogEntry(state.apps, appId, { kind: 'info', text, time: Date.now() }),
      }))
      return
    }

    set((state) => ({
      apps: withSecondaryTile(state.apps, appId, navigationUri, offer.initialTile),
      startTiles: pinStartTile(state.startTiles, createSecondaryStartTile(appId, navigationUri)),
      ...toStartScreen(state),
    }))
  },

  unpinTile: (key) => {
    const tile = get().startTiles.find((candidate) => candidate.key === key)
    if (!tile) {
      return
    }
    const { navigationUri } = tile
    set((state) => ({
      startTiles: unpinStartTile(state.startTiles, key),
      customizingTileKey: null,
      ...(navigationUri === undefined
        ? {}
        : { apps: withSecondaryTile(state.apps, tile.appId, navigationUri, undefined) }),
    }))
  },

  resizeTile: (key) => {
    const tile = get().startTiles.find((candidate) => candidate.key === key)
    const app = tile === undefined ? undefined : findApp(tile.appId)
    if (!tile || !app) {
      return
    }
    const size = nextTileSize(tile.size, supportsWideTile(app, tile))
    set((state) => ({ startTiles: resizeStartTile(state.startTiles, key, size) }))
  },

  moveTile: (key, toIndex) => {
    const startTiles = moveStartTile(get().startTiles, key, toIndex)
    if (startTiles !== get().startTiles) {
      set({ startTiles })
    }
  },

  arrangeStart: (tiles) => {
    const { apps } = get()
    const arranged: StartTile[] = []
    let nextApps = apps
    for (const tile of tiles) {
      const app = findApp(tile.appId)
      const isDuplicate = arranged.some((candidate) => candidate.key === tile.key)
      if (!app || apps[tile.appId]?.installed !== true || isDuplicate) {
        continue
      }
      if (tile.navigationUri !== undefined) {
        const offer = app.secondaryTiles.find(
          (candidate) => candidate.navigationUri === tile.navigationUri,
        )
        if (!offer) {
          continue
        }
        const current = nextApps[tile.appId]?.secondaryTiles[tile.navigationUri]
        nextApps = withSecondaryTile(
          nextApps,
          tile.appId,
          tile.navigationUri,
          current ?? offer.initialTile,
        )
      }
      arranged.push(tile)
    }
    // A secondary tile exists only while pinned, so the ones left off Start are deleted.
    for (const [appId, appState] of Object.entries(nextApps)) {
      for (const navigationUri of Object.keys(appState.secondaryTiles)) {
        if (
          !arranged.some((tile) => tile.appId === appId && tile.navigationUri === navigationUri)
        ) {
          nextApps = withSecondaryTile(nextApps, appId, navigationUri, undefined)
        }
      }
    }
    set({ startTiles: arranged, apps: nextApps, customizingTileKey: null })
  },

  enterCustomization: (key) => {
    const { screen, startTiles, customizingTileKey } = get()
    const isPinned = startTiles.some((tile) => tile.key === key)
    if (screen.kind !== 'start' || !isPinned || customizingTileKey === key) {
      return
    }
    set({ customizingTileKey: key })
  },

  leaveCustomization: () => {
    if (get().customizingTileKey !== null) {
      set({ customizingTileKey: null })
    }
  },
})

/** Computes the Start layout after an app is uninstalled: none of its tiles stays pinned. */
export function withoutAppStartTiles(
  state: Pick<StartLayoutSlice, 'startTiles' | 'customizingTileKey'>,
  appId: string,
): Pick<StartLayoutSlice, 'startTiles' | 'customizingTileKey'> {
  const startTiles = unpinAppTiles(state.startTiles, appId)
  const isHeldTileGone = !startTiles.some((tile) => tile.key === state.customizingTileKey)
  return { startTiles, customizingTileKey: isHeldTileGone ? null : state.customizingTileKey }
}

function isInstalled(
  appState: AppState | undefined,
  appId: string,
  action: string,
): appState is AppState {
  if (appState?.installed === true && findApp(appId) !== undefined) {
    return true
  }
  logWarn('[app]', `Failed to ${action} "${appId}": no such app is installed on this handset.`)
  return false
}

/** Returns a copy of `apps` with the secondary tile at `navigationUri` set, or deleted for undefined. */
function withSecondaryTile(
  apps: Record<string, AppState>,
  appId: string,
  navigationUri: string,
  tile: AppState['secondaryTiles'][string] | undefined,
): Record<string, AppState> {
  const app = apps[appId]
  if (!app) {
    return apps
  }
  const secondaryTiles = { ...app.secondaryTiles }
  if (tile === undefined) {
    delete secondaryTiles[navigationUri]
  } else {
    secondaryTiles[navigationUri] = tile
  }
  return withAppChanges(apps, appId, { secondaryTiles })
}

/** Computes the navigation to Start, which clears the back stack as the Start key does. */
function toStartScreen(state: DeviceStore): Partial<DeviceStore> {
  if (state.screen.kind === 'start' && state.backStack.length === 0) {
    return {}
  }
  return {
    screen: START_SCREEN,
    backStack: [],
    navigationDirection: 'forward',
    navigationCount: state.navigationCount + 1,
  }
}
