import { expect, test } from './fixtures'
import { OSLO_FLIP_TILE_XML, WEATHER_CHANNEL } from './payloads'

test('deterministic mode turns tiles only when stepped', async ({ page, phone, devConsole }) => {
  const motion = page.getByRole('region', { name: 'Motion', exact: true })
  const advance = motion.getByRole('button', { name: 'Advance tile animation', exact: true })

  await test.step('switch the tile animation to deterministic', async () => {
    await motion
      .getByRole('combobox', { name: 'Tile animation', exact: true })
      .selectOption('Deterministic (step by step)')
    await expect(advance).toBeEnabled()
  })

  await test.step('a FlipTile update shows its front', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
    await devConsole.send({ channel: WEATHER_CHANNEL, type: 'tile', payload: OSLO_FLIP_TILE_XML })
    await devConsole.expectStatus(200)
    const tile = phone.tile('Contoso Weather, Oslo, 3')
    await expect(tile).toContainText('Oslo')
    await expect(tile).not.toContainText('Snow, -4 °C')
  })

  await test.step('each step turns the tile over', async () => {
    const tile = phone.tile('Contoso Weather, Oslo, 3')
    await advance.click()
    await expect(tile).toContainText('Snow, -4 °C')
    await expect(tile).toContainText('Tomorrow')
    await advance.click()
    await expect(tile).toContainText('Oslo')
    await expect(tile).not.toContainText('Snow, -4 °C')
  })
})
