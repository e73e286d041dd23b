import { logInfo } from '@/lib/log'
import { createChannelToken, toChannelUri } from '@/mpns/channel'
import type { StoreChange } from '@/mpns/delivery'
import type { ChannelCloseReason, ChannelRecord } from '@/mpns/types'
import { toChannelUriBases } from '@/messaging/messages'
import type {
  ChannelOpenPayload,
  ChannelOpenResult,
  ChannelUriBases,
  WorkerRequestMap,
} from '@/messaging/messages'

import { countOpenChannels, findOpenChannel, MAX_OPEN_CHANNELS_PER_HANDSET } from './engine-state'
import type { Decision, DecisionContext } from './group-commit'
import type { ServiceContext } from './service-context'

type ChannelCloseRequest = WorkerRequestMap['CHANNEL_CLOSE']['request']
type ChannelRenewRequest = WorkerRequestMap['CHANNEL_RENEW']['request']
type ChannelReply = { channel: ChannelRecord | null }

/** Bytes of randomness in a channel token. 48 bytes give 64 base64url characters. */
const CHANNEL_TOKEN_BYTES = 48

const CHANNELS_CHANGED = { type: 'CHANNELS_CHANGED_MESSAGE', payload: {} } as const

/**
 * Opens an app's channel, or updates its open one, because MPNS gives each app one channel. A
 * closed channel is never reopened, so the app then gets a new token. A handset may have at most
 * 30 open channels, and opening one more is rejected as the phone rejects it.
 */
export async function openChannel(
  context: ServiceContext,
  request: ChannelOpenPayload,
): Promise<ChannelOpenResult> {
  const { reply } = await context.commit.run((decision) =>
    decideChannelOpen(context, decision, request),
  )

  if (reply.outcome === 'quota-exceeded') {
    logInfo(
      '[sw]',
      `refused a channel for ${request.appId} on ${request.handsetId}: quota exceeded`,
    )
  } else {
    logInfo('[sw]', `${reply.outcome} channel for ${request.appId} on ${request.handsetId}`, {
      token: reply.channel.token,
      boundToast: reply.channel.boundToast,
      boundTile: reply.channel.boundTile,
    })
  }
  return reply
}

/**
 * Closes an app's open channel and deletes its undelivered notifications. A POST to its URI then
 * gets 404 Expired.
 */
export async function closeChannel(
  context: ServiceContext,
  request: ChannelCloseRequest,
): Promise<ChannelReply> {
  const { reply, removed } = await context.commit.run<ChannelReply>(({ state, now }) => {
    const open = findOpenChannel(state, request)
    if (open === undefined) {
      return { reply: { channel: null } }
    }
    const channel = closeChannelRecord(open, now, request.reason)
    return {
      reply: { channel },
      changes: [
        { kind: 'put-channel', channel },
        { kind: 'remove-channel-queue', token: channel.token },
      ],
      broadcasts: [CHANNELS_CHANGED],
    }
  })

  if (reply.channel !== null) {
    logInfo(
      '[sw]',
      `closed channel of ${request.appId} on ${request.handsetId}: ${request.reason}`,
      {
        token: reply.channel.token,
        deletedNotifications: removed,
      },
    )
  }
  return reply
}

/**
 * Issues a new token and URI for an app's open channel and closes the old one. Undelivered
 * notifications stay queued for the handset.
 */
export async function renewChannel(
  context: ServiceContext,
  request: ChannelRenewRequest,
): Promise<ChannelReply> {
  const { reply } = await context.commit.run<ChannelReply>((decision) => {
    const open = findOpenChannel(decision.state, request)
    if (open === undefined) {
      return { reply: { channel: null } }
    }
    const token = createChannelToken(context.randomBytes(CHANNEL_TOKEN_BYTES))
    const channel: ChannelRecord = {
      ...open,
      token,
      channelUri: toServiceChannelUri(
        readChannelUriBases(open.channelUri),
        token,
        open.serviceName,
      ),
      openedAt: decision.now,
    }
    return {
      reply: { channel },
      changes: [
        { kind: 'put-channel', channel: closeChannelRecord(open, decision.now, 'renewed') },
        { kind: 'put-channel', channel },
      ],
      broadcasts: [CHANNELS_CHANGED],
    }
  })

  if (reply.channel !== null) {
    logInfo('[sw]', `renewed channel of ${request.appId} on ${request.handsetId}`, {
      token: reply.channel.token,
    })
  }
  return reply
}

