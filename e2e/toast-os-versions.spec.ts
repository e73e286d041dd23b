import { expect, expectMpnsResponse, test } from './fixtures'
import type { MpnsClient } from './fixtures'
import type { DevConsolePage } from './pages/dev-console-page'
import { TOAST_HEADERS } from './payloads'

const CHIME_TOAST = `<?xml version="1.0" encoding="utf-8"?>
<wp:Notification xmlns:wp="WPNotification">
  <wp:Toast>
    <wp:Text1>Doorbell</wp:Text1>
    <wp:Text2>Someone is at the door</wp:Text2>
    <wp:Sound>/Assets/Sounds/chime.wav</wp:Sound>
  </wp:Toast>
</wp:Notification>`

const SILENT_TOAST = `<?xml version="1.0" encoding="utf-8"?>
<wp:Notification xmlns:wp="WPNotification">
  <wp:Toast>
    <wp:Text1>Quiet update</wp:Text1>
    <wp:Text2>Nothing urgent</wp:Text2>
    <wp:Sound Silent="true"/>
  </wp:Toast>
</wp:Notification>`

const FOREGROUND_TOAST = `<?xml version="1.0" encoding="utf-8"?>
<wp:Notification xmlns:wp="WPNotification">
  <wp:Toast>
    <wp:Text1>Storm warning</wp:Text1>
    <wp:Text2>Gusts up to 30 m/s</wp:Text2>
    <wp:Param>/Page2.xaml?id=7</wp:Param>
    <wp:Sound>/Assets/Sounds/chime.wav</wp:Sound>
  </wp:Toast>
</wp:Notification>`

test('Update 3 plays Sound and Silent, and 8.0 ignores them', async ({
  phone,
  mpns,
  devConsole,
}) => {
  let channelUri = ''

  await test.step('launch Contoso Weather, allow notifications and go to Start', async () => {
    channelUri = await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
  })

  await test.step('on Update 3 a toast with a Sound path cues its file', async () => {
    await sendToast(mpns, channelUri, CHIME_TOAST)
    await expect(phone.toastWithText('Doorbell')).toBeVisible()
    await expect(phone.toastSound).toHaveText('chime.wav')
    await phone.dismissToast('Doorbell')
  })

  await test.step('on Update 3 a Silent toast cues silence', async () => {
    await sendToast(mpns, channelUri, SILENT_TOAST)
    await expect(phone.toastWithText('Quiet update')).toBeVisible()
    await expect(phone.toastSound).toHaveText('Silent')
    await phone.dismissToast('Quiet update')
  })

  await test.step('switch the handset to Windows Phone 8.0', async () => {
    await switchToWindowsPhone80(devConsole)
  })

  await test.step('on 8.0 the same toasts play the default sound', async () => {
    await sendToast(mpns, channelUri, CHIME_TOAST)
    await expect(phone.toastWithText('Doorbell')).toBeVisible()
    await expect(phone.toastSound).toHaveText('Default sound')
    await phone.dismissToast('Doorbell')

    await sendToast(mpns, channelUri, SILENT_TOAST)
    await expect(phone.toastWithText('Quiet update')).toBeVisible()
    await expect(phone.toastSound).toHaveText('Default sound')
  })
})

test('on 8.0 the foreground app logs a toast and shows no banner', async ({
  phone,
  mpns,
  devConsole,
}) => {
  let channelUri = ''

  await test.step('switch the handset to Windows Phone 8.0', async () => {
    await switchToWindowsPhone80(devConsole)
  })

  await test.step('launch Contoso Weather, allow notifications and stay in the app', async () => {
    channelUri = await phone.launchWithPermission('Contoso Weather', true)
    await expect(phone.currentPage).toHaveText('/MainPage.xaml')
  })

  await test.step('send a toast with Param and Sound', async () => {
    await sendToast(mpns, channelUri, FOREGROUND_TOAST)
  })

  await test.step('the app logs what its handler received and no banner shows', async () => {
    await expect(phone.notificationLog).toContainText(
      'Toast received in app: wp:Text1="Storm warning", wp:Text2="Gusts up to 30 m/s", wp:Param="/Page2.xaml?id=7", wp:Sound="/Assets/Sounds/chime.wav"',
    )
    await expect(phone.toast).toBeHidden()
    await expect(phone.toastSound).toBeHidden()
    await expect(phone.currentPage).toHaveText('/MainPage.xaml')
  })
})

/** Posts a toast body to a channel and checks that the service received it. */
async function sendToast(mpns: MpnsClient, channelUri: string, body: string): Promise<void> {
  const response = await mpns.post(channelUri, { headers: TOAST_HEADERS, body })
  expectMpnsResponse(response, {
    status: 200,
    notificationStatus: 'Received',
    deviceConnectionStatus: 'Connected',
    subscriptionStatus: 'Active',
  })
}

/** Picks Windows Phone 8.0 in the console's Device state panel. */
async function switchToWindowsPhone80(devConsole: DevConsolePage): Promise<void> {
  const osVersion = devConsole.deviceState.getByRole('combobox', {
    name: 'OS version',
    exact: true,
  })
  await osVersion.selectOption({ label: 'Windows Phone 8.0' })
  await expect(
    osVersion.getByRole('option', { name: 'Windows Phone 8.0', exact: true, selected: true }),
  ).toHaveCount(1)
}
