import { SAMPLE_APP_NAMES, expect, expectMpnsResponse, test } from './fixtures'
import { TILE_HEADERS, createFlipTileXml } from './payloads'

const WEATHER = 'Contoso Weather'
const WEATHER_ID = 'contoso-weather'
const OSLO = '/CityPage.xaml?city=Oslo'
/** The Oslo tile's name without a count; it is also the name its Unpin button uses. */
const OSLO_TILE = `${WEATHER}, Oslo, ${OSLO}`
/** The Oslo tile's name once its count is 5. */
const OSLO_TILE_WITH_COUNT = `${WEATHER}, Oslo, 5, ${OSLO}`

test('a secondary tile takes its own updates and opens its page', async ({ phone, mpns }) => {
  const channelUri = await test.step('launch Contoso Weather and allow notifications', () =>
    phone.launchWithPermission(WEATHER, true))

  await test.step('pin the Oslo tile from the app page', async () => {
    await phone.pinSecondaryTile('Pin Oslo to Start')
    await expect(phone.tile(OSLO_TILE)).toBeVisible()
    expect(await phone.readTileNames()).toEqual([...SAMPLE_APP_NAMES, OSLO_TILE])
  })

  await test.step('the handset reports the pinned tile to the service', async () => {
    await expect
      .poll(async () => (await mpns.readDeviceState())?.secondaryTileIds[WEATHER_ID], {
        message: 'the handset never reported the Oslo tile',
      })
      .toEqual([OSLO])
  })

  await test.step('an update with the Oslo Id is received and changes only that tile', async () => {
    const body = createFlipTileXml({ Count: '5', BackContent: 'Rain' }, { id: OSLO })
    const response = await mpns.post(channelUri, { headers: TILE_HEADERS, body })

    expectMpnsResponse(response, {
      status: 200,
      notificationStatus: 'Received',
      deviceConnectionStatus: 'Connected',
      subscriptionStatus: 'Active',
    })
    await expect(phone.tile(OSLO_TILE_WITH_COUNT)).toBeVisible()
    await expect(phone.tile(WEATHER)).toBeVisible()
  })

  await test.step('an update with an Id of no pinned tile is suppressed', async () => {
    const body = createFlipTileXml({ Count: '7' }, { id: '/CityPage.xaml?city=Bergen' })
    const response = await mpns.post(channelUri, { headers: TILE_HEADERS, body })

    expectMpnsResponse(response, {
      status: 200,
      notificationStatus: 'Suppressed',
      deviceConnectionStatus: 'Connected',
      subscriptionStatus: 'Active',
    })
    expect(await phone.readTileNames()).toEqual([...SAMPLE_APP_NAMES, OSLO_TILE_WITH_COUNT])
  })

  await test.step('a tap on the Oslo tile opens its page with its query string', async () => {
    await phone.tile(OSLO_TILE_WITH_COUNT).click()
    await expect(phone.currentPage).toHaveText(OSLO)
    await expect(phone.queryString.getByRole('listitem')).toHaveText(['city = Oslo'])
    await expect(phone.secondaryTilePinButton('Pin Oslo to Start')).toBeDisabled()
    await expect(phone.secondaryTilePinButton('Pin Bergen to Start')).toBeEnabled()
  })

  await test.step('once unpinned, updates with its Id are suppressed', async () => {
    await phone.goStart()
    await phone.unpinTile(phone.tile(OSLO_TILE_WITH_COUNT), OSLO_TILE)
    await expect
      .poll(async () => (await mpns.readDeviceState())?.secondaryTileIds[WEATHER_ID], {
        message: 'the handset never reported the Oslo tile as unpinned',
      })
      .toBeUndefined()

    const body = createFlipTileXml({ Count: '8' }, { id: OSLO })
    const response = await mpns.post(channelUri, { headers: TILE_HEADERS, body })
    expectMpnsResponse(response, {
      status: 200,
      notificationStatus: 'Suppressed',
      deviceConnectionStatus: 'Connected',
      subscriptionStatus: 'Active',
    })
  })
})

test('a secondary tile keeps a name of its own', async ({ phone, mpns }) => {
  const channelUri = await phone.launchWithPermission(WEATHER, true)
  await phone.pinSecondaryTile('Pin Oslo to Start')

  const response = await mpns.post(channelUri, {
    headers: TILE_HEADERS,
    body: createFlipTileXml({ Title: 'Oslo' }),
  })
  expect(response.status).toBe(200)

  // The primary tile now has the secondary tile's title, and each name still finds one tile.
  await expect(phone.tile(`${WEATHER}, Oslo`)).toHaveCount(1)
  await expect(phone.tile(OSLO_TILE)).toHaveCount(1)
})
