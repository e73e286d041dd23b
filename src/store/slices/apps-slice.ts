import type { StateCreator } from 'zustand'

import { SAMPLE_APPS } from '@/apps/sample-apps'

import type { DeviceStore } from '../device-store'
import { refreshAppChannel } from './app-channel'
import { createInitialAppStates, withAppChanges, withLogEntry } from './device-model'
import type { AppState } from './device-model'

export interface AppsSlice {
  /** Per-app handset state, keyed by app id. */
  apps: Record<string, AppState>
  /**
   * Stores the user's answer to an app's notification prompt, or a later change in the app's
   * settings, and reopens the channel with the toast binding that the answer allows.
   */
  answerPermission: (appId: string, allowed: boolean) => void
  /** Stores the channel URI that opening the app's channel returned. */
  recordChannel: (appId: string, channelUri: string) => void
  /** Writes a failed channel open to the app's log. */
  recordChannelError: (appId: string, message: string) => void
}

export const createAppsSlice: StateCreator<DeviceStore, [], [], AppsSlice> = (set, get) => ({
  apps: createInitialAppStates(SAMPLE_APPS),

  answerPermission: (appId, allowed) => {
    if (!get().apps[appId]) {
      return
    }
    set((state) => ({
      apps: withAppChanges(state.apps, appId, {
        permission: allowed ? 'allowed' : 'declined',
      }),
    }))
    void refreshAppChannel(get, appId)
  },

  recordChannel: (appId, channelUri) => {
    const app = get().apps[appId]
    if (!app || app.channelUri === channelUri) {
      return
    }
    const entry = {
      kind: 'info' as const,
      text: 'Channel URI updated.',
      time: Date.now(),
    }
    set((state) => ({
      apps: withLogEntry(withAppChanges(state.apps, appId, { channelUri }), appId, entry),
    }))
  },

  recordChannelError: (appId, message) => {
    const entry = { kind: 'info' as const, text: message, time: Date.now() }
    set((state) => ({ apps: withLogEntry(state.apps, appId, entry) }))
  },
})
