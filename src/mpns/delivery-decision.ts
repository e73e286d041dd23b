import { shortenForMessage } from './message-text'
import { describeDelay } from './notification-class'
import type { OutcomeContext } from './notification-outcome'
import type {
  ChannelCloseReason,
  ChannelRecord,
  DeviceConnectionStatus,
  DeviceRecord,
  NotificationPayload,
  NotificationStatus,
  NotificationType,
  QueuedNotification,
} from './types'

/**
 * Outcome of a notification that passed the quota: a 200 response with its notification
 * status (and the notification to queue when it is Received), or the channel closing (404).
 */
export type DeliveryDecision =
  | {
      kind: 'response'
      notificationStatus: NotificationStatus
      reason: string
      enqueue?: QueuedNotification
    }
  | { kind: 'channel-closed'; closeReason: ChannelCloseReason; reason: string }

const NOTIFICATION_NOUNS: Readonly<Record<NotificationType, string>> = {
  toast: 'toast',
  tile: 'tile update',
  raw: 'raw notification',
}

/**
 * Decides delivery in this order: the handset's battery (Dropped), the channel's bindings and
 * the app's state (Suppressed, or the raw-only channel closing), the queue depth (QueueFull),
 * and otherwise Received with the notification to queue.
 */
export function decideDelivery(
  context: OutcomeContext & { deviceConnectionStatus: DeviceConnectionStatus },
): DeliveryDecision {
  const { input, channel, parsed } = context
  const device = input.device

  const powerDrop = findPowerDrop(parsed.type, channel, device)
  if (powerDrop !== undefined) {
    return { kind: 'response', notificationStatus: 'Dropped', reason: powerDrop }
  }

  if (parsed.type === 'raw' && device?.foregroundAppId !== channel.appId) {
    return decideRawForClosedApp(channel)
  }
  const suppression = findSuppressionReason(parsed.payload, channel, device)
  if (suppression !== undefined) {
    return { kind: 'response', notificationStatus: 'Suppressed', reason: suppression }
  }

  const noun = NOTIFICATION_NOUNS[parsed.type]
  if (input.queuedCount >= input.settings.queueDepth) {
    return {
      kind: 'response',
      notificationStatus: 'QueueFull',
      reason: `QueueFull: ${input.queuedCount} notifications for "${channel.appName}" are waiting for ${channel.handsetId}, and the queue holds ${input.settings.queueDepth}, so the ${noun} was not queued. Resend later with exponential backoff.`,
    }
  }

  const waiting =
    context.deviceConnectionStatus === 'Connected'
      ? ''
      : `, which is ${device === undefined ? 'not connected yet' : 'offline'}, so delivery waits until it connects`
  return {
    kind: 'response',
    notificationStatus: 'Received',
    reason: `Received: ${noun} queued for ${describeDelay(parsed.delaySeconds)} to ${channel.appName} on ${channel.handsetId}${waiting}.`,
    enqueue: toQueuedNotification(context),
  }
}

/** Returns why the handset's battery state drops the notification, or undefined when it does not. */
function findPowerDrop(
  type: NotificationType,
  channel: ChannelRecord,
  device: DeviceRecord | undefined,
): string | undefined {
  if (device?.battery === 'critical') {
    return `Dropped: the battery of ${channel.handsetId} is critically low, so it drops every notification. Resend once the handset is charging.`
  }
  if (device?.battery === 'saver' && type !== 'raw') {
    return `Dropped: battery saver is on on ${channel.handsetId}, so it drops toasts and tile updates, while raw notifications still arrive. Resend once battery saver is off.`
  }
  return undefined
}

/** Decides a raw notification for an app that is not running: Suppressed, or a raw-only channel closes. */
function decideRawForClosedApp(channel: ChannelRecord): DeliveryDecision {
  if (channel.boundToast || channel.boundTile) {
    return {
      kind: 'response',
      notificationStatus: 'Suppressed',
      reason: `Suppressed: "${channel.appName}" is not running on ${channel.handsetId}, so MPNS drops raw notifications for it. Send raw notifications while the app is in the foreground, or use a toast or tile update.`,
    }
  }

  return {
    kind: 'channel-closed',
    closeReason: 'app-exited',
    reason: `Dropped: "${channel.appName}" is not running on ${channel.handsetId}, and its channel is bound to raw notifications only, so the channel closed when the app exited and its subscription expired. Delete this channel URI, and use the one the app sends when it runs again.`,
  }
}

/** Returns why MPNS suppresses a toast or tile update for the channel, or undefined when it does not. */
function findSuppressionReason(
  payload: NotificationPayload,
  channel: ChannelRecord,
  device: DeviceRecord | undefined,
): string | undefined {
  if (payload.type === 'toast' && !channel.boundToast) {
    return `Suppressed: the channel of "${channel.appName}" is not bound to toast notifications (the user declined them or turned them off), so MPNS drops toasts for it.`
  }
  if (payload.type !== 'tile') {
    return undefined
  }
  if (!channel.boundTile) {
    return `Suppressed: the channel of "${channel.appName}" is not bound to tile notifications, so MPNS drops tile updates for it.`
  }

  // An update without Id goes to the application tile, which exists even while it is unpinned.
  const id = payload.tile.id
  if (id !== undefined && !listPinnedTileIds(device, channel.appId).includes(id)) {
    return `Suppressed: no secondary tile of "${channel.appName}" with Id "${shortenForMessage(id)}" is pinned on ${channel.handsetId}, so MPNS drops the update. Leave Id out to update the application tile, or send it once the user pins that tile.`
  }
  return undefined
}

function listPinnedTileIds(device: DeviceRecord | undefined, appId: string): readonly string[] {
  if (device === undefined || !Object.hasOwn(device.secondaryTileIds, appId)) {
    return []
  }
  return device.secondaryTileIds[appId] ?? []
}

function toQueuedNotification(context: OutcomeContext): QueuedNotification {
  const { input, channel, parsed } = context
  const notification: QueuedNotification = {
    deliveryId: input.deliveryId,
    token: channel.token,
    handsetId: channel.handsetId,
    appId: channel.appId,
    notificationClass: parsed.notificationClass,
    acceptedAt: input.now,
    dueAt: input.now + parsed.delaySeconds * 1000,
    payload: parsed.payload,
  }
  if (parsed.messageId !== undefined) {
    notification.messageId = parsed.messageId
  }
  return notification
}
