import { findApp } from '@/apps/sample-apps'
import { logError, logInfo } from '@/lib/log'

import type { DeviceStore } from '../device-store'
import { openChannel } from '../worker-sync'

/**
 * Opens the app's push channel, or finds the one it already has, bound to toast only when
 * the user allowed notifications, and stores the returned channel URI. A failure is written
 * to the app's log and never rejects.
 */
export async function refreshAppChannel(get: () => DeviceStore, appId: string): Promise<void> {
  const app = findApp(appId)
  const appState = get().apps[appId]
  if (!app || !appState) {
    return
  }

  const { handsetId } = get()
  const bindToast = appState.permission === 'allowed'
  try {
    const channel = await openChannel({
      handsetId,
      appId,
      appName: app.name,
      channelName: app.channelName,
      bindToast,
      bindTile: true,
    })
    logInfo('[app]', `${appId}: channel "${app.channelName}" open, toast binding ${bindToast}`)
    get().recordChannel(appId, channel.channelUri)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    logError('[app]', `${appId}: failed to open channel "${app.channelName}"`, error)
    get().recordChannelError(
      appId,
      `Failed to open push channel "${app.channelName}": ${reason} Relaunch the app to try again.`,
    )
  }
}
