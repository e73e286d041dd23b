import type { Locator } from '@playwright/test'

import { loadRealWorldManifestFixtures, resolveSharedDir } from '../src/test/shared-fixtures'
import { expect, test } from './fixtures'
import type { PhonePage } from './pages/phone-page'
import { TILE_HEADERS } from './payloads'

const ICONIC_UPDATE = `<?xml version="1.0" encoding="utf-8"?>
<wp:Notification xmlns:wp="WPNotification" Version="2.0">
  <wp:Tile Template="IconicTile">
    <wp:Title>Headlines</wp:Title>
    <wp:Count>4</wp:Count>
  </wp:Tile>
</wp:Notification>`

const shared = resolveSharedDir()

test('a custom app installs from the form and takes tile updates', async ({ phone, mpns }) => {
  const dialog = await openInstallForm(phone)

  await test.step('fill in the form and install', async () => {
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Fabrikam News')
    await dialog
      .getByRole('combobox', { name: 'Tile template', exact: true })
      .selectOption('IconicTile')
    await dialog.getByRole('button', { name: 'Install', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expect(phone.tile('Fabrikam News')).toBeVisible()
  })

  await test.step('an Iconic update changes its tile', async () => {
    const channelUri = await phone.launchWithPermission('Fabrikam News', true)
    await phone.goStart()
    const response = await mpns.post(channelUri, { headers: TILE_HEADERS, body: ICONIC_UPDATE })
    expect(response.status).toBe(200)
    await expect(phone.tile('Fabrikam News, Headlines, 4')).toBeVisible()
  })

  await test.step('the app survives a reload', async () => {
    await phone.page.reload()
    await expect(phone.tile('Fabrikam News, Headlines, 4')).toBeVisible()
  })
})

test('an exported app file imports again', async ({ phone }) => {
  await phone.openApp('Contoso Chat')
  await phone.answerPermission(true)

  const download = await test.step('export Contoso Chat from its page', async () => {
    const [file] = await Promise.all([
      phone.page.waitForEvent('download'),
      phone.handset.getByRole('button', { name: 'Export app', exact: true }).click(),
    ])
    expect(file.suggestedFilename()).toBe('contoso-chat.json')
    return file
  })

  await test.step('import the file under another name', async () => {
    const dialog = await openInstallForm(phone)
    await dialog.getByLabel('App file (.json)').setInputFiles((await download.path()) ?? '')
    const name = dialog.getByRole('textbox', { name: 'Name', exact: true })
    await expect(name).toHaveValue('Contoso Chat')
    await name.fill('Contoso Chat Copy')
    await dialog.getByRole('button', { name: 'Install', exact: true }).click()
    // The copy keeps the tile title Contoso Chat, so its tile is named after both.
    await expect(phone.tile('Contoso Chat Copy, Contoso Chat')).toBeVisible()
  })
})

test.describe('real WMAppManifest.xml files', () => {
  test.skip(shared.dir === null, shared.dir === null ? shared.reason : '')

  test('every manifest imports and pins its app', async ({ phone }) => {
    test.setTimeout(180_000)
    for (const manifest of loadRealWorldManifestFixtures()) {
      await test.step(manifest.name, async () => {
        const dialog = await openInstallForm(phone)
        await dialog.getByLabel('WMAppManifest.xml and its images').setInputFiles({
          name: 'WMAppManifest.xml',
          mimeType: 'text/xml',
          buffer: Buffer.from(manifest.xml, 'utf8'),
        })
        const name = dialog.getByRole('textbox', { name: 'Name', exact: true })
        await expect(name).not.toHaveValue('')
        await expect(dialog.getByRole('alert')).toHaveCount(0)
        const appName = await name.inputValue()

        await dialog.getByRole('button', { name: 'Install', exact: true }).click()
        await expect(dialog).toBeHidden()
        await expect(phone.appTile(appName).last()).toBeVisible()
      })
    }
  })
})

async function openInstallForm(phone: PhonePage): Promise<Locator> {
  await phone.openAppList()
  await phone.appList.getByRole('button', { name: 'Install app', exact: true }).click()
  const dialog = phone.handset.getByRole('dialog', { name: 'Install app', exact: true })
  await expect(dialog).toBeVisible()
  return dialog
}
