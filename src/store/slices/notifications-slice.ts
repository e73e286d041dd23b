import type { StateCreator, StoreApi } from 'zustand'

import { findApp } from '@/apps/sample-apps'
import { logError, logWarn } from '@/lib/log'
import { toNavigationTarget } from '@/mpns/param'
import type { QueuedNotification } from '@/mpns/types'

import { deliveryJournal } from '../delivery-journal'
import type { DeviceStore } from '../device-store'
import { handsetRegistry, selectHandsetProfile } from '../handset-registry'
import { checkRemoteTileImages, fetchImageProxyPath } from '../tile-images'
import type { ImageProxyFetcher, RemoteImageCheck } from '../tile-images'
import { findAppsOverRate, toRateTooHighEntry } from './channel-errors'
import { MAX_APPLIED_DELIVERY_IDS, appendAllCapped, withLogEntry } from './device-model'
import type { ShownToast } from './device-model'
import { applyCheckedTileUpdate, applyNotificationToHandset } from './notification-model'
import type {
  DeferredTileUpdate,
  NotificationOutcome,
  NotificationTarget,
} from './notification-model'
import { DEFAULT_OS_VERSION, selectScreenPower } from './toast-rules'
import type { HandsetConditions } from './toast-rules'

export interface NotificationsSlice {
  /** Toast banners in arrival order. The first one is on screen. */
  toasts: ShownToast[]
  /** Delivery ids already applied, the newest last. */
  appliedDeliveryIds: string[]
  /**
   * Applies delivered notifications in order, and records their delivery ids, in one state
   * change. Delivery ids applied before are skipped. Returns the delivery ids the push client
   * may acknowledge: every one except those that failed to apply.
   */
  applyNotifications: (notifications: readonly QueuedNotification[]) => string[]
  /** Applies one delivered notification, as `applyNotifications` does. */
  applyNotification: (notification: QueuedNotification) => void
  /** Merges a tile update whose remote images were checked, or logs why it was dropped. */
  applyCheckedTileUpdate: (deferred: DeferredTileUpdate, check: RemoteImageCheck) => void
  /**
   * Fetch used for the image proxy's paths, which tests replace through `setState`.
   * @default fetchImageProxyPath
   */
  fetchFromImageProxy: ImageProxyFetcher
  /** Removes a toast banner without opening its app. */
  dismissToast: (id: string) => void
  /** Removes a toast banner and opens its app at the page its Param names. */
  tapToast: (id: string) => void
}

/** The last tile image check queued per app in each store, so that tile updates merge in order. */
const imageChecksByStore = new WeakMap<StoreApi<DeviceStore>, Map<string, Promise<void>>>()

