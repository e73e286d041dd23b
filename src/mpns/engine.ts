import { invariant } from '@/lib/invariant'

import { isWellFormedToken, locateChannel } from './channel'
import { isMpnsError, MpnsError } from './errors'
import { shortenForMessage } from './message-text'
import { describeDelay } from './notification-class'
import { parseNotificationRequest, readMessageId } from './request'
import type { ParsedNotificationRequest } from './request'
import { createErrorResponse, createMpnsResponse } from './response'
import type {
  ChannelRecord,
  DeviceRecord,
  EngineSettings,
  MpnsHttpRequest,
  MpnsHttpResponse,
  NotificationStatus,
  NotificationType,
  QueuedNotification,
} from './types'

/** Inputs for handling one request to a channel URI. */
export interface ChannelRequestInput {
  request: MpnsHttpRequest
  /** The channel the URI's token names, or undefined when no such channel was issued. */
  channel: ChannelRecord | undefined
  /** The last report from the channel's handset, or undefined when it never connected. */
  device: DeviceRecord | undefined
  /** Engine time in epoch milliseconds. */
  now: number
  settings: EngineSettings
  /** Id for the notification if it is accepted. */
  deliveryId: string
}

/** The response to send, and the notification to store when MPNS accepted one. */
export interface ChannelRequestResult {
  response: MpnsHttpResponse
  enqueue?: QueuedNotification
  notificationStatus?: NotificationStatus
}

/** Engine settings before the user changes any. */
export const DEFAULT_ENGINE_SETTINGS: EngineSettings = {
  maxXmlBodyBytes: 3072,
  maxRawBodyBytes: 1024,
  missingClassDefault: 'slowest',
}

/** Maximum length of a channel URI, in characters. */
const MAX_CHANNEL_URI_LENGTH = 1024

const NOTIFICATION_NOUNS: Readonly<Record<NotificationType, string>> = {
  toast: 'toast',
  tile: 'tile update',
  raw: 'raw notification',
}

/**
 * Handles a request to a channel URI as MPNS does, with 405, 400, 404, or 200 Received or Suppressed.
 * An accepted notification is returned in `enqueue` for the caller to store.
 */
export function handleChannelRequest(input: ChannelRequestInput): ChannelRequestResult {
  const messageId = readMessageId(input.request.headers)

  try {
    return answerChannelRequest(input)
  } catch (error) {
    if (!isMpnsError(error)) {
      throw error
    }

    const result: ChannelRequestResult = {
      response: createErrorResponse(error, { now: input.now, messageId }),
    }
    if (error.code === 'CHANNEL_NOT_FOUND') {
      result.notificationStatus = 'Dropped'
    }
    return result
  }
}

function answerChannelRequest(input: ChannelRequestInput): ChannelRequestResult {
  const { request, channel } = input
  if (request.method !== 'POST') {
    throw new MpnsError({
      code: 'METHOD_NOT_ALLOWED',
      status: 405,
      message: `Invalid method "${shortenForMessage(request.method)}" on a channel URI: MPNS accepts only POST. Send the notification with POST.`,
    })
  }

  const token = readChannelToken(request.url)
  if (channel === undefined) {
    // NOTE: MPNS's response to a token it never issued is undocumented, so the engine sends
    // the response MPNS documents for an expired subscription.
    throw new MpnsError({
      code: 'CHANNEL_NOT_FOUND',
      status: 404,
      message: `Dropped: channel token "${shortenToken(token)}" was never issued or has expired. Delete this channel URI.`,
      headers: [
        ['X-NotificationStatus', 'Dropped'],
        ['X-DeviceConnectionStatus', 'Disconnected'],
        ['X-SubscriptionStatus', 'Expired'],
      ],
    })
  }
  invariant(
    channel.token === token,
    `Failed to answer a channel request: the channel record is for token ${channel.token}, the URI names ${token}`,
  )

  const parsed = parseNotificationRequest(request, input.settings)
  return decideOutcome(input, channel, parsed)
}

