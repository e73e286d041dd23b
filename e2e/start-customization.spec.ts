import type { Locator } from '@playwright/test'

import { SAMPLE_APP_NAMES, expect, test } from './fixtures'
import { OSLO_FLIP_TILE_XML, WEATHER_CHANNEL } from './payloads'

const WEATHER = 'Contoso Weather'
const CHAT = 'Contoso Chat'
const TILE_COUNT = SAMPLE_APP_NAMES.length
/** Names of the sample app tiles after Contoso Weather and Contoso Chat, in Start order. */
const OTHER_NAMES = SAMPLE_APP_NAMES.filter((name) => name !== WEATHER && name !== CHAT)

/** Logical tile sizes times the handset's 0.78 screen scale, in CSS pixels. */
const TILE_WIDTHS_PX = { small: 99 * 0.78, medium: 210 * 0.78, wide: 432 * 0.78 }

test('unpin, update while unpinned and pin back', async ({ phone, devConsole }) => {
  await test.step('launch Contoso Weather, allow notifications and go to Start', async () => {
    await phone.launchWithPermission(WEATHER, true)
    await phone.goStart()
  })

  await test.step('unpin the Contoso Weather tile', async () => {
    await phone.unpinTile(phone.tile(WEATHER), WEATHER)
    await expect(phone.customizationStatus).toHaveText('')
    expect(await phone.readTileNames()).toEqual([CHAT, ...OTHER_NAMES])
  })

  await test.step('a tile update to the unpinned tile is received', async () => {
    await devConsole.send({ channel: WEATHER_CHANNEL, type: 'tile', payload: OSLO_FLIP_TILE_XML })
    await devConsole.expectStatus(200)
    await expect(devConsole.response).toContainText('X-NotificationStatus: Received')
  })

  await test.step('pin Contoso Weather from the app list', async () => {
    await phone.pinToStart(WEATHER)
    await expect(
      phone.appList.getByRole('button', { name: `Pin ${WEATHER} to Start` }),
    ).toBeHidden()
  })

  await test.step('the pinned tile shows the update, at the end of Start', async () => {
    await expect(phone.tile(`${WEATHER}, Oslo, 3`)).toBeVisible()
    expect(await phone.readTileNames()).toEqual([CHAT, ...OTHER_NAMES, `${WEATHER}, Oslo, 3`])
  })
})

test('resize cycles through the sizes', async ({ phone }) => {
  const tile = phone.tile(WEATHER)

  await test.step('hold Contoso Weather: the tile is medium', async () => {
    await phone.enterCustomization(tile, WEATHER)
    await expect(phone.customizationStatus).toContainText(
      `${WEATHER}: medium tile, 1 of ${TILE_COUNT}`,
    )
  })

  await test.step('Resize makes it small, then wide', async () => {
    await phone.resizeTile(WEATHER, 'small')
    await phone.resizeTile(WEATHER, 'wide')
  })

  await test.step('Back ends customisation and the tile is drawn wide', async () => {
    await phone.leaveCustomization()
    await expect(phone.startScreen).toBeVisible()
    await expect(phone.unpinButton(WEATHER)).toBeHidden()
    await expectWidth(tile, TILE_WIDTHS_PX.wide)
  })

  await test.step('Resize makes it medium, then small again', async () => {
    await phone.enterCustomization(tile, WEATHER)
    await phone.resizeTile(WEATHER, 'medium')
    await phone.leaveCustomization()
    await expectWidth(tile, TILE_WIDTHS_PX.medium)
    await phone.enterCustomization(tile, WEATHER)
    await phone.resizeTile(WEATHER, 'small')
    await phone.leaveCustomization()
    await expectWidth(tile, TILE_WIDTHS_PX.small)
  })
})

test('resize skips wide for a tile without wide support', async ({ phone }) => {
  const name = `${WEATHER}, Bergen, /CityPage.xaml?city=Bergen`

  await test.step('pin the Bergen tile, created without wide support', async () => {
    await phone.launchWithPermission(WEATHER, true)
    await phone.pinSecondaryTile('Pin Bergen to Start')
  })

  await test.step('Resize goes from medium to small and back to medium', async () => {
    await phone.enterCustomization(phone.tile(name), name)
    await expect(phone.customizationStatus).toContainText(`${name}: medium tile`)
    await phone.resizeTile(name, 'small')
    await phone.resizeTile(name, 'medium')
  })
})

test('drag reorders tiles and the order survives a reload', async ({ page, phone }) => {
  await test.step('drag Contoso Weather onto Contoso Chat', async () => {
    await phone.dragTile(phone.tile(WEATHER), WEATHER, phone.tile(CHAT))
    await expect(phone.customizationStatus).toContainText(
      `${WEATHER}: medium tile, 2 of ${TILE_COUNT}`,
    )
  })

  await test.step('tap empty space to end customisation', async () => {
    await phone.tapEmptyStartSpace()
    await expect(phone.customizationStatus).toHaveText('')
    expect(await phone.readTileNames()).toEqual([CHAT, WEATHER, ...OTHER_NAMES])
  })

  await test.step('reload the page: the order stays', async () => {
    await page.reload()
    await expect(phone.tile(WEATHER)).toBeVisible()
    expect(await phone.readTileNames()).toEqual([CHAT, WEATHER, ...OTHER_NAMES])
  })
})

test('customise Start with the keyboard only', async ({ page, phone }) => {
  await test.step('the ContextMenu key holds the focused tile', async () => {
    await phone.enterCustomizationWithKeyboard(phone.tile(WEATHER), WEATHER)
    await expect(phone.unpinButton(WEATHER)).toBeVisible()
  })

  await test.step('the arrow keys move it and it keeps focus', async () => {
    await page.keyboard.press('ArrowRight')
    await expect(phone.customizationStatus).toContainText(`2 of ${TILE_COUNT}`)
    await expect(phone.tile(WEATHER)).toBeFocused()
    await page.keyboard.press('ArrowLeft')
    await expect(phone.customizationStatus).toContainText(`1 of ${TILE_COUNT}`)
    await expect(phone.tile(WEATHER)).toBeFocused()
  })

  await test.step('R resizes it and Escape ends customisation', async () => {
    await page.keyboard.press('r')
    await expect(phone.customizationStatus).toContainText(`${WEATHER}: small tile`)
    await page.keyboard.press('Escape')
    await expect(phone.customizationStatus).toHaveText('')
    await expect(phone.tile(WEATHER)).toBeFocused()
  })

  await test.step('Shift+F10 holds it again and Delete unpins it', async () => {
    await page.keyboard.press('Shift+F10')
    await expect(phone.customizationStatus).toContainText(`Customizing ${WEATHER}:`)
    await page.keyboard.press('Delete')
    await expect(phone.tile(WEATHER)).toBeHidden()
    await expect(phone.tile(CHAT)).toBeFocused()
  })

  await test.step('Enter on the focused tile opens its app', async () => {
    await page.keyboard.press('Enter')
    await expect(phone.permissionPrompt).toBeVisible()
  })
})

/** Waits until a tile is drawn at a width, within half a pixel. */
async function expectWidth(tile: Locator, widthPx: number): Promise<void> {
  await expect
    .poll(async () => (await tile.boundingBox())?.width ?? 0, {
      message: `the tile never became ${widthPx} px wide`,
    })
    .toBeCloseTo(widthPx, 0)
}
