import type { Page } from '@playwright/test'

import { expect, expectMpnsResponse, test } from './fixtures'
import type { MpnsClient } from './fixtures'
import { TILE_HEADERS, TOAST_HEADERS, createFlipTileXml, createToastXml } from './payloads'

const WEATHER_APP_ID = 'contoso-weather'

/** Bindings of an open channel as the service worker stores them. */
interface ChannelBindings {
  boundToast: boolean
  boundTile: boolean
}

test('app settings opt out of toasts and tiles', async ({ phone, mpns }) => {
  const channelUri = await test.step('launch Contoso Weather and allow', async () => {
    return phone.launchWithPermission('Contoso Weather', true)
  })

  await test.step('turn toast notifications off in the app settings', async () => {
    await phone.openNotificationSettings()
    await expect(phone.toastNotificationsSwitch).toBeChecked()
    await phone.setToastNotifications(false)
    await expectBindings(phone.page, { boundToast: false, boundTile: true })
    await phone.goStart()
  })

  await test.step('a toast gets 200 Suppressed and shows nothing', async () => {
    const response = await postToast(mpns, channelUri, 'Opted out')
    expectSuppressed(response)
    await expect.poll(() => mpns.countQueued()).toBe(0)
    await expect(phone.toast).toBeHidden()
  })

  await test.step('turn Live Tile updates off', async () => {
    await phone.openApp('Contoso Weather')
    await phone.openNotificationSettings()
    await expect(phone.toastNotificationsSwitch).not.toBeChecked()
    await phone.setLiveTileUpdates(false)
    await expectBindings(phone.page, { boundToast: false, boundTile: false })
  })

  await test.step('a tile update gets 200 Suppressed', async () => {
    const response = await postTile(mpns, channelUri, 'Suppressed')
    expectSuppressed(response)
    await expect.poll(() => mpns.countQueued()).toBe(0)
  })

  await test.step('turn both back on before leaving the app', async () => {
    await phone.setToastNotifications(true)
    await phone.setLiveTileUpdates(true)
    await expectBindings(phone.page, { boundToast: true, boundTile: true })
    await phone.goStart()
    await expect(phone.tile('Contoso Weather')).toBeVisible()
  })

  await test.step('a toast and a tile update get 200 Received and show', async () => {
    const toast = await postToast(mpns, channelUri, 'Opted in again')
    const tile = await postTile(mpns, channelUri, 'Bergen')
    for (const response of [toast, tile]) {
      expectMpnsResponse(response, {
        status: 200,
        notificationStatus: 'Received',
        deviceConnectionStatus: 'Connected',
        subscriptionStatus: 'Active',
      })
    }
    await expect(phone.toastWithText('Opted in again')).toBeVisible()
    await expect(phone.tile('Contoso Weather, Bergen')).toBeVisible()
  })
})

function postToast(mpns: MpnsClient, channelUri: string, text1: string) {
  return mpns.post(channelUri, {
    headers: TOAST_HEADERS,
    body: createToastXml({ text1, text2: 'From the opt-out test' }),
  })
}

function postTile(mpns: MpnsClient, channelUri: string, title: string) {
  return mpns.post(channelUri, { headers: TILE_HEADERS, body: createFlipTileXml({ Title: title }) })
}

function expectSuppressed(response: Awaited<ReturnType<MpnsClient['post']>>): void {
  expectMpnsResponse(response, {
    status: 200,
    notificationStatus: 'Suppressed',
    deviceConnectionStatus: 'Connected',
    subscriptionStatus: 'Active',
  })
}

/** Waits until the weather app's open channel has these bindings in the service's database. */
async function expectBindings(page: Page, expected: ChannelBindings): Promise<void> {
  await expect
    .poll(() => readChannelBindings(page), {
      message: `the channel was never bound with toast ${expected.boundToast} and tile ${expected.boundTile}`,
    })
    .toEqual(expected)
}

/** Reads the bindings of the weather app's open channel, or undefined when it has none. */
async function readChannelBindings(page: Page): Promise<ChannelBindings | undefined> {
  return page.evaluate(async (appId) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('mpns-emulator')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(new Error('Failed to open mpns-emulator'))
    })
    const request = database
      .transaction('channels', 'readonly')
      .objectStore('channels')
      .index('byApp')
      .getAll(['handset-1', appId])
    const channels = await new Promise<unknown[]>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result as unknown[])
      request.onerror = () => reject(new Error('Failed to read the channels store'))
    })
    database.close()
    const open = channels.find(
      (channel) => typeof channel === 'object' && channel !== null && !('closedAt' in channel),
    ) as { boundToast: boolean; boundTile: boolean } | undefined
    return open === undefined
      ? undefined
      : { boundToast: open.boundToast, boundTile: open.boundTile }
  }, WEATHER_APP_ID)
}

test('opting out of both closes the channel on exit', async ({ phone, mpns }) => {
  const channelUri = await test.step('launch Contoso Weather and allow', async () => {
    return phone.launchWithPermission('Contoso Weather', true)
  })

  await test.step('turn toasts and Live Tile updates off, then leave the app', async () => {
    await phone.openNotificationSettings()
    await phone.setToastNotifications(false)
    await phone.setLiveTileUpdates(false)
    await expectBindings(phone.page, { boundToast: false, boundTile: false })
    await phone.goStart()
  })

  await test.step('the raw-only channel closed: a toast gets 404 Dropped, Expired', async () => {
    await expect
      .poll(async () => (await postToast(mpns, channelUri, 'After exit')).status)
      .toBe(404)
    const response = await postToast(mpns, channelUri, 'After exit')
    expectMpnsResponse(response, {
      status: 404,
      notificationStatus: 'Dropped',
      deviceConnectionStatus: 'Connected',
      subscriptionStatus: 'Expired',
    })
  })
})
