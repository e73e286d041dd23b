import { invariant } from '../lib/invariant'
import { registerCallback } from './callback'
import { describeChannelClose, validateChannelUri } from './channel'
import type { ValidChannelUri } from './channel'
import { deriveConnectionStatus } from './device-state'
import { isMpnsError, MpnsError } from './errors'
import type { MpnsErrorCode } from './errors'
import { shortenForMessage } from './message-text'
import { decideNotificationOutcome } from './notification-outcome'
import { parseNotificationRequest, readMessageId } from './request'
import { createErrorResponse, createMpnsResponse } from './response'
import type {
  ChannelRecord,
  ChannelUsage,
  DeviceRecord,
  EngineSettings,
  MpnsHttpRequest,
  MpnsHttpResponse,
  NotificationStatus,
  QueuedNotification,
} from './types'
import type { SenderWarning } from './warnings'

/** Inputs for handling one request to a channel URI: the stored state it reads and the time. */
export interface ChannelRequestInput {
  request: MpnsHttpRequest
  /** The channel the URI's token names (open or closed), or undefined when it was never issued. */
  channel: ChannelRecord | undefined
  /** The last report from the channel's handset, or undefined when it never connected. */
  device: DeviceRecord | undefined
  /** Today's quota count of the channel, or undefined when it was sent nothing on this UTC day. */
  usage: ChannelUsage | undefined
  /** Undelivered notifications of the channel in the queue. */
  queuedCount: number
  /** Engine time in epoch milliseconds. */
  now: number
  settings: EngineSettings
  /** Id for the notification if it is accepted. */
  deliveryId: string
}

/**
 * The response, plus the changes the caller stores in one transaction before sending it.
 * A 200 Received promises the notification is stored, so the caller responds only after the write.
 */
export interface ChannelRequestResult {
  response: MpnsHttpResponse
  /** Outcome for logs and the console; absent on responses without X-NotificationStatus. */
  notificationStatus?: NotificationStatus
  /** The accepted notification to queue. */
  enqueue?: QueuedNotification
  /** The channel's new quota count for the day. */
  usage?: ChannelUsage
  /** The channel record to store, when the request closed it or registered a callback. */
  channel?: ChannelRecord
  /** The device record to store, when the service first found the handset Inactive. */
  device?: DeviceRecord
  /** The sender warnings sent in X-Emulator-Warning, absent when there are none. */
  warnings?: SenderWarning[]
  /** Code of the rejection, for logs and the console. Absent on 200 responses. */
  errorCode?: MpnsErrorCode
}

/** Engine settings before the user changes any; every value is an assumption, labelled as such in the UI. */
export const DEFAULT_ENGINE_SETTINGS: EngineSettings = {
  maxXmlBodyBytes: 3072,
  maxRawBodyBytes: 1024,
  missingClassDefault: 'slowest',
  dailyQuota: 500,
  queueDepth: 100,
  inactiveAfterMinutes: 60,
  strictMode: false,
  serviceDown: false,
  unknownTokenAnswer: 'not-found',
  authenticatedLimits: 'lifted',
}

const NOTIFICATION_STATUSES: readonly NotificationStatus[] = [
  'Received',
  'Dropped',
  'QueueFull',
  'Suppressed',
]

/**
 * Handles a request to a channel URI as MPNS does and returns the response with the changes to
 * store. The first check that matches decides, in this order: service down (503), method (405),
 * channel URI (400, 401), unknown or closed channel (404), request and payload (400), then the
 * delivery outcome (412, 406, or 200 Dropped, Suppressed, QueueFull or Received).
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
      errorCode: error.code,
    }
    const notificationStatus = readNotificationStatus(error)
    if (notificationStatus !== undefined) {
      result.notificationStatus = notificationStatus
    }
    return result
  }
}

function answerChannelRequest(input: ChannelRequestInput): ChannelRequestResult {
  const { request, channel, settings } = input
  if (settings.serviceDown) {
    throw new MpnsError({
      code: 'SERVICE_UNAVAILABLE',
      status: 503,
      message:
        'Service Unavailable: the push service was taken down in the emulator console, so it responds to every request with 503. Bring it back up in the console, then resend with exponential backoff.',
    })
  }
  if (request.method !== 'POST') {
    throw new MpnsError({
      code: 'METHOD_NOT_ALLOWED',
      status: 405,
      message: `Invalid method "${shortenForMessage(request.method)}" on a channel URI: MPNS accepts only POST. Send the notification with POST.`,
    })
  }

  const uri = validateChannelUri(request.url)
  if (channel === undefined && settings.unknownTokenAnswer === 'probe-resistant') {
    return createProbeResistantResult(input, uri.token)
  }
  if (channel === undefined) {
    throw createUnknownTokenError(uri.token)
  }
  invariant(
    channel.token === uri.token,
    `Failed to answer a channel request: the channel record is for token ${channel.token}, the URI names ${uri.token}`,
  )
  if (channel.closedAt !== undefined) {
    throw createChannelClosedError(input, channel)
  }

  if (uri.callback) {
    return registerCallback({ ...input, channel, authenticated: uri.authenticated })
  }
  checkClientCertificate(request.clientCertificateName, { channel, uri })

  const authenticated = uri.authenticated || channel.serviceName !== undefined
  const parsed = parseNotificationRequest(request, settings, { authenticated })
  return decideNotificationOutcome({ input, channel, parsed, authenticated })
}

/**
 * Checks the client certificate the HTTPS endpoint verified against the service name the channel
 * was opened with. Throws an MpnsError (403) for a certificate of another service.
 */
