import { expect, expectMpnsResponse, test } from './fixtures'
import type { MpnsClient } from './fixtures'
import {
  TILE_HEADERS,
  TOAST_HEADERS,
  WEATHER_CHANNEL,
  createFlipTileXml,
  createToastXml,
} from './payloads'

// NOTE: the handset cannot unpin the primary tile, so the 200 Received for an update to the
// unpinned primary tile is covered by the engine's conformance tests only.

const CHANNEL_CLOSED_LOG_LINE =
  'Channel closed: its channel URI now answers 404 Not Found. Relaunch the app to open a new channel.'

const CHANNEL_URI_PATTERN = /\/throttledthirdparty\/01\.00\/[A-Za-z0-9_-]+$/

test('Close channel, then relaunch gets a new URI', async ({ phone, mpns }) => {
  const oldUri = await test.step('launch Contoso Weather and allow notifications', () =>
    phone.launchWithPermission('Contoso Weather', true))

  await test.step('close the channel from the app', async () => {
    await phone.closeChannel()
    await expect(phone.notificationLog).toContainText(CHANNEL_CLOSED_LOG_LINE)
  })

  await test.step('the old URI gets 404 Dropped with Expired', async () => {
    await expectExpired(mpns, oldUri)
  })

  const newUri = await test.step('launching the app again opens a new channel', async () => {
    await phone.goStart()
    await phone.openApp('Contoso Weather')
    await expect(phone.channelUri).toHaveValue(CHANNEL_URI_PATTERN)
    await expect(phone.channelUri).not.toHaveValue(oldUri)
    const uri = await phone.channelUri.inputValue()
    await expect(phone.notificationLog).toContainText(`ChannelUriUpdated: ${uri}`)
    return uri
  })

  await test.step('the new URI gets 200 Received and the old one stays expired', async () => {
    await expectToastReceived(mpns, newUri, 'After relaunch')
    await expect(phone.notificationLog).toContainText('After relaunch')
    await expectExpired(mpns, oldUri)
  })
})

test('Uninstall, then reinstall gets a new URI', async ({ phone, mpns }) => {
  const oldUri = await test.step('launch Contoso Weather and allow notifications', () =>
    phone.launchWithPermission('Contoso Weather', true))

  await test.step('uninstall the app', async () => {
    await phone.uninstall()
    await expect(phone.startScreen).toBeVisible()
    await expect(phone.appTile('Contoso Weather')).toHaveCount(0)
  })

  await test.step('the old URI gets 404 Dropped with Expired', async () => {
    await expectExpired(mpns, oldUri)
  })

  await test.step('install it again from the app list', async () => {
    await phone.installFromAppList('Contoso Weather')
    await phone.goStart()
    await expect(phone.tile('Contoso Weather')).toBeVisible()
  })

  const newUri = await test.step('the reinstalled app asks again and opens a new channel', () =>
    phone.launchWithPermission('Contoso Weather', true))

  await test.step('the new URI gets 200 Received and the old one stays expired', async () => {
    expect(newUri).not.toBe(oldUri)
    await expectToastReceived(mpns, newUri, 'After reinstall')
    await expect(phone.notificationLog).toContainText('After reinstall')
    await expectExpired(mpns, oldUri)
  })
})

test('Renew channel URI expires the old URI', async ({ phone, devConsole, mpns }) => {
  const oldUri = await test.step('launch Contoso Weather and allow notifications', () =>
    phone.launchWithPermission('Contoso Weather', true))

  const newUri = await test.step('renew the channel URI in the console', async () => {
    await devConsole.renewChannelUri(WEATHER_CHANNEL)
    await expect(phone.channelUri).not.toHaveValue(oldUri)
    await expect(phone.channelUri).toHaveValue(CHANNEL_URI_PATTERN)
    return phone.channelUri.inputValue()
  })

  await test.step('the app raises ChannelUriUpdated with the new URI', async () => {
    await expect(phone.notificationLog).toContainText(`ChannelUriUpdated: ${newUri}`)
  })

  await test.step('the old URI gets 404 Dropped with Expired', async () => {
    await expectExpired(mpns, oldUri)
  })

  await test.step('the new URI gets 200 Received', async () => {
    await expectToastReceived(mpns, newUri, 'After renewal')
    await expect(phone.notificationLog).toContainText('After renewal')
  })
})

test('unpinned secondary tile update is Suppressed', async ({ phone, mpns }) => {
  const channelUri = await test.step('launch Contoso Weather, allow and go to Start', async () => {
    const uri = await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
    return uri
  })

  await test.step('a FlipTile with Id="/NotPinned.xaml" gets 200 Suppressed', async () => {
    const response = await mpns.post(channelUri, {
      headers: TILE_HEADERS,
      body: createFlipTileXml({ Title: 'Secondary', Count: '7' }, { id: '/NotPinned.xaml' }),
    })
    expectMpnsResponse(response, {
      status: 200,
      notificationStatus: 'Suppressed',
      deviceConnectionStatus: 'Connected',
      subscriptionStatus: 'Active',
    })
    expect(response.headers['x-emulator-reason']).toContain('/NotPinned.xaml')
    await expect.poll(() => mpns.countQueued()).toBe(0)
  })

  await test.step('the same update without Id changes the primary tile', async () => {
    const response = await mpns.post(channelUri, {
      headers: TILE_HEADERS,
      body: createFlipTileXml({ Title: 'Primary', Count: '2' }),
    })
    expect(response.headers['x-notificationstatus']).toBe('Received')
    await expect(phone.tile('Contoso Weather, Primary, 2')).toBeVisible()
    await expect(phone.appTile('Contoso Weather')).not.toHaveAccessibleName(/Secondary/)
  })
})

async function expectExpired(mpns: MpnsClient, channelUri: string): Promise<void> {
  const response = await mpns.post(channelUri, {
    headers: TOAST_HEADERS,
    body: createToastXml({ text1: 'To an expired channel', text2: 'Never shown' }),
  })
  expectMpnsResponse(response, {
    status: 404,
    notificationStatus: 'Dropped',
    deviceConnectionStatus: 'Connected',
    subscriptionStatus: 'Expired',
  })
}

async function expectToastReceived(
  mpns: MpnsClient,
  channelUri: string,
  text1: string,
): Promise<void> {
  const response = await mpns.post(channelUri, {
    headers: TOAST_HEADERS,
    body: createToastXml({ text1, text2: 'New channel' }),
  })
  expectMpnsResponse(response, {
    status: 200,
    notificationStatus: 'Received',
    deviceConnectionStatus: 'Connected',
    subscriptionStatus: 'Active',
  })
}
