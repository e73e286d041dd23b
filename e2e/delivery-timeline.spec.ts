import { expect, test } from './fixtures'
import type { DevConsolePage } from './pages/dev-console-page'
import { WEATHER_CHANNEL, createToastXml } from './payloads'

/** Engine time as the timeline shows it: `2025-06-01 12:00:00 UTC`. */
const ENGINE_TIME = /(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) UTC/

const MS_PER_MINUTE = 60_000

test('class 22 toast waits in the queue until its window passes', async ({ phone, devConsole }) => {
  await test.step('launch Contoso Weather, allow notifications and go to Start', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
  })

  await test.step('the Headers list explains the 900-second class', async () => {
    await devConsole.compose({ channel: WEATHER_CHANNEL, type: 'toast', notificationClass: '22' })
    await expect(devConsole.headers).toContainText('X-WindowsPhone-Target: toast')
    await expect(devConsole.headers).toContainText(
      'X-NotificationClass: 22Batching: class 22, delivery within 900 seconds.',
    )
  })

  await test.step('send a class 22 toast and see it queued with its due time', async () => {
    const payload = createToastXml({ text1: 'Timeline 900', text2: 'Batched' })
    await devConsole.send({
      channel: WEATHER_CHANNEL,
      type: 'toast',
      notificationClass: '22',
      payload,
    })
    await devConsole.expectStatus(200)
    await expect(devConsole.timelineStep('Accepted')).toContainText(
      'X-NotificationStatus: Received',
    )
    const queued = devConsole.timelineStep('Queued')
    await expect(queued).toContainText('Class 22: batching window 900 s, due')
    const [acceptedAt, dueAt] = readEngineTimes((await queued.textContent()) ?? '')
    expect(dueAt).toBe((acceptedAt ?? 0) + 15 * MS_PER_MINUTE)
  })

  await test.step('nothing is delivered before the window passes', async () => {
    await expect(devConsole.timelineStep('Waiting')).toContainText('Not delivered yet')
    await expect(devConsole.timelineStep('Delivered')).toHaveCount(0)
    await expect(phone.toast).toBeHidden()
  })

  await test.step('advancing the clock 15 minutes delivers and shows it', async () => {
    await devConsole.advanceClock(15)
    await expect(devConsole.timelineStep('Delivered')).toContainText('acknowledged')
    await expect(devConsole.timelineStep('Shown')).toContainText('Toast banner shown.')
    await expect(devConsole.timelineStep('Waiting')).toHaveCount(0)
    await expect(phone.toastWithText('Timeline 900')).toBeVisible()
    await expectDeliveredAfterDue(devConsole)
  })
})

test('toasts the handset does not show are Suppressed', async ({ phone, devConsole }) => {
  await test.step('launch Contoso Weather and stay in the app', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await expect(phone.currentPage).toBeVisible()
  })

  await test.step('a toast to the foreground app is suppressed on the handset', async () => {
    const payload = createToastXml({ text1: 'In the app', text2: 'No banner' })
    await devConsole.send({
      channel: WEATHER_CHANNEL,
      type: 'toast',
      notificationClass: '2',
      payload,
    })
    await devConsole.expectStatus(200)
    await expect(devConsole.timelineStep('Delivered')).toBeVisible()
    await expect(devConsole.timelineStep('Suppressed')).toContainText(
      'The app is in the foreground, so the phone shows no banner',
    )
    await expect(phone.toast).toBeHidden()
  })

  await test.step('turn toast notifications off in the app settings', async () => {
    await phone.openNotificationSettings()
    await phone.setToastNotifications(false)
  })

  await test.step('a toast after the opt-out is suppressed by the service', async () => {
    const payload = createToastXml({ text1: 'Opted out', text2: 'Not queued' })
    await devConsole.send({ channel: WEATHER_CHANNEL, type: 'toast', payload })
    await expect(devConsole.response).toContainText('X-NotificationStatus: Suppressed')
    await expect(devConsole.timelineStep('Suppressed')).toContainText(
      'The service discarded it without queuing it.',
    )
    await expect(devConsole.timelineStep('Queued')).toHaveCount(0)
    await expect(devConsole.page.getByText(/^Next step: Accepted and then discarded/)).toBeVisible()
  })
})

test('Send count and delay send a series', async ({ phone, devConsole }) => {
  await test.step('launch Contoso Weather and stay in the app', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await expect(phone.currentPage).toBeVisible()
  })

  await test.step('out-of-range options are rejected', async () => {
    await devConsole.sendCount.fill('101')
    await expect(devConsole.sendCount).toHaveAttribute('aria-invalid', 'true')
    await expect(devConsole.page.getByText('Invalid Send count "101"')).toBeVisible()
    await devConsole.sendCount.fill('3')
    await expect(devConsole.sendCount).toHaveAttribute('aria-invalid', 'false')
  })

  await test.step('a 60-second countdown can be cancelled before anything is sent', async () => {
    await devConsole.delaySeconds.fill('60')
    await devConsole.send({ channel: WEATHER_CHANNEL, type: 'toast', notificationClass: '2' })
    await expect(devConsole.sendProgress).toHaveText(/^Sending in (60|59|58) s$/)
    await expect(devConsole.sendButton).toBeDisabled()
    await devConsole.cancelSendingButton.click()
    await expect(devConsole.sendProgress).toHaveText('Cancelled before sending.')
    await expect(devConsole.cancelSendingButton).toBeHidden()
    await expect(devConsole.response).toBeHidden()
  })

  await test.step('three toasts after a 1-second delay reach the app', async () => {
    await devConsole.delaySeconds.fill('1')
    const payload = createToastXml({ text1: 'Series', text2: 'One of three' })
    await devConsole.send({ channel: WEATHER_CHANNEL, type: 'toast', payload })
    await expect(devConsole.sendProgress).toHaveText('Sending in 1 s')
    await expect(devConsole.sendProgress).toBeHidden()
    await expect(devConsole.sendButton).toBeEnabled()
    await expect(phone.notificationLog.getByText(/One of three/)).toHaveCount(3)
  })
})

/** Reads every engine time in a timeline step's text, in epoch milliseconds. */
function readEngineTimes(text: string): number[] {
  const pattern = new RegExp(ENGINE_TIME.source, 'g')
  return [...text.matchAll(pattern)].map((match) => Date.parse(`${match[1]}T${match[2]}Z`))
}

/** Checks that the Delivered step's engine time is no earlier than the Queued step's due time. */
async function expectDeliveredAfterDue(devConsole: DevConsolePage): Promise<void> {
  const [, dueAt] = readEngineTimes((await devConsole.timelineStep('Queued').textContent()) ?? '')
  const [deliveredAt] = readEngineTimes(
    (await devConsole.timelineStep('Delivered').textContent()) ?? '',
  )
  expect(deliveredAt).toBeGreaterThanOrEqual(dueAt ?? Number.POSITIVE_INFINITY)
}
