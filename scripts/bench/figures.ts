import { composeHandsetFigures } from './handset-figures'
import type { HandsetSeriesSamples } from './handset-figures'
import type { Figure } from './report'
import { summarizeRates, summarizeSamples } from './statistics'

/** Measured series: each test attaches values under these names, in the units below. */
export interface SeriesSamples extends HandsetSeriesSamples {
  /** Accepted notifications per second, one value per run. */
  'accepted-concurrent'?: number[]
  /** Accepted notifications per second, one value per run. */
  'accepted-sequential'?: number[]
  /** Milliseconds from POST to the first frame with the toast banner, one value per toast. */
  'toast-latency'?: number[]
  /** Milliseconds of the floor request plus the next frame, one value per toast. */
  'toast-latency-floor'?: number[]
  /** Milliseconds from going online to an empty queue, one value per run. */
  'backlog-drain'?: number[]
  /** Long tasks during the drain, one value per run. */
  'backlog-drain-long-tasks'?: number[]
  /** Milliseconds from a POST outside the browser to the first frame with the toast, one value per toast. */
  'external-toast-latency'?: number[]
  /** Milliseconds from an in-page POST to the first frame with the toast, measured beside the external ones. */
  'external-toast-in-page'?: number[]
  /** Milliseconds of one HTTP GET to the server from outside the browser, one value per toast. */
  'loopback-round-trip'?: number[]
  /** Milliseconds from a key press in the payload editor to the frame with the preview, one value per key. */
  'keystroke-to-preview'?: number[]
  /** Milliseconds of the example project's scenario test, one value per run. */
  'example-scenario'?: number[]
  /** Failed tests of the example project, one value per repetition of its suite. */
  'example-suite-failures'?: number[]
}

export type SeriesName = keyof SeriesSamples

/** Accepted notifications per second that the concurrent figure must reach. */
const CONCURRENT_TARGET_PER_SECOND = 2_000

/** Largest ratio of toast latency to the floor, compared at the median. */
const TOAST_RATIO_TARGET = 1.5

/** Largest p95 from a key press to the frame that shows the updated preview, in milliseconds. */
const KEYSTROKE_P95_TARGET_MS = 100

/** Maximum duration of the example project's scenario test, in seconds, compared at the median. */
const EXAMPLE_SCENARIO_TARGET_S = 2

/** Builds the printed figures from the measured series and skips a series that is missing. */
export function composeFigures(samples: SeriesSamples): Figure[] {
  return [
    ...composeAcceptanceFigures(samples),
    ...composeToastFigures(samples),
    ...composeBacklogFigures(samples),
    ...composeExternalToastFigures(samples),
    ...composeHandsetFigures(samples),
    ...composeKeystrokeFigures(samples),
    ...composeExampleFigures(samples),
  ]
}

function composeAcceptanceFigures(samples: SeriesSamples): Figure[] {
  const figures: Figure[] = []
  const concurrent = samples['accepted-concurrent']
  if (concurrent !== undefined) {
    const summary = summarizeRates(concurrent)
    figures.push({
      name: 'accepted-concurrent',
      summary,
      unit: 'notifications/s',
      digits: 0,
      target: {
        text: `>= ${CONCURRENT_TARGET_PER_SECOND}`,
        met: summary.median >= CONCURRENT_TARGET_PER_SECOND,
      },
    })
  }

  const sequential = samples['accepted-sequential']
  if (sequential !== undefined) {
    figures.push({
      name: 'accepted-sequential',
      summary: summarizeRates(sequential),
      unit: 'notifications/s',
      digits: 0,
    })
  }
  return figures
}

function composeToastFigures(samples: SeriesSamples): Figure[] {
  const toasts = samples['toast-latency']
  const floors = samples['toast-latency-floor']
  if (toasts === undefined || floors === undefined) {
    return []
  }

  const latency = summarizeSamples(toasts)
  const floor = summarizeSamples(floors)
  const ratio = {
    median: latency.median / floor.median,
    p95: latency.p95 / floor.p95,
    count: latency.count,
  }
  const met = ratio.median <= TOAST_RATIO_TARGET
  return [
    {
      name: 'toast-latency-p50',
      summary: latency,
      unit: 'ms',
      digits: 1,
      target: { text: `<= ${TOAST_RATIO_TARGET}x floor`, met },
    },
    { name: 'toast-latency-floor', summary: floor, unit: 'ms', digits: 1 },
    {
      name: 'toast-latency-ratio',
      summary: ratio,
      unit: 'x',
      digits: 2,
      target: { text: `<= ${TOAST_RATIO_TARGET}x`, met },
    },
  ]
}