function checkClientCertificate(
  commonName: string | undefined,
  context: { channel: ChannelRecord; uri: ValidChannelUri },
): void {
  const { channel, uri } = context
  // NOTE: a request from the emulator page carries no certificate. The page is the developer's
  // own tool, so it may send to an authenticated channel URI as the service would.
  if (commonName === undefined) {
    return
  }
  if (channel.serviceName === undefined) {
    if (!uri.authenticated) {
      return
    }
    throw new MpnsError({
      code: 'CERTIFICATE_MISMATCH',
      status: 403,
      message: `Forbidden: the channel of "${channel.appName}" was opened without a service name, so no certificate is associated with it. Send to the http channel URI the app reported, without a client certificate.`,
    })
  }
  if (commonName !== channel.serviceName) {
    throw new MpnsError({
      code: 'CERTIFICATE_MISMATCH',
      status: 403,
      message: `Forbidden: the client certificate is issued to "${shortenForMessage(commonName)}", but the channel of "${channel.appName}" was opened for the service "${channel.serviceName}". Send with the certificate whose CN is "${channel.serviceName}".`,
    })
  }
}

function createUnknownTokenError(token: string): MpnsError {
  // NOTE: MPNS's response to a token it never issued is undocumented, so the engine sends
  // the response MPNS documents for an expired subscription.
  return new MpnsError({
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

/** Responds to a token that was never issued as one book reports MPNS did: 200 Received, nothing stored. */
function createProbeResistantResult(
  input: ChannelRequestInput,
  token: string,
): ChannelRequestResult {
  const messageId = readMessageId(input.request.headers)
  const response = createMpnsResponse({
    status: 200,
    now: input.now,
    notificationStatus: 'Received',
    deviceConnectionStatus: 'Connected',
    subscriptionStatus: 'Active',
    reason: `Received, but dropped: channel token "${shortenToken(token)}" was never issued. The probe-resistant unknown-token setting responds with 200 Received, as one book says MPNS did so that outsiders cannot probe for tokens. Check the channel URI if the notification was meant to arrive.`,
    ...(messageId === undefined ? {} : { messageId }),
  })
  return { response, notificationStatus: 'Received' }
}

function createChannelClosedError(input: ChannelRequestInput, channel: ChannelRecord): MpnsError {
  const { cause, fix } = describeChannelClose(channel.closeReason)
  const deviceConnectionStatus = deriveConnectionStatus(input)
  return new MpnsError({
    code: 'CHANNEL_CLOSED',
    status: 404,
    message: `Dropped: the channel of "${channel.appName}" is closed because ${cause}, so its subscription has expired. ${fix}`,
    headers: [
      ['X-NotificationStatus', 'Dropped'],
      ['X-DeviceConnectionStatus', deviceConnectionStatus],
      ['X-SubscriptionStatus', 'Expired'],
    ],
  })
}

function readNotificationStatus(error: MpnsError): NotificationStatus | undefined {
  const value = error.headers.find(([name]) => name === 'X-NotificationStatus')?.[1]
  return NOTIFICATION_STATUSES.find((status) => status === value)
}

/** Shortens a channel token for messages, keeping enough to recognize it. */
function shortenToken(token: string): string {
  return token.length > 12 ? `${token.slice(0, 8)}...` : token
}
