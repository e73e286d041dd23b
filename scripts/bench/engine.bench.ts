import type { PhonePage } from '../../e2e/pages/phone-page'
import { measureAcceptanceRun } from './accepted-rate'
import {
  ACCEPTANCE_POSTS,
  ACCEPTANCE_RUNS,
  BACKLOG_RUNS,
  BACKLOG_RUNS_WHEN_SLOW,
  BACKLOG_SIZE,
  BACKLOG_SLOW_RUN_MS,
  QUEUE_POLL_MS,
  RAW_COUNT_POLL_MS,
  TOAST_RUNS,
  TOASTS_PER_RUN,
  WARM_UP_TOASTS,
} from './bench-plan'
import { chooseOfflineMode, measureDrain } from './backlog-drain'
import type { DrainRun } from './backlog-drain'
import { test } from './bench-fixtures'
import { raiseEngineLimits } from './engine-settings'
import { recordLongTasks } from './long-tasks'
import { describeRejected } from './page-requests'
import { attachBenchResult } from './report'
import { chooseFloorRequest, measureToastRun } from './toast-latency'

const WEATHER_APP = 'Contoso Weather'

const ACCEPTANCE_FIGURES = [
  { name: 'accepted-concurrent', concurrency: ACCEPTANCE_POSTS },
  { name: 'accepted-sequential', concurrency: 1 },
] as const

// Class 22 toasts stay queued, and a queue left by an earlier run would slow the next one. So
// every acceptance run is a test of its own, with a fresh context.
for (const figure of ACCEPTANCE_FIGURES) {
  for (let run = 0; run <= ACCEPTANCE_RUNS; run += 1) {
    const title = run === 0 ? `${figure.name} warm-up` : `${figure.name} run ${run}`
    test(title, async ({ page, phone, browser }, testInfo) => {
      test.setTimeout(120_000)
      const notes = [await raiseEngineLimits(page)]
      const channelUri = await openWeatherOnStart(phone)

      const result = await measureAcceptanceRun(page, {
        channelUri,
        count: ACCEPTANCE_POSTS,
        concurrency: figure.concurrency,
      })
      if (run === 0) {
        return
      }
      if (result.shortfall !== undefined) {
        notes.push(`${title}: ${result.shortfall}`)
      }
      await attachBenchResult(testInfo, {
        samples: { [figure.name]: [result.rate] },
        notes,
        chromiumVersion: browser.version(),
      })
    })
  }
}

test('toast-latency', async ({ page, phone, browser }, testInfo) => {
  test.setTimeout(300_000)
  const notes = [await raiseEngineLimits(page)]
  const channelUri = await openWeatherOnStart(phone)
  const floor = await chooseFloorRequest(page)

  await measureToastRun(phone, { channelUri, floor, toastCount: WARM_UP_TOASTS, runLabel: 'w' })
  const toastLatencies: number[] = []
  const floorLatencies: number[] = []
  for (let run = 1; run <= TOAST_RUNS; run += 1) {
    const result = await measureToastRun(phone, {
      channelUri,
      floor,
      toastCount: TOASTS_PER_RUN,
      runLabel: String(run),
    })
    toastLatencies.push(...result.toastLatenciesMs)
    floorLatencies.push(...result.floorLatenciesMs)
  }

  await attachBenchResult(testInfo, {
    samples: { 'toast-latency': toastLatencies, 'toast-latency-floor': floorLatencies },
    notes: [
      ...notes,
      `toast-latency: ${toastLatencies.length} toasts in ${TOAST_RUNS} runs of ${TOASTS_PER_RUN}, after ${WARM_UP_TOASTS} warm-up toasts.`,
      `toast-latency-floor: measured with ${floor.label}.`,
    ],
    chromiumVersion: browser.version(),
  })
})

test('backlog-drain', async ({ page, phone, context, browser }, testInfo) => {
  test.setTimeout(600_000)
  const notes = [await raiseEngineLimits(page)]
  await recordLongTasks(page)
  const channelUri = await phone.launchWithPermission(WEATHER_APP, true)
  const mode = await chooseOfflineMode(page, phone, context)
  const drainOptions = { mode, channelUri, count: BACKLOG_SIZE }

  const warmUpStartedAt = Date.now()
  await measureDrain(phone, drainOptions)
  const warmUpMs = Date.now() - warmUpStartedAt
  const runCount = warmUpMs > BACKLOG_SLOW_RUN_MS ? BACKLOG_RUNS_WHEN_SLOW : BACKLOG_RUNS

  const runs: DrainRun[] = []
  for (let run = 0; run < runCount; run += 1) {
    runs.push(await measureDrain(phone, drainOptions))
  }

  notes.push(...describeDrainRuns({ runs, warmUpMs, modeKind: mode.kind }))
  await attachBenchResult(testInfo, {
    samples: {
      'backlog-drain': runs.map((run) => run.drainMs),
      'backlog-drain-long-tasks': runs.map((run) => run.longTasks),
    },
    notes,
    chromiumVersion: browser.version(),
  })
})

/** Launches Contoso Weather, allows notifications, returns to Start and returns the channel URI. */
async function openWeatherOnStart(phone: PhonePage): Promise<string> {
  const channelUri = await phone.launchWithPermission(WEATHER_APP, true)
  await phone.goStart()
  return channelUri
}

function describeDrainRuns(options: {
  runs: readonly DrainRun[]
  warmUpMs: number
  modeKind: 'airplane-mode' | 'leave-page'
}): string[] {
  const runCount = options.runs.length
  const warmUpSeconds = (options.warmUpMs / 1000).toFixed(1)
  const runNote =
    runCount < BACKLOG_RUNS
      ? `backlog-drain: ${runCount} runs instead of ${BACKLOG_RUNS}, because the warm-up run took ${warmUpSeconds} s with queueing, over ${BACKLOG_SLOW_RUN_MS / 1000} s.`
      : `backlog-drain: ${runCount} runs after a warm-up run that took ${warmUpSeconds} s with queueing.`
  const notes = [
    options.modeKind === 'airplane-mode'
      ? 'backlog-drain: the handset went offline with Airplane mode in the console, and the drain runs from the click that turns it off.'
      : 'backlog-drain: the build has no Device state region, so the emulator page went to about:blank while a second page of the same origin queued the backlog. The drain runs from the navigation that reopens the emulator, page load included. The reopened handset shows Start, so it drops every raw notification it receives.',
    runNote,
    `backlog-drain: a drain ends at the first check that finds ${describeDrainEnd(options.runs)}.`,
  ]

  const short = options.runs.filter((run) => run.batch.accepted < BACKLOG_SIZE)
  if (short.length > 0) {
    const rejected = short.map((run) => describeRejected(run.batch.rejected)).join('; ')
    notes.push(
      `backlog-drain: ${short.length} runs queued fewer than ${BACKLOG_SIZE} notifications (${rejected}).`,
    )
  }
  return notes
}

function describeDrainEnd(runs: readonly DrainRun[]): string {
  const conditions = [
    {
      text: `the app's Raw notifications received count up by the backlog (read every ${RAW_COUNT_POLL_MS} ms)`,
      runCount: runs.filter((run) => run.rawCountChecked).length,
    },
    {
      text: `the IndexedDB queue empty (read every ${QUEUE_POLL_MS} ms from the emulator page)`,
      runCount: runs.filter((run) => run.queueChecked).length,
    },
  ]
  return conditions
    .filter((condition) => condition.runCount > 0)
    .map((condition) =>
      condition.runCount === runs.length
        ? condition.text
        : `${condition.text} in ${condition.runCount} of ${runs.length} runs`,
    )
    .join(' and ')
}
