import { fileURLToPath } from 'node:url'

import { expect, test } from '../e2e/fixtures'
import { OSLO_FLIP_TILE_XML } from '../e2e/payloads'

const SCREENSHOT_PATH = fileURLToPath(new URL('../docs/screenshots/handset.png', import.meta.url))

const TOAST_PAYLOAD = `<?xml version="1.0" encoding="utf-8"?>
<wp:Notification xmlns:wp="WPNotification">
  <wp:Toast>
    <wp:Text1>Contoso Weather</wp:Text1>
    <wp:Text2>Snow expected tonight</wp:Text2>
    <wp:Param>/Forecast.xaml?city=Oslo</wp:Param>
  </wp:Toast>
</wp:Notification>`

test('captures the README screenshot', async ({ page, phone, devConsole }) => {
  await phone.launchWithPermission('Contoso Weather', true)
  await phone.goStart()

  await devConsole.send({
    channel: 'Contoso Weather on Handset 1',
    type: 'tile',
    payload: OSLO_FLIP_TILE_XML,
  })
  await expect(phone.tile('Contoso Weather, Oslo, 3')).toBeVisible()

  await devConsole.send({
    channel: 'Contoso Weather on Handset 1',
    type: 'toast',
    payload: TOAST_PAYLOAD,
  })
  await expect(phone.toast).toContainText('Snow expected tonight')
  await expect(devConsole.response).toContainText('X-NotificationStatus: Received')
  // The banner slides in from the top: wait until two readings of its position agree.
  let previousTop: number | undefined
  await expect
    .poll(async () => {
      const top = (await phone.toast.boundingBox())?.y
      const settled = top !== undefined && top === previousTop
      previousTop = top
      return settled
    })
    .toBe(true)

  await page.screenshot({ path: SCREENSHOT_PATH, fullPage: true })
})
