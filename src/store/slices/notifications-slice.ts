import type { StateCreator } from 'zustand'

import { findApp } from '@/apps/sample-apps'
import { logError, logWarn } from '@/lib/log'
import { toNavigationTarget } from '@/mpns/param'
import type { QueuedNotification } from '@/mpns/types'

import type { DeviceStore } from '../device-store'
import { handsetRegistry, selectHandsetProfile } from '../handset-registry'
import { MAX_APPLIED_DELIVERY_IDS, appendAllCapped } from './device-model'
import type { ShownToast } from './device-model'
import { applyNotificationToHandset } from './notification-model'
import type { NotificationTarget } from './notification-model'
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
  /** Removes a toast banner without opening its app. */
  dismissToast: (id: string) => void
  /** Removes a toast banner and opens its app at the page its Param names. */
  tapToast: (id: string) => void
}

export const createNotificationsSlice: StateCreator<DeviceStore, [], [], NotificationsSlice> = (
  set,
  get,
) => ({
  toasts: [],
  appliedDeliveryIds: [],

  applyNotifications: (notifications) => {
    const state = get()
    const seen = new Set(state.appliedDeliveryIds)
    const appliedNow: string[] = []
    const acknowledgeable = new Set<string>()
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
        target = { ...target, ...applyNotificationToHandset(target, notification, now) }
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
      set({
        apps: target.apps,
        toasts: target.toasts,
        appliedDeliveryIds: appendAllCapped(
          state.appliedDeliveryIds,
          appliedNow,
          MAX_APPLIED_DELIVERY_IDS,
        ),
      })
    }
    return [...acknowledgeable]
  },

  applyNotification: (notification) => {
    get().applyNotifications([notification])
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

/** Reads the handset's OS version from its profile, and its power and screen from the store. */
function readHandsetConditions(state: DeviceStore): HandsetConditions {
  const profile = selectHandsetProfile(state.handsetId)(handsetRegistry.getState())
  return {
    ...selectScreenPower(state),
    osVersion: profile?.osVersion ?? DEFAULT_OS_VERSION,
    battery: state.battery,
  }
}
