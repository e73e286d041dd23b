import { logInfo } from '@/lib/log'

import { createDeviceStore, toDeviceStorageKey } from './device-store'
import type { DeviceStoreApi } from './device-store'
import { handsetRegistry } from './handset-registry'
import type { HandsetRegistry } from './handset-registry'
import { startPushClient } from './push-client'
import { closeUninstalledAppChannel } from './slices/app-channel'
import { toDeviceStatePayload } from './slices/device-state-slice'
import type { HandsetProfile } from './slices/handset-profile'

/** One handset at run time: its store, and whether this tab owns it. */
interface RunningHandset {
  store: DeviceStoreApi
  owner: boolean
  stopPushClient: (() => void) | undefined
}

const running = new Map<string, RunningHandset>()
const storageListeners = new Set<string>()
const ownershipListeners = new Set<() => void>()

/**
 * Returns the store of a handset in the registry, creating it on first use. Stores are created
 * before the service worker is ready, so the page can draw every handset at once.
 */
export function getHandsetStore(handsetId: string): DeviceStoreApi {
  return ensureHandset(handsetId).store
}

/** Lists the handsets whose push client runs in this tab as the owner. */
export function listOwnedHandsetIds(): string[] {
  return [...running].filter(([, handset]) => handset.owner).map(([handsetId]) => handsetId)
}

/**
 * Resolves once this tab owns every listed handset, so their stores write to storage and no
 * later ownership reloads stored state over changes made from then on.
 */
export function waitForOwnership(handsetIds: readonly string[]): Promise<void> {
  const isOwned = () => handsetIds.every((handsetId) => running.get(handsetId)?.owner === true)
  if (isOwned()) {
    return Promise.resolve()
  }
  return new Promise((resolve) => {
    const unsubscribe = subscribeToOwnership(() => {
      if (isOwned()) {
        unsubscribe()
        resolve()
      }
    })
  })
}

/** Subscribes to changes of the handsets this tab owns; returns the unsubscribe function. */
export function subscribeToOwnership(listener: () => void): () => void {
  ownershipListeners.add(listener)
  return () => ownershipListeners.delete(listener)
}

/**
 * Starts a push client for every handset in the registry, and starts or stops them as handsets
 * are added and removed. Call once the service worker controls the page.
 */
export function startHandsetRuntime(registry = handsetRegistry): void {
  syncRunningHandsets(registry.getState())
  registry.subscribe((state) => syncRunningHandsets(state))
}

/**
 * Removes a handset from the page: its apps' channels close as they would on uninstall, its
 * stored state is deleted, and its push client stops. The last handset stays.
 */
export function removeHandset(handsetId: string, registry = handsetRegistry): void {
  if (registry.getState().handsets.length <= 1) {
    return
  }
  const handset = running.get(handsetId)
  if (handset) {
    for (const [appId, app] of Object.entries(handset.store.getState().apps)) {
      if (app.channelUri !== undefined) {
        void closeUninstalledAppChannel(handsetId, appId)
      }
    }
  }
  registry.getState().removeHandset(handsetId)
  window.localStorage.removeItem(toDeviceStorageKey(handsetId))
}

function syncRunningHandsets(state: HandsetRegistry): void {
  const listedIds = new Set(state.handsets.map((handset) => handset.id))
  for (const [handsetId, handset] of running) {
    if (!listedIds.has(handsetId)) {
      handset.stopPushClient?.()
      running.delete(handsetId)
      logInfo('[store]', `${handsetId}: removed from the page`)
      notifyOwnershipListeners()
    }
  }
  for (const profile of state.handsets) {
    startHandset(profile)
    running.get(profile.id)?.store.getState().renameHandset(profile.name)
  }
}

function startHandset(profile: HandsetProfile): void {
  const handset = ensureHandset(profile.id)
  if (handset.stopPushClient) {
    return
  }
  const { store } = handset
  handset.stopPushClient = startPushClient({
    handsetId: profile.id,
    readDeviceState: () => toDeviceStatePayload(store.getState()),
    subscribeToDeviceState: (listener) => store.subscribe(listener),
    applyNotifications: (notifications) => store.getState().applyNotifications(notifications),
    updateChannelUris: (channels) => store.getState().updateChannelUris(channels),
    onOwnershipGained: () => {
      // The owner loads what the previous owner stored, then writes its own state from then on.
      handset.owner = true
      void store.persist.rehydrate()
      notifyOwnershipListeners()
    },
  })
}

function notifyOwnershipListeners(): void {
  for (const listener of ownershipListeners) {
    listener()
  }
}

function ensureHandset(handsetId: string): RunningHandset {
  const existing = running.get(handsetId)
  if (existing) {
    return existing
  }
  const profile = handsetRegistry.getState().handsets.find((handset) => handset.id === handsetId)
  const handset: RunningHandset = {
    owner: false,
    stopPushClient: undefined,
    store: createDeviceStore({
      handsetId,
      handsetName: profile?.name ?? handsetId,
      canWrite: () => handset.owner,
    }),
  }
  running.set(handsetId, handset)
  listenForMirrorUpdates(handsetId)
  return handset
}

/**
 * Reloads a handset's stored state when another tab writes it: the owning tab writes, and
 * every other tab that shows the handset mirrors it.
 */
function listenForMirrorUpdates(handsetId: string): void {
  if (typeof window === 'undefined' || storageListeners.has(handsetId)) {
    return
  }
  storageListeners.add(handsetId)
  const key = toDeviceStorageKey(handsetId)
  window.addEventListener('storage', (event) => {
    const handset = running.get(handsetId)
    if (event.key === key && handset) {
      void handset.store.persist.rehydrate()
    }
  })
}
