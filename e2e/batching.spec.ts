import { expect, expectMpnsResponse, test } from './fixtures'
import type { MpnsClient } from './fixtures'
import type { PhonePage } from './pages/phone-page'
import { TOAST_HEADERS, createToastXml, withHeader } from './payloads'

const WEATHER_APP_ID = 'contoso-weather'

/**
 * Maximum real wait for a notification that is due: the clock jump is announced to the push
 * client, which pulls at once, so this is slack for a loaded machine, not a batching window.
 */
const DUE_DELIVERY_TIMEOUT_MS = 5_000

/** Class 12 waits 450 engine seconds: 4.5 real seconds at 100×. */
const CLASS_12_AT_100X_MS = 4_500

/** Maximum real wait for a class 12 toast at 100×. */
const FAST_CLOCK_TIMEOUT_MS = 10_000

test('class 12 toast waits 450 engine seconds', async ({ phone, devConsole, mpns }) => {
  const channelUri = await launchWeatherInForeground(phone, mpns)

  await test.step('a class 12 toast gets 200 Received', async () => {
    const response = await postToast(mpns, channelUri, { text1: 'Batched 450', class: '12' })
    expectMpnsResponse(response, {
      status: 200,
      notificationStatus: 'Received',
      deviceConnectionStatus: 'Connected',
      subscriptionStatus: 'Active',
    })
  })

  await test.step('an immediate toast sent after it arrives first', async () => {
    await expectStillWaiting(phone, mpns, { channelUri, waiting: 'Batched 450' })
  })

  await test.step('advancing the clock by 8 minutes delivers it at once', async () => {
    await devConsole.advanceClock(8)
    await expect(phone.notificationLog).toContainText('Batched 450', {
      timeout: DUE_DELIVERY_TIMEOUT_MS,
    })
    await expect.poll(() => mpns.countQueued()).toBe(0)
  })
})

test('class 22 toast needs 15 minutes, not 8', async ({ phone, devConsole, mpns }) => {
  const channelUri = await launchWeatherInForeground(phone, mpns)

  await test.step('a class 22 toast gets 200 Received', async () => {
    const response = await postToast(mpns, channelUri, { text1: 'Batched 900', class: '22' })
    expect(response.status).toBe(200)
    expect(response.headers['x-notificationstatus']).toBe('Received')
  })

  await test.step('after 8 minutes it still waits', async () => {
    await devConsole.advanceClock(8)
    await expectStillWaiting(phone, mpns, { channelUri, waiting: 'Batched 900' })
  })

  await test.step('after 8 more minutes it arrives', async () => {
    await devConsole.advanceClock(8)
    await expect(phone.notificationLog).toContainText('Batched 900', {
      timeout: DUE_DELIVERY_TIMEOUT_MS,
    })
    await expect.poll(() => mpns.countQueued()).toBe(0)
  })
})

test('class 12 toast at 100× arrives in seconds', async ({ phone, devConsole, mpns }) => {
  const channelUri = await launchWeatherInForeground(phone, mpns)

  await test.step('set Clock speed to 100×', async () => {
    await devConsole.setClockSpeed('100×')
  })

  const acceptedAt = await test.step('a class 12 toast gets 200 Received', async () => {
    const response = await postToast(mpns, channelUri, { text1: 'Fast clock', class: '12' })
    expect(response.status).toBe(200)
    expect(response.headers['x-notificationstatus']).toBe('Received')
    return Date.now()
  })

  await test.step('it arrives after about 4.5 seconds of real time', async () => {
    await expect(phone.notificationLog).toContainText('Fast clock', {
      timeout: FAST_CLOCK_TIMEOUT_MS,
    })
    // The toast was due 450 engine seconds after it was accepted, which is before the
    // response arrived, so a small margin covers the round trip.
    expect(Date.now() - acceptedAt).toBeGreaterThanOrEqual(CLASS_12_AT_100X_MS - 500)
    await expect.poll(() => mpns.countQueued()).toBe(0)
  })
})

function launchWeatherInForeground(phone: PhonePage, mpns: MpnsClient): Promise<string> {
  return test.step('launch Contoso Weather, allow and stay in it', async () => {
    const uri = await phone.launchWithPermission('Contoso Weather', true)
    // A toast to the app in the foreground lands in its log instead of a banner.
    await expect.poll(() => mpns.readForegroundAppId()).toBe(WEATHER_APP_ID)
    return uri
  })
}

function postToast(mpns: MpnsClient, url: string, toast: { text1: string; class: string }) {
  return mpns.post(url, {
    headers: withHeader(TOAST_HEADERS, 'X-NotificationClass', toast.class),
    body: createToastXml({ text1: toast.text1, text2: `class ${toast.class}` }),
  })
}

/**
 * Sends an immediate toast and waits until the app has logged it. The push client pulls due
 * notifications in acceptance order, so a batched toast that was due would have arrived with
 * it or before it: once the immediate one is in the log, the batched one is known to wait.
 */
async function expectStillWaiting(
  phone: PhonePage,
  mpns: MpnsClient,
  options: { channelUri: string; waiting: string },
): Promise<void> {
  const marker = 'Immediate marker'
  const response = await postToast(mpns, options.channelUri, { text1: marker, class: '2' })
  expect(response.headers['x-notificationstatus']).toBe('Received')
  await expect(phone.notificationLog).toContainText(marker)
  await expect(phone.notificationLog).not.toContainText(options.waiting)
  await expect.poll(() => mpns.countQueued()).toBe(1)
}
