import { expect, test } from './fixtures'
import { WEATHER_CHANNEL } from './payloads'

const WEATHER_APP_ID = 'contoso-weather'

test('raw reaches the running app', async ({ phone, devConsole, mpns }) => {
  const raw = '{"city":"Oslo","temperature":-4}'

  await test.step('launch Contoso Weather and allow notifications', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await expect.poll(() => mpns.readForegroundAppId()).toBe(WEATHER_APP_ID)
  })

  await test.step('send raw from the console', async () => {
    await devConsole.send({ channel: WEATHER_CHANNEL, type: 'raw', payload: raw })
    await devConsole.expectStatus(200)
    await expect(devConsole.response).toContainText('X-NotificationStatus: Received')
  })

  await test.step('the app logs the raw text', async () => {
    await expect(phone.notificationLog).toContainText(raw)
  })
})

test('raw to an app not running is suppressed', async ({ phone, devConsole, mpns }) => {
  const raw = '{"city":"Bergen","temperature":2}'

  await test.step('launch Contoso Weather, allow notifications and go to Start', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
    await expect.poll(() => mpns.readForegroundAppId()).toBeNull()
  })

  await test.step('send raw from the console', async () => {
    await devConsole.send({ channel: WEATHER_CHANNEL, type: 'raw', payload: raw })
    await devConsole.expectStatus(200)
    await expect(devConsole.response).toContainText('HTTP/1.1 200 OK')
    await expect(devConsole.response).toContainText('X-NotificationStatus: Suppressed')
  })

  await test.step('nothing is queued and the app never logs it', async () => {
    await expect.poll(() => mpns.countQueued()).toBe(0)
    await phone.openApp('Contoso Weather')
    await expect(phone.notificationLog).toBeVisible()
    await expect(phone.notificationLog).not.toContainText(raw)
  })
})
