/** Median and 95th percentile of a sample. */
export interface SampleSummary {
  median: number
  p95: number
  /** Number of values in the sample. */
  count: number
}

/**
 * Computes a percentile by linear interpolation between the closest ranks (Hyndman and Fan
 * type 7, the default of NumPy and R), so the 50th percentile is the usual median.
 * `fraction` is the percentile as a number from 0 to 1.
 */
export function computePercentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) {
    throw new Error('Failed to compute a percentile: the sample is empty. Measure at least once.')
  }
  if (!(fraction >= 0 && fraction <= 1)) {
    throw new Error(`Failed to compute a percentile: fraction "${fraction}" is outside 0 to 1.`)
  }

  const sorted = [...samples].sort((a, b) => a - b)
  const rank = (sorted.length - 1) * fraction
  const lowerIndex = Math.floor(rank)
  const lower = sorted[lowerIndex] ?? 0
  const upper = sorted[Math.min(lowerIndex + 1, sorted.length - 1)] ?? lower
  return lower + (rank - lowerIndex) * (upper - lower)
}

/**
 * Summarizes durations, sizes or counts, where larger is worse, so p95 is the 95th percentile.
 */
export function summarizeSamples(samples: readonly number[]): SampleSummary {
  return {
    median: computePercentile(samples, 0.5),
    p95: computePercentile(samples, 0.95),
    count: samples.length,
  }
}

/**
 * Summarizes rates, where smaller is worse, so p95 is the rate that 95 % of the values reach or
 * beat, which is the 5th percentile.
 */
export function summarizeRates(samples: readonly number[]): SampleSummary {
  return {
    median: computePercentile(samples, 0.5),
    p95: computePercentile(samples, 0.05),
    count: samples.length,
  }
}
