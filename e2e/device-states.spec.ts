import { expect, expectMpnsResponse, test } from './fixtures'
import type { MpnsClient } from './fixtures'
import {
  RAW_HEADERS,
  TILE_HEADERS,
  TOAST_HEADERS,
  createFlipTileXml,
  createToastXml,
} from './payloads'

const WEATHER_APP_ID = 'contoso-weather'

/** Tile updates queued offline, with Count 1 to this number. */
const QUEUED_TILE_COUNT = 5

/** Toasts queued offline around the tile updates, in the order they are sent. */
const QUEUED_TOASTS = ['Queued first', 'Queued second', 'Queued third']

test('airplane mode queues and delivers in order', async ({ phone, devConsole, mpns }) => {
  const channelUri = await test.step('launch Contoso Weather, allow and go to Start', async () => {
    const uri = await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
    return uri
  })

  await test.step('turn on airplane mode', async () => {
    await devConsole.setAirplaneMode(true)
    await expect(phone.airplaneModeIcon).toBeVisible()
    await expectNetwork(mpns, 'offline')
  })

  await test.step('a toast gets 200 Received with TempDisconnected and waits', async () => {
    const response = await mpns.post(channelUri, {
      headers: TOAST_HEADERS,
      body: createToastXml({ text1: QUEUED_TOASTS[0] ?? '', text2: 'Sent offline' }),
    })
    expectMpnsResponse(response, {
      status: 200,
      notificationStatus: 'Received',
      deviceConnectionStatus: 'TempDisconnected',
      subscriptionStatus: 'Active',
    })
    await expect.poll(() => mpns.countQueued()).toBe(1)
    await expect(phone.toast).toBeHidden()
  })

  await test.step('tile counts 1 to 5 and two more toasts queue behind it', async () => {
    for (let count = 1; count <= QUEUED_TILE_COUNT; count += 1) {
      const response = await mpns.post(channelUri, {
        headers: TILE_HEADERS,
        body: createFlipTileXml({ Count: String(count) }),
      })
      expectMpnsResponse(response, {
        status: 200,
        notificationStatus: 'Received',
        deviceConnectionStatus: 'TempDisconnected',
        subscriptionStatus: 'Active',
      })
    }
    for (const text1 of QUEUED_TOASTS.slice(1)) {
      const response = await mpns.post(channelUri, {
        headers: TOAST_HEADERS,
        body: createToastXml({ text1, text2: 'Sent offline' }),
      })
      expect(response.headers['x-notificationstatus']).toBe('Received')
    }
    await expect.poll(() => mpns.countQueued()).toBe(QUEUED_TOASTS.length + QUEUED_TILE_COUNT)
    await expect(phone.tile('Contoso Weather')).toBeVisible()
  })

  await test.step('back online, the queue is delivered', async () => {
    await devConsole.setAirplaneMode(false)
    await expect(phone.airplaneModeIcon).toBeHidden()
    await expect.poll(() => mpns.countQueued()).toBe(0)
  })

  await test.step('the tile shows the last count', async () => {
    await expect(phone.tile(`Contoso Weather, ${QUEUED_TILE_COUNT}`)).toBeVisible()
  })

  await test.step('the toasts show one after another in the order they were sent', async () => {
    for (const [index, text1] of QUEUED_TOASTS.entries()) {
      await expect(phone.toastWithText(text1)).toBeVisible()
      for (const later of QUEUED_TOASTS.slice(index + 1)) {
        await expect(phone.toastWithText(later)).toBeHidden()
      }
      await phone.dismissToast(text1)
    }
    await expect(phone.toast).toBeHidden()
  })

  await test.step('a new toast gets 200 Received with Connected', async () => {
    const response = await mpns.post(channelUri, {
      headers: TOAST_HEADERS,
      body: createToastXml({ text1: 'Online again', text2: 'Delivered at once' }),
    })
    expectMpnsResponse(response, {
      status: 200,
      notificationStatus: 'Received',
      deviceConnectionStatus: 'Connected',
      subscriptionStatus: 'Active',
    })
    await expect(phone.toast).toContainText('Online again')
  })
})

