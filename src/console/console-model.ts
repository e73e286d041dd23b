import type { ReceivedResponse } from '@/mpns/http-format'
import { readHeader } from '@/mpns/request'
import type { ChannelRecord } from '@/mpns/types'

/** Next steps a sender should take after each status, as the MPNS documentation gives them. */
const ADVICE_BY_STATUS: Readonly<Record<number, string>> = {
  200: 'Accepted. MPNS gives no proof of display; check X-NotificationStatus.',
  400: 'Fix the request; resending it unchanged gets the same answer.',
  401: 'Check the certificate and the channel URI scheme.',
  404: 'The subscription is gone: stop sending to this channel URI and delete it.',
  405: 'Send notifications with POST.',
  406: 'The daily limit is reached: retry at most hourly.',
  412: 'The device is inactive: retry at most once an hour.',
  503: 'The service is unavailable: retry later with exponential backoff.',
}

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
    advice: ADVICE_BY_STATUS[response.status],
  }
}
