import { expect, expectMpnsResponse, test } from './fixtures'
import type { MpnsClient } from './fixtures'
import type { PhonePage } from './pages/phone-page'
import { TILE_HEADERS, TOAST_HEADERS, createToastXml, withHeader } from './payloads'

/** A well-formed token that the service never issued. */
const NEVER_ISSUED_TOKEN = 'A'.repeat(64)

/** Body size of the oversized toast: over the WP7 limit of 1,024 bytes, under WP8's 3,072. */
const OVERSIZED_TOAST_BYTES = 1_100

/** A FlipTile without `Version="2.0"`, as the mpns npm package sends it. */
const FLIP_TILE_WITHOUT_VERSION = `<?xml version="1.0" encoding="utf-8"?>
<wp:Notification xmlns:wp="WPNotification">
  <wp:Tile Template="FlipTile">
    <wp:Title>Strict</wp:Title>
    <wp:Count>4</wp:Count>
  </wp:Tile>
</wp:Notification>`

test('settings show defaults and reject invalid values', async ({ devConsole, mpns }) => {
  await test.step('each assumed default is in the control description', async () => {
    await expect(devConsole.numericSetting('Daily quota')).toHaveAccessibleDescription(
      /Assumed default: 500$/,
    )
    await expect(devConsole.numericSetting('Queue depth')).toHaveAccessibleDescription(
      /Assumed default: 100$/,
    )
    await expect(devConsole.numericSetting('Minutes to Inactive')).toHaveAccessibleDescription(
      /Assumed default: 60$/,
    )
    await expect(devConsole.choiceSetting('Body size limits')).toHaveAccessibleDescription(
      'Assumed default: Windows Phone 8: 3,072 bytes, raw 1,024',
    )
    await expect(
      devConsole.choiceSetting('Missing X-NotificationClass'),
    ).toHaveAccessibleDescription('Assumed default: 900-second class')
    await expect(devConsole.choiceSetting('Unknown channel token')).toHaveAccessibleDescription(
      'Assumed default: 404 Not Found',
    )
    await expect(devConsole.switchSetting('Service down')).not.toHaveAccessibleDescription(
      /Assumed default/,
    )
  })

  await test.step('a Daily quota of 0 is rejected with the valid range', async () => {
    const dailyQuota = devConsole.numericSetting('Daily quota')
    await dailyQuota.fill('0')
    await dailyQuota.press('Enter')
    await expect(dailyQuota).toHaveAttribute('aria-invalid', 'true')
    await expect(dailyQuota).toHaveAccessibleDescription(
      /Invalid Daily quota .*"0".* from 1 to 1,000,000/,
    )
    expect(await mpns.readEngineSettings()).toBeUndefined()
  })

  await test.step('a valid value clears the error and is stored', async () => {
    await devConsole.setNumericSetting('Daily quota', 3)
    await expect(devConsole.numericSetting('Daily quota')).not.toHaveAccessibleDescription(/"0"/)
    await expect.poll(() => mpns.readEngineSettings()).toMatchObject({ dailyQuota: 3 })
  })
})

test('Daily quota exceeded gets 406', async ({ phone, devConsole, mpns }) => {
  const channelUri = await openWeatherChannel(phone)

  await test.step('set Daily quota to 2', async () => {
    await devConsole.setNumericSetting('Daily quota', 2)
    await expect.poll(() => mpns.readEngineSettings()).toMatchObject({ dailyQuota: 2 })
  })

  await test.step('the first two toasts get 200 Received', async () => {
    for (const text1 of ['Quota 1', 'Quota 2']) {
      const response = await postToast(mpns, channelUri, text1)
      expectMpnsResponse(response, {
        status: 200,
        notificationStatus: 'Received',
        deviceConnectionStatus: 'Connected',
        subscriptionStatus: 'Active',
      })
    }
  })

  await test.step('the third gets 406 Dropped with Connected and Active', async () => {
    const response = await postToast(mpns, channelUri, 'Quota 3')
    expectMpnsResponse(response, {
      status: 406,
      notificationStatus: 'Dropped',
      deviceConnectionStatus: 'Connected',
      subscriptionStatus: 'Active',
    })
    expect(response.statusText).toBe('Not Acceptable')
  })
})

