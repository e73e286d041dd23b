import { expect, test } from './fixtures'
import { sendWithMpnsLibrary } from './mpns-library'
import type { PhonePage } from './pages/phone-page'
import { PREVIEW_HTTPS_PORT, PREVIEW_PORT } from './ports'
import { downloadCredentials, installSecureApp, uniqueServiceName } from './service-credentials'

const PREVIEW_ORIGIN = `http://127.0.0.1:${PREVIEW_PORT}`

test.use({ baseURL: PREVIEW_ORIGIN })

/** The apps that receive each send function: one per tile template, with their channel URIs. */
interface ReceivingApps {
  flip: { name: string; channelUri: string }
  iconic: { name: string; channelUri: string }
  legacy: { name: string; channelUri: string }
}

test('every send function reaches the handset over HTTP', async ({ phone }) => {
  const launch = async (name: string) => {
    const channelUri = await phone.launchWithPermission(name, true)
    await phone.goStart()
    return { name, channelUri }
  }
  const iconic = await launch('Contoso Chat')
  const legacy = await launch('Fabrikam Scores')
  const flip = {
    name: 'Contoso Weather',
    channelUri: await phone.launchWithPermission('Contoso Weather', true),
  }
  expect(flip.channelUri.startsWith(`${PREVIEW_ORIGIN}/throttledthirdparty/`)).toBe(true)

  await checkEverySendFunction(phone, { flip, iconic, legacy }, {})
})

test('every send function reaches the handset over HTTPS', async ({
  phone,
  devConsole,
}, testInfo) => {
  const serviceName = uniqueServiceName('library', testInfo.testId)
  await devConsole.createCertificate(serviceName)
  await expect(devConsole.certificateRow(serviceName)).toBeVisible()
  const { pfx, ca } = await downloadCredentials(serviceName)

  const install = async (name: string, tileTemplate: string) => ({
    name,
    channelUri: await installSecureApp(phone, { name, serviceName, tileTemplate }),
  })
  const apps: ReceivingApps = {
    iconic: await install('Secure Iconic', 'IconicTile'),
    legacy: await install('Secure Legacy', 'Legacy'),
    flip: await install('Secure Flip', 'FlipTile'),
  }
  expect(apps.flip.channelUri.startsWith(`https://127.0.0.1:${PREVIEW_HTTPS_PORT}/`)).toBe(true)

  await checkEverySendFunction(phone, apps, { pfx, ca })
})

/**
 * Sends with each of the five send functions and checks what the library reports and what the
 * handset shows. The flip app must be on screen when this starts, so that raw reaches it.
 */
async function checkEverySendFunction(
  phone: PhonePage,
  apps: ReceivingApps,
  tls: { pfx?: Buffer; ca?: string },
): Promise<void> {
  await test.step('sendRaw reaches the running app', async () => {
    const sent = await sendWithMpnsLibrary('sendRaw', apps.flip.channelUri, {
      payload: 'wind=12',
      ...tls,
    })
    expect(sent).toEqual({
      kind: 'result',
      outcome: expect.objectContaining({
        statusCode: 200,
        notificationStatus: 'Received',
        subscriptionStatus: 'Active',
        deviceConnectionStatus: 'Connected',
        pushType: 'raw',
      }) as unknown,
    })
    await expect(phone.notificationLog).toContainText('wind=12')
  })

  await test.step('sendToast shows a banner', async () => {
    await phone.goStart()
    const sent = await sendWithMpnsLibrary('sendToast', apps.flip.channelUri, {
      text1: 'Library toast',
      text2: 'from mpns',
      param: '/Forecast.xaml?city=Oslo',
      ...tls,
    })
    expect(sent.kind).toBe('result')
    expect(sent.outcome).toMatchObject({ statusCode: 200, notificationStatus: 'Received' })
    await expect(phone.toast).toContainText('Library toast')
  })

  await test.step('sendFlipTile updates the FlipTile', async () => {
    const sent = await sendWithMpnsLibrary('sendFlipTile', apps.flip.channelUri, {
      title: 'Bodø',
      count: 4,
      backTitle: 'Tomorrow',
      backContent: 'Sleet',
      ...tls,
    })
    expect(sent.outcome).toMatchObject({ statusCode: 200, tileTemplate: 'FlipTile' })
    await expect(phone.tile(`${apps.flip.name}, Bodø, 4`)).toBeVisible()
  })

  await test.step('sendIconicTile updates the IconicTile', async () => {
    const sent = await sendWithMpnsLibrary('sendIconicTile', apps.iconic.channelUri, {
      title: 'Chat from mpns',
      count: 2,
      ...tls,
    })
    expect(sent.outcome).toMatchObject({ statusCode: 200, tileTemplate: 'IconicTile' })
    await expect(phone.tile(`${apps.iconic.name}, Chat from mpns, 2`)).toBeVisible()
  })

  await test.step('sendTile updates a legacy tile', async () => {
    const sent = await sendWithMpnsLibrary('sendTile', apps.legacy.channelUri, {
      title: 'Final 3-1',
      count: 1,
      ...tls,
    })
    expect(sent.outcome).toMatchObject({ statusCode: 200, notificationStatus: 'Received' })
    await expect(phone.tile(`${apps.legacy.name}, Final 3-1, 1`)).toBeVisible()
  })
}

