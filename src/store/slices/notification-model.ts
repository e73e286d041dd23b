import { findApp } from '@/apps/sample-apps'
import { logWarn } from '@/lib/log'
import { isTemplateCompatible, mergeTileState } from '@/mpns/tile-state'
import type { QueuedNotification, TilePayload, ToastPayload } from '@/mpns/types'

import { MAX_QUEUED_TOASTS, toForegroundAppId, withAppChanges, withLogEntry } from './device-model'
import type { AppState, Screen, ShownToast } from './device-model'

/** The parts of the handset state that applying a notification reads and replaces. */
export interface NotificationTarget {
  screen: Screen
  apps: Record<string, AppState>
  toasts: ShownToast[]
}

export type NotificationChanges = Partial<Pick<NotificationTarget, 'apps' | 'toasts'>>

const rawDecoder = new TextDecoder('utf-8', { fatal: false })

/**
 * Computes what one delivered notification changes on the handset: a toast banner or an
 * in-app log line, a tile merge, or a raw log line. Returns no changes for a notification
 * the handset drops.
 */
export function applyNotificationToHandset(
  target: NotificationTarget,
  notification: QueuedNotification,
  now: number,
): NotificationChanges {
  const app = target.apps[notification.appId]
  if (!app?.installed || !findApp(notification.appId)) {
    logWarn(
      '[app]',
      `Dropped delivery ${notification.deliveryId}: app "${notification.appId}" is not installed on this handset.`,
    )
    return {}
  }

  const foreground = toForegroundAppId(target.screen) === notification.appId
  const { payload } = notification
  switch (payload.type) {
    case 'toast':
      return applyToast(target, notification, payload.toast, {
        foreground,
        now,
      })
    case 'tile':
      return applyTile(target, notification.appId, payload.tile, now)
    case 'raw':
      return applyRaw(target, notification.appId, payload.body, {
        foreground,
        now,
      })
  }
}

/** Formats the log line an app writes when a toast reaches it in the foreground. */
export function toForegroundToastText(toast: ToastPayload): string {
  const text = [toast.text1, toast.text2].filter((part) => part !== undefined && part !== '')
  return ['Toast received in app:', ...text].join(' ')
}

/** Decodes a raw body as UTF-8, replacing invalid byte sequences with U+FFFD. */
export function decodeRawBody(body: Uint8Array): string {
  return rawDecoder.decode(body)
}

function applyToast(
  target: NotificationTarget,
  notification: QueuedNotification,
  toast: ToastPayload,
  context: { foreground: boolean; now: number },
): NotificationChanges {
  const { appId } = notification
  // WP8 draws no banner for the app in the foreground. Its ShellToastNotificationReceived
  // handler receives the toast instead, and the sample apps log it.
  if (context.foreground) {
    const entry = {
      kind: 'toast' as const,
      text: toForegroundToastText(toast),
      time: context.now,
    }
    return { apps: withLogEntry(target.apps, appId, entry) }
  }

  const banner: ShownToast = {
    id: notification.deliveryId,
    appId,
    text1: toast.text1 ?? '',
    text2: toast.text2 ?? '',
    ...(toast.param === undefined ? {} : { param: toast.param }),
  }
  return { toasts: enqueueToast(target.toasts, banner) }
}

function applyTile(
  target: NotificationTarget,
  appId: string,
  update: TilePayload,
  now: number,
): NotificationChanges {
  const app = target.apps[appId]
  if (!app) {
    return {}
  }

  if (update.id !== undefined) {
    return applySecondaryTile(target, { appId, id: update.id, update, now })
  }
  if (!isTemplateCompatible(app.tile.template, update.template)) {
    const text = `Tile update dropped: the primary tile uses the ${app.tile.template} template and the update ${update.template}, so the phone raises PayloadFormatError. Send a ${app.tile.template} update.`
    return {
      apps: withLogEntry(target.apps, appId, { kind: 'info', text, time: now }),
    }
  }

  return {
    apps: withAppChanges(target.apps, appId, {
      tile: mergeTileState(app.tile, update),
    }),
  }
}

/** Merges an update whose Id names a secondary tile. The primary tile's template rule applies. */
function applySecondaryTile(
  target: NotificationTarget,
  change: { appId: string; id: string; update: TilePayload; now: number },
): NotificationChanges {
  const { appId, id, update, now } = change
  const app = target.apps[appId]
  const tile = app?.secondaryTiles[id]
  if (!app || tile === undefined) {
    // The service suppresses updates for tiles the handset does not report as pinned, so this
    // happens only when the tile was unpinned after the service accepted the update.
    const text = `Tile update dropped: no secondary tile with navigation URI "${id}" is pinned. Send the update without Id to change the primary tile.`
    return { apps: withLogEntry(target.apps, appId, { kind: 'info', text, time: now }) }
  }
  if (!isTemplateCompatible(tile.template, update.template)) {
    const text = `Tile update dropped: the secondary tile "${id}" uses the ${tile.template} template and the update ${update.template}, so the phone raises PayloadFormatError. Send a ${tile.template} update.`
    return { apps: withLogEntry(target.apps, appId, { kind: 'info', text, time: now }) }
  }

  const secondaryTiles = { ...app.secondaryTiles, [id]: mergeTileState(tile, update) }
  return { apps: withAppChanges(target.apps, appId, { secondaryTiles }) }
}

function applyRaw(
  target: NotificationTarget,
  appId: string,
  body: Uint8Array,
  context: { foreground: boolean; now: number },
): NotificationChanges {
  // A raw notification reaches only a running app's HttpNotificationReceived handler.
  const app = target.apps[appId]
  if (!context.foreground || !app) {
    return {}
  }
  const entry = {
    kind: 'raw' as const,
    text: decodeRawBody(body),
    time: context.now,
  }
  const counted = withAppChanges(target.apps, appId, {
    rawReceivedCount: app.rawReceivedCount + 1,
  })
  return { apps: withLogEntry(counted, appId, entry) }
}

/** Appends a banner. Beyond the cap it drops the oldest waiting banners, never the shown one. */
function enqueueToast(toasts: readonly ShownToast[], banner: ShownToast): ShownToast[] {
  const next = [...toasts, banner]
  if (next.length <= MAX_QUEUED_TOASTS) {
    return next
  }
  const [shown, ...waiting] = next
  const keptWaiting = waiting.slice(waiting.length - (MAX_QUEUED_TOASTS - 1))
  return shown ? [shown, ...keptWaiting] : keptWaiting
}