test('Queue depth exceeded gets QueueFull', async ({ phone, devConsole, mpns }) => {
  const channelUri = await openWeatherChannel(phone)

  await test.step('set Queue depth to 1 and turn on airplane mode', async () => {
    await devConsole.setNumericSetting('Queue depth', 1)
    await expect.poll(() => mpns.readEngineSettings()).toMatchObject({ queueDepth: 1 })
    await devConsole.setAirplaneMode(true)
    await expect.poll(() => mpns.readDeviceState()).toMatchObject({ network: 'offline' })
  })

  await test.step('the first toast is queued', async () => {
    const response = await postToast(mpns, channelUri, 'Fits the queue')
    expectMpnsResponse(response, {
      status: 200,
      notificationStatus: 'Received',
      deviceConnectionStatus: 'TempDisconnected',
      subscriptionStatus: 'Active',
    })
  })

  await test.step('the second gets 200 QueueFull and is not queued', async () => {
    const response = await postToast(mpns, channelUri, 'Over the queue depth')
    expectMpnsResponse(response, {
      status: 200,
      notificationStatus: 'QueueFull',
      deviceConnectionStatus: 'TempDisconnected',
      subscriptionStatus: 'Active',
    })
    await expect.poll(() => mpns.countQueued()).toBe(1)
  })

  await test.step('back online, only the queued toast shows', async () => {
    await devConsole.setAirplaneMode(false)
    await expect.poll(() => mpns.countQueued()).toBe(0)
    await expect(phone.toast).toContainText('Fits the queue')
    await phone.dismissToast('Fits the queue')
    await expect(phone.toastWithText('Over the queue depth')).toBeHidden()
  })
})

test('Service down gets 503 until switched off', async ({ phone, devConsole, mpns }) => {
  const channelUri = await openWeatherChannel(phone)

  await test.step('switch on Service down', async () => {
    await devConsole.switchSettingTo('Service down', true)
    await expect.poll(() => mpns.readEngineSettings()).toMatchObject({ serviceDown: true })
  })

  await test.step('a toast gets 503 without status headers', async () => {
    const response = await postToast(mpns, channelUri, 'Service is down')
    expectMpnsResponse(response, { status: 503 })
    expect(response.statusText).toBe('Service Unavailable')
    expect(response.headers['x-emulator-reason']).toContain('503')
    await expect.poll(() => mpns.countQueued()).toBe(0)
  })

  await test.step('switched off, a toast gets 200 Received and shows', async () => {
    await devConsole.switchSettingTo('Service down', false)
    await expect.poll(() => mpns.readEngineSettings()).toMatchObject({ serviceDown: false })
    const response = await postToast(mpns, channelUri, 'Service is back')
    expectMpnsResponse(response, {
      status: 200,
      notificationStatus: 'Received',
      deviceConnectionStatus: 'Connected',
      subscriptionStatus: 'Active',
    })
    await expect(phone.toast).toContainText('Service is back')
    await expect(phone.toastWithText('Service is down')).toBeHidden()
  })
})

test('Strict mode rejects warnings except missing Version', async ({ phone, devConsole, mpns }) => {
  const channelUri = await openWeatherChannel(phone)
  const headers = withHeader(TOAST_HEADERS, 'X-MessageID', 'order-42')

  await test.step('without Strict mode, a non-UUID X-MessageID gets a warning', async () => {
    const response = await mpns.post(channelUri, {
      headers,
      body: createToastXml({ text1: 'Lenient', text2: 'Message id order-42' }),
    })
    expect(response.status).toBe(200)
    expect(response.headers['x-notificationstatus']).toBe('Received')
    expect(response.headers['x-emulator-warning']).toContain('X-MessageID')
  })

  await test.step('switch on Strict mode', async () => {
    await devConsole.switchSettingTo('Strict mode', true)
    await expect.poll(() => mpns.readEngineSettings()).toMatchObject({ strictMode: true })
  })

  await test.step('the same request gets 400 naming X-MessageID', async () => {
    const response = await mpns.post(channelUri, {
      headers,
      body: createToastXml({ text1: 'Strict', text2: 'Message id order-42' }),
    })
    expectMpnsResponse(response, { status: 400 })
    expect(response.body).toContain('X-MessageID')
    expect(response.body).toContain('"order-42"')
  })

  await test.step('a FlipTile without Version="2.0" still gets 200 Received', async () => {
    const response = await mpns.post(channelUri, {
      headers: TILE_HEADERS,
      body: FLIP_TILE_WITHOUT_VERSION,
    })
    expectMpnsResponse(response, {
      status: 200,
      notificationStatus: 'Received',
      deviceConnectionStatus: 'Connected',
      subscriptionStatus: 'Active',
    })
    await expect(phone.tile('Contoso Weather, Strict, 4')).toBeVisible()
  })
})

