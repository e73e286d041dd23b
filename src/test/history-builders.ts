import { buildConsoleRequest } from '@/store/console-request'
import { toStoredRequest } from '@/store/history-model'
import type { ConsoleDraft } from '@/store/console-request'
import type { HistoryEntry } from '@/store/history-model'

/** Channel URI of the weather app's channel in history tests. */
export const WEATHER_CHANNEL_URI = 'http://127.0.0.1:5173/throttledthirdparty/01.00/weather-token'

/** A toast for the weather app, as the console builds it. */
export const TOAST_DRAFT: ConsoleDraft = {
  notificationType: 'toast',
  notificationClass: '2',
  messageId: 'msg-1',
  payload:
    '<?xml version="1.0" encoding="utf-8"?><wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>Snow</wp:Text1><wp:Text2>Tonight &amp; tomorrow</wp:Text2></wp:Toast></wp:Notification>',
}

/** Builds a received toast entry sent at `sentAt`, with overrides. */
export function createTestEntry(
  id: string,
  sentAt: number,
  overrides: Partial<HistoryEntry> = {},
): HistoryEntry {
  return {
    id,
    sentAt,
    durationMs: 12,
    channelToken: 'weather-token',
    appName: 'Contoso Weather',
    handsetId: 'handset-1',
    draft: TOAST_DRAFT,
    request: toStoredRequest(buildConsoleRequest(TOAST_DRAFT, WEATHER_CHANNEL_URI)).request,
    response: {
      status: 200,
      statusText: 'OK',
      headers: [
        ['X-NotificationStatus', 'Received'],
        ['X-DeviceConnectionStatus', 'Connected'],
        ['X-SubscriptionStatus', 'Active'],
        ['X-MessageID', 'msg-1'],
      ],
      body: '',
    },
    ...overrides,
  }
}
