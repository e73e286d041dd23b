import { describe, expect, it } from 'vitest'

import {
  advanceEngineClock,
  createEngineClock,
  MAX_CLOCK_SPEED,
  readEngineClock,
  setEngineClockSpeed,
  toRealDelayMs,
  toUtcDay,
} from './clock'
import type { EngineClockState } from './clock'

const REAL_START = Date.UTC(2013, 9, 22, 12, 0, 0)

/** A clock at 60 times real speed that showed REAL_START + 1 hour at REAL_START. */
const FAST_CLOCK: EngineClockState = {
  speed: 60,
  anchorRealMs: REAL_START,
  anchorEngineMs: REAL_START + 3_600_000,
}

describe('engine clock', () => {
  it('starts at real time and real speed', () => {
    const clock = createEngineClock(REAL_START)

    expect(clock).toEqual({ speed: 1, anchorRealMs: REAL_START, anchorEngineMs: REAL_START })
    expect(readEngineClock(clock, REAL_START + 1_234)).toBe(REAL_START + 1_234)
  })

  it('runs at its speed from the anchor', () => {
    expect(readEngineClock(FAST_CLOCK, REAL_START + 1_000)).toBe(REAL_START + 3_660_000)
  })

  it('rounds fractional engine time down', () => {
    const clock = { ...FAST_CLOCK, speed: 1.5 }

    expect(readEngineClock(clock, REAL_START + 1)).toBe(REAL_START + 3_600_001)
  })

  it('keeps engine time continuous when the speed changes', () => {
    const realNowMs = REAL_START + 10_000
    const before = readEngineClock(FAST_CLOCK, realNowMs)
    const clock = setEngineClockSpeed(FAST_CLOCK, { speed: 2, realNowMs })

    expect(clock).toEqual({ speed: 2, anchorRealMs: realNowMs, anchorEngineMs: before })
    expect(readEngineClock(clock, realNowMs + 500)).toBe(before + 1_000)
  })

  it('stops at speed 0', () => {
    const clock = setEngineClockSpeed(FAST_CLOCK, { speed: 0, realNowMs: REAL_START })

    expect(readEngineClock(clock, REAL_START + 86_400_000)).toBe(REAL_START + 3_600_000)
  })

  it.each([Number.NaN, -1, MAX_CLOCK_SPEED + 1, Number.POSITIVE_INFINITY])(
    'rejects speed %s',
    (speed) => {
      expect(() => setEngineClockSpeed(FAST_CLOCK, { speed, realNowMs: REAL_START })).toThrow(
        `Failed to set the engine clock speed: ${speed} is not between 0 and ${MAX_CLOCK_SPEED}`,
      )
    },
  )

  it('moves engine time forward by a rounded step', () => {
    const clock = advanceEngineClock(FAST_CLOCK, { byMs: 900_000.4, realNowMs: REAL_START })

    expect(clock).toEqual({
      speed: 60,
      anchorRealMs: REAL_START,
      anchorEngineMs: REAL_START + 4_500_000,
    })
  })

  it.each([-1, Number.NaN])('rejects a step of %s ms', (byMs) => {
    expect(() => advanceEngineClock(FAST_CLOCK, { byMs, realNowMs: REAL_START })).toThrow(
      `Failed to advance the engine clock: ${byMs} ms is not a forward step`,
    )
  })
})

describe('toRealDelayMs', () => {
  it.each([
    ['a past time', FAST_CLOCK, REAL_START, 0],
    ['the current time', FAST_CLOCK, REAL_START + 3_600_000, 0],
    [
      'a time 900 engine seconds ahead at 60 times speed',
      FAST_CLOCK,
      REAL_START + 4_500_000,
      15_000,
    ],
    ['a time 1 engine millisecond ahead at 60 times speed', FAST_CLOCK, REAL_START + 3_600_001, 1],
    [
      'a time ahead on a stopped clock',
      { ...FAST_CLOCK, speed: 0 },
      REAL_START + 3_600_001,
      Number.POSITIVE_INFINITY,
    ],
  ])('waits for %s', (_name, clock, engineMs, expected) => {
    expect(toRealDelayMs(clock, { engineMs, realNowMs: REAL_START })).toBe(expected)
  })
})

describe('toUtcDay', () => {
  it.each([
    [Date.UTC(2013, 9, 22, 0, 0, 0), '2013-10-22'],
    [Date.UTC(2013, 9, 22, 23, 59, 59, 999), '2013-10-22'],
    [Date.UTC(2013, 9, 23, 0, 0, 0), '2013-10-23'],
    [0, '1970-01-01'],
  ])('formats %i as %s', (engineMs, expected) => {
    expect(toUtcDay(engineMs)).toBe(expected)
  })
})
