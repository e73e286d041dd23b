import { expect, test } from './fixtures'
import { PREVIEW_PORT } from './ports'
import { INITIAL_SCRIPT_BUDGET_BYTES, measureColdStart } from './startup-metrics'

test('the production build stays within its script budget', async ({ page }) => {
  const metrics = await measureColdStart(page, `http://127.0.0.1:${PREVIEW_PORT}/`)

  const listing = metrics.scripts
    .map((script) => `${new URL(script.url).pathname}: ${script.gzipBytes} bytes gzipped`)
    .join('\n')
  expect(metrics.scripts.length, 'no script loaded before the Start screen').toBeGreaterThan(0)
  expect(
    metrics.initialScriptGzipBytes,
    `JavaScript loaded before the Start screen takes taps:\n${listing}`,
  ).toBeLessThanOrEqual(INITIAL_SCRIPT_BUDGET_BYTES)
})
