import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { StateStorage } from 'zustand/middleware'

import { findApp } from '@/apps/sample-apps'

import { createAppsSlice } from './slices/apps-slice'
import type { AppsSlice } from './slices/apps-slice'
import { toForegroundAppId } from './slices/device-model'
import type { AppState, ShownToast } from './slices/device-model'
import { createDeviceStateSlice } from './slices/device-state-slice'
import type { DeviceStateSlice } from './slices/device-state-slice'
import { createLockScreenSlice } from './slices/lock-screen-slice'
import type { LockScreenSlice } from './slices/lock-screen-slice'
import { createNavigationSlice } from './slices/navigation-slice'
import type { NavigationSlice } from './slices/navigation-slice'
import { createNotificationsSlice } from './slices/notifications-slice'
import type { NotificationsSlice } from './slices/notifications-slice'
import { mergePersistedDeviceState, toPersistedDeviceState } from './slices/persisted-device-state'
import type { PersistedDeviceState } from './slices/persisted-device-state'
import { createStartLayoutSlice } from './slices/start-layout-slice'
import type { StartLayoutSlice } from './slices/start-layout-slice'
import { createPowerSlice } from './slices/power-slice'
import type { PowerSlice } from './slices/power-slice'

/**
 * The handset: navigation, apps and their tiles, toast banners, applied deliveries, the
 * device state (airplane mode, battery) that its push client reports, the display and lock,
 * and the lock screen's app choices.
 */
export type DeviceStore = NavigationSlice &
  AppsSlice &
  NotificationsSlice &
  DeviceStateSlice &
  StartLayoutSlice &
  PowerSlice &
  LockScreenSlice

/** Returns the localStorage key of a handset's persisted state. */
export function toDeviceStorageKey(handsetId: string): string {
  return `wp8-emulator:${handsetId}`
}
const DEVICE_STORAGE_VERSION = 1

export interface DeviceStoreOptions {
  handsetId: string
  handsetName: string
  /** @default window.localStorage */
  storage?: StateStorage
  /**
   * Gates every write, so a tab that only mirrors the handset never overwrites what the
   * owning tab stored.
   * @default always true
   */
  canWrite?: () => boolean
}

/**
 * Creates a handset's store, persisted under the handset's own key. Its push client, not the
 * store, reports state changes to the service.
 */
export function createDeviceStore(options: DeviceStoreOptions) {
  const { handsetId, handsetName } = options
  const canWrite = options.canWrite ?? (() => true)
  return create<DeviceStore>()(
    persist<DeviceStore, [], [], PersistedDeviceState>(
      (...args) => ({
        ...createNavigationSlice(...args),
        ...createAppsSlice(...args),
        ...createStartLayoutSlice(...args),
        ...createNotificationsSlice(...args),
        ...createDeviceStateSlice(...args),
        ...createPowerSlice(...args),
        ...createLockScreenSlice(...args),
        handsetId,
        handsetName,
      }),
      {
        name: toDeviceStorageKey(handsetId),
        version: DEVICE_STORAGE_VERSION,
        storage: createJSONStorage(() =>
          gateWrites(options.storage ?? window.localStorage, canWrite),
        ),
        partialize: toPersistedDeviceState,
        merge: mergePersistedDeviceState,
      },
    ),
  )
}

/** A handset's store, as `createDeviceStore` returns it. */
export type DeviceStoreApi = ReturnType<typeof createDeviceStore>

function gateWrites(storage: StateStorage, canWrite: () => boolean): StateStorage {
  return {
    getItem: (name) => storage.getItem(name),
    setItem: (name, value) => (canWrite() ? storage.setItem(name, value) : undefined),
    removeItem: (name) => (canWrite() ? storage.removeItem(name) : undefined),
  }
}

/** Returns the app whose page is on screen, or null on Start. */
export function selectForegroundAppId(state: DeviceStore): string | null {
  return toForegroundAppId(state.screen)
}

/** Returns the toast banner on screen, if any. */
export function selectShownToast(state: DeviceStore): ShownToast | undefined {
  return state.toasts[0]
}

/** Returns the foreground app that still waits for the user's answer to its prompt. */
export function selectPromptingAppId(state: DeviceStore): string | null {
  const appId = toForegroundAppId(state.screen)
  if (appId === null || state.apps[appId]?.permission !== 'unasked') {
    return null
  }
  // A raw-only app shows no toasts or tile updates, so it shows no prompt.
  return findApp(appId)?.rawOnly === true ? null : appId
}

/** Returns a selector of one app's state; the state object keeps its identity until it changes. */
export function selectAppState(appId: string): (state: DeviceStore) => AppState | undefined {
  return (state) => state.apps[appId]
}