test('WP7 size limits reject a 1,100-byte toast', async ({ phone, devConsole, mpns }) => {
  const channelUri = await openWeatherChannel(phone)
  const body = createOversizedToastXml(OVERSIZED_TOAST_BYTES)

  await test.step('with the Windows Phone 8 limits, the toast gets 200 Received', async () => {
    expect(Buffer.byteLength(body, 'utf8')).toBe(OVERSIZED_TOAST_BYTES)
    const response = await mpns.post(channelUri, { headers: TOAST_HEADERS, body })
    expect(response.status).toBe(200)
    expect(response.headers['x-notificationstatus']).toBe('Received')
  })

  await test.step('choose the Windows Phone 7 limits', async () => {
    await devConsole.chooseSetting(
      'Body size limits',
      'Windows Phone 7: 1,024 bytes for every type',
    )
    await expect
      .poll(() => mpns.readEngineSettings())
      .toMatchObject({ maxXmlBodyBytes: 1024, maxRawBodyBytes: 1024 })
  })

  await test.step('the same toast gets 400 naming the limit', async () => {
    const response = await mpns.post(channelUri, { headers: TOAST_HEADERS, body })
    expectMpnsResponse(response, { status: 400 })
    expect(response.body).toMatch(/1,?024/)
  })
})

test('probe-resistant unknown token gets 200', async ({ phone, devConsole, mpns }) => {
  const channelUri = await openWeatherChannel(phone)
  const unknownUri = channelUri.replace(/[^/]+$/, NEVER_ISSUED_TOKEN)

  await test.step('by default the token gets 404 Dropped', async () => {
    const response = await postToast(mpns, unknownUri, 'Nobody listens')
    expectMpnsResponse(response, {
      status: 404,
      notificationStatus: 'Dropped',
      deviceConnectionStatus: 'Disconnected',
      subscriptionStatus: 'Expired',
    })
  })

  await test.step('choose the probe-resistant answer', async () => {
    await devConsole.chooseSetting('Unknown channel token', '200 Received (probe-resistant)')
    await expect
      .poll(() => mpns.readEngineSettings())
      .toMatchObject({ unknownTokenAnswer: 'probe-resistant' })
  })

  await test.step('the token gets 200 Received and nothing is queued', async () => {
    const response = await postToast(mpns, unknownUri, 'Still nobody')
    expectMpnsResponse(response, {
      status: 200,
      notificationStatus: 'Received',
      deviceConnectionStatus: 'Connected',
      subscriptionStatus: 'Active',
    })
    await expect.poll(() => mpns.countQueued()).toBe(0)
    await expect(phone.toast).toBeHidden()
  })
})

test('plain HTTP to authenticated URI gets 401', async ({ phone, mpns }) => {
  const channelUri = await openWeatherChannel(phone)

  const response = await test.step('POST a toast to the /unthrottledthirdparty/ URI', () => {
    const url = channelUri.replace('/throttledthirdparty/', '/unthrottledthirdparty/')
    expect(url).toContain('/unthrottledthirdparty/01.00/')
    return postToast(mpns, url, 'Unauthenticated')
  })

  await test.step('the response is 401 without status headers', async () => {
    expectMpnsResponse(response, { status: 401 })
    expect(response.statusText).toBe('Unauthorized')
    expect(response.headers['x-emulator-reason']).toContain('HTTPS')
    await expect.poll(() => mpns.countQueued()).toBe(0)
  })
})

function openWeatherChannel(phone: PhonePage): Promise<string> {
  return test.step('launch Contoso Weather, allow and go to Start', async () => {
    const uri = await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
    return uri
  })
}

function postToast(mpns: MpnsClient, url: string, text1: string) {
  return mpns.post(url, {
    headers: TOAST_HEADERS,
    body: createToastXml({ text1, text2: 'Limits' }),
  })
}

/** Builds a toast body of exactly `bytes` UTF-8 bytes by padding Text2. */
function createOversizedToastXml(bytes: number): string {
  const text1 = 'Oversized'
  const baseBytes = Buffer.byteLength(createToastXml({ text1, text2: '' }), 'utf8')
  return createToastXml({ text1, text2: 'x'.repeat(bytes - baseBytes) })
}
