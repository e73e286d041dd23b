import { logInfo } from '@/lib/log'
import { toRealDelayMs } from '@/mpns/clock'
import type { EngineClockState } from '@/mpns/clock'
import { DEFAULT_PENDING_LIMIT } from '@/mpns/delivery'
import type { StoreChange } from '@/mpns/delivery'
import { createDeviceRecord } from '@/mpns/device-state'
import type { DeviceRecord } from '@/mpns/types'
import type {
  DeviceStatePayload,
  WorkerBroadcastMessage,
  WorkerRequestMap,
} from '@/messaging/messages'

import { decideInactiveNotice } from './callback-firing'
import { closeChannelRecord } from './channel-lifecycle'
import { findOpenChannel } from './engine-state'
import type { Decision, DecisionContext } from './group-commit'
import type { ServiceContext } from './service-context'

type PendingRequest = WorkerRequestMap['PENDING']['request']
type PendingReply = WorkerRequestMap['PENDING']['response']
type AckRequest = WorkerRequestMap['ACK']['request']

/** Maximum number of notifications a push client may request in one PENDING reply. */
export const MAX_PENDING_LIMIT = 10_000

/**
 * Stores what a handset's push client reports. Going offline starts the time away that leads to
 * Inactive, and coming back online ends it and announces the queue. When the app in the foreground
 * changes, the channel of the app that exited closes if it was bound to neither toast nor tile.
 */
export async function reportDeviceState(
  context: ServiceContext,
  report: DeviceStatePayload,
): Promise<{ device: DeviceRecord }> {
  const { reply } = await context.commit.run((decision) => decideDeviceState(decision, report))
  return { device: reply }
}

/**
 * Records the push client's contact and lists the handset's due notifications in acceptance
 * order. An offline handset is unreachable, so it gets nothing.
 */
export async function listPending(
  context: ServiceContext,
  request: PendingRequest,
): Promise<PendingReply> {
  const limit = request.limit ?? DEFAULT_PENDING_LIMIT
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PENDING_LIMIT) {
    throw new Error(
      `Invalid PENDING limit "${String(request.limit)}": expected a whole number from 1 to ${MAX_PENDING_LIMIT}. Leave it out for ${DEFAULT_PENDING_LIMIT}.`,
    )
  }

  const { reply: contact } = await context.commit.run((decision) =>
    decideContact(decision, request.handsetId),
  )
  if (contact.offline) {
    return { notifications: [], more: false }
  }

  // Read after the contact was stored, so every notification accepted before is listed.
  const selection = await context.store.listDue(request.handsetId, { now: contact.now, limit })
  const reply: PendingReply = { notifications: selection.notifications, more: selection.more }
  if (selection.nextDueAt !== undefined) {
    const delayMs = toRealDelayMs(contact.clock, {
      engineMs: selection.nextDueAt,
      realNowMs: context.readRealTime(),
    })
    if (Number.isFinite(delayMs)) {
      reply.nextDueInRealMs = delayMs
    }
  }
  return reply
}

/** Deletes the deliveries a handset applied and returns how many were still queued. */
export async function acknowledge(
  context: ServiceContext,
  request: AckRequest,
): Promise<{ removed: number }> {
  if (request.deliveryIds.length === 0) {
    return { removed: 0 }
  }
  const { removed } = await context.commit.run(() => ({
    reply: undefined,
    changes: [
      {
        kind: 'remove-deliveries',
        handsetId: request.handsetId,
        deliveryIds: request.deliveryIds,
      },
    ],
  }))
  return { removed }
}

function decideDeviceState(
  decision: DecisionContext,
  report: DeviceStatePayload,
): Decision<DeviceRecord> {
  const { state, now } = decision
  const previous = state.devices.get(report.handsetId)
  const device = toReportedDevice({ previous, report, now })
  const changes: StoreChange[] = [{ kind: 'put-device', device }]
  const broadcasts: WorkerBroadcastMessage[] = []

  if (previous?.network === 'offline' && device.network === 'online') {
    // The push client pulls on this message, so the queue is delivered in acceptance order.
    broadcasts.push({
      type: 'NOTIFICATIONS_AVAILABLE_MESSAGE',
      payload: { handsetId: device.handsetId },
    })
  }

  const inactive = decideInactiveNotice({ state, device, now })
  changes.push(...inactive.changes)
  broadcasts.push(...inactive.broadcasts)

  const exitedAppId = previous?.foregroundAppId ?? null
  if (exitedAppId !== null && exitedAppId !== device.foregroundAppId) {
    const channel = findOpenChannel(state, { handsetId: device.handsetId, appId: exitedAppId })
    // MPNS removes a channel used only for raw notifications when its app exits.
    if (channel !== undefined && !channel.boundToast && !channel.boundTile) {
      changes.push(
        { kind: 'put-channel', channel: closeChannelRecord(channel, now, 'app-exited') },
        { kind: 'remove-channel-queue', token: channel.token },
      )
      broadcasts.push({ type: 'CHANNELS_CHANGED_MESSAGE', payload: {} })
      logInfo('[sw]', `closing raw-only channel of ${exitedAppId}: the app exited`, {
        token: channel.token,
      })
    }
  }
  return { reply: device, changes, broadcasts }
}

/** Builds the stored record from a report and the record before it. */
function toReportedDevice(options: {
  previous: DeviceRecord | undefined
  report: DeviceStatePayload
  now: number
}): DeviceRecord {
  const { previous, report, now } = options
  const base = previous ?? createDeviceRecord({ handsetId: report.handsetId, now })
  const { offlineSince: previousOfflineSince, inactiveNoticedAt, ...rest } = base
  const device: DeviceRecord = {
    ...rest,
    foregroundAppId: report.foregroundAppId,
    network: report.network,
    battery: report.battery,
    secondaryTileIds: report.secondaryTileIds,
  }

  if (report.network === 'online') {
    device.lastContactAt = now
    return device
  }
  // An offline handset makes no contact, and its time away counts from the first offline report.
  device.offlineSince = base.network === 'offline' ? (previousOfflineSince ?? now) : now
  if (inactiveNoticedAt !== undefined) {
    device.inactiveNoticedAt = inactiveNoticedAt
  }
  return device
}

interface Contact {
  offline: boolean
  now: number
  clock: EngineClockState
}

function decideContact(decision: DecisionContext, handsetId: string): Decision<Contact> {
  const { state, now } = decision
  const device = state.devices.get(handsetId) ?? createDeviceRecord({ handsetId, now })
  const contact: Contact = { offline: device.network === 'offline', now, clock: state.clock }
  if (contact.offline) {
    // An offline handset's push client still reports in, which is when the time away may reach Inactive.
    const inactive = decideInactiveNotice({ state, device: state.devices.get(handsetId), now })
    return { reply: contact, ...inactive }
  }
  return {
    reply: contact,
    changes: [{ kind: 'put-device', device: { ...device, lastContactAt: now } }],
  }
}
