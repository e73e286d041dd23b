import { expect, expectMpnsResponse, test } from './fixtures'
import type { MpnsClient, PagePostResult } from './fixtures'
import type { PhonePage } from './pages/phone-page'
import {
  RAW_HEADERS,
  TILE_HEADERS,
  TOAST_HEADERS,
  createFlipTileXml,
  createToastXml,
} from './payloads'

const WEATHER = 'Contoso Weather'
const WEATHER_APP_ID = 'contoso-weather'

test('battery level and saver decide delivery', async ({ phone, mpns }) => {
  const channelUri = await test.step('launch Contoso Weather, allow and go to Start', async () => {
    const uri = await phone.launchWithPermission(WEATHER, true)
    await phone.goStart()
    return uri
  })

  await test.step('at 50 % the power level is normal and a toast shows', async () => {
    await phone.setBattery(50)
    await expect(phone.powerLevel).toHaveText('Normal')
    await expectReportedBattery(mpns, 'normal')
    await phone.goStart()

    const response = await postToast(mpns, channelUri, 'At half charge')
    expectMpnsResponse(response, {
      status: 200,
      notificationStatus: 'Received',
      deviceConnectionStatus: 'Connected',
      subscriptionStatus: 'Active',
    })
    await expect(phone.toastWithText('At half charge')).toBeVisible()
    await phone.dismissToast('At half charge')
  })

  await test.step('at 15 % with saver when low, the status bar shows saver', async () => {
    await phone.setBattery(15, 'When battery is low')
    await expect(phone.powerLevel).toHaveText('Battery saver on')
    await expectReportedBattery(mpns, 'saver')
    await phone.statusIndicatorsButton.click()
    await expect(phone.handset.getByRole('img', { name: 'Battery 15 %' })).toBeVisible()
    await expect(phone.handset.getByRole('img', { name: 'Battery saver' })).toBeVisible()
  })

  await test.step('at 15 % a toast gets 200 Dropped and raw reaches the app', async () => {
    await openWeatherInForeground(phone, mpns)
    expectDropped(await postToast(mpns, channelUri, 'Saving power'))

    const raw = await mpns.post(channelUri, { headers: RAW_HEADERS, body: 'raw on saver' })
    expectMpnsResponse(raw, {
      status: 200,
      notificationStatus: 'Received',
      deviceConnectionStatus: 'Connected',
      subscriptionStatus: 'Active',
    })
    await expect(phone.notificationLog).toContainText('raw on saver')
    await expect(phone.rawCount).toHaveText('1')
    await expect(phone.toast).toBeHidden()
  })

  await test.step('at 3 % every type gets 200 Dropped', async () => {
    await phone.setBattery(3)
    await expect(phone.powerLevel).toHaveText('Critically low')
    await expectReportedBattery(mpns, 'critical')
    await openWeatherInForeground(phone, mpns)

    expectDropped(await postToast(mpns, channelUri, 'Critical toast'))
    expectDropped(
      await mpns.post(channelUri, {
        headers: TILE_HEADERS,
        body: createFlipTileXml({ Title: 'Critical tile' }),
      }),
    )
    expectDropped(await mpns.post(channelUri, { headers: RAW_HEADERS, body: 'critical raw' }))
    await expect.poll(() => mpns.countQueued()).toBe(0)
    await expect(phone.rawCount).toHaveText('1')
  })

  await test.step('at 90 % with saver until next charge a toast gets Dropped', async () => {
    await phone.setBattery(90, 'Now until next charge')
    await expect(phone.powerLevel).toHaveText('Battery saver on')
    await expectReportedBattery(mpns, 'saver')
    await phone.goStart()

    expectDropped(await postToast(mpns, channelUri, 'Until next charge'))
    await expect(phone.toast).toBeHidden()
    await expect(phone.tile(WEATHER)).toBeVisible()
  })
})

/** Opens the weather app from Start and waits until the service stores it as the foreground app. */
async function openWeatherInForeground(phone: PhonePage, mpns: MpnsClient): Promise<void> {
  await phone.goStart()
  await phone.openApp(WEATHER)
  await expect(phone.currentPage).toBeVisible()
  await expect.poll(() => mpns.readForegroundAppId()).toBe(WEATHER_APP_ID)
}

async function expectReportedBattery(
  mpns: MpnsClient,
  battery: 'normal' | 'saver' | 'critical',
): Promise<void> {
  await expect
    .poll(() => mpns.readDeviceState(), {
      message: `the handset never reported the ${battery} power level`,
    })
    .toMatchObject({ battery })
}

function postToast(mpns: MpnsClient, channelUri: string, text1: string): Promise<PagePostResult> {
  return mpns.post(channelUri, {
    headers: TOAST_HEADERS,
    body: createToastXml({ text1, text2: 'From the battery test' }),
  })
}

function expectDropped(response: PagePostResult): void {
  expectMpnsResponse(response, {
    status: 200,
    notificationStatus: 'Dropped',
    deviceConnectionStatus: 'Connected',
    subscriptionStatus: 'Active',
  })
}
