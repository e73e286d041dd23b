import { invariant } from '../lib/invariant'
import { toUtcDay } from './clock'
import { decideDelivery } from './delivery-decision'
import type { DeliveryDecision } from './delivery-decision'
import { deriveConnectionStatus } from './device-state'
import type { ChannelRequestInput, ChannelRequestResult } from './engine'
import { MpnsError } from './errors'
import type { ParsedNotificationRequest } from './request'
import { createErrorResponse, createMpnsResponse } from './response'
import type { ResponseOptions } from './response'
import { isTemplateCompatible } from './tile-state'
import type {
  ChannelRecord,
  ChannelUsage,
  DeviceConnectionStatus,
  MpnsHttpResponse,
  NotificationPayload,
  TileTemplate,
} from './types'
import { STRICT_MODE_EXEMPT_WARNINGS } from './warnings'
import type { SenderWarning } from './warnings'

/** A request that passed every request and payload check, with the stored state it meets. */
export interface OutcomeContext {
  input: ChannelRequestInput
  /** The open channel the request is for. */
  channel: ChannelRecord
  parsed: ParsedNotificationRequest
  /** True for an authenticated channel, which has no daily quota. */
  authenticated: boolean
}

/** Time, message id and warnings, which every response after the payload checks carries. */
interface ResponseBasis {
  now: number
  messageId: string | undefined
  warnings: SenderWarning[]
}

/**
 * Decides what happens to a valid notification: strict mode (400), an Inactive handset (412),
 * the daily quota (406), then the delivery decision (200 Dropped, Suppressed, QueueFull or
 * Received, or 404 when a raw-only channel closes).
 */
export function decideNotificationOutcome(context: OutcomeContext): ChannelRequestResult {
  const { input, channel, parsed } = context
  const basis: ResponseBasis = {
    now: input.now,
    messageId: parsed.messageId,
    warnings: [...parsed.warnings, ...checkTileTemplate(channel, parsed.payload)],
  }

  if (input.settings.strictMode) {
    const rejected = basis.warnings.filter(({ code }) => !STRICT_MODE_EXEMPT_WARNINGS.has(code))
    if (rejected.length > 0) {
      return withWarnings(basis, {
        response: createErrorResponse(createStrictModeError(rejected), basis),
        errorCode: 'STRICT_MODE_WARNING',
      })
    }
  }

  const deviceConnectionStatus = deriveConnectionStatus(input)
  if (deviceConnectionStatus === 'Inactive') {
    return createInactiveResult(context, basis)
  }

  const usage = readQuotaUsage(context)
  if (usage !== undefined && usage.count >= input.settings.dailyQuota) {
    return createQuotaExceededResult({ context, basis, usage, deviceConnectionStatus })
  }

  const decision = decideDelivery({ ...context, deviceConnectionStatus })
  return toDeliveryResult({ context, basis, decision, usage, deviceConnectionStatus })
}

/** Returns the TEMPLATE_MISMATCH warning when a tile update does not fit the app's tile. */
function checkTileTemplate(channel: ChannelRecord, payload: NotificationPayload): SenderWarning[] {
  if (
    payload.type !== 'tile' ||
    isTemplateCompatible(channel.tileTemplate, payload.tile.template)
  ) {
    return []
  }

  // NOTE: the device record stores only the Ids of pinned secondary tiles, so every tile of the
  // app, secondary ones included, is assumed to have the template of its application tile.
  const sent = describeTemplate(payload.tile.template)
  const created = describeTemplate(channel.tileTemplate)
  return [
    {
      code: 'TEMPLATE_MISMATCH',
      message: `The tile update uses ${sent}, but the tile of "${channel.appName}" was created with ${created}. MPNS accepts it, but the handset drops the update and the app's channel gets a PayloadFormatError. Send an update in ${created}.`,
    },
  ]
}

function describeTemplate(template: TileTemplate): string {
  return template === 'Legacy' ? 'the legacy tile format' : `the ${template} template`
}

function createStrictModeError(rejected: readonly SenderWarning[]): MpnsError {
  const count = rejected.length === 1 ? '1 sender warning' : `${rejected.length} sender warnings`
  const details = rejected.map(({ code, message }) => `[${code}] ${message}`).join(' ')
  return new MpnsError({
    code: 'STRICT_MODE_WARNING',
    status: 400,
    message: `Rejected in strict mode: the request has ${count}, which strict mode treats as errors. ${details} Fix them, or turn strict mode off to accept them with warnings.`,
  })
}

