import { expectNoSeriousViolations } from './axe'
import { expect, test } from './fixtures'

test('no serious accessibility violations on any screen', async ({ page, phone }) => {
  // Eleven full-page scans of a page with a large console take over a minute on a busy 2-core machine.
  test.setTimeout(150_000)
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
