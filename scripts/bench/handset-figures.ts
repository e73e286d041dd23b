import type { Figure } from './report'
import { summarizeSamples } from './statistics'

/** Handset series: each test attaches values under these names, in the units below. */
export interface HandsetSeriesSamples {
  /** Milliseconds from navigation to the first frame with a Start tile, one value per cold start. */
  'cold-start'?: number[]
  /** Gzip bytes of script loaded before the Start screen takes taps, one value per cold start. */
  'initial-js'?: number[]
  /** Milliseconds between animation frames while 30 tiles animate on Start, one value per frame. */
  'start-animation-frame'?: number[]
  /** Tasks over 50 ms while 30 tiles animate, one value per run. */
  'start-animation-long-tasks'?: number[]
}

const COLD_START_TARGET_MS = 1_000
const INITIAL_JS_TARGET_KB = 200
const FRAME_INTERVAL_TARGET_MS = 17.5

/** Builds the handset figures from the measured series and skips a series that is missing. */
export function composeHandsetFigures(samples: HandsetSeriesSamples): Figure[] {
  const figures: Figure[] = []
  const coldStarts = samples['cold-start']
  if (coldStarts !== undefined) {
    const summary = summarizeSamples(coldStarts)
    figures.push({
      name: 'cold-start',
      summary,
      unit: 'ms',
      digits: 0,
      target: { text: `< ${COLD_START_TARGET_MS} ms`, met: summary.median < COLD_START_TARGET_MS },
    })
  }

  const initialJs = samples['initial-js']
  if (initialJs !== undefined) {
    const summary = summarizeSamples(initialJs.map((bytes) => bytes / 1024))
    figures.push({
      name: 'initial-js',
      summary,
      unit: 'KB gzip',
      digits: 1,
      target: {
        text: `<= ${INITIAL_JS_TARGET_KB} KB`,
        met: summary.median <= INITIAL_JS_TARGET_KB,
      },
    })
  }
  figures.push(...composeAnimationFigures(samples))
  return figures
}

function composeAnimationFigures(samples: HandsetSeriesSamples): Figure[] {
  const figures: Figure[] = []
  const frames = samples['start-animation-frame']
  if (frames !== undefined) {
    const summary = summarizeSamples(frames)
    figures.push({
      name: 'start-animation-frame',
      summary,
      unit: 'ms',
      digits: 1,
      target: {
        text: `<= ${FRAME_INTERVAL_TARGET_MS} ms`,
        met: summary.median <= FRAME_INTERVAL_TARGET_MS,
      },
    })
  }

  const longTasks = samples['start-animation-long-tasks']
  if (longTasks !== undefined) {
    const summary = summarizeSamples(longTasks)
    figures.push({
      name: 'start-animation-long-tasks',
      summary,
      unit: 'tasks over 50 ms',
      digits: 0,
      target: { text: '0', met: summary.median === 0 },
    })
  }
  return figures
}
