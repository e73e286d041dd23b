import type { Locator, Page } from '@playwright/test'

import { expect, test } from './fixtures'

/** Tab presses allowed to reach one control; the page has four handsets' worth of controls at most. */
const MAX_TAB_PRESSES = 250

test('a FlipTile goes from the starters to Start with the keyboard alone', async ({
  page,
  phone,
  devConsole,
}) => {
  await test.step('launch Contoso Weather and allow its notifications', async () => {
    await tabTo(page, phone.tile('Contoso Weather'))
    await page.keyboard.press('Enter')
    await tabTo(page, phone.permissionPrompt.getByRole('button', { name: 'Allow', exact: true }))
    await page.keyboard.press('Enter')
    await expect(phone.channelUri).not.toHaveValue('')
    // F2 is the handset's Start key while focus is inside the handset.
    await page.keyboard.press('F2')
    await expect(phone.tile('Contoso Weather')).toBeVisible()
  })

  await test.step('load the FlipTile starter and edit it in the form', async () => {
    await tabTo(page, devConsole.starters.getByRole('button', { name: 'FlipTile', exact: true }))
    await page.keyboard.press('Enter')
    await expect(devConsole.notificationType).toHaveValue('tile')
    // Tab reaches the checked radio of a group, and the arrow keys move the choice.
    await tabTo(page, devConsole.payloadView.getByRole('radio', { name: 'XML', exact: true }))
    await page.keyboard.press('ArrowRight')
    await expect(
      devConsole.payloadView.getByRole('radio', { name: 'Form', exact: true }),
    ).toBeChecked()
    await tabTo(page, devConsole.payloadField('Title'))
    await page.keyboard.press('Control+A')
    await page.keyboard.type('Bergen')
    await tabTo(page, devConsole.payloadField('Count'))
    await page.keyboard.press('Control+A')
    await page.keyboard.type('7')
  })

  await test.step('the preview shows the edit on every size before sending', async () => {
    const after = devConsole.previewAfter
    await expect(after.getByRole('figure', { name: 'Medium, front' })).toContainText('Bergen')
    await expect(after.getByRole('figure', { name: 'Wide, front' })).toContainText('Bergen')
    await expect(after.getByRole('figure', { name: 'Small' })).toContainText('7')
    await expect(devConsole.previewChanges).toContainText('Title')
    await expect(devConsole.previewChanges).toContainText('Bergen')
    await expect(phone.tile('Contoso Weather, Bergen, 7')).toHaveCount(0)
  })

  await test.step('Ctrl+Enter sends it and the tile on Start changes', async () => {
    await page.keyboard.press('Control+Enter')
    await expect(devConsole.response).toContainText('HTTP/1.1 200 OK')
    await expect(phone.tile('Contoso Weather, Bergen, 7')).toBeVisible()
  })
})

/** Presses Tab until `target` has the focus. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < MAX_TAB_PRESSES; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) {
      return
    }
    await page.keyboard.press('Tab')
  }
  throw new Error(`Failed to reach ${target.toString()} within ${MAX_TAB_PRESSES} Tab presses.`)
}
