import type { StateCreator } from 'zustand'

import type { AppDefinition } from '@/apps/app-model'
import { SAMPLE_APPS, appCatalogue, findApp } from '@/apps/sample-apps'
import type { ChannelRecord } from '@/mpns/types'

import type { DeviceStore } from '../device-store'
import { closeAppChannel, closeUninstalledAppChannel, refreshAppChannel } from './app-channel'
import {
  createInitialAppState,
  createInitialAppStates,
  withAppChanges,
  withLogEntry,
  withoutChannelUri,
} from './device-model'
import type { AppLogEntry, AppState, PermissionAnswer } from './device-model'
import { withoutAppScreens } from './navigation-slice'
import { withoutAppStartTiles } from './start-layout-slice'
import { createPrimaryStartTile, pinStartTile } from './start-tiles'

export interface AppsSlice {
  /** Per-app handset state, keyed by app id; uninstalled apps keep an entry. */
  apps: Record<string, AppState>
  /**
   * Stores the user's answer to an app's notification prompt, or a later change in the app's
   * settings, and reopens the channel with the toast binding that the answer allows.
   */
  answerPermission: (appId: string, allowed: boolean) => void
  /**
   * Turns the app's Live Tile updates switch on or off and, once the user has answered the
   * app's prompt, reopens the channel bound to the tile or unbound from it.
   */
  changeTileUpdates: (appId: string, enabled: boolean) => void
  /**
   * Sets the notification permission and the Live Tile updates switch that a scenario gives an
   * installed app before its first launch. Unlike answerPermission, it opens no channel.
   */
  presetApp: (
    appId: string,
    settings: { permission: PermissionAnswer; tileUpdatesEnabled: boolean },
  ) => void
  /**
   * Opens the app's push channel, or finds the one it has, as the app does on launch. Resolves
   * once the channel URI is stored, or the failure is written to the app's log.
   */
  openAppChannel: (appId: string) => Promise<void>
  /**
   * Calls `Open()` on a new `HttpNotificationChannel` without `Find` first. While a channel is
   * open the phone throws, so the app logs the exception. Otherwise a channel opens.
   */
  openChannelWithoutFind: (appId: string) => void
  /** Closes the app's channel, as the app calling `HttpNotificationChannel.Close()`. */
  closeChannel: (appId: string) => void
  /** Removes the app from Start, resets its state and closes its channel. */
  uninstallApp: (appId: string) => void
  /** Installs an app from the app list (a sample app again, or a custom app) and pins it. */
  installApp: (appId: string) => void
  /**
   * Adds a custom app to the page's catalogue, or updates the custom app with its id, installs
   * it on this handset and pins its tile. Returns the app's id, which differs from the given one
   * when a sample app has that id.
   */
  installCustomApp: (app: AppDefinition) => string
  /**
   * Stores the channel URI that opening the app's channel returned. A new URI raises the
   * app's ChannelUriUpdated event, which the app logs.
   */
  recordChannel: (appId: string, channelUri: string) => void
  /** Picks up renewed channel URIs from the service's channel list. */
  updateChannelUris: (channels: readonly ChannelRecord[]) => void
  /** Writes a failed channel operation to the app's log. */
  recordChannelError: (appId: string, message: string) => void
  /** Writes the phone's quota exception to the app's log; the app is left without a channel URI. */
  recordChannelQuotaExceeded: (appId: string, message: string) => void
  /** Forgets the channel URI of a channel the app closed. */
  recordChannelClosed: (appId: string) => void
}

/** Name of the phone's error when a handset has no room for another push channel. */
const QUOTA_EXCEEDED_ERROR = 'PushNotificationChannelQuotaExceeded'

