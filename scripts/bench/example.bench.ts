import { expect, test } from '@playwright/test'

import { EXAMPLE_SCENARIO_RUNS, EXAMPLE_SUITE_REPEATS } from './bench-plan'
import { runExampleSuite } from './example-suite'
import { attachBenchResult } from './report'

/** The spec of the example project that runs its scenario file as a test. */
const SCENARIO_SPEC = 'scenario-file.spec.ts'

test('example-scenario', async ({ browser }, testInfo) => {
  test.setTimeout(300_000)

  // Repetition 0 is the warm-up: the first page load compiles and caches the app's scripts.
  const run = await runExampleSuite([
    SCENARIO_SPEC,
    `--repeat-each=${EXAMPLE_SCENARIO_RUNS + 1}`,
    '--workers=1',
  ])
  const measured = run.tests.filter((item) => item.repeatEachIndex > 0)
  expect(measured, 'every scenario run passes').toEqual(
    measured.map((item) => ({ ...item, passed: true })),
  )

  await attachBenchResult(testInfo, {
    samples: { 'example-scenario': measured.map((item) => item.durationMs) },
    notes: [
      `example-scenario: the example project's scenario file run as a Playwright test ${EXAMPLE_SCENARIO_RUNS} times after a warm-up, on 1 worker, against \`wp8-emulator serve\`. Each figure is the test's duration as Playwright reports it: a new browser context, opening the emulator, loading the scenario and every timeline step with its assertions. The whole command took ${(run.wallMs / 1000).toFixed(1)} s, the server's build and start included.`,
    ],
    chromiumVersion: browser.version(),
  })
})

test('example-suite', async ({ browser }, testInfo) => {
  test.setTimeout(1_800_000)

  const run = await runExampleSuite([`--repeat-each=${EXAMPLE_SUITE_REPEATS}`, '--workers=2'])
  expect(run.tests.length, 'the example suite ran').toBeGreaterThan(0)

  const failuresPerRepeat = Array.from(
    { length: EXAMPLE_SUITE_REPEATS },
    (_, index) => run.tests.filter((item) => item.repeatEachIndex === index && !item.passed).length,
  )
  const failedTitles = [
    ...new Set(run.tests.filter((item) => !item.passed).map((item) => item.title)),
  ]
  await attachBenchResult(testInfo, {
    samples: { 'example-suite-failures': failuresPerRepeat },
    notes: [
      `example-suite-failures: the example project's whole suite with \`--repeat-each=${EXAMPLE_SUITE_REPEATS} --workers=2 --retries=0\`, ${run.tests.length} test runs in ${(run.wallMs / 1000).toFixed(0)} s; each value is the failed tests of one repetition.${failedTitles.length === 0 ? '' : ` Failed: ${failedTitles.join('; ')}.`}`,
    ],
    chromiumVersion: browser.version(),
  })
})
