import { expect, test } from './fixtures'
import { sendWithMpnsLibrary } from './mpns-library'
import { PREVIEW_PORT } from './ports'

const PREVIEW_ORIGIN = `http://127.0.0.1:${PREVIEW_PORT}`

test.use({ baseURL: PREVIEW_ORIGIN })

test('every send function of the mpns package reaches the handset', async ({ phone }) => {
  const weatherUri = await phone.launchWithPermission('Contoso Weather', true)

  await test.step('sendRaw reaches the running app', async () => {
    const sent = await sendWithMpnsLibrary('sendRaw', weatherUri, { payload: 'wind=12' })
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
    const sent = await sendWithMpnsLibrary('sendToast', weatherUri, {
      text1: 'Library toast',
      text2: 'from mpns',
      param: '/Forecast.xaml?city=Oslo',
    })
    expect(sent.kind).toBe('result')
    expect(sent.outcome).toMatchObject({ statusCode: 200, notificationStatus: 'Received' })
    await expect(phone.toast).toContainText('Library toast')
  })

  await test.step('sendFlipTile updates the FlipTile', async () => {
    const sent = await sendWithMpnsLibrary('sendFlipTile', weatherUri, {
      title: 'Bodø',
      count: 4,
      backTitle: 'Tomorrow',
      backContent: 'Sleet',
    })
    expect(sent.outcome).toMatchObject({ statusCode: 200, tileTemplate: 'FlipTile' })
    await expect(phone.tile('Contoso Weather, Bodø, 4')).toBeVisible()
  })

  await test.step('sendIconicTile updates the IconicTile', async () => {
    const chatUri = await phone.launchWithPermission('Contoso Chat', true)
    await phone.goStart()
    const sent = await sendWithMpnsLibrary('sendIconicTile', chatUri, {
      title: 'Chat from mpns',
      count: 2,
    })
    expect(sent.outcome).toMatchObject({ statusCode: 200, tileTemplate: 'IconicTile' })
    await expect(phone.tile('Contoso Chat, Chat from mpns, 2')).toBeVisible()
  })

  await test.step('sendTile updates a legacy tile', async () => {
    const scoresUri = await phone.launchWithPermission('Fabrikam Scores', true)
    await phone.goStart()
    const sent = await sendWithMpnsLibrary('sendTile', scoresUri, { title: 'Final 3-1', count: 1 })
    expect(sent.outcome).toMatchObject({ statusCode: 200, notificationStatus: 'Received' })
    await expect(phone.tile('Fabrikam Scores, Final 3-1, 1')).toBeVisible()
  })
})

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
