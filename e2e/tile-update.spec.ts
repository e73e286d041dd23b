import { expect, test } from './fixtures'
import { OSLO_FLIP_TILE_XML, WEATHER_CHANNEL } from './payloads'

/**
 * Older tile bodies that MPNS accepts: the WP7 legacy tile, and a FlipTile without
 * `Version="2.0"`, as the mpns npm package sends it.
 */
const OLDER_TILE_FORMATS = [
  {
    name: 'a legacy tile without Template',
    payload: `<?xml version="1.0" encoding="utf-8"?>
<wp:Notification xmlns:wp="WPNotification">
  <wp:Tile>
    <wp:Title>Bergen</wp:Title>
    <wp:Count>5</wp:Count>
  </wp:Tile>
</wp:Notification>`,
    tileName: 'Contoso Weather, Bergen, 5',
  },
  {
    name: 'a FlipTile without Version="2.0"',
    payload: `<?xml version="1.0" encoding="utf-8"?>
<wp:Notification xmlns:wp="WPNotification">
  <wp:Tile Template="FlipTile">
    <wp:Title>Tromsø</wp:Title>
    <wp:Count>7</wp:Count>
  </wp:Tile>
</wp:Notification>`,
    tileName: 'Contoso Weather, Tromsø, 7',
  },
]

/** A Flip tile waits 4 to 7 s between turns, so one turn comes well within this time. */
const FLIP_TIMEOUT_MS = 15_000

test('a FlipTile update renames the tile and flips it', async ({ phone, devConsole }) => {
  await test.step('launch Contoso Weather, allow notifications and go to Start', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
    await expect(phone.tile('Contoso Weather')).toBeVisible()
  })

  await test.step('send a FlipTile update with front and back fields', async () => {
    await devConsole.send({ channel: WEATHER_CHANNEL, type: 'tile', payload: OSLO_FLIP_TILE_XML })
    await devConsole.expectStatus(200)
    await expect(devConsole.response).toContainText('X-NotificationStatus: Received')
  })

  const tile = phone.tile('Contoso Weather, Oslo, 3')
  await test.step('the tile name carries the title and count', async () => {
    await expect(tile).toBeVisible()
    await expect(tile).toContainText('Oslo')
  })

  await test.step('the tile turns to its back', async () => {
    await expect(tile).toContainText('Snow, -4 °C', { timeout: FLIP_TIMEOUT_MS })
    await expect(tile).toContainText('Tomorrow')
  })

  await test.step('the tile turns to its front again', async () => {
    await expect(tile).not.toContainText('Snow, -4 °C', { timeout: FLIP_TIMEOUT_MS })
    await expect(tile).toContainText('Oslo')
  })
})

for (const format of OLDER_TILE_FORMATS) {
  test(`${format.name} updates the tile`, async ({ phone, devConsole }) => {
    await test.step('launch Contoso Weather, allow notifications and go to Start', async () => {
      await phone.launchWithPermission('Contoso Weather', true)
      await phone.goStart()
    })

    await test.step('send the tile update', async () => {
      await devConsole.send({ channel: WEATHER_CHANNEL, type: 'tile', payload: format.payload })
      await devConsole.expectStatus(200)
      await expect(devConsole.response).toContainText('X-NotificationStatus: Received')
    })

    await test.step('the tile shows the new title and count', async () => {
      await expect(phone.tile(format.tileName)).toBeVisible()
    })
  })
}
