import { test as base, errors, expect } from '@playwright/test'
import type { Page } from '@playwright/test'

import { PAGE_API_GLOBAL } from '../src/scenario/page-api.ts'
import { createMpnsClient } from './mpns-client.ts'
import type { MpnsClient } from './mpns-client.ts'
import { routeNonLoopbackToStub } from './network-stub.ts'
import { Phone } from './phone.ts'
import { readServiceState } from './service-state.ts'

/** Motion of tiles and pages: as on the phone, without motion, or step by step. */
export type MotionMode = 'animated' | 'reduced' | 'deterministic'

/** Options a test file or project sets with `test.use`. */
export interface KitOptions {
  /** Seed of the random flip delays and stagger, 0 to 4294967295. @default 0 */
  seed: number
  /** @default 'deterministic', where tiles flip and cycle only when stepped */
  motion: MotionMode
  /**
   * Routes every browser request for a host other than this machine to a local stub, and
   * rejects `http` sends to such hosts. @default true
   */
  blockExternalHosts: boolean
  /** Accessible name of the handset the `phone` fixture drives. @default 'Handset 1' */
  handset: string
}

export interface KitFixtures {
  /** The handset, on a page opened at the emulator and ready for channels and notifications. */
  phone: Phone
  /** Sends MPNS requests and reads the service's stored state. */
  mpns: MpnsClient
}

/** Largest seed the page accepts in its `seed` query parameter. */
const MAX_SEED = 0xffff_ffff

/** Time a loaded page has to show that it is the emulator, in milliseconds. */
const EMULATOR_CHECK_TIMEOUT_MS = 5000

export const test = base.extend<KitFixtures & KitOptions>({
  seed: [0, { option: true }],
  motion: ['deterministic', { option: true }],
  blockExternalHosts: [true, { option: true }],
  handset: ['Handset 1', { option: true }],
  context: async ({ context, blockExternalHosts }, use) => {
    if (blockExternalHosts) {
      await routeNonLoopbackToStub(context)
    }
    await use(context)
  },
  phone: async ({ page, seed, motion, handset }, use) => {
    await openHandsetPage(page, toEmulatorPath({ seed, motion }))
    // A phone is connected before its apps are used: flows start once the handset's push
    // client has reported to the service.
    await expect
      .poll(async () => (await readServiceState(page)).device?.foregroundAppId, {
        message: 'the handset never reported to the service worker',
      })
      .not.toBeUndefined()
    await use(new Phone(page, handset))
  },
  mpns: async ({ page, blockExternalHosts }, use) => {
    await use(createMpnsClient(page, { blockExternalHosts }))
  },
})

export { expect }

/** Builds the path that opens the emulator with a motion mode and a seed. */
export function toEmulatorPath(options: { seed: number; motion: MotionMode }): string {
  const { seed, motion } = options
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new Error(`Invalid seed ${seed}: use a whole number from 0 to ${MAX_SEED}.`)
  }
  return `/?${new URLSearchParams({ motion, seed: String(seed) }).toString()}`
}

/** Opens a path of the emulator and waits until its service worker controls the page. */
export async function openEmulator(page: Page, path = '/'): Promise<void> {
  await page.goto(path)
  await waitForServiceWorkerControl(page)
}

/**
 * Opens the emulator's handset page at a path, checks that the server is the emulator and
 * waits until its service worker controls the page. Rejects within a few seconds when another
 * server responds on the port, which `reuseExistingServer` would otherwise hide until the test
 * times out.
 */
export async function openHandsetPage(page: Page, path: string): Promise<void> {
  await page.goto(path)
  // The emulator defines its scripting interface in its first script, before the load event
  // that `goto` waits for, so the wait covers only a slow machine.
  const isEmulator = await page
    .waitForFunction((globalName) => globalName in window, PAGE_API_GLOBAL, {
      timeout: EMULATOR_CHECK_TIMEOUT_MS,
    })
    .then(
      () => true,
      (error: unknown) => {
        if (error instanceof errors.TimeoutError) {
          return false
        }
        throw error
      },
    )
  if (!isEmulator) {
    throw new Error(
      `The page at ${page.url()} is not the WP8 emulator. Another server may be using the port. Stop it, or change the port in playwright.config.ts.`,
    )
  }
  await waitForServiceWorkerControl(page)
}

async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
}
