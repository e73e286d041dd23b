import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { StateStorage } from 'zustand/middleware'

import { createAppsSlice } from './slices/apps-slice'
import type { AppsSlice } from './slices/apps-slice'
import { toForegroundAppId } from './slices/device-model'
import type { AppState, ShownToast } from './slices/device-model'
import { createNavigationSlice } from './slices/navigation-slice'
import type { NavigationSlice } from './slices/navigation-slice'
import { createNotificationsSlice } from './slices/notifications-slice'
import type { NotificationsSlice } from './slices/notifications-slice'
import { mergePersistedDeviceState, toPersistedDeviceState } from './slices/persisted-device-state'
import type { PersistedDeviceState } from './slices/persisted-device-state'
import { reportForegroundApp } from './worker-sync'

/** The handset: navigation, installed apps and their tiles, toast banners, applied deliveries. */
export type DeviceStore = NavigationSlice & AppsSlice & NotificationsSlice

/** localStorage key of the persisted handset state. */
export const DEVICE_STORAGE_KEY = 'wp8-emulator:handset-1'
const DEVICE_STORAGE_VERSION = 1

/**
 * Creates a handset store persisted to `storage` (localStorage by default). Whenever the
 * foreground app changes, the store reports it to the service.
 */
export function createDeviceStore(storage?: StateStorage) {
  const store = create<DeviceStore>()(
    persist<DeviceStore, [], [], PersistedDeviceState>(
      (...args) => ({
        ...createNavigationSlice(...args),
        ...createAppsSlice(...args),
        ...createNotificationsSlice(...args),
      }),
      {
        name: DEVICE_STORAGE_KEY,
        version: DEVICE_STORAGE_VERSION,
        storage: createJSONStorage(() => storage ?? window.localStorage),
        partialize: toPersistedDeviceState,
        merge: mergePersistedDeviceState,
      },
    ),
  )

  store.subscribe((state, previous) => {
    const foregroundAppId = toForegroundAppId(state.screen)
    if (foregroundAppId !== toForegroundAppId(previous.screen)) {
      reportForegroundApp(state.handsetId, foregroundAppId)
    }
  })
  return store
}

export const useDeviceStore = createDeviceStore()

if (typeof window !== 'undefined') {
  // A handset open in two tabs: the tab that owns the push client writes, the others reload
  // the stored state when it changes.
  window.addEventListener('storage', (event) => {
    if (event.key === DEVICE_STORAGE_KEY) {
      void useDeviceStore.persist.rehydrate()
    }
  })
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
