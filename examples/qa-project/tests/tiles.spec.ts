import { expect, flipTile, test } from 'wp8-mpns-emulator/playwright'

const WEATHER = 'Contoso Weather'

test('flip tile on every size', async ({ phone, mpns }) => {
  const channelUri = await phone.launch(WEATHER, { allow: true })
  await phone.goStart()
  await expect(phone).toHaveTile({ app: WEATHER, size: 'medium', count: 0 })

  const update = flipTile({
    title: 'Oslo',
    count: 3,
    backTitle: 'Tomorrow',
    backContent: 'Snow, -4 °C',
    wideBackContent: 'Snow, -4 °C, wind from the north',
  })
  expect(await mpns.send(channelUri, update, { via: 'http' })).toHaveMpnsResponse({
    status: 200,
    notificationStatus: 'Received',
    deviceConnectionStatus: 'Connected',
    subscriptionStatus: 'Active',
  })

  await test.step('medium: front, then back', async () => {
    await expect(phone).toHaveTile({ app: WEATHER, size: 'medium', title: 'Oslo', count: 3 })
    await expect(phone).toHaveTile({ app: WEATHER, backTitle: 'Tomorrow', backContent: 'Snow' })
  })

  await test.step('wide: the wide back content', async () => {
    await phone.setTileSize(WEATHER, 'wide')
    await expect(phone).toHaveTile({ app: WEATHER, size: 'wide', title: 'Oslo', count: 3 })
    await expect(phone).toHaveTile({ app: WEATHER, backContent: 'wind from the north' })
  })

  await test.step('small: the count without a title', async () => {
    await phone.setTileSize(WEATHER, 'small')
    await expect(phone).toHaveTile({ app: WEATHER, size: 'small', count: 3 })
  })
})

test('Action="Clear" removes the count', async ({ phone, mpns }) => {
  const channelUri = await phone.launch(WEATHER, { allow: true })
  await phone.goStart()
  expect(await mpns.send(channelUri, flipTile({ count: 12 }))).toBeReceived()
  await expect(phone).toHaveTile({ app: WEATHER, count: 12 })
  expect(await mpns.send(channelUri, flipTile({}, { clear: ['Count'] }))).toBeReceived()
  await expect(phone).toHaveTile({ app: WEATHER, count: 0 })
})

test('secondary tile takes its own update', async ({ phone, mpns }) => {
  const oslo = '/CityPage.xaml?city=Oslo'
  const channelUri = await phone.launch(WEATHER, { allow: true })
  await phone.pinSecondaryTile('Pin Oslo to Start')
  await expect(phone).toHaveTile({ app: WEATHER, secondary: oslo, title: 'Oslo', count: 0 })

  expect(await mpns.send(channelUri, flipTile({ count: 5 }, { id: oslo }))).toBeReceived()
  await expect(phone).toHaveTile({ app: WEATHER, secondary: oslo, count: 5 })
  await expect(phone).toHaveTile({ app: WEATHER, count: 0 })
})
