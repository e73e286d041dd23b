import { createEngineClock } from '@/mpns/clock'
import type { EngineClockState } from '@/mpns/clock'
import type {
  RemovedNotification,
  StoreChange,
  StoredEngineState,
  UnansweredRequest,
} from '@/mpns/delivery'
import { DEFAULT_ENGINE_SETTINGS } from '@/mpns/engine'
import type { ChannelRecord, ChannelUsage, DeviceRecord, EngineSettings } from '@/mpns/types'

/**
 * The worker's in-memory copy of the stored engine state, plus the changes of batches that are
 * still being written. Every decision reads it and every change updates it at once, so concurrent
 * requests see each other. After a failed write it is dropped and read again from storage.
 */
export interface EngineState {
  channels: Map<string, ChannelRecord>
  devices: Map<string, DeviceRecord>
  /** Quota counts per channel token. */
  usage: Map<string, ChannelUsage>
  /** Undelivered notifications per channel token. */
  queuedCounts: Map<string, number>
  settings: EngineSettings
  clock: EngineClockState
  /**
   * Requests stored as unanswered when the cache was read, by fingerprint. Entries of earlier
   * worker lives are requests the browser may dispatch again.
   */
  unanswered: Map<string, UnansweredRequest[]>
}

/**
 * How long after its acceptance a request may still come again, in real milliseconds. Chromium
 * dispatches a fetch event again as soon as the stopped worker has started, so a minute is ample.
 */
export const REDISPATCH_WINDOW_MS = 60_000

/** Maximum number of open channels on one handset. Opening one more fails on the phone. */
export const MAX_OPEN_CHANNELS_PER_HANDSET = 30

/** Builds the cache from stored state. Missing settings and clock take their defaults. */
export function toEngineState(stored: StoredEngineState, realNowMs: number): EngineState {
  return {
    channels: new Map(stored.channels.map((channel) => [channel.token, channel])),
    devices: new Map(stored.devices.map((device) => [device.handsetId, device])),
    usage: new Map(stored.usage.map((usage) => [usage.token, usage])),
    queuedCounts: new Map(stored.queuedCounts),
    settings: stored.settings ?? DEFAULT_ENGINE_SETTINGS,
    // A clock that was never changed shows real time, so a default needs no write.
    clock: stored.clock ?? createEngineClock(realNowMs),
    unanswered: groupByFingerprint(stored.unanswered),
  }
}

/**
 * Applies one change to the cache as it joins a batch. Removals are applied only after their
 * batch committed, because which notifications they delete is known only then.
 */
export function applyChangeToState(state: EngineState, change: StoreChange): void {
  switch (change.kind) {
    case 'enqueue': {
      const { token } = change.notification
      state.queuedCounts.set(token, (state.queuedCounts.get(token) ?? 0) + 1)
      break
    }
    case 'put-channel':
      state.channels.set(change.channel.token, change.channel)
      break
    case 'put-device':
      state.devices.set(change.device.handsetId, change.device)
      break
    case 'put-usage':
      state.usage.set(change.usage.token, change.usage)
      break
    case 'put-settings':
      state.settings = change.settings
      break
    case 'put-clock':
      state.clock = change.clock
      break
    case 'remove-unanswered':
      forgetUnanswered(state, change.deliveryIds)
      break
    case 'remove-deliveries':
    case 'remove-channel-queue':
    case 'put-unanswered':
      break
  }
}

/** Lowers the queued counts by the notifications a committed batch deleted. */
export function applyRemovalsToState(
  state: EngineState,
  removed: readonly RemovedNotification[],
): void {
  for (const { token } of removed) {
    const count = (state.queuedCounts.get(token) ?? 0) - 1
    if (count > 0) {
      state.queuedCounts.set(token, count)
    } else {
      state.queuedCounts.delete(token)
    }
  }
}

/**
 * Finds a request that an earlier worker life stored but may not have responded to, with the same
 * fingerprint, accepted at most `windowMs` ago.
 */
export function findRedispatchedRequest(
  state: Readonly<EngineState>,
  options: { fingerprint: string; workerLifeId: string; realNowMs: number; windowMs: number },
): UnansweredRequest | undefined {
  return state.unanswered
    .get(options.fingerprint)
    ?.find(
      (request) =>
        request.workerLifeId !== options.workerLifeId &&
        options.realNowMs - request.acceptedAtRealMs <= options.windowMs,
    )
}

/** Lists the unanswered requests accepted more than `windowMs` ago, which no dispatch can repeat now. */
export function listStaleUnanswered(
  state: Readonly<EngineState>,
  options: { realNowMs: number; windowMs: number },
): string[] {
  const stale: string[] = []
  for (const requests of state.unanswered.values()) {
    for (const request of requests) {
      if (options.realNowMs - request.acceptedAtRealMs > options.windowMs) {
        stale.push(request.deliveryId)
      }
    }
  }
  return stale
}

/** Finds the app's open channel on a handset. */
export function findOpenChannel(
  state: EngineState,
  options: { handsetId: string; appId: string },
): ChannelRecord | undefined {
  for (const channel of state.channels.values()) {
    if (
      channel.handsetId === options.handsetId &&
      channel.appId === options.appId &&
      channel.closedAt === undefined
    ) {
      return channel
    }
  }
  return undefined
}

/** Counts a handset's open channels. */
export function countOpenChannels(state: EngineState, handsetId: string): number {
  let count = 0
  for (const channel of state.channels.values()) {
    if (channel.handsetId === handsetId && channel.closedAt === undefined) {
      count += 1
    }
  }
  return count
}

function groupByFingerprint(
  requests: readonly UnansweredRequest[],
): Map<string, UnansweredRequest[]> {
  const groups = new Map<string, UnansweredRequest[]>()
  for (const request of requests) {
    groups.set(request.fingerprint, [...(groups.get(request.fingerprint) ?? []), request])
  }
  return groups
}

function forgetUnanswered(state: EngineState, deliveryIds: readonly string[]): void {
  const forgotten = new Set(deliveryIds)
  for (const [fingerprint, requests] of state.unanswered) {
    const kept = requests.filter((request) => !forgotten.has(request.deliveryId))
    if (kept.length === 0) {
      state.unanswered.delete(fingerprint)
    } else {
      state.unanswered.set(fingerprint, kept)
    }
  }
}
