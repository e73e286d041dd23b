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

  await test.step("the app's notification settings", async () => {
    await phone.openNotificationSettings()
    await expectNoSeriousViolations(page)
  })

  await test.step('the app list and the Install app form', async () => {
    await phone.openAppList()
    await expectNoSeriousViolations(page)
    await phone.appList.getByRole('button', { name: 'Install app', exact: true }).click()
    await expect(phone.handset.getByRole('dialog', { name: 'Install app' })).toBeVisible()
    await expectNoSeriousViolations(page)
  })

  await test.step('every settings page', async () => {
    for (const settingsPage of [
      'theme',
      'lock screen',
      'airplane mode',
      'battery saver',
    ] as const) {
      await phone.openSettings(settingsPage)
      await expectNoSeriousViolations(page)
    }
  })

  await test.step('Start in customisation', async () => {
    await phone.goStart()
    await phone.enterCustomizationWithKeyboard(phone.tile('Contoso Chat'), 'Contoso Chat')
    await expectNoSeriousViolations(page)
    await phone.leaveCustomization()
  })

  await test.step('the lock screen', async () => {
    await phone.pressPower()
    await phone.pressPower()
    await expect(phone.lockScreen).toBeVisible()
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
