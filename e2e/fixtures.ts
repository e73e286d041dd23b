// The repository's own fixtures: the QA kit's `phone` and `mpns`, loaded from its sources, plus
// the developer console and a second sending page. Specs import everything from here.

import { expect } from '@playwright/test'

import { openEmulator, test as kitTest } from '../kit/fixtures.ts'
import { createMpnsClient } from '../kit/mpns-client.ts'
import type { MpnsClient, SendResult } from '../kit/mpns-client.ts'
import { DevConsolePage } from './pages/dev-console-page'

export { expect } from '../kit/matchers.ts'
export { openEmulator } from '../kit/fixtures.ts'
export { createMpnsClient } from '../kit/mpns-client.ts'
export type { MpnsClient, PagePostOptions, PagePostOutcome } from '../kit/mpns-client.ts'
export { routeNonLoopbackToStub } from '../kit/network-stub.ts'
export { HANDSET_ID } from '../kit/service-state.ts'
export type { ServiceDeviceState, ServiceEngineSettings } from '../kit/service-state.ts'

/** The response to a POST, as the page's `fetch` reports it. */
export type PagePostResult = SendResult

/** Expected status code and MPNS status headers. A header left out must be absent. */
export interface ExpectedMpnsResponse {
  status: number
  notificationStatus?: string
  deviceConnectionStatus?: string
  subscriptionStatus?: string
}

/** Names of the sample apps, in the order Start shows their tiles on a fresh handset. */
export const SAMPLE_APP_NAMES: readonly string[] = [
  'Contoso Weather',
  'Contoso Chat',
  'Contoso Photos',
  'Fabrikam Scores',
  'Woodgrove Stocks',
]

/**
 * A same-origin document that the service worker controls but that runs no handset, so it
 * never takes the handset's Web Lock and can send while the emulator page is away.
 */
const SENDER_DOCUMENT_PATH = '/favicon.svg'

export const test = kitTest.extend<{
  devConsole: DevConsolePage
  /** An MPNS client in a second page of the same context, which runs no handset. */
  sender: MpnsClient
}>({
  // The specs were written against the emulator opened at `/`, where tiles move on their own.
  motion: 'animated',
  devConsole: async ({ page, phone }, use) => {
    await expect(phone.handset).toBeVisible()
    await use(new DevConsolePage(page))
  },
  sender: async ({ context, phone }, use) => {
    // The emulator page registers the worker; the sender page only needs to be controlled.
    await expect(phone.handset).toBeVisible()
    const senderPage = await context.newPage()
    await openEmulator(senderPage, SENDER_DOCUMENT_PATH)
    await use(createMpnsClient(senderPage))
    await senderPage.close()
  },
})

/**
 * Asserts a response's status code and its X-NotificationStatus, X-DeviceConnectionStatus and
 * X-SubscriptionStatus headers. Each failure message carries the emulator's X-Emulator-Reason.
 */
export function expectMpnsResponse(response: PagePostResult, expected: ExpectedMpnsResponse): void {
  const reason = `(X-Emulator-Reason: ${response.headers['x-emulator-reason'] ?? 'none'})`
  expect(response.status, `HTTP status ${reason}`).toBe(expected.status)
  expect(response.headers['x-notificationstatus'], `X-NotificationStatus ${reason}`).toBe(
    expected.notificationStatus,
  )
  expect(response.headers['x-deviceconnectionstatus'], `X-DeviceConnectionStatus ${reason}`).toBe(
    expected.deviceConnectionStatus,
  )
  expect(response.headers['x-subscriptionstatus'], `X-SubscriptionStatus ${reason}`).toBe(
    expected.subscriptionStatus,
  )
}