function createInactiveResult(context: OutcomeContext, basis: ResponseBasis): ChannelRequestResult {
  const { input, channel } = context
  const device = input.device
  invariant(
    device !== undefined,
    'Failed to build the 412 response: an Inactive handset must have a device record',
  )

  const offlineSince = device.offlineSince ?? device.lastContactAt
  const offlineMinutes = Math.floor((input.now - offlineSince) / 60_000)
  const reason = `Dropped: ${channel.handsetId} has been offline for ${offlineMinutes} minutes, at least the ${input.settings.inactiveAfterMinutes} minutes after which a handset is Inactive. Retry at most once an hour, because notifications are accepted again only after the handset reconnects.`
  const result: ChannelRequestResult = {
    response: createStatusResponse(basis, {
      status: 412,
      notificationStatus: 'Dropped',
      deviceConnectionStatus: 'Inactive',
      reason,
    }),
    notificationStatus: 'Dropped',
    errorCode: 'DEVICE_INACTIVE',
  }
  if (device.inactiveNoticedAt === undefined) {
    result.device = { ...device, inactiveNoticedAt: input.now }
  }
  return withWarnings(basis, result)
}

/** Returns the channel's count for today's UTC day, or undefined when the channel has no quota. */
function readQuotaUsage(context: OutcomeContext): ChannelUsage | undefined {
  const { input, channel, authenticated } = context
  if (authenticated) {
    return undefined
  }

  const day = toUtcDay(input.now)
  const usage = input.usage
  if (usage === undefined || usage.day !== day) {
    return { token: channel.token, day, count: 0 }
  }
  invariant(
    usage.token === channel.token,
    `Failed to read the daily quota: the usage record is for token ${usage.token}, the channel is ${channel.token}`,
  )
  return usage
}

function createQuotaExceededResult(options: {
  context: OutcomeContext
  basis: ResponseBasis
  usage: ChannelUsage
  deviceConnectionStatus: DeviceConnectionStatus
}): ChannelRequestResult {
  const { context, basis, usage, deviceConnectionStatus } = options
  const quota = context.input.settings.dailyQuota
  const reason = `Dropped: the channel of "${context.channel.appName}" has used its daily quota of ${quota} notifications for ${usage.day} (UTC day of the engine clock). Retry at most once an hour after midnight UTC, or send through an authenticated channel, which has no quota.`
  return withWarnings(basis, {
    response: createStatusResponse(basis, {
      status: 406,
      notificationStatus: 'Dropped',
      deviceConnectionStatus,
      subscriptionStatus: 'Active',
      reason,
    }),
    notificationStatus: 'Dropped',
    errorCode: 'DAILY_QUOTA_EXCEEDED',
  })
}

function toDeliveryResult(options: {
  context: OutcomeContext
  basis: ResponseBasis
  decision: DeliveryDecision
  usage: ChannelUsage | undefined
  deviceConnectionStatus: DeviceConnectionStatus
}): ChannelRequestResult {
  const { context, basis, decision, usage, deviceConnectionStatus } = options
  if (decision.kind === 'channel-closed') {
    return withWarnings(basis, {
      response: createStatusResponse(basis, {
        status: 404,
        notificationStatus: 'Dropped',
        deviceConnectionStatus,
        subscriptionStatus: 'Expired',
        reason: decision.reason,
      }),
      notificationStatus: 'Dropped',
      errorCode: 'CHANNEL_CLOSED',
      channel: {
        ...context.channel,
        closedAt: context.input.now,
        closeReason: decision.closeReason,
      },
    })
  }

  const result: ChannelRequestResult = {
    response: createStatusResponse(basis, {
      status: 200,
      notificationStatus: decision.notificationStatus,
      deviceConnectionStatus,
      subscriptionStatus: 'Active',
      reason: decision.reason,
    }),
    notificationStatus: decision.notificationStatus,
  }
  if (decision.enqueue !== undefined) {
    result.enqueue = decision.enqueue
  }
  // NOTE: counting every 200 response (Received, Suppressed, Dropped and QueueFull) against the
  // daily quota is the emulator's choice, because MPNS documents only the 500 a day.
  if (usage !== undefined) {
    result.usage = { token: usage.token, day: usage.day, count: usage.count + 1 }
  }
  return withWarnings(basis, result)
}

/** Builds a response after the payload checks. A 4xx carries its explanation as the body. */
function createStatusResponse(
  basis: ResponseBasis,
  options: Omit<ResponseOptions, 'now' | 'messageId' | 'warnings' | 'body'>,
): MpnsHttpResponse {
  const response: ResponseOptions = { ...options, now: basis.now, warnings: basis.warnings }
  if (basis.messageId !== undefined) {
    response.messageId = basis.messageId
  }
  if (options.status >= 400) {
    response.body = options.reason
  }
  return createMpnsResponse(response)
}

function withWarnings(basis: ResponseBasis, result: ChannelRequestResult): ChannelRequestResult {
  if (basis.warnings.length > 0) {
    result.warnings = basis.warnings
  }
  return result
}
