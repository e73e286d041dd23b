import { expect, test } from './fixtures'
import { WEATHER_CHANNEL, createToastXml } from './payloads'

test('a toast to the foreground app lands in its log', async ({ phone, devConsole }) => {
  await test.step('launch Contoso Weather, allow notifications and stay in the app', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await expect(phone.currentPage).toBeVisible()
  })

  await test.step('send a toast from the console', async () => {
    const payload = createToastXml({ text1: 'Storm warning', text2: 'Gusts up to 30 m/s' })
    await devConsole.send({ channel: WEATHER_CHANNEL, type: 'toast', payload })
    await devConsole.expectStatus(200)
    await expect(devConsole.response).toContainText('X-NotificationStatus: Received')
  })

  await test.step('the app logs the toast and no banner shows', async () => {
    await expect(phone.notificationLog).toContainText(/toast.*received in app/i)
    await expect(phone.notificationLog).toContainText('Storm warning')
    await expect(phone.notificationLog).toContainText('Gusts up to 30 m/s')
    await expect(phone.toast).toBeHidden()
    await expect(phone.currentPage).toHaveText('/MainPage.xaml')
  })
})
