import { expect, expectMpnsResponse, test } from './fixtures'
import type { MpnsClient } from './fixtures'
import { TILE_HEADERS } from './payloads'

const CHAT = 'Contoso Chat'

/** Fields of an Iconic tile update, keyed by element name. Values must need no XML escaping. */
type IconicFields = Partial<Record<'Count' | 'WideContent1' | 'WideContent2', string>>

test('lock screen shows the chosen app and unlocks', async ({ phone, mpns }) => {
  const channelUri = await test.step('launch Contoso Chat and allow notifications', async () => {
    return phone.launchWithPermission(CHAT, true)
  })

  await test.step('choose Contoso Chat for detailed and quick status', async () => {
    await phone.chooseLockScreenApps({ detailedStatus: CHAT, quickStatus: [CHAT] })
    await phone.goStart()
  })

  await test.step('an Iconic tile update sets count and wide text', async () => {
    await sendIconicTile(mpns, channelUri, { Count: '5', WideContent1: 'Ana: lunch at 12?' })
    await expect(phone.tile(`${CHAT}, 5`)).toBeVisible()
  })

  await test.step('Power turns the screen off and locks', async () => {
    await phone.pressPower()
    await expect(phone.screenOff).toBeVisible()
    await expect(phone.lockScreen).toBeHidden()
  })

  await test.step('Power again shows the lock screen with count and text', async () => {
    await phone.pressPower()
    await expect(phone.screenOff).toBeHidden()
    await expect(phone.lockScreen).toBeVisible()
    await expect(phone.quickStatusItem(CHAT)).toHaveAccessibleName(`${CHAT}, 5`)
    await expect(phone.quickStatusItem(CHAT)).toHaveText('5')
    await expect(phone.detailedStatus).toHaveText('Ana: lunch at 12?')
  })

  await test.step('Back and Start do nothing while locked', async () => {
    await phone.backButton.click()
    await phone.startButton.click()
    await expect(phone.lockScreen).toBeVisible()
  })

  await test.step('Unlock shows Start again', async () => {
    await phone.unlock()
    await expect(phone.startScreen).toBeVisible()
  })

  await test.step('F4 still works after Unlock removed the focused button', async () => {
    await phone.page.keyboard.press('F4')
    await expect(phone.screenOff).toBeVisible()
  })
})

test('F4 locks, count 0 hides, swipe unlocks', async ({ phone, mpns }) => {
  const channelUri = await test.step('launch Contoso Chat, allow and choose it', async () => {
    const uri = await phone.launchWithPermission(CHAT, true)
    await phone.chooseLockScreenApps({ quickStatus: [CHAT] })
    await phone.goStart()
    return uri
  })

  await test.step('F4 turns the screen off and on', async () => {
    await phone.pressShortcut('F4')
    await expect(phone.screenOff).toBeVisible()
    await phone.pressShortcut('F4')
    await expect(phone.lockScreen).toBeVisible()
  })

  await test.step('count 3 shows, then count 0 hides it', async () => {
    await sendIconicTile(mpns, channelUri, { Count: '3' })
    await expect(phone.quickStatusItem(CHAT)).toHaveAccessibleName(`${CHAT}, 3`)
    await sendIconicTile(mpns, channelUri, { Count: '0' })
    await expect(phone.quickStatusItem(CHAT)).toHaveAccessibleName(CHAT)
    await expect(phone.quickStatusItem(CHAT)).toHaveText('')
  })

  await test.step('no detailed status without a chosen app', async () => {
    await sendIconicTile(mpns, channelUri, { WideContent1: 'Not on the lock screen' })
    await expect(phone.detailedStatus).toBeHidden()
  })

  await test.step('dragging the lock screen up unlocks', async () => {
    await phone.swipeUpToUnlock()
    await expect(phone.startScreen).toBeVisible()
  })
})

test('F1 and F2 press Back and Start', async ({ phone }) => {
  await test.step('open the app list and Settings', async () => {
    await phone.openSettings()
    await expect(phone.handset.getByRole('heading', { name: 'settings' })).toBeVisible()
  })

  await test.step('F1 goes back to the app list', async () => {
    await phone.pressShortcut('F1')
    await expect(phone.appList).toBeVisible()
  })

  await test.step('F2 goes to Start', async () => {
    await phone.pressShortcut('F2')
    await expect(phone.startScreen).toBeVisible()
  })
})

async function sendIconicTile(
  mpns: MpnsClient,
  channelUri: string,
  fields: IconicFields,
): Promise<void> {
  const elements = Object.entries(fields).map(
    ([name, value]) => `<wp:${name}>${value}</wp:${name}>`,
  )
  const body = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<wp:Notification xmlns:wp="WPNotification" Version="2.0">',
    '<wp:Tile Template="IconicTile">',
    ...elements,
    '</wp:Tile>',
    '</wp:Notification>',
  ].join('')
  const response = await mpns.post(channelUri, { headers: TILE_HEADERS, body })
  expectMpnsResponse(response, {
    status: 200,
    notificationStatus: 'Received',
    deviceConnectionStatus: 'Connected',
    subscriptionStatus: 'Active',
  })
  await expect.poll(() => mpns.countQueued()).toBe(0)
}