test('offline past Minutes to Inactive gets 412', async ({ phone, devConsole, mpns }) => {
  const channelUri = await test.step('launch Contoso Weather, allow and go to Start', async () => {
    const uri = await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
    return uri
  })

  await test.step('set Minutes to Inactive to 1', async () => {
    await devConsole.setNumericSetting('Minutes to Inactive', 1)
    await expect.poll(() => mpns.readEngineSettings()).toMatchObject({ inactiveAfterMinutes: 1 })
  })

  await test.step('turn on airplane mode and advance the clock by 2 minutes', async () => {
    await devConsole.setAirplaneMode(true)
    await expectNetwork(mpns, 'offline')
    await devConsole.advanceClock(2)
  })

  await test.step('a toast gets 412 Dropped with Inactive and no subscription status', async () => {
    const response = await mpns.post(channelUri, {
      headers: TOAST_HEADERS,
      body: createToastXml({ text1: 'Too late', text2: 'The handset is away' }),
    })
    expectMpnsResponse(response, {
      status: 412,
      notificationStatus: 'Dropped',
      deviceConnectionStatus: 'Inactive',
    })
    expect(response.statusText).toBe('Precondition Failed')
    await expect.poll(() => mpns.countQueued()).toBe(0)
  })

  await test.step('back online, a toast gets 200 Received again', async () => {
    await devConsole.setAirplaneMode(false)
    await expectNetwork(mpns, 'online')
    const response = await mpns.post(channelUri, {
      headers: TOAST_HEADERS,
      body: createToastXml({ text1: 'Welcome back', text2: 'Online again' }),
    })
    expectMpnsResponse(response, {
      status: 200,
      notificationStatus: 'Received',
      deviceConnectionStatus: 'Connected',
      subscriptionStatus: 'Active',
    })
    await expect(phone.toast).toContainText('Welcome back')
    await expect(phone.toast).not.toContainText('Too late')
  })
})

test('battery saver and Critical drop notifications', async ({ phone, devConsole, mpns }) => {
  const channelUri = await test.step('launch Contoso Weather and stay in it', async () => {
    const uri = await phone.launchWithPermission('Contoso Weather', true)
    await expect.poll(() => mpns.readForegroundAppId()).toBe(WEATHER_APP_ID)
    return uri
  })

  await test.step('switch to battery saver', async () => {
    await devConsole.setBattery('Battery saver')
    await expect.poll(() => mpns.readDeviceState()).toMatchObject({ battery: 'saver' })
  })

  await test.step('a toast and a tile update get 200 Dropped', async () => {
    const toast = await mpns.post(channelUri, {
      headers: TOAST_HEADERS,
      body: createToastXml({ text1: 'Saving power', text2: 'Never shown' }),
    })
    const tile = await mpns.post(channelUri, {
      headers: TILE_HEADERS,
      body: createFlipTileXml({ Title: 'Dropped', Count: '9' }),
    })
    for (const response of [toast, tile]) {
      expectMpnsResponse(response, {
        status: 200,
        notificationStatus: 'Dropped',
        deviceConnectionStatus: 'Connected',
        subscriptionStatus: 'Active',
      })
    }
    await expect.poll(() => mpns.countQueued()).toBe(0)
  })

  await test.step('raw still reaches the running app', async () => {
    const response = await mpns.post(channelUri, {
      headers: RAW_HEADERS,
      body: 'raw on battery saver',
    })
    expectMpnsResponse(response, {
      status: 200,
      notificationStatus: 'Received',
      deviceConnectionStatus: 'Connected',
      subscriptionStatus: 'Active',
    })
    await expect(phone.notificationLog).toContainText('raw on battery saver')
    await expect(phone.rawCount).toHaveText('1')
  })

  await test.step('on Critical, raw gets 200 Dropped', async () => {
    await devConsole.setBattery('Critical')
    await expect.poll(() => mpns.readDeviceState()).toMatchObject({ battery: 'critical' })
    const response = await mpns.post(channelUri, {
      headers: RAW_HEADERS,
      body: 'raw on a critical battery',
    })
    expectMpnsResponse(response, {
      status: 200,
      notificationStatus: 'Dropped',
      deviceConnectionStatus: 'Connected',
      subscriptionStatus: 'Active',
    })
    await expect.poll(() => mpns.countQueued()).toBe(0)
  })

  await test.step('on Normal, the next raw arrives and the dropped ones never do', async () => {
    await devConsole.setBattery('Normal')
    await expect.poll(() => mpns.readDeviceState()).toMatchObject({ battery: 'normal' })
    const response = await mpns.post(channelUri, { headers: RAW_HEADERS, body: 'raw on Normal' })
    expect(response.headers['x-notificationstatus']).toBe('Received')
    await expect(phone.notificationLog).toContainText('raw on Normal')
    await expect(phone.rawCount).toHaveText('2')
    await expect(phone.notificationLog).not.toContainText('raw on a critical battery')
    await expect(phone.notificationLog).not.toContainText('Saving power')
  })
})

async function expectNetwork(mpns: MpnsClient, network: 'online' | 'offline'): Promise<void> {
  await expect
    .poll(() => mpns.readDeviceState(), {
      message: `the handset never reported that it is ${network}`,
    })
    .toMatchObject({ network })
}
