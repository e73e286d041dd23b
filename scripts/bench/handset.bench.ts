import { ANIMATED_TILE_COUNT, ANIMATION_RUN_MS, ANIMATION_RUNS } from './bench-plan'
import { test } from './bench-fixtures'
import { attachBenchResult } from './report'
import { fillStartWithAnimatedTiles, measureAnimationRun } from './start-animation'

test('start-animation', async ({ page, phone, browser }, testInfo) => {
  test.setTimeout(300_000)
  await fillStartWithAnimatedTiles(page, phone, ANIMATED_TILE_COUNT)
  await phone.startScreen.getByRole('button', { name: /^Bench Flip 29/ }).scrollIntoViewIfNeeded()

  // The warm-up run lets every tile's first staggered turn start before frames count.
  await measureAnimationRun(page, ANIMATION_RUN_MS)
  const frameIntervals: number[] = []
  const longTasks: number[] = []
  for (let run = 0; run < ANIMATION_RUNS; run += 1) {
    const result = await measureAnimationRun(page, ANIMATION_RUN_MS)
    frameIntervals.push(...result.frameIntervalsMs)
    longTasks.push(result.longTasks)
  }

  await attachBenchResult(testInfo, {
    samples: { 'start-animation-frame': frameIntervals, 'start-animation-long-tasks': longTasks },
    notes: [
      `start-animation: ${ANIMATED_TILE_COUNT} animated tiles on Start (${ANIMATED_TILE_COUNT - 1} Flip tiles with back content and one Cycle tile), in animated mode; ${ANIMATION_RUNS} runs of ${ANIMATION_RUN_MS / 1000} s after a warm-up run, frame intervals from requestAnimationFrame in headless Chromium.`,
    ],
    chromiumVersion: browser.version(),
  })
})
