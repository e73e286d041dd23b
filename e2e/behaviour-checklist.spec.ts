import { expect, test } from './fixtures'
import {
  RAW_HEADERS,
  TILE_HEADERS,
  TOAST_HEADERS,
  createFlipTileXml,
  createToastXml,
} from './payloads'

// Rows of the WP8 handset behaviour checklist that no other flow covers end to end: the
// HttpNotificationChannel events an app receives, and how a tile shows edge values.

const LEGACY_REMOTE_IMAGE_TILE = `<?xml version="1.0" encoding="utf-8"?>
<wp:Notification xmlns:wp="WPNotification">
  <wp:Tile>
    <wp:BackgroundImage>http://127.0.0.1:9/remote.png</wp:BackgroundImage>
    <wp:Title>Remote</wp:Title>
  </wp:Tile>
</wp:Notification>`

test('Open without Find throws while a channel is open', async ({ phone }) => {
  await phone.launchWithPermission('Contoso Weather', true)

  await phone.handset
    .getByRole('button', { name: 'Open channel without Find', exact: true })
    .click()

  await expect(phone.notificationLog).toContainText(
    'InvalidOperationException: a channel named "ContosoWeatherChannel" is already open',
  )
})

test('a power level change raises PowerLevelChanged', async ({ phone }) => {
  await phone.launchWithPermission('Contoso Chat', true)

  await phone.setBattery(15, 'When battery is low')
  await phone.goStart()
  await phone.openApp('Contoso Chat')

  await expect(phone.notificationLog).toContainText(
    'ErrorOccurred: PowerLevelChanged, ErrorAdditionalData LowPowerLevel.',
  )
})

test('a remote image without an allow-list raises MessageBadContent', async ({ phone, mpns }) => {
  const channelUri = await phone.launchWithPermission('Fabrikam Scores', true)
  await phone.goStart()

  const response = await mpns.post(channelUri, {
    headers: TILE_HEADERS,
    body: LEGACY_REMOTE_IMAGE_TILE,
  })
  expect(response.status).toBe(200)

  await phone.openApp('Fabrikam Scores')
  await expect(phone.notificationLog).toContainText('MessageBadContent')
  await phone.goStart()
  await expect(phone.appTile('Fabrikam Scores')).not.toContainText('Remote')
})

test('a burst of raw notifications raises NotificationRateTooHigh', async ({ phone, mpns }) => {
  const channelUri = await phone.launchWithPermission('Contoso Weather', true)
  const requests = Array.from({ length: 40 }, (_, index) => ({
    headers: RAW_HEADERS,
    body: `burst ${index}`,
  }))

  const outcomes = await mpns.postAll(channelUri, requests)
  expect(outcomes.every((outcome) => outcome.kind === 'response')).toBe(true)

  await expect(phone.notificationLog).toContainText('ErrorOccurred: NotificationRateTooHigh')
  await expect.poll(() => phone.readRawCount()).toBe(40)
})

test('Count shows 99 above 99 and hides after Clear', async ({ phone, mpns }) => {
  const channelUri = await phone.launchWithPermission('Contoso Weather', true)
  await phone.goStart()

  await mpns.post(channelUri, { headers: TILE_HEADERS, body: createFlipTileXml({ Count: '150' }) })
  await expect(phone.tile('Contoso Weather, 99')).toBeVisible()

  const clear = `<?xml version="1.0" encoding="utf-8"?>
<wp:Notification xmlns:wp="WPNotification" Version="2.0">
  <wp:Tile Template="FlipTile"><wp:Count Action="Clear"></wp:Count></wp:Tile>
</wp:Notification>`
  await mpns.post(channelUri, { headers: TILE_HEADERS, body: clear })
  await expect(phone.tile('Contoso Weather')).toBeVisible()
})

test('on Update 3 a locked foreground app gets the banner', async ({ phone, mpns }) => {
  const channelUri = await phone.launchWithPermission('Contoso Weather', true)

  await phone.pressPower()
  await phone.pressPower()
  await expect(phone.lockScreen).toBeVisible()
  const response = await mpns.post(channelUri, {
    headers: TOAST_HEADERS,
    body: createToastXml({ text1: 'Locked', text2: 'Shown over the lock screen' }),
  })
  expect(response.status).toBe(200)

  await expect(phone.toast).toContainText('Shown over the lock screen')
})