/** Lists every channel, closed ones included, once the changes decided before are stored. */
export async function listChannels(
  context: ServiceContext,
): Promise<{ channels: ChannelRecord[] }> {
  const { reply } = await context.commit.run(({ state }) => ({
    reply: { channels: [...state.channels.values()] },
  }))
  return reply
}

/** Returns the record of a channel closed at `now` for `reason`. */
export function closeChannelRecord(
  channel: ChannelRecord,
  now: number,
  reason: ChannelCloseReason,
): ChannelRecord {
  return { ...channel, closedAt: now, closeReason: reason }
}

function decideChannelOpen(
  context: ServiceContext,
  decision: DecisionContext,
  request: ChannelOpenPayload,
): Decision<ChannelOpenResult> {
  const existing = findOpenChannel(decision.state, request)
  if (existing !== undefined && existing.serviceName === request.serviceName) {
    const channel = updateChannel(existing, {
      request,
      bases: request.channelUriBases ?? toChannelUriBases(context.origin),
    })
    return {
      reply: { outcome: 'updated', channel },
      changes: [{ kind: 'put-channel', channel }],
      broadcasts: [CHANNELS_CHANGED],
    }
  }

  const openCount = countOpenChannels(decision.state, request.handsetId)
  if (existing === undefined && openCount >= MAX_OPEN_CHANNELS_PER_HANDSET) {
    return { reply: { outcome: 'quota-exceeded', message: describeQuotaExceeded(request) } }
  }

  const channel = createChannel(context, decision, request)
  const changes: StoreChange[] = [{ kind: 'put-channel', channel }]
  if (existing !== undefined) {
    // A service name is part of the URI's path, so an open channel for another service name
    // is replaced by a new one, as a renewal replaces it.
    changes.unshift({
      kind: 'put-channel',
      channel: closeChannelRecord(existing, decision.now, 'renewed'),
    })
  }
  return { reply: { outcome: 'opened', channel }, changes, broadcasts: [CHANNELS_CHANGED] }
}

/**
 * Updates an open channel from the app's new request. The URI keeps its token and takes the bases
 * the server advertises now, so a changed public URL shows on the next open.
 */
function updateChannel(
  existing: ChannelRecord,
  options: { request: ChannelOpenPayload; bases: ChannelUriBases },
): ChannelRecord {
  const { request } = options
  return {
    ...existing,
    channelUri: toServiceChannelUri(options.bases, existing.token, existing.serviceName),
    appName: request.appName,
    channelName: request.channelName,
    tileTemplate: request.tileTemplate,
    boundToast: request.bindToast,
    boundTile: request.bindTile,
  }
}

function createChannel(
  context: ServiceContext,
  decision: DecisionContext,
  request: ChannelOpenPayload,
): ChannelRecord {
  const token = createChannelToken(context.randomBytes(CHANNEL_TOKEN_BYTES))
  const channel: ChannelRecord = {
    token,
    channelUri: toServiceChannelUri(
      request.channelUriBases ?? toChannelUriBases(context.origin),
      token,
      request.serviceName,
    ),
    handsetId: request.handsetId,
    appId: request.appId,
    appName: request.appName,
    channelName: request.channelName,
    boundToast: request.bindToast,
    boundTile: request.bindTile,
    tileTemplate: request.tileTemplate,
    openedAt: decision.now,
  }
  if (request.serviceName !== undefined) {
    channel.serviceName = request.serviceName
  }
  return channel
}

/** Builds a channel URI: the authenticated (https, unthrottled) one for a channel opened with a service name. */
function toServiceChannelUri(
  bases: ChannelUriBases,
  token: string,
  serviceName: string | undefined,
): string {
  const authenticated = serviceName !== undefined
  return toChannelUri(authenticated ? bases.https : bases.http, token, { authenticated })
}

/** Bases that keep the scheme and host of an issued channel URI, for its renewal. */
function readChannelUriBases(channelUri: string): ChannelUriBases {
  const { origin } = new URL(channelUri)
  return { http: origin, https: origin }
}

function describeQuotaExceeded(request: ChannelOpenPayload): string {
  return `PushNotificationChannelQuotaExceeded: ${request.handsetId} already has ${MAX_OPEN_CHANNELS_PER_HANDSET} open push channels, the most a Windows Phone allows. Close the channel of another app or uninstall one before opening a channel for "${request.appName}".`
}
