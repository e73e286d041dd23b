import type { Locator } from '@playwright/test'

import { expect, test } from './fixtures'
import type { PhonePage } from './pages/phone-page'
import { TILE_HEADERS } from './payloads'
import { findScreenshotSkipReason } from './screenshot-environment'

type TileSize = 'small' | 'medium' | 'wide'

/** One sample app per template, the update that fills every size, and the sizes it takes. */
interface TemplateCase {
  template: string
  appName: string
  /** Tile name after the update: app name, title, count. */
  tileName: string
  /** Name of the Resize and Unpin buttons: app name and title, without the count. */
  buttonName: string
  payload: string
  /** Sizes after each Resize from medium, in the phone's cycle order. */
  resizes: TileSize[]
  /** Whether the tile has a second face or image that the animation step shows. */
  animates: boolean
}

const CASES: readonly TemplateCase[] = [
  {
    template: 'flip',
    appName: 'Contoso Weather',
    tileName: 'Contoso Weather, Oslo, 3',
    buttonName: 'Contoso Weather, Oslo',
    payload: tileXml(
      'FlipTile',
      '<wp:Title>Oslo</wp:Title><wp:Count>3</wp:Count><wp:BackTitle>Tomorrow</wp:BackTitle>' +
        '<wp:BackContent>Snow&#10;-4 °C</wp:BackContent>' +
        '<wp:WideBackContent>Snow showers all day&#10;Wind 8 m/s&#10;-4 °C</wp:WideBackContent>',
    ),
    resizes: ['small', 'wide'],
    animates: true,
  },
  {
    template: 'iconic',
    appName: 'Contoso Chat',
    tileName: 'Contoso Chat, Inbox, 5',
    buttonName: 'Contoso Chat, Inbox',
    payload: tileXml(
      'IconicTile',
      '<wp:Title>Inbox</wp:Title><wp:Count>5</wp:Count>' +
        '<wp:WideContent1>Alice: lunch at noon?</wp:WideContent1>' +
        '<wp:WideContent2>Bob: slides attached</wp:WideContent2>' +
        '<wp:WideContent3>Carol: on my way</wp:WideContent3>',
    ),
    resizes: ['small', 'wide'],
    animates: false,
  },
  {
    template: 'cycle',
    appName: 'Contoso Photos',
    tileName: 'Contoso Photos, Trip, 2',
    buttonName: 'Contoso Photos, Trip',
    payload: tileXml('CycleTile', '<wp:Title>Trip</wp:Title><wp:Count>2</wp:Count>'),
    resizes: ['small', 'wide'],
    animates: true,
  },
  {
    template: 'legacy',
    appName: 'Fabrikam Scores',
    tileName: 'Fabrikam Scores, Scores, 1',
    buttonName: 'Fabrikam Scores, Scores',
    payload: `<?xml version="1.0" encoding="utf-8"?>
<wp:Notification xmlns:wp="WPNotification"><wp:Tile><wp:Title>Scores</wp:Title><wp:Count>1</wp:Count><wp:BackTitle>Final</wp:BackTitle><wp:BackContent>Oslo 2, Bergen 1</wp:BackContent></wp:Tile></wp:Notification>`,
    resizes: ['small'],
    animates: true,
  },
]

test.beforeEach(({ browser }, testInfo) => {
  const reason = findScreenshotSkipReason(browser, testInfo)
  test.skip(reason !== undefined, reason)
})

for (const templateCase of CASES) {
  test(`${templateCase.template} tile at every size`, async ({ page, phone, mpns }) => {
    const motion = page.getByRole('region', { name: 'Motion', exact: true })
    const advance = motion.getByRole('button', { name: 'Advance tile animation', exact: true })

    await test.step('update the tile with deterministic motion', async () => {
      await motion
        .getByRole('combobox', { name: 'Tile animation', exact: true })
        .selectOption('Deterministic (step by step)')
      const channelUri = await phone.launchWithPermission(templateCase.appName, true)
      await phone.goStart()
      const response = await mpns.post(channelUri, {
        headers: TILE_HEADERS,
        body: templateCase.payload,
      })
      expect(response.status).toBe(200)
    })

    const tile = phone.tile(templateCase.tileName)
    let step = 0
    const capture = async (size: TileSize) => {
      await expectTileScreenshot(tile, `${templateCase.template}-${size}-front.png`, step)
      if (templateCase.animates && size !== 'small') {
        await advance.click()
        step += 1
        await expectTileScreenshot(tile, `${templateCase.template}-${size}-back.png`, step)
        await advance.click()
        step += 1
      }
    }

    await capture('medium')
    for (const size of templateCase.resizes) {
      await resize(phone, tile, templateCase.buttonName, size)
      await capture(size)
    }
  })
}

async function resize(phone: PhonePage, tile: Locator, buttonName: string, size: TileSize) {
  await phone.enterCustomizationWithKeyboard(tile, buttonName)
  await phone.resizeTile(buttonName, size)
  await phone.leaveCustomization()
}

async function expectTileScreenshot(tile: Locator, name: string, step: number): Promise<void> {
  await expect(tile, `tile before ${name} at step ${step}`).toBeVisible()
  // Images load asynchronously; a screenshot waits for every image of the tile to decode.
  await expect
    .poll(() =>
      tile.evaluate((element) =>
        [...element.querySelectorAll('img')].every((image) => image.complete),
      ),
    )
    .toBe(true)
  await expect(tile).toHaveScreenshot(name)
}

function tileXml(template: string, fields: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<wp:Notification xmlns:wp="WPNotification" Version="2.0"><wp:Tile Template="${template}">${fields}</wp:Tile></wp:Notification>`
}