/**
 * The relayed toast's median must stay within the in-page median plus two loopback round trips:
 * one for the request reaching the server, one for the relay over the WebSocket and back.
 */
function composeExternalToastFigures(samples: SeriesSamples): Figure[] {
  const external = samples['external-toast-latency']
  const inPage = samples['external-toast-in-page']
  const roundTrips = samples['loopback-round-trip']
  if (external === undefined || inPage === undefined || roundTrips === undefined) {
    return []
  }

  const externalSummary = summarizeSamples(external)
  const inPageSummary = summarizeSamples(inPage)
  const roundTripSummary = summarizeSamples(roundTrips)
  const limitMs = inPageSummary.median + 2 * roundTripSummary.median
  return [
    {
      name: 'external-toast-latency',
      summary: externalSummary,
      unit: 'ms',
      digits: 1,
      target: {
        text: `<= in-page p50 + 2 x round trip p50 = ${limitMs.toFixed(1)} ms`,
        met: externalSummary.median <= limitMs,
      },
    },
    { name: 'external-toast-in-page', summary: inPageSummary, unit: 'ms', digits: 1 },
    { name: 'loopback-round-trip', summary: roundTripSummary, unit: 'ms', digits: 2 },
  ]
}

function composeBacklogFigures(samples: SeriesSamples): Figure[] {
  const figures: Figure[] = []
  const drains = samples['backlog-drain']
  if (drains !== undefined) {
    figures.push({
      name: 'backlog-drain',
      summary: summarizeSamples(drains.map((drainMs) => drainMs / 1000)),
      unit: 's',
      digits: 2,
    })
  }

  const longTasks = samples['backlog-drain-long-tasks']
  if (longTasks !== undefined) {
    const summary = summarizeSamples(longTasks)
    figures.push({
      name: 'backlog-drain-long-tasks',
      summary,
      unit: 'tasks over 50 ms',
      digits: 0,
      target: { text: '0', met: summary.median === 0 },
    })
  }
  return figures
}

/** The preview's target is on p95, not the median: every keystroke should feel immediate. */
function composeKeystrokeFigures(samples: SeriesSamples): Figure[] {
  const keystrokes = samples['keystroke-to-preview']
  if (keystrokes === undefined) {
    return []
  }

  const summary = summarizeSamples(keystrokes)
  return [
    {
      name: 'keystroke-to-preview',
      summary,
      unit: 'ms',
      digits: 1,
      target: {
        text: `p95 <= ${KEYSTROKE_P95_TARGET_MS} ms`,
        met: summary.p95 <= KEYSTROKE_P95_TARGET_MS,
      },
    },
  ]
}

/** The suite meets its target only when no repetition had a failure, whatever the median is. */
function composeExampleFigures(samples: SeriesSamples): Figure[] {
  const figures: Figure[] = []
  const scenario = samples['example-scenario']
  if (scenario !== undefined) {
    const summary = summarizeSamples(scenario.map((durationMs) => durationMs / 1000))
    figures.push({
      name: 'example-scenario',
      summary,
      unit: 's',
      digits: 2,
      target: {
        text: `<= ${EXAMPLE_SCENARIO_TARGET_S} s`,
        met: summary.median <= EXAMPLE_SCENARIO_TARGET_S,
      },
    })
  }

  const failures = samples['example-suite-failures']
  if (failures !== undefined) {
    figures.push({
      name: 'example-suite-failures',
      summary: summarizeSamples(failures),
      unit: 'failed tests per repetition',
      digits: 0,
      target: { text: '0 in every repetition', met: failures.every((count) => count === 0) },
    })
  }
  return figures
}
