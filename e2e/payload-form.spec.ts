import { expectNoSeriousViolations } from './axe'
import { expect, test } from './fixtures'
import { WEATHER_CHANNEL } from './payloads'

const WEATHER_APP_ID = 'contoso-weather'

test('a FlipTile edited in the form updates the tile', async ({ phone, devConsole }) => {
  await test.step('launch Contoso Weather, allow notifications and go to Start', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
    await expect(phone.tile('Contoso Weather')).toBeVisible()
  })

  await test.step('load the FlipTile starter and show the form', async () => {
    await devConsole.channel.selectOption({ label: WEATHER_CHANNEL })
    await devConsole.loadStarter('FlipTile')
    await expect(devConsole.notificationType).toHaveValue('tile')
    await expect(devConsole.notificationClass).toHaveValue('1')
    await devConsole.showPayloadView('Form')
    await expect(devConsole.payloadField('Title')).toHaveValue('Oslo')
    await expect(devConsole.payloadField('Count')).toHaveValue('3')
  })

  await test.step('the form has no serious accessibility violations', async () => {
    await expectNoSeriousViolations(devConsole.page)
  })

  await test.step('a field edit rewrites the XML, escaped', async () => {
    await devConsole.payloadField('Title').fill('Bergen & Voss')
    await expect(devConsole.payload).toContainText('<wp:Title>Bergen &amp; Voss</wp:Title>')
    await expect(devConsole.payloadField('Title')).toHaveValue('Bergen & Voss')
  })

  await test.step('an XML edit updates the field', async () => {
    const xml = await devConsole.payload.innerText()
    await devConsole.payload.fill(xml.replace('<wp:Count>3</wp:Count>', '<wp:Count>8</wp:Count>'))
    await expect(devConsole.payloadField('Count')).toHaveValue('8')
  })

  await test.step('XML the form cannot show is explained and left alone', async () => {
    const xml = await devConsole.payload.innerText()
    const withUnknown = xml.replace('</wp:Tile>', '<wp:Subtitle>x</wp:Subtitle></wp:Tile>')
    await devConsole.payload.fill(withUnknown)
    await expect(devConsole.payloadFields.getByRole('status')).toContainText(
      'The form cannot show this payload',
    )
    await expect(devConsole.payloadField('Title')).toHaveCount(0)
    await expect(devConsole.payload).toContainText('<wp:Subtitle>x</wp:Subtitle>')
    await devConsole.payload.fill(xml)
    await expect(devConsole.payloadField('Title')).toHaveValue('Bergen & Voss')
  })

  await test.step('send and see the tile', async () => {
    await devConsole.sendButton.click()
    await devConsole.expectStatus(200)
    await expect(devConsole.response).toContainText('X-NotificationStatus: Received')
    await expect(phone.tile('Contoso Weather, Bergen & Voss, 8')).toBeVisible()
  })
})

test('binary raw reaches the running app', async ({ phone, devConsole, mpns }) => {
  await test.step('launch Contoso Weather and allow notifications', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await expect.poll(() => mpns.readForegroundAppId()).toBe(WEATHER_APP_ID)
  })

  await test.step('load the binary raw starter', async () => {
    await devConsole.channel.selectOption({ label: WEATHER_CHANNEL })
    await devConsole.loadStarter('Raw binary')
    await expect(devConsole.notificationType).toHaveValue('raw')
    await expect(devConsole.rawEncodingOption('Base64')).toBeChecked()
    // iVBORw0KGgo= is the 8-byte PNG signature in 12 Base64 characters.
    await expect(devConsole.payloadSize).toHaveText('8 of 1,024 bytes')
  })

  await test.step('invalid Base64 is reported', async () => {
    const base64 = await devConsole.payload.innerText()
    const error = devConsole.page.getByRole('alert').filter({ hasText: 'Invalid Base64 body' })
    await devConsole.payload.fill('not base64!')
    await expect(error).toContainText('"!" at position 11 is not allowed there')
    await expect(devConsole.payloadProblems.getByRole('listitem')).toContainText(
      '1:11 Error: Invalid Base64 body: "!" at position 11 is not allowed there',
    )
    await expect(devConsole.payloadSize).toHaveText('Invalid Base64 (limit 1,024 bytes)')
    await devConsole.payload.fill(base64)
    await expect(error).toHaveCount(0)
    await expect(devConsole.payloadProblems).toBeHidden()
    await expect(devConsole.payloadSize).toHaveText('8 of 1,024 bytes')
  })

  await test.step('send the decoded bytes', async () => {
    await devConsole.sendButton.click()
    await devConsole.expectStatus(200)
    await expect(devConsole.response).toContainText('X-NotificationStatus: Received')
    await expect(devConsole.request).toContainText('Content-Length: 8')
  })

  await test.step('the app logs the bytes, not the Base64 text', async () => {
    // The app decodes raw bytes as UTF-8, so the PNG signature's first byte shows as U+FFFD.
    await expect(phone.notificationLog).toContainText('\uFFFDPNG')
    await expect(phone.notificationLog).not.toContainText('iVBORw0KGgo=')
  })
})
