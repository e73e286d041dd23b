import { expect, test } from './fixtures'
import { OSLO_FLIP_TILE_XML, WEATHER_CHANNEL, createToastXml } from './payloads'

/** Frames of a Flip tile with BackTitle, which every size but small turns over to show. */
const FLIP_FRAMES = ['Small', 'Medium, front', 'Medium, back', 'Wide, front', 'Wide, back']

test('the preview follows typing and leaves the handset alone', async ({ phone, devConsole }) => {
  await test.step('launch Contoso Weather, allow notifications and go to Start', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
  })

  await test.step('send an Oslo tile update for real', async () => {
    await devConsole.send({ channel: WEATHER_CHANNEL, type: 'tile', payload: OSLO_FLIP_TILE_XML })
    await devConsole.expectStatus(200)
    await expect(phone.tile('Contoso Weather, Oslo, 3')).toBeVisible()
  })

  await test.step('the unchanged draft shows the sent tile before and after', async () => {
    await expect(devConsole.preview).toContainText('Primary tile of Contoso Weather on Handset 1')
    await expect(devConsole.previewChanges).toContainText('No tile element changes.')
    for (const frame of FLIP_FRAMES) {
      await expect(devConsole.previewBefore.getByRole('figure', { name: frame })).toBeVisible()
      await expect(devConsole.previewAfter.getByRole('figure', { name: frame })).toBeVisible()
    }
  })

  await test.step('typing a title and a count updates every size', async () => {
    await devConsole.typeInPayloadAfter('Oslo', ' North')
    await devConsole.typeInPayloadAfter('3', '5')

    const after = devConsole.previewAfter
    await expect(after.getByRole('figure', { name: 'Medium, front' })).toContainText('Oslo North')
    await expect(after.getByRole('figure', { name: 'Wide, front' })).toContainText('Oslo North')
    for (const frame of ['Small', 'Medium, front', 'Wide, front']) {
      await expect(after.getByRole('figure', { name: frame })).toContainText('35')
    }
    await expect(after.getByRole('figure', { name: 'Medium, back' })).toContainText('Tomorrow')
  })

  await test.step('the Changes list compares with the sent tile', async () => {
    await expect(devConsole.previewChanges.getByRole('listitem')).toHaveText([
      'Count: 3 -> 35',
      'Title: Oslo -> Oslo North',
    ])
    const beforeMedium = devConsole.previewBefore.getByRole('figure', { name: 'Medium, front' })
    await expect(beforeMedium).toContainText('Oslo')
    await expect(beforeMedium).not.toContainText('Oslo North')
    await expect(
      devConsole.previewAfter.getByRole('figure', { name: 'Medium, front' }),
    ).toHaveAttribute('data-changed', 'true')
    await expect(
      devConsole.previewAfter.getByRole('figure', { name: 'Medium, back' }),
    ).toHaveAttribute('data-changed', 'false')
  })

  await test.step('invalid XML keeps the last valid preview and calls it stale', async () => {
    await devConsole.typeInPayloadAfter('Oslo North', '<')

    await expect(devConsole.preview.getByRole('status')).toContainText(
      'Stale: the preview shows the last valid payload.',
    )
    await expect(
      devConsole.previewAfter.getByRole('figure', { name: 'Medium, front' }),
    ).toContainText('Oslo North')
  })

  await test.step('the handset still shows the sent tile', async () => {
    await expect(phone.tile('Contoso Weather, Oslo, 3')).toBeVisible()
    await expect(phone.tile('Contoso Weather, Oslo North, 35')).toHaveCount(0)
  })

  await test.step('Send applies the previewed update', async () => {
    await devConsole.payload.fill(
      OSLO_FLIP_TILE_XML.replace('Oslo', 'Oslo North').replace('3', '35'),
    )
    await expect(devConsole.preview.getByRole('status')).toHaveCount(0)
    await devConsole.sendButton.click()
    await devConsole.expectStatus(200)
    await expect(phone.tile('Contoso Weather, Oslo North, 35')).toBeVisible()
    await expect(devConsole.previewChanges).toContainText('No tile element changes.')
  })
})

test('the preview draws a toast banner and a raw body as text', async ({ phone, devConsole }) => {
  await test.step('launch Contoso Weather, allow notifications and go to Start', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
  })

  await test.step('a toast draft shows the banner the handset would show', async () => {
    await devConsole.compose({
      channel: WEATHER_CHANNEL,
      type: 'toast',
      payload: createToastXml({ text1: 'Rain <soon>', text2: 'at 5 pm' }),
    })
    const banner = devConsole.preview.getByRole('figure', {
      name: 'Toast from Contoso Weather on Handset 1',
    })
    await expect(banner).toContainText('Rain <soon> at 5 pm')
    await expect(phone.toast).toHaveCount(0)
  })

  await test.step('a raw draft shows its body as text', async () => {
    await devConsole.notificationType.selectOption('raw')
    await devConsole.payload.fill('<b>bold?</b>')
    await expect(devConsole.preview).toContainText('Raw notifications have no visual')
    await expect(devConsole.preview.getByLabel('Raw body')).toHaveText('<b>bold?</b>')
  })
})
