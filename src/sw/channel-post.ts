import { logInfo } from '@/lib/log'
import { locateChannel } from '@/mpns/channel'
import { toUtcDay } from '@/mpns/clock'
import { createDeliveryId } from '@/mpns/delivery'
import type { StoreChange, UnansweredRequest } from '@/mpns/delivery'
import { handleChannelRequest } from '@/mpns/engine'
import { readHeader } from '@/mpns/request'
import { createMpnsResponse } from '@/mpns/response'
import type { MpnsHttpRequest, MpnsHttpResponse, QueuedNotification } from '@/mpns/types'
import type { ConsoleRequestHandled, WorkerBroadcastMessage } from '@/messaging/messages'

import { decideCallbackFiring, decideInactiveNotice } from './callback-firing'
import { REDISPATCH_WINDOW_MS, findRedispatchedRequest } from './engine-state'
import type { EngineState } from './engine-state'
import { CommitFailedError } from './group-commit'
import type { Decision } from './group-commit'
import { createRequestFingerprint } from './request-fingerprint'
import type { ServiceContext } from './service-context'

/** Random bytes in a delivery id, after its time part. */
const DELIVERY_ID_RANDOM_BYTES = 8

/**
 * Responds to a request to a channel URI as MPNS does. The response is released only after the
 * changes it promises (an accepted notification, the quota count) are stored. When storing fails,
 * the sender gets 503, so it sends again. A request with a `consoleRequestId` also has the worker
 * broadcast what it did with it, for the console's delivery timeline.
 */
export async function answerChannelPost(
  context: ServiceContext,
  request: MpnsHttpRequest,
  options: { consoleRequestId?: string | undefined } = {},
): Promise<MpnsHttpResponse> {
  const location = locateChannel(request.url)
  const token = location.kind === 'channel' ? location.token : ''
  const fingerprint = createRequestFingerprint(request)
  let decidedAt: number | undefined

  try {
    const { reply } = await context.commit.run(({ state, now, realNowMs }) => {
      decidedAt = now
      const redispatched = findRedispatchedRequest(state, {
        fingerprint,
        workerLifeId: context.workerLifeId,
        realNowMs,
        windowMs: REDISPATCH_WINDOW_MS,
      })
      if (redispatched !== undefined) {
        return answerRedispatch(redispatched)
      }

      const deliveryId = createDeliveryId(now, context.randomBytes(DELIVERY_ID_RANDOM_BYTES))
      const accepted = { deliveryId, fingerprint, workerLifeId: context.workerLifeId, realNowMs }
      const decision = decideChannelPost({ state, now, request, token, accepted })
      if (options.consoleRequestId !== undefined) {
        const handled = toConsoleRequestHandled(options.consoleRequestId, { token, now, decision })
        decision.broadcasts = [
          ...(decision.broadcasts ?? []),
          { type: 'CONSOLE_REQUEST_HANDLED_MESSAGE', payload: handled },
        ]
      }
      return decision
    })
    if (reply.storedAsUnanswered !== undefined) {
      context.markAnswered(reply.storedAsUnanswered)
    }
    return reply.response
  } catch (error) {
    if (!(error instanceof CommitFailedError)) {
      throw error
    }
    return createMpnsResponse({
      status: 503,
      now: decidedAt ?? context.readRealTime(),
      reason: error.message,
      body: error.message,
    })
  }
}

/** The response, the notification it queued, and the delivery id of the unanswered record stored with it. */
interface ChannelPostReply {
  response: MpnsHttpResponse
  enqueued?: QueuedNotification
  storedAsUnanswered?: string
}

/**
 * Responds to a request that an earlier worker life stored but stopped before responding to: Chromium
 * dispatched its fetch event again. The sender gets the first answer, and nothing is queued twice.
 */
