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

const LOCK_SCREEN_PATH = fileURLToPath(
  new URL('../docs/screenshots/lock-screen.png', import.meta.url),
)
const TWO_HANDSETS_PATH = fileURLToPath(
  new URL('../docs/screenshots/two-handsets.png', import.meta.url),
)

const CHAT_TILE_PAYLOAD = `<?xml version="1.0" encoding="utf-8"?>
<wp:Notification xmlns:wp="WPNotification" Version="2.0">
  <wp:Tile Template="IconicTile">
    <wp:Title>Inbox</wp:Title>
    <wp:Count>5</wp:Count>
    <wp:WideContent1>Alice: lunch at noon?</wp:WideContent1>
    <wp:WideContent2>Bob: slides attached</wp:WideContent2>
  </wp:Tile>
</wp:Notification>`

test('captures the lock screen', async ({ phone, devConsole }) => {
  await phone.launchWithPermission('Contoso Chat', true)
  await phone.chooseLockScreenApps({
    detailedStatus: 'Contoso Chat',
    quickStatus: ['Contoso Chat'],
  })
  await phone.goStart()
  await devConsole.send({
    channel: 'Contoso Chat on Handset 1',
    type: 'tile',
    payload: CHAT_TILE_PAYLOAD,
  })
  await expect(phone.tile('Contoso Chat, Inbox, 5')).toBeVisible()

  await phone.pressPower()
  await phone.pressPower()
  await expect(phone.quickStatusItem('Contoso Chat')).toBeVisible()
  await expect(phone.detailedStatus).toContainText('Alice: lunch at noon?')
  await phone.handset.screenshot({ path: LOCK_SCREEN_PATH })
})

test('captures two handsets side by side', async ({ page, phone }) => {
  await page.getByRole('button', { name: 'Add handset', exact: true }).click()
  const deviceState = page.getByRole('region', { name: 'Device state', exact: true })
  await deviceState
    .getByRole('combobox', { name: 'Handset', exact: true })
    .selectOption('Handset 2')
  await deviceState.getByRole('combobox', { name: 'Theme', exact: true }).selectOption('Light')
  await deviceState
    .getByRole('combobox', { name: 'Accent colour', exact: true })
    .selectOption('crimson')
  await deviceState
    .getByRole('combobox', { name: 'Model', exact: true })
    .selectOption('720p 720 x 1280')

  const second = page.getByRole('region', { name: 'Handset 2', exact: true })
  await expect(second.getByRole('region', { name: 'Start screen', exact: true })).toBeVisible()
  await expect(phone.startScreen).toBeVisible()
  const box = await page.getByRole('region', { name: 'Handset 1', exact: true }).boundingBox()
  const secondBox = await second.boundingBox()
  if (!box || !secondBox) {
    throw new Error('Failed to capture two handsets: a handset has no bounding box.')
  }
  await page.screenshot({
    path: TWO_HANDSETS_PATH,
    clip: {
      x: box.x,
      y: Math.min(box.y, secondBox.y),
      width: secondBox.x + secondBox.width - box.x,
      height: Math.max(box.height, secondBox.height),
    },
  })
})
