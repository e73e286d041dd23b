import type { StateCreator } from 'zustand'

import { findApp } from '@/apps/sample-apps'
import { logWarn } from '@/lib/log'
import { toNavigationTarget } from '@/mpns/param'
import type { QueuedNotification } from '@/mpns/types'

import type { DeviceStore } from '../device-store'
import { MAX_APPLIED_DELIVERY_IDS, appendCapped } from './device-model'
import type { ShownToast } from './device-model'
import { applyNotificationToHandset } from './notification-model'

export interface NotificationsSlice {
  /** Toast banners in arrival order. The first one is on screen. */
  toasts: ShownToast[]
  /** Delivery ids already applied, the newest last. */
  appliedDeliveryIds: string[]
  /**
   * Applies one delivered notification and records its delivery id in the same state change.
   * A delivery id that was applied before is skipped.
   */
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

  applyNotification: (notification) => {
    const state = get()
    if (state.appliedDeliveryIds.includes(notification.deliveryId)) {
      return
    }
    if (notification.handsetId !== state.handsetId) {
      logWarn(
        '[app]',
        `Ignored delivery ${notification.deliveryId}: it is addressed to "${notification.handsetId}", not "${state.handsetId}".`,
      )
      return
    }

    const changes = applyNotificationToHandset(state, notification, Date.now())
    set({
      ...changes,
      appliedDeliveryIds: appendCapped(
        state.appliedDeliveryIds,
        notification.deliveryId,
        MAX_APPLIED_DELIVERY_IDS,
      ),
    })
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
