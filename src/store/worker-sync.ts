// Placeholder signatures; the real implementation replaces this file.
import type { ChannelRecord } from '@/mpns/types'

export interface OpenChannelRequest {
  handsetId: string
  appId: string
  appName: string
  channelName: string
  bindToast: boolean
  bindTile: boolean
}

/** Opens (or finds) the app's push channel in the service worker and applies the bindings. */
export function openChannel(request: OpenChannelRequest): Promise<ChannelRecord> {
  return Promise.reject(new Error(`Failed to open channel for ${request.appId}: not implemented`))
}

/** Tells the service which app is in the foreground of a handset (null for shell screens). */
export function reportForegroundApp(handsetId: string, appId: string | null): void {
  void handsetId
  void appId
}
