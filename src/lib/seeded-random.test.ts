import { describe, expect, it } from 'vitest'

import { createSeededRandom, deriveSeed } from './seeded-random'

function take(seed: number, count: number): number[] {
  const random = createSeededRandom(seed)
  return Array.from({ length: count }, () => random())
}

describe('createSeededRandom', () => {
  it('repeats its sequence for one seed', () => {
    expect(take(42, 20)).toEqual(take(42, 20))
  })

  it('differs between seeds', () => {
    expect(take(1, 5)).not.toEqual(take(2, 5))
  })

  it.each([0, 1, -1, 2 ** 32 + 7, 123.9])('stays in [0, 1) for seed %d', (seed) => {
    for (const value of take(seed, 1_000)) {
      expect(value).toBeGreaterThanOrEqual(0)
      expect(value).toBeLessThan(1)
    }
  })

  it('spreads values over the range', () => {
    const values = take(7, 10_000)
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length
    const lowQuarter = values.filter((value) => value < 0.25).length

    expect(mean).toBeGreaterThan(0.48)
    expect(mean).toBeLessThan(0.52)
    expect(lowQuarter).toBeGreaterThan(2_300)
    expect(lowQuarter).toBeLessThan(2_700)
  })
})

describe('deriveSeed', () => {
  it('returns the same seed for the same inputs', () => {
    expect(deriveSeed(5, 'contoso-weather')).toBe(deriveSeed(5, 'contoso-weather'))
  })

  it.each([
    [5, 'contoso-weather', 5, 'contoso-chat'],
    [5, 'contoso-weather', 6, 'contoso-weather'],
    [0, '', 1, ''],
  ])('separates (%d, %j) from (%d, %j)', (seedA, keyA, seedB, keyB) => {
    expect(deriveSeed(seedA, keyA)).not.toBe(deriveSeed(seedB, keyB))
  })

  it('returns an unsigned 32-bit integer', () => {
    const seed = deriveSeed(-3, 'tile')

    expect(Number.isInteger(seed)).toBe(true)
    expect(seed).toBeGreaterThanOrEqual(0)
    expect(seed).toBeLessThan(2 ** 32)
  })
})
