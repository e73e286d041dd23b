import { routeNonLoopbackToStub } from '../../e2e/fixtures'
import { measureColdStart } from '../../e2e/startup-metrics'
import { COLD_START_RUNS } from './bench-plan'
import { test } from './bench-fixtures'
import { attachBenchResult } from './report'

test('cold-start', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000)
  const startTimes: number[] = []
  const scriptSizes: number[] = []

  // Run 0 warms the preview server and the operating system's file cache.
  for (let run = 0; run <= COLD_START_RUNS; run += 1) {
    const context = await browser.newContext()
    await routeNonLoopbackToStub(context)
    const page = await context.newPage()
    const metrics = await measureColdStart(page, baseURL ?? '/')
    await context.close()
    if (run > 0) {
      startTimes.push(metrics.startScreenMs)
      scriptSizes.push(metrics.initialScriptGzipBytes)
    }
  }

  await attachBenchResult(testInfo, {
    samples: { 'cold-start': startTimes, 'initial-js': scriptSizes },
    notes: [
      `cold-start: ${COLD_START_RUNS} first visits after a warm-up visit, each in a new browser context with no service worker or cache, from navigation to the first frame with a Start tile.`,
      'initial-js: scripts received before that frame, gzipped at the default level (the preview server sends them uncompressed).',
    ],
    chromiumVersion: browser.version(),
  })
})