/** Returns the well-formed token of a channel URI, or throws 400 for a malformed one. */
function readChannelToken(url: string): string {
  if (url.length > MAX_CHANNEL_URI_LENGTH) {
    throw createMalformedUriError(
      `it is ${url.length} characters long, over the ${MAX_CHANNEL_URI_LENGTH}-character limit`,
    )
  }

  // TODO: callback registration (POST to the channel URI plus "/callback") is not handled,
  // so its path reads as a malformed token.
  const location = locateChannel(url)
  if (location.kind === 'not-channel') {
    throw createMalformedUriError(
      'its path does not start with /throttledthirdparty/01.00/ or /unthrottledthirdparty/01.00/',
    )
  }
  if (location.token === '') {
    throw createMalformedUriError('it has no channel token after the path prefix')
  }
  if (!isWellFormedToken(location.token)) {
    throw createMalformedUriError(
      `its token "${shortenForMessage(location.token, 40)}" contains characters other than A-Z, a-z, 0-9, "-", "_", "." and "~"`,
    )
  }
  return location.token
}

function createMalformedUriError(problem: string): MpnsError {
  return new MpnsError({
    code: 'MALFORMED_CHANNEL_URI',
    status: 400,
    message: `Malformed channel URI: ${problem}. Use the channel URI exactly as the phone reported it.`,
  })
}

function decideOutcome(
  input: ChannelRequestInput,
  channel: ChannelRecord,
  parsed: ParsedNotificationRequest,
): ChannelRequestResult {
  const { device, now } = input
  const deviceConnectionStatus = device === undefined ? 'TempDisconnected' : 'Connected'
  const common = {
    status: 200,
    now,
    deviceConnectionStatus,
    subscriptionStatus: 'Active',
    warnings: parsed.warnings,
    ...(parsed.messageId === undefined ? {} : { messageId: parsed.messageId }),
  } as const

  const suppression = findSuppressionReason(parsed.type, channel, device)
  if (suppression !== undefined) {
    const response = createMpnsResponse({
      ...common,
      notificationStatus: 'Suppressed',
      reason: `Suppressed: ${suppression}`,
    })
    return { response, notificationStatus: 'Suppressed' }
  }

  const enqueue = toQueuedNotification(input, channel, parsed)
  const connection =
    device === undefined ? ', which is not connected, so delivery waits until it reconnects' : ''
  const response = createMpnsResponse({
    ...common,
    notificationStatus: 'Received',
    reason: `Received: ${NOTIFICATION_NOUNS[parsed.type]} queued for ${describeDelay(parsed.delaySeconds)} to ${channel.appName} on ${channel.handsetId}${connection}.`,
  })
  return { response, enqueue, notificationStatus: 'Received' }
}

/** Returns why MPNS drops this notification for the channel, or undefined when it accepts it. */
function findSuppressionReason(
  type: NotificationType,
  channel: ChannelRecord,
  device: DeviceRecord | undefined,
): string | undefined {
  if (type === 'toast' && !channel.boundToast) {
    return `the channel of "${channel.appName}" is not bound to toast notifications (the user declined them), so MPNS drops toasts for it.`
  }
  if (type === 'tile' && !channel.boundTile) {
    return `the channel of "${channel.appName}" is not bound to tile notifications, so MPNS drops tile updates for it.`
  }
  // NOTE: MPNS closes a raw-only channel when its app exits (404 Expired). The engine responds with
  // Suppressed instead, because the channel record does not say whether the app has exited.
  if (type === 'raw' && device?.foregroundAppId !== channel.appId) {
    return `"${channel.appName}" is not running on ${channel.handsetId}, so MPNS drops raw notifications for it.`
  }
  return undefined
}

function toQueuedNotification(
  input: ChannelRequestInput,
  channel: ChannelRecord,
  parsed: ParsedNotificationRequest,
): QueuedNotification {
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

/** Shortens a channel token for messages, keeping enough to recognize it. */
function shortenToken(token: string): string {
  return token.length > 12 ? `${token.slice(0, 8)}...` : token
}
