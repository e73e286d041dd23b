import { WEATHER_CHANNEL } from '../../e2e/payloads'
import { KEYSTROKE_RUNS, KEYSTROKES_PER_RUN } from './bench-plan'
import { test } from './bench-fixtures'
import { measureKeystrokeRun } from './keystroke-preview'
import { attachBenchResult } from './report'

test('keystroke-to-preview', async ({ phone, devConsole, browser }, testInfo) => {
  test.setTimeout(300_000)
  await phone.launchWithPermission('Contoso Weather', true)
  await phone.goStart()
  await devConsole.compose({ channel: WEATHER_CHANNEL, type: 'tile' })

  // The warm-up run loads the preview's chunk and compiles its render path.
  await measureKeystrokeRun(devConsole, { keystrokeCount: KEYSTROKES_PER_RUN })
  const latencies: number[] = []
  for (let run = 0; run < KEYSTROKE_RUNS; run += 1) {
    latencies.push(
      ...(await measureKeystrokeRun(devConsole, { keystrokeCount: KEYSTROKES_PER_RUN })),
    )
  }

  await attachBenchResult(testInfo, {
    samples: { 'keystroke-to-preview': latencies },
    notes: [
      `keystroke-to-preview: ${KEYSTROKE_RUNS} runs of ${KEYSTROKES_PER_RUN} letters typed into a FlipTile title in the console's payload editor after a warm-up run, with Contoso Weather's channel selected; each sample runs from the keydown time stamp to the first animation frame after the preview's medium and wide fronts show the typed title, in headless Chromium.`,
    ],
    chromiumVersion: browser.version(),
  })
})
