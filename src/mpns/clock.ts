import { invariant } from '../lib/invariant'

/**
 * The engine clock as stored: engine time runs at `speed` times real time from an anchor, so a
 * restarted worker reads the same time. Plain data, safe to structured-clone.
 */
export interface EngineClockState {
  /** Engine milliseconds per real millisecond. @default 1 */
  speed: number
  /** Real time of the anchor, in epoch milliseconds. */
  anchorRealMs: number
  /** Engine time at the anchor, in epoch milliseconds. */
  anchorEngineMs: number
}

/** Largest clock speed the console offers; faster clocks make batching windows pass in under a second. */
export const MAX_CLOCK_SPEED = 10_000

/** Creates a clock that shows real time at real speed. */
export function createEngineClock(realNowMs: number): EngineClockState {
  return { speed: 1, anchorRealMs: realNowMs, anchorEngineMs: realNowMs }
}

/** Reads engine time in epoch milliseconds at a real time. */
export function readEngineClock(clock: EngineClockState, realNowMs: number): number {
  return Math.floor(clock.anchorEngineMs + (realNowMs - clock.anchorRealMs) * clock.speed)
}

/** Changes the speed from now on, keeping the engine time continuous. */
export function setEngineClockSpeed(
  clock: EngineClockState,
  options: { speed: number; realNowMs: number },
): EngineClockState {
  invariant(
    Number.isFinite(options.speed) && options.speed >= 0 && options.speed <= MAX_CLOCK_SPEED,
    `Failed to set the engine clock speed: ${options.speed} is not between 0 and ${MAX_CLOCK_SPEED}`,
  )
  return {
    speed: options.speed,
    anchorRealMs: options.realNowMs,
    anchorEngineMs: readEngineClock(clock, options.realNowMs),
  }
}

/** Moves engine time forward by a number of milliseconds; the clock never runs backwards. */
export function advanceEngineClock(
  clock: EngineClockState,
  options: { byMs: number; realNowMs: number },
): EngineClockState {
  invariant(
    Number.isFinite(options.byMs) && options.byMs >= 0,
    `Failed to advance the engine clock: ${options.byMs} ms is not a forward step`,
  )
  return {
    speed: clock.speed,
    anchorRealMs: options.realNowMs,
    anchorEngineMs: readEngineClock(clock, options.realNowMs) + Math.round(options.byMs),
  }
}

/** Returns the real milliseconds until engine time reaches `engineMs`, or Infinity when stopped. */
export function toRealDelayMs(
  clock: EngineClockState,
  options: { engineMs: number; realNowMs: number },
): number {
  const remainingEngineMs = options.engineMs - readEngineClock(clock, options.realNowMs)
  if (remainingEngineMs <= 0) {
    return 0
  }
  return clock.speed === 0 ? Number.POSITIVE_INFINITY : Math.ceil(remainingEngineMs / clock.speed)
}

/** Formats engine time as its UTC calendar day, `YYYY-MM-DD`, the unit of the daily quota. */
export function toUtcDay(engineMs: number): string {
  return new Date(engineMs).toISOString().slice(0, 10)
}
