import { describe, expect, it } from 'vitest'

import { computePercentile, summarizeRates, summarizeSamples } from './statistics'

describe('computePercentile', () => {
  it.each([
    { samples: [7], fraction: 0.5, expected: 7 },
    { samples: [7], fraction: 0.95, expected: 7 },
    { samples: [3, 1, 2], fraction: 0.5, expected: 2 },
    { samples: [4, 1, 3, 2], fraction: 0.5, expected: 2.5 },
    { samples: [1, 2, 3, 4, 5], fraction: 0, expected: 1 },
    { samples: [1, 2, 3, 4, 5], fraction: 1, expected: 5 },
    { samples: [1, 2, 3, 4, 5], fraction: 0.95, expected: 4.8 },
    { samples: [10, 20], fraction: 0.05, expected: 10.5 },
  ])('returns $expected for $fraction of $samples', ({ samples, fraction, expected }) => {
    expect(computePercentile(samples, fraction)).toBeCloseTo(expected, 10)
  })

  it('interpolates the 95th of 1 to 100', () => {
    const samples = Array.from({ length: 100 }, (_, index) => index + 1)

    expect(computePercentile(samples, 0.95)).toBeCloseTo(95.05, 10)
  })

  it('leaves its input unsorted', () => {
    const samples = [3, 1, 2]

    computePercentile(samples, 0.5)

    expect(samples).toEqual([3, 1, 2])
  })

  it('rejects an empty sample', () => {
    expect(() => computePercentile([], 0.5)).toThrow(/the sample is empty/)
  })

  it.each([-0.1, 1.1, Number.NaN])('rejects fraction %s', (fraction) => {
    expect(() => computePercentile([1, 2], fraction)).toThrow(/outside 0 to 1/)
  })
})

describe('summaries', () => {
  it('takes the upper tail of durations', () => {
    expect(summarizeSamples([5, 1, 4, 2, 3])).toEqual({ median: 3, p95: 4.8, count: 5 })
  })

  it('takes the lower tail of rates', () => {
    const summary = summarizeRates([5, 1, 4, 2, 3])

    expect(summary.median).toBe(3)
    expect(summary.p95).toBeCloseTo(1.2, 10)
    expect(summary.count).toBe(5)
  })
})