test('the mpns package reads 404, 406, 412 and QueueFull', async ({ phone, devConsole }) => {
  const toast = { text1: 'Outcome', text2: 'probe' }
  const channelUri = await phone.launchWithPermission('Contoso Weather', true)
  await phone.goStart()

  await test.step('406 once the daily quota is used', async () => {
    await devConsole.setNumericSetting('Daily quota', 1)
    await sendWithMpnsLibrary('sendToast', channelUri, toast)
    const sent = await sendWithMpnsLibrary('sendToast', channelUri, toast)
    expect(sent).toEqual({
      kind: 'error',
      outcome: expect.objectContaining({
        statusCode: 406,
        notificationStatus: 'Dropped',
        subscriptionStatus: 'Active',
        deviceConnectionStatus: 'Connected',
        innerError: 'Per-day throttling limit reached.',
      }) as unknown,
    })
    expect(sent.outcome.minutesToDelay).toBeUndefined()
    await devConsole.setNumericSetting('Daily quota', 500)
  })

  await test.step('QueueFull while the handset is offline and the queue is full', async () => {
    await devConsole.setNumericSetting('Queue depth', 1)
    await devConsole.setAirplaneMode(true)
    await sendWithMpnsLibrary('sendToast', channelUri, toast)
    const sent = await sendWithMpnsLibrary('sendToast', channelUri, toast)
    expect(sent).toEqual({
      kind: 'result',
      outcome: expect.objectContaining({
        statusCode: 200,
        notificationStatus: 'QueueFull',
        deviceConnectionStatus: 'TempDisconnected',
      }) as unknown,
    })
  })

  await test.step('412 once the handset is Inactive', async () => {
    await devConsole.advanceClock(61)
    const sent = await sendWithMpnsLibrary('sendToast', channelUri, toast)
    expect(sent).toEqual({
      kind: 'error',
      outcome: expect.objectContaining({
        statusCode: 412,
        notificationStatus: 'Dropped',
        deviceConnectionStatus: 'Inactive',
        minutesToDelay: 61,
      }) as unknown,
    })
    expect(sent.outcome.subscriptionStatus).toBeUndefined()
    await devConsole.setAirplaneMode(false)
  })

  await test.step('404 after the app closes its channel', async () => {
    await phone.openApp('Contoso Weather')
    await phone.closeChannel()
    const sent = await sendWithMpnsLibrary('sendToast', channelUri, toast)
    expect(sent).toEqual({
      kind: 'error',
      outcome: expect.objectContaining({
        statusCode: 404,
        notificationStatus: 'Dropped',
        subscriptionStatus: 'Expired',
        deviceConnectionStatus: 'Connected',
        shouldDeleteChannel: true,
      }) as unknown,
    })
  })
})
