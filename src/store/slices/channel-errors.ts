import type { BatteryState, QueuedNotification } from '@/mpns/types'

import { withLogEntry } from './device-model'
import type { AppLogEntry, AppState } from './device-model'

/** `ChannelPowerLevel` member the phone reports for each power level. */
const CHANNEL_POWER_LEVELS: Readonly<Record<BatteryState, string>> = {
  normal: 'NormalPowerLevel',
  saver: 'LowPowerLevel',
  critical: 'CriticalLowPowerLevel',
}

// NOTE: MPNS never published the rate behind NotificationRateTooHigh. The handset raises it
// when more than this many notifications for one app were accepted within one second.
/** Notifications for one app, accepted within one second of engine time, that raise the error. */
export const MAX_NOTIFICATIONS_PER_SECOND = 30
const RATE_WINDOW_MS = 1_000

/**
 * Raises `ErrorOccurred(PowerLevelChanged)` in every app with an open channel, as the push
 * client does when the battery policy changes. Returns `apps` unchanged when no app has one.
 */
export function withPowerLevelChanged(
  apps: Record<string, AppState>,
  battery: BatteryState,
  now: number,
): Record<string, AppState> {
  const level = CHANNEL_POWER_LEVELS[battery]
  const entry: AppLogEntry = {
    kind: 'error',
    text: `ErrorOccurred: PowerLevelChanged, ErrorAdditionalData ${level}.`,
    time: now,
  }
  let next = apps
  for (const [appId, app] of Object.entries(apps)) {
    if (app.installed && app.channelUri !== undefined) {
      next = withLogEntry(next, appId, entry)
    }
  }
  return next
}

/**
 * Finds the apps whose notifications in this chunk came faster than the push client accepts:
 * more than `MAX_NOTIFICATIONS_PER_SECOND` accepted within one second of engine time. Each
 * app is named once per chunk.
 */
export function findAppsOverRate(notifications: readonly QueuedNotification[]): string[] {
  const acceptedTimesByApp = new Map<string, number[]>()
  for (const notification of notifications) {
    const times = acceptedTimesByApp.get(notification.appId) ?? []
    times.push(notification.acceptedAt)
    acceptedTimesByApp.set(notification.appId, times)
  }

  const appIds: string[] = []
  for (const [appId, times] of acceptedTimesByApp) {
    if (hasBurst(times.sort((a, b) => a - b))) {
      appIds.push(appId)
    }
  }
  return appIds
}

/** Builds the log line of `ErrorOccurred(NotificationRateTooHigh)`. */
export function toRateTooHighEntry(now: number): AppLogEntry {
  return {
    kind: 'error',
    text: `ErrorOccurred: NotificationRateTooHigh. More than ${MAX_NOTIFICATIONS_PER_SECOND} notifications for this app arrived within one second; send them further apart.`,
    time: now,
  }
}

function hasBurst(sortedTimes: readonly number[]): boolean {
  let start = 0
  for (let end = 0; end < sortedTimes.length; end += 1) {
    while ((sortedTimes[end] ?? 0) - (sortedTimes[start] ?? 0) >= RATE_WINDOW_MS) {
      start += 1
    }
    if (end - start + 1 > MAX_NOTIFICATIONS_PER_SECOND) {
      return true
    }
  }
  return false
}
