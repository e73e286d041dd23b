import type { AppDefinition } from '@/apps/app-model'
import { findApp } from '@/apps/sample-apps'
import { logWarn } from '@/lib/log'
import { isTemplateCompatible, mergeTileState } from '@/mpns/tile-state'
import type { QueuedNotification, TilePayload, ToastPayload } from '@/mpns/types'

import {
  PROXY_MISSING_MESSAGE,
  clearMissingImages,
  formatBlockedImageMessage,
  formatImageCheckFailureMessage,
  formatMissingImageMessage,
  planTileImages,
} from '../tile-images'
import type { RemoteImageCheck, TileImageReference } from '../tile-images'
import { MAX_QUEUED_TOASTS, toForegroundAppId, withAppChanges, withLogEntry } from './device-model'
import type { AppLogEntry, AppState, Screen, ShownToast } from './device-model'
import { decideToastOutcome, decideToastSound, toInAppToastText } from './toast-rules'
import type { HandsetConditions } from './toast-rules'

/** The parts of the handset state that applying a notification reads and replaces. */
export interface NotificationTarget {
  screen: Screen
  apps: Record<string, AppState>
  toasts: ShownToast[]
  /** OS version, power level and screen state, which decide how a toast arrives. */
  conditions: HandsetConditions
}

/**
 * A tile update the phone accepted that waits for its remote images: it merges only once every
 * one of them passed the image proxy.
 */
export interface DeferredTileUpdate {
  deliveryId: string
  appId: string
  update: TilePayload
  remoteImages: TileImageReference[]
  /** Local images the app does not contain, cleared when the update merges. */
  missingImages: TileImageReference[]
}

/** Outcome of a delivered notification on the handset, as the console's delivery timeline shows it. */
export interface NotificationOutcome {
  kind: 'shown' | 'suppressed' | 'dropped'
  /** Description of what the handset showed, or the reason it showed nothing. */
  detail: string
}

export type NotificationChanges = Partial<Pick<NotificationTarget, 'apps' | 'toasts'>> & {
  /** Set when the update names remote images, which the store checks before it merges. */
  deferredTileUpdate?: DeferredTileUpdate
  outcome: NotificationOutcome
}

const rawDecoder = new TextDecoder('utf-8', { fatal: false })

/**
 * Computes what one delivered notification changes on the handset: a toast banner or an
 * in-app log line, a tile merge, or a raw log line, with the outcome the delivery timeline
 * shows. A notification the handset drops changes nothing but its outcome.
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
    return dropped(`The app "${notification.appId}" is not installed on this handset.`)
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
      return applyTile(target, notification, payload.tile, now)
    case 'raw':
      return applyRaw(target, notification.appId, payload.body, {
        foreground,
        now,
      })
  }
}

/**
 * Merges a deferred tile update once its remote images were checked, or logs why it was dropped.
 * Returns `apps` unchanged when the app was uninstalled while the check ran.
 */
export function applyCheckedTileUpdate(
  apps: Record<string, AppState>,
  deferred: DeferredTileUpdate,
  check: RemoteImageCheck,
  now: number,
): Record<string, AppState> {
  const { appId } = deferred
  if (!apps[appId]?.installed) {
    return apps
  }
  if (check.outcome === 'failed') {
    const text = formatImageCheckFailureMessage(deferred.remoteImages, check)
    return withLogEntry(apps, appId, { kind: 'info', text, time: now })
  }

  const merged = mergeTileUpdate(apps, appId, { ...deferred, now })
  if (check.outcome === 'proxy-missing') {
    return withLogEntry(merged, appId, { kind: 'info', text: PROXY_MISSING_MESSAGE, time: now })
  }
  return merged
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
  const outcome = decideToastOutcome({
    ...target.conditions,
    foreground: context.foreground,
    // Every sample app registers ShellToastNotificationReceived on its channel.
    hasToastHandler: true,
  })
  if (outcome === 'none') {
    const detail =
      target.conditions.battery === 'normal'
        ? 'The app is in the foreground and handles no toasts, so the phone shows nothing.'
        : 'Battery saver is on, so the phone shows no toast.'
    return { outcome: { kind: 'suppressed', detail } }
  }
  if (outcome === 'in-app') {
    const entry = {
      kind: 'toast' as const,
      text: toInAppToastText(toast),
      time: context.now,
    }
    return {
      apps: withLogEntry(target.apps, appId, entry),
      outcome: {
        kind: 'suppressed',
        detail:
          'The app is in the foreground, so the phone shows no banner and hands the toast to its ShellToastNotificationReceived handler.',
      },
    }
  }

  const sound = decideToastSound(toast, target.conditions.osVersion)
  const banner: ShownToast = {
    id: notification.deliveryId,
    appId,
    text1: toast.text1 ?? '',
    text2: toast.text2 ?? '',
    ...(toast.param === undefined ? {} : { param: toast.param }),
    ...(sound.kind === 'default' ? {} : { sound }),
  }
  return {
    toasts: enqueueToast(target.toasts, banner),
    outcome: { kind: 'shown', detail: 'Toast banner shown.' },
  }
}

