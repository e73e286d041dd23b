import type { ReceivedResponse } from '@/mpns/http-format'
import { readHeader } from '@/mpns/request'
import type { ChannelRecord } from '@/mpns/types'

/**
 * A next step for the sender, for a status and, where given, the values of the response's
 * X-NotificationStatus, X-DeviceConnectionStatus and X-SubscriptionStatus headers.
 */
interface AdviceRule {
  status: number
  notificationStatus?: string
  deviceConnectionStatus?: string
  subscriptionStatus?: string
  advice: string
}

/**
 * Next steps from the MPNS response-code table, most specific rule first, because the first
 * match wins. The QueueFull gaps of 4, 8, 16 and 32 minutes are an example of exponential backoff.
 */
const ADVICE_RULES: readonly AdviceRule[] = [
  {
    status: 200,
    notificationStatus: 'QueueFull',
    advice:
      'Not queued, because the queue for this channel is full. Resend later with exponential backoff in minutes, such as 4, 8, 16, then 32.',
  },
  {
    status: 200,
    notificationStatus: 'Suppressed',
    advice:
      'Accepted and then discarded, because the channel suppresses this notification type. Do not resend it blindly: the app must bind its channel to it, or the user must turn it back on.',
  },
  {
    status: 200,
    notificationStatus: 'Dropped',
    advice:
      'Dropped before delivery. Resending the same notification unchanged is unlikely to help.',
  },
  {
    status: 200,
    deviceConnectionStatus: 'TempDisconnected',
    advice:
      'Queued while the device is temporarily disconnected. Nothing to do: expect a delay until it reconnects.',
  },
  {
    status: 200,
    advice:
      'Queued. Nothing to do: MPNS gives no proof of display, so a 200 does not mean the user saw it.',
  },
  { status: 400, advice: 'Fix the request; resending it unchanged gets the same answer.' },
  { status: 401, advice: 'Check the certificate and the channel URI scheme.' },
  {
    status: 403,
    advice:
      'Send with the client certificate of the service that the channel is authenticated for.',
  },
  {
    status: 404,
    subscriptionStatus: 'Expired',
    advice:
      'The subscription has expired: stop sending to this channel URI and delete it. The app sends a new URI when it opens its channel again.',
  },
  {
    status: 404,
    advice: 'The channel URI is unknown: stop sending to it and delete it.',
  },
  { status: 405, advice: 'Send notifications with POST.' },
  {
    status: 406,
    advice:
      'The daily quota of this channel is reached: retry at most once an hour. Normal delivery can take up to 24 hours to resume.',
  },
  {
    status: 412,
    advice:
      'The device is Inactive: retry at most once an hour. Retrying more often risks having the service blocked.',
  },
  {
    status: 503,
    advice:
      'The service cannot process requests now: resend later with exponential backoff in minutes.',
  },
]

/** Names a handset for people: `handset-1` becomes `Handset 1`. */
export function toHandsetName(handsetId: string): string {
  const match = /^handset-(\d+)$/.exec(handsetId)
  return match ? `Handset ${match[1]}` : handsetId
}

/** Labels a channel in the picker with its app and its handset. */
export function toChannelOptionLabel(channel: ChannelRecord): string {
  return `${channel.appName} on ${toHandsetName(channel.handsetId)}`
}

/** Collects what the console explains beside a response: reason, warnings, body and advice. */
export function explainResponse(response: ReceivedResponse): {
  reason: string | undefined
  warnings: string[]
  details: string
  advice: string | undefined
} {
  const warningHeader = readHeader(response.headers, 'X-Emulator-Warning')
  return {
    reason: readHeader(response.headers, 'X-Emulator-Reason'),
    warnings: warningHeader ? warningHeader.split('; ') : [],
    details: response.body,
    advice: adviseSender(response),
  }
}

/** Returns the sender's next step for a response, from its status and its status headers. */
export function adviseSender(
  response: Pick<ReceivedResponse, 'status' | 'headers'>,
): string | undefined {
  const values = {
    notificationStatus: readHeader(response.headers, 'X-NotificationStatus'),
    deviceConnectionStatus: readHeader(response.headers, 'X-DeviceConnectionStatus'),
    subscriptionStatus: readHeader(response.headers, 'X-SubscriptionStatus'),
  }
  const rule = ADVICE_RULES.find(
    (candidate) =>
      candidate.status === response.status &&
      matches(candidate.notificationStatus, values.notificationStatus) &&
      matches(candidate.deviceConnectionStatus, values.deviceConnectionStatus) &&
      matches(candidate.subscriptionStatus, values.subscriptionStatus),
  )
  return rule?.advice
}

/** Compares a header value case-insensitively, because MPNS changed the case of some values over time. */
function matches(expected: string | undefined, actual: string | undefined): boolean {
  return expected === undefined || expected.toLowerCase() === actual?.trim().toLowerCase()
}
