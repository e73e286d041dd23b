import { expect, iconicTile, test, toast } from 'wp8-mpns-emulator/playwright'

const WEATHER = 'Contoso Weather'

test('airplane mode holds a toast', async ({ phone, mpns }) => {
  const channelUri = await phone.launch(WEATHER, { allow: true })
  await phone.goStart()
  await phone.setAirplaneMode(true)

  const held = await mpns.send(channelUri, toast({ text1: 'Held', text2: 'Sent offline' }))
  expect(held).toHaveMpnsResponse({ status: 200, deviceConnectionStatus: 'TempDisconnected' })
  await expect(phone).not.toShowToast({ text1: 'Held' }, { timeout: 1_000 })

  await phone.setAirplaneMode(false)
  await expect(phone).toShowToast({ text1: 'Held', text2: 'Sent offline' })
})

test('an Inactive handset gets 412 Dropped', async ({ phone, mpns }) => {
  const channelUri = await phone.launch(WEATHER, { allow: true })
  await phone.goStart()
  await phone.goInactive()

  const response = await mpns.send(channelUri, toast({ text1: 'Too late' }), { via: 'http' })
  expect(response).toHaveMpnsResponse({
    status: 412,
    notificationStatus: 'Dropped',
    deviceConnectionStatus: 'Inactive',
    subscriptionStatus: null,
  })
})

test('lock screen shows count and text', async ({ phone, mpns }) => {
  const channelUri = await phone.launch('Contoso Chat', { allow: true })
  await phone.chooseLockScreenApps({
    detailedStatus: 'Contoso Chat',
    quickStatus: ['Contoso Chat'],
  })
  await phone.lock()

  const update = iconicTile({ count: 4, wideContent1: 'Anna: lunch at 12?' })
  expect(await mpns.send(channelUri, update)).toBeReceived()
  await expect(phone).toHaveLockScreenCount('Contoso Chat', 4)
  await expect(phone).toHaveLockScreenText('Anna: lunch at 12?')
  await phone.unlock()
})

test('battery saver drops toasts', async ({ phone, mpns }) => {
  const channelUri = await phone.launch(WEATHER, { allow: true })
  await phone.setBatteryLevel(50, 'Now until next charge')

  const response = await mpns.send(channelUri, toast({ text1: 'Saved' }))
  expect(response).toHaveMpnsResponse({ status: 200, notificationStatus: 'Dropped' })
  await expect(phone).not.toShowToast({ text1: 'Saved' }, { timeout: 1_000 })
})
