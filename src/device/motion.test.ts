import { describe, expect, it } from 'vitest'

import { createSeededRandom } from '@/lib/seeded-random'

import {
  createExponentialEaseIn,
  createExponentialEaseOut,
  pickTileChangeDelayMs,
  pickTileStaggerMs,
  toDeterministicStep,
  toTiltPose,
} from './motion'
import type { PressPoint, TiltPose } from './motion'

const MAX_TILT_DEG = (0.3 * 180) / Math.PI

describe('createExponentialEaseOut', () => {
  it('runs from 0 to 1 and front-loads the motion', () => {
    const easeOut = createExponentialEaseOut(6)
    const easeIn = createExponentialEaseIn(6)

    expect(easeOut(0)).toBeCloseTo(0)
    expect(easeOut(1)).toBeCloseTo(1)
    expect(easeOut(0.25)).toBeGreaterThan(0.75)
    expect(easeIn(0.25)).toBeLessThan(0.25)
    expect(easeOut(0.4)).toBeCloseTo(1 - easeIn(0.6))
  })
})

describe('pickTileChangeDelayMs', () => {
  it.each([
    [0, 4_000],
    [0.5, 5_500],
    [0.999_999, 7_000],
  ])('maps random %d to %d ms', (value, delay) => {
    expect(pickTileChangeDelayMs(() => value)).toBe(delay)
  })

  it('repeats for one seed', () => {
    const first = createSeededRandom(9)
    const second = createSeededRandom(9)

    expect([1, 2, 3].map(() => pickTileChangeDelayMs(first))).toEqual(
      [1, 2, 3].map(() => pickTileChangeDelayMs(second)),
    )
  })
})

describe('pickTileStaggerMs', () => {
  it.each([
    [0, 0],
    [0.5, 1_000],
    [0.999_999, 2_000],
  ])('maps random %d to %d ms', (value, stagger) => {
    expect(pickTileStaggerMs(() => value)).toBe(stagger)
  })
})

describe('toDeterministicStep', () => {
  it.each([
    [0, 2, 0],
    [1, 2, 1],
    [2, 2, 0],
    [7, 3, 1],
    [9, 9, 0],
    [-1, 2, 1],
    [2.9, 2, 0],
    [5, 1, 0],
    [5, 0, 0],
    [Number.NaN, 2, 0],
  ])('maps tick %d over %d steps to %d', (tick, stepCount, step) => {
    expect(toDeterministicStep(tick, stepCount)).toBe(step)
  })
})

describe('toTiltPose', () => {
  it.each<[string, PressPoint, TiltPose]>([
    ['centre', press(105, 105), { rotateX: 0, rotateY: 0, z: -25 }],
    ['right edge middle', press(210, 105), { rotateX: 0, rotateY: MAX_TILT_DEG / 2, z: -12.5 }],
    ['left edge middle', press(0, 105), { rotateX: 0, rotateY: -MAX_TILT_DEG / 2, z: -12.5 }],
    ['top edge middle', press(105, 0), { rotateX: MAX_TILT_DEG / 2, rotateY: 0, z: -12.5 }],
    ['bottom edge middle', press(105, 210), { rotateX: -MAX_TILT_DEG / 2, rotateY: 0, z: -12.5 }],
    [
      'bottom-right corner',
      press(210, 210),
      { rotateX: -MAX_TILT_DEG / 2, rotateY: MAX_TILT_DEG / 2, z: 0 },
    ],
    [
      'point outside, clamped to the corner',
      press(500, -40),
      { rotateX: MAX_TILT_DEG / 2, rotateY: MAX_TILT_DEG / 2, z: 0 },
    ],
    ['zero-sized element', { x: 3, y: 3, width: 0, height: 0 }, { rotateX: 0, rotateY: 0, z: 0 }],
  ])('tilts for a press at the %s', (_case, point, expected) => {
    const pose = toTiltPose(point)

    expect(pose.rotateX).toBeCloseTo(expected.rotateX)
    expect(pose.rotateY).toBeCloseTo(expected.rotateY)
    expect(pose.z).toBeCloseTo(expected.z)
  })

  it('never exceeds 0.3 rad or 25 px', () => {
    for (let x = 0; x <= 432; x += 24) {
      for (let y = 0; y <= 210; y += 15) {
        const pose = toTiltPose({ x, y, width: 432, height: 210 })

        expect(Math.abs(pose.rotateX) + Math.abs(pose.rotateY)).toBeLessThanOrEqual(
          MAX_TILT_DEG + 1e-9,
        )
        expect(pose.z).toBeGreaterThanOrEqual(-25)
        expect(pose.z).toBeLessThanOrEqual(0)
      }
    }
  })
})

function press(x: number, y: number): PressPoint {
  return { x, y, width: 210, height: 210 }
}
