import { expect, test } from './fixtures'
import { WEATHER_CHANNEL, createToastXml } from './payloads'

const PARAM_TOAST = `<?xml version="1.0" encoding="utf-8"?>
<wp:Notification xmlns:wp="WPNotification">
  <wp:Toast>
    <wp:Text1>Weather alert</wp:Text1>
    <wp:Text2>Snow expected tonight</wp:Text2>
    <wp:Param>/Page2.xaml?NavigatedFrom=Toast&amp;id=42</wp:Param>
  </wp:Toast>
</wp:Notification>`

test('tapping a toast opens the page its Param names', async ({ phone, devConsole }) => {
  await test.step('launch Contoso Weather, allow notifications and go to Start', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
  })

  await test.step('send a toast with a Param from the console', async () => {
    await devConsole.send({ channel: WEATHER_CHANNEL, type: 'toast', payload: PARAM_TOAST })
  })

  await test.step('the response reports the toast as received', async () => {
    await devConsole.expectStatus(200)
    await expect(devConsole.response).toContainText('HTTP/1.1 200 OK')
    await expect(devConsole.response).toContainText('X-NotificationStatus: Received')
    await expect(devConsole.response).toContainText('X-DeviceConnectionStatus: Connected')
    await expect(devConsole.response).toContainText('X-SubscriptionStatus: Active')
  })

  await test.step('the banner shows Text1 and Text2', async () => {
    await expect(phone.toast).toBeVisible()
    await expect(phone.toast).toContainText('Weather alert')
    await expect(phone.toast).toContainText('Snow expected tonight')
  })

  await test.step('tapping the banner opens the app at the Param page', async () => {
    await phone.tapToast()
    await expect(phone.currentPage).toHaveText('/Page2.xaml?NavigatedFrom=Toast&id=42')
    await expect(phone.queryString.getByRole('listitem')).toHaveText([
      'NavigatedFrom = Toast',
      'id = 42',
    ])
    await expect(phone.toast).toBeHidden()
  })
})

test('Dismiss closes a toast without opening the app', async ({ phone, devConsole }) => {
  await test.step('launch Contoso Weather, allow notifications and go to Start', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
  })

  await test.step('send a toast', async () => {
    const payload = createToastXml({ text1: 'Second alert', text2: 'Wind from the north' })
    await devConsole.send({ channel: WEATHER_CHANNEL, type: 'toast', payload })
    await devConsole.expectStatus(200)
    await expect(phone.toast).toContainText('Second alert')
  })

  await test.step('Dismiss removes the banner and Start stays', async () => {
    await phone.dismissToast()
    await expect(phone.toast).toBeHidden()
    await expect(phone.startScreen).toBeVisible()
    await expect(phone.currentPage).toBeHidden()
  })
})

test('Ctrl+Enter sends and the response echoes X-MessageID', async ({ phone, devConsole }) => {
  const messageId = '1b4e28ba-2fa1-11d2-883f-0016d3cca427'

  await test.step('launch Contoso Weather, allow notifications and go to Start', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
  })

  await test.step('compose a toast with a message ID and press Ctrl+Enter', async () => {
    const payload = createToastXml({ text1: 'Keyboard', text2: 'Sent with Ctrl+Enter' })
    await devConsole.sendWithKeyboard({
      channel: WEATHER_CHANNEL,
      type: 'toast',
      payload,
      messageId,
    })
  })

  await test.step('the response echoes the message ID', async () => {
    await devConsole.expectStatus(200)
    await expect(devConsole.response).toContainText(`X-MessageID: ${messageId}`)
    await expect(devConsole.response).toContainText('X-NotificationStatus: Received')
  })

  await test.step('the banner shows the toast', async () => {
    await expect(phone.toast).toContainText('Keyboard')
    await expect(phone.toast).toContainText('Sent with Ctrl+Enter')
  })
})
