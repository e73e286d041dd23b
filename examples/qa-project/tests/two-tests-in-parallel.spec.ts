import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { expect, test, toast } from 'wp8-mpns-emulator/playwright'

// Two tests at once against one server: each browser context has its own handset and
// channel, so each test must see its own notifications and none of the other's. Sharding
// splits fully parallel tests in file order, so this file's name sorts last and both tests
// land in the last shard.
test.describe.configure({ mode: 'parallel' })

/** Toasts each test sends, one after another, while the other test sends its own. */
const TOASTS_PER_TEST = 5

/** Time a test waits for the other one to open its channel, in milliseconds. */
const PARTNER_TIMEOUT_MS = 30_000

const SENDERS = ['Anna', 'Ben']

for (const sender of SENDERS) {
  const otherSender = SENDERS.find((name) => name !== sender) ?? ''

  test(`${sender} sees only ${sender}'s toasts`, async ({ phone, mpns }, testInfo) => {
    const channelUri = await phone.launch('Contoso Chat', { allow: true })

    await test.step('wait until the other test has its channel too', async () => {
      // The project's output folder is shared by the workers of one run and emptied at its start.
      const markerOf = (name: string) => join(testInfo.project.outputDir, `${name}.channel-open`)
      await writeFile(markerOf(sender), channelUri)
      await expect
        .poll(() => existsSync(markerOf(otherSender)), {
          message: `${otherSender}'s test never opened its channel. Run both tests in one shard with two workers.`,
          timeout: PARTNER_TIMEOUT_MS,
        })
        .toBe(true)
    })

    for (let index = 1; index <= TOASTS_PER_TEST; index += 1) {
      const message = toast({ text1: sender, text2: `Message ${index}` })
      expect(await mpns.send(channelUri, message, { via: 'http' })).toBeReceived()
    }

    // The app is in the foreground, so each toast lands in its log instead of a banner.
    const received = phone.notificationLog.getByRole('paragraph').filter({ hasText: 'Message' })
    await expect(received).toHaveCount(TOASTS_PER_TEST)
    await expect(received.filter({ hasText: sender })).toHaveCount(TOASTS_PER_TEST)
    await expect(phone.notificationLog).not.toContainText(otherSender)
  })
}
