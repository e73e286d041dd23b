import { expect, openEmulator, test as e2eTest } from '../../e2e/fixtures'
import { Phone } from '../../kit/phone.ts'
import { readServiceState } from './service-state'

/**
 * The e2e fixtures with a `phone` that also works against older builds. It waits for the
 * handset's first report by reading only the stores that the first schema and the current one
 * both have. As in the e2e fixtures, a local stub responds to every request for a host other
 * than the loopback addresses.
 */
export const test = e2eTest.extend<{ phone: Phone }>({
  phone: async ({ page }, use) => {
    await openEmulator(page)
    await expect
      .poll(async () => (await readServiceState(page)).foregroundAppId, {
        message: 'the handset never reported to the service worker',
      })
      .not.toBeUndefined()
    await use(new Phone(page))
  },
})