export const createNotificationsSlice: StateCreator<DeviceStore, [], [], NotificationsSlice> = (
  set,
  get,
  api,
) => ({
  toasts: [],
  appliedDeliveryIds: [],
  fetchFromImageProxy: fetchImageProxyPath,

  applyNotifications: (notifications) => {
    const state = get()
    const seen = new Set(state.appliedDeliveryIds)
    const appliedNow: string[] = []
    const acknowledgeable = new Set<string>()
    const deferredTileUpdates: DeferredTileUpdate[] = []
    const outcomes: Array<{ deliveryId: string; outcome: NotificationOutcome }> = []
    const now = Date.now()
    let target: NotificationTarget = {
      screen: state.screen,
      apps: state.apps,
      toasts: state.toasts,
      conditions: readHandsetConditions(state),
    }

    for (const notification of notifications) {
      const { deliveryId } = notification
      if (seen.has(deliveryId)) {
        acknowledgeable.add(deliveryId)
        continue
      }
      if (notification.handsetId !== state.handsetId) {
        logWarn(
          '[app]',
          `Ignored delivery ${deliveryId}: it is addressed to "${notification.handsetId}", not "${state.handsetId}".`,
        )
        acknowledgeable.add(deliveryId)
        continue
      }

      try {
        const { deferredTileUpdate, outcome, ...changes } = applyNotificationToHandset(
          target,
          notification,
          now,
        )
        target = { ...target, ...changes }
        outcomes.push({ deliveryId, outcome })
        if (deferredTileUpdate) {
          deferredTileUpdates.push(deferredTileUpdate)
        }
      } catch (error) {
        // Left unacknowledged, the notification is offered again on the next pull.
        logError('[push]', `Failed to apply delivery ${deliveryId}`, error, {
          token: notification.token,
          messageId: notification.messageId,
        })
        continue
      }
      seen.add(deliveryId)
      appliedNow.push(deliveryId)
      acknowledgeable.add(deliveryId)
    }

    if (appliedNow.length > 0) {
      const appliedIds = new Set(appliedNow)
      const applied = notifications.filter((notification) =>
        appliedIds.has(notification.deliveryId),
      )
      let apps = target.apps
      for (const appId of findAppsOverRate(applied)) {
        if (apps[appId]?.installed === true) {
          apps = withLogEntry(apps, appId, toRateTooHighEntry(now))
        }
      }
      set({
        apps,
        toasts: target.toasts,
        appliedDeliveryIds: appendAllCapped(
          state.appliedDeliveryIds,
          appliedNow,
          MAX_APPLIED_DELIVERY_IDS,
        ),
      })
    }
    deliveryJournal.getState().recordOutcomes(outcomes)
    // Queued after the state change, so the phone acknowledges before the images download.
    for (const deferred of deferredTileUpdates) {
      queueTileImageCheck(api, deferred)
    }
    return [...acknowledgeable]
  },

  applyNotification: (notification) => {
    get().applyNotifications([notification])
  },

  applyCheckedTileUpdate: (deferred, check) => {
    const { apps } = get()
    const next = applyCheckedTileUpdate(apps, deferred, check, Date.now())
    if (next !== apps) {
      set({ apps: next })
    }
  },

  dismissToast: (id) => {
    if (!get().toasts.some((toast) => toast.id === id)) {
      return
    }
    set((state) => ({
      toasts: state.toasts.filter((toast) => toast.id !== id),
    }))
  },

  tapToast: (id) => {
    const toast = get().toasts.find((candidate) => candidate.id === id)
    if (!toast) {
      return
    }
    get().dismissToast(id)

    const app = findApp(toast.appId)
    if (!app) {
      return
    }
    get().launchApp(app.id, toNavigationTarget(toast.param, app.defaultPage))
  },
})

/** Checks a deferred tile update's remote images after the app's earlier checks have finished. */
function queueTileImageCheck(api: StoreApi<DeviceStore>, deferred: DeferredTileUpdate): void {
  const checks = imageChecksByStore.get(api) ?? new Map<string, Promise<void>>()
  imageChecksByStore.set(api, checks)

  const previous = checks.get(deferred.appId) ?? Promise.resolve()
  const next = previous.then(() => checkTileImages(api, deferred))
  checks.set(deferred.appId, next)
  void next.then(() => {
    if (checks.get(deferred.appId) === next) {
      checks.delete(deferred.appId)
    }
  })
}

async function checkTileImages(
  api: StoreApi<DeviceStore>,
  deferred: DeferredTileUpdate,
): Promise<void> {
  try {
    const urls = deferred.remoteImages.map((image) => image.uri)
    const check = await checkRemoteTileImages(urls, api.getState().fetchFromImageProxy)
    api.getState().applyCheckedTileUpdate(deferred, check)
  } catch (error) {
    logError('[store]', `Failed to check the tile images of delivery ${deferred.deliveryId}`, error)
  }
}

/** Reads the handset's OS version from its profile, and its power and screen from the store. */
function readHandsetConditions(state: DeviceStore): HandsetConditions {
  const profile = selectHandsetProfile(state.handsetId)(handsetRegistry.getState())
  return {
    ...selectScreenPower(state),
    osVersion: profile?.osVersion ?? DEFAULT_OS_VERSION,
    battery: state.battery,
  }
}
