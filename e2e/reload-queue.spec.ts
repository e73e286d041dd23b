import { expect, openEmulator, test } from './fixtures'
import type { PagePostResult } from './fixtures'
import { TILE_HEADERS, TOAST_HEADERS, createFlipTileXml, createToastXml } from './payloads'

/** Tile updates sent while the emulator page reloads, with Count 1 to this number. */
const BURST_SIZE = 10

test('reload while notifications are queued loses nothing', async ({
  page,
  phone,
  mpns,
  sender,
}) => {
  const channelUri = await test.step('launch Contoso Weather, allow and go to Start', async () => {
    const uri = await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
    return uri
  })

  await test.step('leave the emulator page', async () => {
    await page.goto('about:blank')
  })

  await test.step('a second page sends a toast and a tile update', async () => {
    const toast = await sender.post(channelUri, {
      headers: TOAST_HEADERS,
      body: createToastXml({ text1: 'While away', text2: 'Queued for later' }),
    })
    const tile = await sender.post(channelUri, {
      headers: TILE_HEADERS,
      body: createFlipTileXml({ Title: 'Oslo', Count: '3' }),
    })
    expectReceived(toast)
    expectReceived(tile)
    await expect.poll(() => sender.countQueued()).toBe(2)
  })

  await test.step('reopening the emulator delivers both', async () => {
    await openEmulator(page)
    await expect(phone.tile('Contoso Weather, Oslo, 3')).toBeVisible()
    await expect(phone.toast).toContainText('While away')
    await expect.poll(() => mpns.countQueued()).toBe(0)
  })

  const burst = await test.step('a burst of tile updates arrives during a reload', async () => {
    const reload = page.reload()
    const responses: PagePostResult[] = []
    for (let count = 1; count <= BURST_SIZE; count += 1) {
      const body = createFlipTileXml({ Count: String(count) })
      responses.push(await sender.post(channelUri, { headers: TILE_HEADERS, body }))
    }
    await reload
    return responses
  })

  await test.step('the service accepted every update', () => {
    for (const response of burst) {
      expectReceived(response)
    }
  })

  await test.step('after the reload the tile shows the last count', async () => {
    await expect(phone.tile(`Contoso Weather, Oslo, ${BURST_SIZE}`)).toBeVisible()
    await expect.poll(() => mpns.countQueued()).toBe(0)
  })
})

function expectReceived(response: PagePostResult): void {
  expect(response.status).toBe(200)
  expect(response.headers['x-notificationstatus']).toBe('Received')
}