function applyTile(
  target: NotificationTarget,
  notification: QueuedNotification,
  update: TilePayload,
  now: number,
): NotificationChanges {
  const { appId } = notification
  const app = target.apps[appId]
  const definition = findApp(appId)
  if (!app || !definition) {
    return dropped(`The app "${appId}" is not installed on this handset.`)
  }

  if (update.id !== undefined) {
    return applySecondaryTile(target, { appId, id: update.id, update, now })
  }
  if (!isTemplateCompatible(app.tile.template, update.template)) {
    const text = `Tile update dropped: the primary tile uses the ${app.tile.template} template and the update ${update.template}, so the phone raises PayloadFormatError. Send a ${app.tile.template} update.`
    return {
      apps: withLogEntry(target.apps, appId, { kind: 'info', text, time: now }),
      outcome: { kind: 'dropped', detail: text },
    }
  }

  return applyTileImages(target.apps, { notification, definition, update, now })
}

/**
 * Applies a tile update by its images: a blocked remote image drops it with `MessageBadContent`,
 * remote images defer it until they are checked, and otherwise it merges at once.
 */
function applyTileImages(
  apps: Record<string, AppState>,
  context: {
    notification: QueuedNotification
    definition: AppDefinition
    update: TilePayload
    now: number
  },
): NotificationChanges {
  const { notification, definition, update, now } = context
  const { appId, deliveryId } = notification
  const images = planTileImages(definition, update)
  const [blocked] = images.blocked
  if (blocked) {
    const text = formatBlockedImageMessage(definition, blocked)
    return {
      apps: withLogEntry(apps, appId, { kind: 'info', text, time: now }),
      outcome: { kind: 'dropped', detail: text },
    }
  }

  // The phone accepts the update now and shows it once its remote images have downloaded.
  if (images.remote.length > 0) {
    const deferredTileUpdate: DeferredTileUpdate = {
      deliveryId,
      appId,
      update,
      remoteImages: images.remote,
      missingImages: images.missing,
    }
    // NOTE: the timeline counts the update as shown once accepted; a failed image check later
    // drops it and only the app's log records that.
    return {
      deferredTileUpdate,
      outcome: {
        kind: 'shown',
        detail: 'Tile update accepted; the tile changes once its remote images have downloaded.',
      },
    }
  }
  return {
    apps: mergeTileUpdate(apps, appId, { update, missingImages: images.missing, now }),
    outcome: { kind: 'shown', detail: 'Tile updated.' },
  }
}

/** Merges a tile update with its missing local images cleared, logging one warning for each. */
function mergeTileUpdate(
  apps: Record<string, AppState>,
  appId: string,
  merge: { update: TilePayload; missingImages: readonly TileImageReference[]; now: number },
): Record<string, AppState> {
  const app = apps[appId]
  if (!app) {
    return apps
  }

  const update = clearMissingImages(merge.update, merge.missingImages)
  let next = withAppChanges(apps, appId, { tile: mergeTileState(app.tile, update) })
  for (const image of merge.missingImages) {
    const entry: AppLogEntry = {
      kind: 'info',
      text: formatMissingImageMessage(image),
      time: merge.now,
    }
    next = withLogEntry(next, appId, entry)
  }
  return next
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
    return {
      apps: withLogEntry(target.apps, appId, { kind: 'info', text, time: now }),
      outcome: { kind: 'dropped', detail: text },
    }
  }
  if (!isTemplateCompatible(tile.template, update.template)) {
    const text = `Tile update dropped: the secondary tile "${id}" uses the ${tile.template} template and the update ${update.template}, so the phone raises PayloadFormatError. Send a ${tile.template} update.`
    return {
      apps: withLogEntry(target.apps, appId, { kind: 'info', text, time: now }),
      outcome: { kind: 'dropped', detail: text },
    }
  }

  const secondaryTiles = { ...app.secondaryTiles, [id]: mergeTileState(tile, update) }
  return {
    apps: withAppChanges(target.apps, appId, { secondaryTiles }),
    outcome: { kind: 'shown', detail: `Secondary tile "${id}" updated.` },
  }
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
    return dropped(
      'The app is not in the foreground, so no HttpNotificationReceived handler receives the raw notification.',
    )
  }
  const entry = {
    kind: 'raw' as const,
    text: decodeRawBody(body),
    time: context.now,
  }
  const counted = withAppChanges(target.apps, appId, {
    rawReceivedCount: app.rawReceivedCount + 1,
  })
  return {
    apps: withLogEntry(counted, appId, entry),
    outcome: {
      kind: 'shown',
      detail: "Raw notification handed to the app's HttpNotificationReceived handler.",
    },
  }
}

function dropped(detail: string): NotificationChanges {
  return { outcome: { kind: 'dropped', detail } }
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