function answerRedispatch(request: UnansweredRequest): Decision<ChannelPostReply> {
  logInfo('[sw]', `answered a request dispatched again after the worker stopped`, {
    deliveryId: request.deliveryId,
  })
  return {
    reply: { response: request.response },
    changes: [{ kind: 'remove-unanswered', deliveryIds: [request.deliveryId] }],
  }
}

function decideChannelPost(options: {
  state: Readonly<EngineState>
  now: number
  request: MpnsHttpRequest
  token: string
  accepted: { deliveryId: string; fingerprint: string; workerLifeId: string; realNowMs: number }
}): Decision<ChannelPostReply> {
  const { state, now, token } = options
  const channel = state.channels.get(token)
  const device = channel === undefined ? undefined : state.devices.get(channel.handsetId)
  const usage = state.usage.get(token)

  const result = handleChannelRequest({
    request: options.request,
    channel,
    device,
    usage: usage?.day === toUtcDay(now) ? usage : undefined,
    queuedCount: state.queuedCounts.get(token) ?? 0,
    now,
    settings: state.settings,
    deliveryId: options.accepted.deliveryId,
  })

  const changes: StoreChange[] = []
  const broadcasts: WorkerBroadcastMessage[] = []
  const reply: ChannelPostReply = { response: result.response }
  if (result.enqueue !== undefined) {
    const { deliveryId, fingerprint, workerLifeId, realNowMs } = options.accepted
    changes.push(
      { kind: 'enqueue', notification: result.enqueue },
      {
        kind: 'put-unanswered',
        request: {
          deliveryId,
          fingerprint,
          workerLifeId,
          acceptedAtRealMs: realNowMs,
          response: result.response,
        },
      },
    )
    reply.storedAsUnanswered = deliveryId
    reply.enqueued = result.enqueue
  }
  if (result.usage !== undefined) {
    changes.push({ kind: 'put-usage', usage: result.usage })
  }
  if (result.device !== undefined) {
    changes.push({ kind: 'put-device', device: result.device })
  }
  if (result.channel !== undefined) {
    changes.push({ kind: 'put-channel', channel: result.channel })
    const closedNow = result.channel.closedAt !== undefined && channel?.closedAt === undefined
    if (closedNow) {
      // A channel the engine closed takes its undelivered notifications with it.
      changes.push({ kind: 'remove-channel-queue', token: result.channel.token })
      broadcasts.push({ type: 'CHANNELS_CHANGED_MESSAGE', payload: {} })
    }
  }

  const replaced = result.channel === undefined ? [] : [result.channel]
  const inactive =
    result.device?.inactiveNoticedAt === now
      ? decideCallbackFiring({ state, handsetId: result.device.handsetId, now, replaced })
      : decideInactiveNotice({ state, device, now, replaced })
  changes.push(...inactive.changes)
  broadcasts.push(...inactive.broadcasts)
  return { reply, changes, broadcasts }
}

/** Describes what the worker did with a console POST, from the decision made for it. */
function toConsoleRequestHandled(
  consoleRequestId: string,
  options: { token: string; now: number; decision: Decision<ChannelPostReply> },
): ConsoleRequestHandled {
  const { response, enqueued } = options.decision.reply
  const handled: ConsoleRequestHandled = {
    consoleRequestId,
    token: options.token,
    status: response.status,
    acceptedAt: options.now,
  }
  const optionalHeaders = {
    notificationStatus: 'X-NotificationStatus',
    subscriptionStatus: 'X-SubscriptionStatus',
    deviceConnectionStatus: 'X-DeviceConnectionStatus',
    reason: 'X-Emulator-Reason',
  } as const
  for (const [field, header] of Object.entries(optionalHeaders)) {
    const value = readHeader(response.headers, header)
    if (value !== undefined) {
      handled[field as keyof typeof optionalHeaders] = value
    }
  }
  if (enqueued !== undefined) {
    handled.queued = {
      deliveryId: enqueued.deliveryId,
      handsetId: enqueued.handsetId,
      notificationClass: enqueued.notificationClass,
      dueAt: enqueued.dueAt,
    }
  }
  return handled
}
