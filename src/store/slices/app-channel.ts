import { findApp } from '@/apps/sample-apps'
import { logError, logInfo } from '@/lib/log'
import type { ChannelOpenResult } from '@/messaging/messages'

import type { DeviceStore } from '../device-store'
import { readChannelUriBases } from '../endpoint-info'
import { closeChannel, openChannel } from '../worker-sync'
import { toChannelBindings } from './device-model'

/**
 * Opens the app's push channel, or finds the one it already has, and stores the returned
 * channel URI. The channel is bound to toast only when the user allowed notifications, and to
 * the tile only while the app's Live Tile updates switch is on. A raw-only app binds neither.
 * A failure is written to the app's log and never rejects.
 */
export async function refreshAppChannel(get: () => DeviceStore, appId: string): Promise<void> {
  const app = findApp(appId)
  const appState = get().apps[appId]
  if (!app || !appState?.installed) {
    return
  }

  const { handsetId } = get()
  const { bindToast, bindTile } = toChannelBindings(app, appState)
  let result: ChannelOpenResult
  try {
    const channelUriBases = readChannelUriBases()
    result = await openChannel({
      handsetId,
      appId,
      appName: app.name,
      channelName: app.channelName,
      tileTemplate: app.tileTemplate,
      bindToast,
      bindTile,
      ...(app.serviceName === undefined ? {} : { serviceName: app.serviceName }),
      ...(channelUriBases === undefined ? {} : { channelUriBases }),
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    logError('[app]', `${appId}: failed to open channel "${app.channelName}"`, error)
    get().recordChannelError(
      appId,
      `Failed to open push channel "${app.channelName}": ${reason} Relaunch the app to try again.`,
    )
    return
  }

  if (result.outcome === 'quota-exceeded') {
    logInfo('[app]', `${appId}: channel "${app.channelName}" not opened: channel quota exceeded`)
    get().recordChannelQuotaExceeded(appId, result.message)
    return
  }
  logInfo(
    '[app]',
    `${appId}: channel "${app.channelName}" ${result.outcome}, toast ${bindToast}, tile ${bindTile}`,
  )
  get().recordChannel(appId, result.channel.channelUri)
}

/**
 * Closes the app's channel as `HttpNotificationChannel.Close()` does, then removes its channel
 * URI from the app's state. A failure is written to the app's log and never rejects.
 */
export async function closeAppChannel(get: () => DeviceStore, appId: string): Promise<void> {
  const { handsetId } = get()
  try {
    await closeChannel({ handsetId, appId, reason: 'closed-by-app' })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    logError('[app]', `${appId}: failed to close its channel`, error)
    get().recordChannelError(appId, `Failed to close the push channel: ${reason}`)
    return
  }
  logInfo('[app]', `${appId}: channel closed by the app`)
  get().recordChannelClosed(appId)
}

/** Closes the channel of an app that was uninstalled; a failure is logged and never rejects. */
export async function closeUninstalledAppChannel(handsetId: string, appId: string): Promise<void> {
  try {
    await closeChannel({ handsetId, appId, reason: 'uninstalled' })
    logInfo('[app]', `${appId}: uninstalled, channel closed`)
  } catch (error) {
    logError('[app]', `${appId}: failed to close the channel of the uninstalled app`, error)
  }
}