export const createAppsSlice: StateCreator<DeviceStore, [], [], AppsSlice> = (set, get) => ({
  apps: createInitialAppStates(SAMPLE_APPS),

  answerPermission: (appId, allowed) => {
    if (!get().apps[appId]?.installed) {
      return
    }
    set((state) => ({
      apps: withAppChanges(state.apps, appId, {
        permission: allowed ? 'allowed' : 'declined',
      }),
    }))
    void refreshAppChannel(get, appId)
  },

  changeTileUpdates: (appId, enabled) => {
    const appState = get().apps[appId]
    if (!appState?.installed || appState.tileUpdatesEnabled === enabled) {
      return
    }
    set((state) => ({
      apps: withAppChanges(state.apps, appId, { tileUpdatesEnabled: enabled }),
    }))
    if (appState.permission !== 'unasked') {
      void refreshAppChannel(get, appId)
    }
  },

  presetApp: (appId, settings) => {
    if (!get().apps[appId]?.installed) {
      return
    }
    set((state) => ({
      apps: withAppChanges(state.apps, appId, {
        permission: settings.permission,
        tileUpdatesEnabled: settings.tileUpdatesEnabled,
      }),
    }))
  },

  openAppChannel: (appId) => refreshAppChannel(get, appId),

  openChannelWithoutFind: (appId) => {
    const app = findApp(appId)
    const appState = get().apps[appId]
    if (!app || !appState?.installed) {
      return
    }
    if (appState.channelUri === undefined) {
      void refreshAppChannel(get, appId)
      return
    }
    // NOTE: the exception's type is unverified: a 2010 developer blog names
    // NotificationChannelOpenException, a WP8 book InvalidOperationException.
    const text = `InvalidOperationException: a channel named "${app.channelName}" is already open for this app. Call HttpNotificationChannel.Find("${app.channelName}") and use the channel it returns.`
    set((state) => ({
      apps: withLogEntry(state.apps, appId, { kind: 'error', text, time: Date.now() }),
    }))
  },

  closeChannel: (appId) => {
    if (get().apps[appId]?.channelUri === undefined) {
      return
    }
    void closeAppChannel(get, appId)
  },

  uninstallApp: (appId) => {
    const app = findApp(appId)
    if (!app || !get().apps[appId]?.installed) {
      return
    }
    set((state) => ({
      ...withoutAppScreens(state, appId),
      ...withoutAppStartTiles(state, appId),
      apps: { ...state.apps, [appId]: { ...createInitialAppState(app), installed: false } },
      toasts: state.toasts.filter((toast) => toast.appId !== appId),
    }))
    void closeUninstalledAppChannel(get().handsetId, appId)
  },

  installApp: (appId) => {
    const app = findApp(appId)
    if (!app || get().apps[appId]?.installed === true) {
      return
    }
    // NOTE: WP8 leaves a newly installed app in the app list only. The emulator pins it, as
    // the sample apps are pinned on the handset's first start.
    set((state) => ({
      apps: { ...state.apps, [appId]: createInitialAppState(app) },
      startTiles: pinStartTile(state.startTiles, createPrimaryStartTile(appId)),
    }))
  },

  installCustomApp: (app) => {
    const stored = appCatalogue.getState().addCustomApp(app)
    // An installed app with the same id is updated in place: it keeps its channel, log and
    // tile, unless the new version declares another tile template.
    const current = get().apps[stored.id]
    const updated: AppState =
      current?.installed === true
        ? {
            ...current,
            tile: current.tile.template === stored.tileTemplate ? current.tile : stored.initialTile,
          }
        : createInitialAppState(stored)
    set((state) => ({
      apps: { ...state.apps, [stored.id]: updated },
      startTiles: pinStartTile(state.startTiles, createPrimaryStartTile(stored.id)),
    }))
    return stored.id
  },

  recordChannel: (appId, channelUri) => {
    const app = get().apps[appId]
    if (!app?.installed || app.channelUri === channelUri) {
      return
    }
    const entry = logEntry(`ChannelUriUpdated: ${channelUri}`)
    set((state) => ({
      apps: withLogEntry(withAppChanges(state.apps, appId, { channelUri }), appId, entry),
    }))
  },

  updateChannelUris: (channels) => {
    const { apps, handsetId } = get()
    for (const channel of channels) {
      const app = apps[channel.appId]
      // Only a renewal changes the URI of a channel the app holds. An app without a channel
      // URI gets its next one by opening a channel itself.
      const isRenewal =
        channel.handsetId === handsetId &&
        channel.closedAt === undefined &&
        app?.channelUri !== undefined &&
        app.channelUri !== channel.channelUri
      if (isRenewal) {
        get().recordChannel(channel.appId, channel.channelUri)
      }
    }
  },

  recordChannelError: (appId, message) => {
    if (!get().apps[appId]?.installed) {
      return
    }
    set((state) => ({ apps: withLogEntry(state.apps, appId, logEntry(message)) }))
  },

  recordChannelQuotaExceeded: (appId, message) => {
    if (!get().apps[appId]?.installed) {
      return
    }
    const text = message.startsWith(QUOTA_EXCEEDED_ERROR)
      ? `InvalidOperationException: ${message}`
      : `InvalidOperationException: ${QUOTA_EXCEEDED_ERROR}: ${message}`
    set((state) => ({
      apps: withLogEntry(withoutChannelUri(state.apps, appId), appId, logEntry(text)),
    }))
  },

  recordChannelClosed: (appId) => {
    const text =
      'Channel closed: its channel URI now answers 404 Not Found. Relaunch the app to open a new channel.'
    if (!get().apps[appId]?.installed) {
      return
    }
    set((state) => ({
      apps: withLogEntry(withoutChannelUri(state.apps, appId), appId, logEntry(text)),
    }))
  },
})

function logEntry(text: string): AppLogEntry {
  return { kind: 'info', text, time: Date.now() }
}
