import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { StateStorage } from 'zustand/middleware'

import { createAppsSlice } from './slices/apps-slice'
import type { AppsSlice } from './slices/apps-slice'
import { toForegroundAppId } from './slices/device-model'
import type { AppState, ShownToast } from './slices/device-model'
import { createDeviceStateSlice } from './slices/device-state-slice'
import type { DeviceStateSlice } from './slices/device-state-slice'
import { createNavigationSlice } from './slices/navigation-slice'
import type { NavigationSlice } from './slices/navigation-slice'
import { createNotificationsSlice } from './slices/notifications-slice'
import type { NotificationsSlice } from './slices/notifications-slice'
import { mergePersistedDeviceState, toPersistedDeviceState } from './slices/persisted-device-state'
import type { PersistedDeviceState } from './slices/persisted-device-state'

/**
 * The handset: navigation, apps and their tiles, toast banners, applied deliveries, and the
 * device state (airplane mode, battery) that its push client reports.
 */
export type DeviceStore = NavigationSlice & AppsSlice & NotificationsSlice & DeviceStateSlice

/** localStorage key of the persisted handset state. */
export const DEVICE_STORAGE_KEY = 'wp8-emulator:handset-1'
const DEVICE_STORAGE_VERSION = 1

/**
 * Creates a handset store persisted to `storage` (localStorage by default). Its push client,
 * not the store, reports state changes to the service. `canWrite` gates every write, so a tab
 * that only mirrors the handset never overwrites what the owning tab stored.
 */
export function createDeviceStore(
  storage?: StateStorage,
  options: { canWrite?: () => boolean } = {},
) {
  const canWrite = options.canWrite ?? (() => true)
  return create<DeviceStore>()(
    persist<DeviceStore, [], [], PersistedDeviceState>(
      (...args) => ({
        ...createNavigationSlice(...args),
        ...createAppsSlice(...args),
        ...createNotificationsSlice(...args),
        ...createDeviceStateSlice(...args),
      }),
      {
        name: DEVICE_STORAGE_KEY,
        version: DEVICE_STORAGE_VERSION,
        storage: createJSONStorage(() => gateWrites(storage ?? window.localStorage, canWrite)),
        partialize: toPersistedDeviceState,
        merge: mergePersistedDeviceState,
      },
    ),
  )
}

/** Tells whether this tab owns the handset; only the owner writes its stored state. */
let isHandsetOwner = false

export const useDeviceStore = createDeviceStore(undefined, { canWrite: () => isHandsetOwner })

/**
 * Makes this tab the writer of the handset's stored state: it first loads what the previous
 * owner stored, then writes its own state from then on.
 */
export function takeHandsetOwnership(): void {
  isHandsetOwner = true
  void useDeviceStore.persist.rehydrate()
}

if (typeof window !== 'undefined') {
  // A handset open in two tabs: the tab that owns the push client writes, the others reload
  // the stored state when it changes.
  window.addEventListener('storage', (event) => {
    if (event.key === DEVICE_STORAGE_KEY) {
      void useDeviceStore.persist.rehydrate()
    }
  })
}

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
  return appId
}

/** Returns a selector of one app's state; the state object keeps its identity until it changes. */
export function selectAppState(appId: string): (state: DeviceStore) => AppState | undefined {
  return (state) => state.apps[appId]
}
