import { logInfo } from '@/lib/log'
import {
  advanceEngineClock,
  MAX_CLOCK_SPEED,
  readEngineClock,
  setEngineClockSpeed,
} from '@/mpns/clock'
import type { StoreChange } from '@/mpns/delivery'
import { mergeEngineSettings } from '@/mpns/settings'
import type { EngineSettings } from '@/mpns/types'
import type {
  EngineClockSnapshot,
  WorkerBroadcastMessage,
  WorkerRequestMap,
} from '@/messaging/messages'

import { decideInactiveNotice } from './callback-firing'
import type { ServiceContext } from './service-context'

type ClockUpdateRequest = WorkerRequestMap['CLOCK_UPDATE']['request']

/** Maximum single jump of the engine clock: ten years of 365 days, in milliseconds. */
export const MAX_CLOCK_ADVANCE_MS = 10 * 365 * 24 * 60 * 60 * 1000

/** Returns the engine settings every request uses, once the changes decided before are stored. */
export async function getSettings(context: ServiceContext): Promise<{ settings: EngineSettings }> {
  const { reply } = await context.commit.run(({ state }) => ({
    reply: { settings: state.settings },
  }))
  return reply
}

/**
 * Validates and stores a change of engine settings, then announces the new settings.
 * An invalid change is rejected as a whole with a message naming the field, value and range.
 */
export async function updateSettings(
  context: ServiceContext,
  changes: unknown,
): Promise<{ settings: EngineSettings }> {
  const { reply } = await context.commit.run(({ state }) => {
    const merged = mergeEngineSettings(state.settings, changes)
    if (!merged.ok) {
      throw new Error(merged.message)
    }
    return {
      reply: { settings: merged.settings },
      changes: [{ kind: 'put-settings', settings: merged.settings }],
      broadcasts: [{ type: 'SETTINGS_CHANGED_MESSAGE', payload: { settings: merged.settings } }],
    }
  })
  logInfo('[sw]', 'engine settings changed', changes)
  return reply
}

/** Returns the engine clock and the engine time it shows, once the changes decided before are stored. */
export async function getClock(context: ServiceContext): Promise<EngineClockSnapshot> {
  const { reply } = await context.commit.run(({ state, now }) => ({
    reply: { clock: state.clock, engineNow: now },
  }))
  return reply
}

/**
 * Advances the engine clock, changes its speed, or both (advancing first), stores it and
 * announces it: push clients pull on the announcement, so a jump past a batching window
 * delivers at once.
 */
export async function updateClock(
  context: ServiceContext,
  request: ClockUpdateRequest,
): Promise<EngineClockSnapshot> {
  checkClockUpdate(request)

  const { reply } = await context.commit.run(({ state, realNowMs }) => {
    let clock = state.clock
    if (request.advanceMs !== undefined) {
      clock = advanceEngineClock(clock, { byMs: request.advanceMs, realNowMs })
    }
    if (request.speed !== undefined) {
      clock = setEngineClockSpeed(clock, { speed: request.speed, realNowMs })
    }
    const snapshot: EngineClockSnapshot = { clock, engineNow: readEngineClock(clock, realNowMs) }
    const changes: StoreChange[] = [{ kind: 'put-clock', clock }]
    const broadcasts: WorkerBroadcastMessage[] = [
      { type: 'CLOCK_CHANGED_MESSAGE', payload: snapshot },
    ]
    // A jump can carry an offline handset past the time to Inactive, which fires its callbacks.
    for (const device of state.devices.values()) {
      const inactive = decideInactiveNotice({ state, device, now: snapshot.engineNow })
      changes.push(...inactive.changes)
      broadcasts.push(...inactive.broadcasts)
    }
    return { reply: snapshot, changes, broadcasts }
  })
  logInfo('[sw]', 'engine clock changed', request)
  return reply
}

function checkClockUpdate(request: ClockUpdateRequest): void {
  const { speed, advanceMs } = request
  if (speed === undefined && advanceMs === undefined) {
    throw new Error('Invalid CLOCK_UPDATE: it changes nothing. Send speed, advanceMs or both.')
  }
  if (
    speed !== undefined &&
    (typeof speed !== 'number' || !Number.isFinite(speed) || speed < 0 || speed > MAX_CLOCK_SPEED)
  ) {
    throw new Error(
      `Invalid clock speed "${String(speed)}": expected a number from 0 (stopped) to ${MAX_CLOCK_SPEED}. Choose a speed in that range.`,
    )
  }
  if (
    advanceMs !== undefined &&
    (typeof advanceMs !== 'number' ||
      !Number.isFinite(advanceMs) ||
      advanceMs < 0 ||
      advanceMs > MAX_CLOCK_ADVANCE_MS)
  ) {
    const reason =
      typeof advanceMs === 'number' && advanceMs > MAX_CLOCK_ADVANCE_MS
        ? 'a single step moves the engine clock at most 10 years'
        : 'the engine clock never runs backwards'
    throw new Error(
      `Invalid clock advance "${String(advanceMs)}" ms: expected from 0 to ${MAX_CLOCK_ADVANCE_MS.toLocaleString('en-US')} ms (10 years), because ${reason}. Choose a step in that range.`,
    )
  }
}

/** Deletes the whole stored engine state, as a fresh install of the emulator has it. */
export async function resetService(context: ServiceContext): Promise<Record<string, never>> {
  await context.commit.clear()
  logInfo('[sw]', 'engine state reset: every channel, notification and setting deleted')
  return {}
}
