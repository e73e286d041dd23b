import { expect, test, toast } from 'wp8-mpns-emulator/playwright'

// Two tests at once against one server: each browser context has its own handset and
// channel, so each test must see its own notifications and none of another test's. The tests
// do not wait for each other, so any shard may run either one. When two workers run both at
// once, each sends its burst at the next whole multiple of BURST_SLOT_MS on the wall clock, so
// the bursts start together unless the tests reach that point in different slots.
test.describe.configure({ mode: 'parallel' })

/** Toasts each test sends at once to its own channel. */
const TOASTS_PER_TEST = 5

/** Length of the wall-clock slots that the bursts start on, in milliseconds. */
const BURST_SLOT_MS = 2000

const SENDERS = ['Anna', 'Ben']

for (const sender of SENDERS) {
  const otherSender = SENDERS.find((name) => name !== sender) ?? ''

  test(`${sender} sees only ${sender}'s toasts`, async ({ phone, mpns }) => {
    const channelUri = await phone.launch('Contoso Chat', { allow: true })

    await test.step('wait for the next burst slot', async () => {
      const delayMs = BURST_SLOT_MS - (Date.now() % BURST_SLOT_MS)
      await new Promise((resolve) => setTimeout(resolve, delayMs))
    })

    await test.step(`send ${TOASTS_PER_TEST} toasts at once`, async () => {
      const sends = []
      for (let index = 1; index <= TOASTS_PER_TEST; index += 1) {
        const message = toast({ text1: sender, text2: `Message ${index}` })
        sends.push(mpns.send(channelUri, message, { via: 'http' }))
      }
      for (const response of await Promise.all(sends)) {
        expect(response).toBeReceived()
      }
    })

    // The app is in the foreground, so each toast lands in its log instead of a banner.
    const received = phone.notificationLog.getByRole('paragraph').filter({ hasText: 'Message' })
    await expect(received).toHaveCount(TOASTS_PER_TEST)
    await expect(received.filter({ hasText: sender })).toHaveCount(TOASTS_PER_TEST)
    await expect(phone.notificationLog).not.toContainText(otherSender)
  })
}
