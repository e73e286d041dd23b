import { findApp } from '@/apps/sample-apps'
import { toDisplayedCount } from '@/mpns/tile-state'
import type { TileState } from '@/mpns/tile-state'
import type { AppIdentity, HandsetView, TileView } from '@/scenario/outcome-check'

import type { DeviceStore } from './device-store'
import type { Screen } from './slices/device-model'
import {
  canShowDetailedStatus,
  canShowQuickStatus,
  toTileStatusLines,
} from './slices/lock-screen-slice'

/**
 * Reads what a handset shows from its state, for the scenario player's outcome checks: the
 * toast banner, the app page, Start's tiles and the lock screen's status.
 */
export function toHandsetView(state: DeviceStore): HandsetView {
  const displayOn = state.display === 'on'
  const toast = displayOn ? state.toasts[0] : undefined
  const { screen } = state

  return {
    name: state.handsetName,
    displayOn,
    locked: state.locked,
    toast:
      toast === undefined
        ? undefined
        : { app: toAppIdentity(toast.appId), text1: toast.text1, text2: toast.text2 },
    page:
      screen.kind === 'app'
        ? { app: toAppIdentity(screen.appId), path: screen.page, query: screen.query }
        : undefined,
    screenName: describeScreen(screen),
    tiles: state.startTiles.flatMap((tile) => {
      const appState = state.apps[tile.appId]
      const tileState =
        tile.navigationUri === undefined
          ? appState?.tile
          : appState?.secondaryTiles[tile.navigationUri]
      return tileState === undefined
        ? []
        : [toTileView(tile.appId, tile.navigationUri, tile.size, tileState)]
    }),
    quickStatus: state.quickStatusAppIds.flatMap((appId) => {
      const app = appId === null ? undefined : findApp(appId)
      const tile = appId === null ? undefined : readInstalledTile(state, appId)
      if (app === undefined || tile === undefined || !canShowQuickStatus(app)) {
        return []
      }
      return [{ app: toAppIdentity(app.id), count: toDisplayedCount(tile.fields.Count) ?? 0 }]
    }),
    detailedStatus: toDetailedStatus(state),
  }
}

function toTileView(
  appId: string,
  navigationUri: string | undefined,
  size: TileView['size'],
  tile: TileState,
): TileView {
  return {
    app: toAppIdentity(appId),
    navigationUri,
    size,
    template: tile.template,
    count: toDisplayedCount(tile.fields.Count) ?? 0,
    fields: tile.fields,
  }
}

function toDetailedStatus(state: DeviceStore): HandsetView['detailedStatus'] {
  const appId = state.detailedStatusAppId
  const app = appId === null ? undefined : findApp(appId)
  const tile = appId === null ? undefined : readInstalledTile(state, appId)
  if (app === undefined || tile === undefined || !canShowDetailedStatus(app)) {
    return undefined
  }
  return { app: toAppIdentity(app.id), lines: toTileStatusLines(tile) }
}

function readInstalledTile(state: DeviceStore, appId: string): TileState | undefined {
  const appState = state.apps[appId]
  return appState?.installed === true ? appState.tile : undefined
}

function toAppIdentity(appId: string): AppIdentity {
  return { id: appId, name: findApp(appId)?.name ?? appId }
}

function describeScreen(screen: Screen): string {
  switch (screen.kind) {
    case 'start':
      return 'Start'
    case 'app-list':
      return 'the app list'
    case 'settings':
      return 'Settings'
    case 'app-settings':
      return `the notification settings of ${toAppIdentity(screen.appId).name}`
    case 'app':
      return toAppIdentity(screen.appId).name
  }
}
