import { EXTERNAL_TOAST_RUNS, TOASTS_PER_EXTERNAL_RUN, WARM_UP_TOASTS } from './bench-plan'
import { test } from './bench-fixtures'
import { raiseEngineLimits } from './engine-settings'
import { measureExternalToastRun } from './external-toast'
import { attachBenchResult } from './report'

test('external-toast-latency', async ({ page, phone, browser, baseURL }, testInfo) => {
  test.setTimeout(300_000)
  const notes = [await raiseEngineLimits(page)]
  const channelUri = await phone.launchWithPermission('Contoso Weather', true)
  await phone.goStart()
  const runOptions = { channelUri, baseUrl: baseURL ?? new URL(channelUri).origin }

  await measureExternalToastRun(phone, { ...runOptions, toastCount: WARM_UP_TOASTS, runLabel: 'w' })
  const external: number[] = []
  const inPage: number[] = []
  const roundTrips: number[] = []
  for (let run = 1; run <= EXTERNAL_TOAST_RUNS; run += 1) {
    const result = await measureExternalToastRun(phone, {
      ...runOptions,
      toastCount: TOASTS_PER_EXTERNAL_RUN,
      runLabel: String(run),
    })
    external.push(...result.externalMs)
    inPage.push(...result.inPageMs)
    roundTrips.push(...result.roundTripMs)
  }

  await attachBenchResult(testInfo, {
    samples: {
      'external-toast-latency': external,
      'external-toast-in-page': inPage,
      'loopback-round-trip': roundTrips,
    },
    notes: [
      ...notes,
      `external-toast-latency: ${external.length} toasts POSTed by Node's http client with a keep-alive connection, relayed by the preview server, in ${EXTERNAL_TOAST_RUNS} runs of ${TOASTS_PER_EXTERNAL_RUN} after ${WARM_UP_TOASTS} warm-up toasts, each beside one in-page toast and one loopback GET of the endpoint description.`,
    ],
    chromiumVersion: browser.version(),
  })
})
