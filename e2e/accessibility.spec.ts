import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

import { expect, test } from './fixtures'

/** Impact levels that fail the scan; moderate and minor findings are left to review. */
const FAILING_IMPACTS = new Set(['serious', 'critical'])

test('no serious accessibility violations on any screen', async ({ page, phone }) => {
  await test.step('Start screen and console', async () => {
    await expectNoSeriousViolations(page)
  })

  await test.step('the first-launch prompt', async () => {
    await phone.openApp('Contoso Weather')
    await expect(phone.permissionPrompt).toBeVisible()
    await expectNoSeriousViolations(page)
  })

  await test.step('an app page with its channel URI', async () => {
    await phone.answerPermission(true)
    await expect(phone.channelUri).not.toHaveValue('')
    await expectNoSeriousViolations(page)
  })

  await test.step('the app list', async () => {
    await phone.openAppList()
    await expectNoSeriousViolations(page)
  })
})

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations
    .filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''))
    .map((violation) => {
      const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ')
      return `${violation.id} (${violation.impact}): ${violation.help} at ${targets}`
    })
  expect(serious, serious.join('\n')).toEqual([])
}
