import { expect, test } from './fixtures'
import { WEATHER_CHANNEL, createFlipTileXml, createToastXml } from './payloads'

test('declined notifications suppress toasts but not tiles', async ({ phone, devConsole }) => {
  await test.step("launch Contoso Weather and answer Don't allow", async () => {
    await phone.openApp('Contoso Weather')
    await phone.answerPermission(false)
  })

  await test.step('the app still shows its channel URI', async () => {
    await expect(phone.channelUri).toHaveValue(/\/throttledthirdparty\/01\.00\/[A-Za-z0-9_-]{64,}$/)
    await phone.goStart()
  })

  await test.step('a toast is suppressed and shows no banner', async () => {
    const payload = createToastXml({ text1: 'Declined', text2: 'Never shown' })
    await devConsole.send({ channel: WEATHER_CHANNEL, type: 'toast', payload })
    await devConsole.expectStatus(200)
    await expect(devConsole.response).toContainText('HTTP/1.1 200 OK')
    await expect(devConsole.response).toContainText('X-NotificationStatus: Suppressed')
    await expect(phone.toast).toBeHidden()
  })

  await test.step('a tile update still changes the tile', async () => {
    const payload = createFlipTileXml({ Title: 'Oslo', Count: '3' })
    await devConsole.send({ channel: WEATHER_CHANNEL, type: 'tile', payload })
    await devConsole.expectStatus(200)
    await expect(devConsole.response).toContainText('X-NotificationStatus: Received')
    await expect(phone.tile('Contoso Weather, Oslo, 3')).toBeVisible()
    await expect(phone.toast).toBeHidden()
  })
})
