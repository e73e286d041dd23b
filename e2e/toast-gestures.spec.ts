import { expect, expectMpnsResponse, test } from './fixtures'
import type { MpnsClient } from './fixtures'
import { TOAST_HEADERS, createToastXml } from './payloads'
import type { ToastFields } from './payloads'

/** A banner leaves on its own after about ten seconds; this leaves room for a slow machine. */
const TOAST_TIMEOUT_WAIT_MS = 15_000

test('swiping a toast right dismisses it without opening the app', async ({ phone, mpns }) => {
  let channelUri = ''

  await test.step('launch Contoso Weather, allow notifications and go to Start', async () => {
    channelUri = await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
  })

  await test.step('send a toast with a Param', async () => {
    await sendToast(mpns, channelUri, {
      text1: 'Swipe me',
      text2: 'Away to the right',
      param: '/Page2.xaml?id=1',
    })
    await expect(phone.toastWithText('Swipe me')).toBeVisible()
  })

  await test.step('a flick to the right removes the banner and Start stays', async () => {
    await phone.swipeToastRight('Swipe me')
    await expect(phone.toast).toBeHidden()
    await expect(phone.startScreen).toBeVisible()
    await expect(phone.currentPage).toBeHidden()
  })
})

test('tapping a toast opens its Param page', async ({ phone, mpns }) => {
  let channelUri = ''

  await test.step('launch Contoso Weather, allow notifications and go to Start', async () => {
    channelUri = await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
  })

  await test.step('send a toast with a Param', async () => {
    await sendToast(mpns, channelUri, {
      text1: 'Tap me',
      text2: 'Opens page 2',
      param: '/Page2.xaml?id=2',
    })
    await expect(phone.toastWithText('Tap me')).toBeVisible()
  })

  await test.step('a tap opens the app at the Param page', async () => {
    await phone.tapToast()
    await expect(phone.currentPage).toHaveText('/Page2.xaml?id=2')
    await expect(phone.toast).toBeHidden()
  })
})

test('three toasts show one after another', async ({ phone, mpns }) => {
  let channelUri = ''

  await test.step('launch Contoso Weather, allow notifications and go to Start', async () => {
    channelUri = await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
  })

  await test.step('send three toasts', async () => {
    for (const text1 of ['First toast', 'Second toast', 'Third toast']) {
      await sendToast(mpns, channelUri, { text1, text2: 'In a row' })
    }
  })

  await test.step('the first shows alone and leaves on its own', async () => {
    await expect(phone.toastWithText('First toast')).toBeVisible()
    await expect(phone.toastWithText('Second toast')).toBeHidden()
    await expect(phone.toastWithText('Third toast')).toBeHidden()
    await expect(phone.toastWithText('First toast')).toBeHidden({
      timeout: TOAST_TIMEOUT_WAIT_MS,
    })
  })

  await test.step('the second follows and a flick removes it', async () => {
    await expect(phone.toastWithText('Second toast')).toBeVisible()
    await expect(phone.toastWithText('Third toast')).toBeHidden()
    await phone.swipeToastRight('Second toast')
  })

  await test.step('the third follows and Dismiss removes it', async () => {
    await expect(phone.toastWithText('Third toast')).toBeVisible()
    await phone.dismissToast('Third toast')
    await expect(phone.toast).toBeHidden()
    await expect(phone.startScreen).toBeVisible()
  })
})

/** Posts a toast to a channel and checks that the service received it. */
async function sendToast(mpns: MpnsClient, channelUri: string, toast: ToastFields): Promise<void> {
  const response = await mpns.post(channelUri, {
    headers: TOAST_HEADERS,
    body: createToastXml(toast),
  })
  expectMpnsResponse(response, {
    status: 200,
    notificationStatus: 'Received',
    deviceConnectionStatus: 'Connected',
    subscriptionStatus: 'Active',
  })
}
