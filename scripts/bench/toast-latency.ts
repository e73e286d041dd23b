import { expect } from '@playwright/test'
import type { Page } from '@playwright/test'

import type { PhonePage } from '../../e2e/pages/phone-page'
import { TOAST_HEADERS, createToastXml } from '../../e2e/payloads'
import { START_JITTER_MS } from './bench-plan'

/** A request that the service worker responds to without reading or writing the queue. */
export interface FloorRequest {
  path: string
  /** Name of the request in the report, with the status it returned. */
  label: string
}

/** Latencies of one run, in milliseconds. */
export interface ToastRun {
  toastLatenciesMs: number[]
  floorLatenciesMs: number[]
}

/** Options for one run of toasts. */
export interface ToastRunOptions {
  channelUri: string
  floor: FloorRequest
  toastCount: number
  /** Makes each toast's Text1 unique across runs. */
  runLabel: string
}

/** Health check path to which the worker responds at once with 204, where the build has it. */
const PING_PATH = '/__emulator/ping'

/** A channel URI whose token has a character outside the base64url alphabet. */
const MALFORMED_CHANNEL_PATH = '/throttledthirdparty/01.00/!'

/** Time a toast may take to appear before the run fails, in milliseconds. */
const TOAST_TIMEOUT_MS = 10_000

/**
 * Picks the floor request: GET /__emulator/ping when the worker responds to it with 204,
 * otherwise a GET of a malformed channel URI, which the worker rejects without touching the
 * queue.
 */
export async function chooseFloorRequest(page: Page): Promise<FloorRequest> {
  const pingStatus = await fetchStatus(page, PING_PATH)
  if (pingStatus === 204) {
    return { path: PING_PATH, label: `GET ${PING_PATH} (204)` }
  }

  const malformedStatus = await fetchStatus(page, MALFORMED_CHANNEL_PATH)
  if (malformedStatus < 400 || malformedStatus >= 500) {
    throw new Error(
      `Failed to find a floor request: GET ${PING_PATH} returned ${pingStatus} and GET ${MALFORMED_CHANNEL_PATH} returned ${malformedStatus}. Check that the service worker controls the page.`,
    )
  }
  return {
    path: MALFORMED_CHANNEL_PATH,
    label: `GET ${MALFORMED_CHANNEL_PATH} (${malformedStatus}), because GET ${PING_PATH} returned ${pingStatus}`,
  }
}

/**
 * Sends immediate toasts one at a time while the handset shows Start. Before each toast it
 * measures the floor, and after each toast it dismisses the banner and waits until it is gone.
 */
export async function measureToastRun(
  phone: PhonePage,
  options: ToastRunOptions,
): Promise<ToastRun> {
  const run: ToastRun = { toastLatenciesMs: [], floorLatenciesMs: [] }
  for (let index = 0; index < options.toastCount; index += 1) {
    run.floorLatenciesMs.push(await measureFloor(phone.page, options.floor.path))

    // The brackets keep one Text1 from being part of another, as `1-1` is part of `1-10`.
    const text1 = `Bench [${options.runLabel}/${index}]`
    const body = createToastXml({ text1, text2: 'Latency probe' })
    run.toastLatenciesMs.push(
      await measureToast(phone.page, { channelUri: options.channelUri, body, text1 }),
    )

    await phone.dismissToast()
    await expect(phone.toast).toHaveCount(0)
  }
  return run
}

function fetchStatus(page: Page, path: string): Promise<number> {
  return page.evaluate(async (url) => (await fetch(url, { cache: 'no-store' })).status, path)
}

/** Times one fetch round trip plus the next animation frame, in milliseconds. */
function measureFloor(page: Page, path: string): Promise<number> {
  return page.evaluate(
    async ({ url, jitterMs }) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * jitterMs))
      const startedAt = performance.now()
      const response = await fetch(url, { cache: 'no-store' })
      await response.arrayBuffer()
      await new Promise((resolve) => requestAnimationFrame(resolve))
      return performance.now() - startedAt
    },
    { url: path, jitterMs: START_JITTER_MS },
  )
}

/**
 * Times one in-page toast from just before its POST to the first animation frame after a banner with
 * role `alert` containing its Text1 is in the DOM, in milliseconds.
 */
export function measureToast(
  page: Page,
  toast: { channelUri: string; body: string; text1: string },
): Promise<number> {
  return page.evaluate(
    async ({ channelUri, headers, body, text1, timeoutMs, jitterMs }) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * jitterMs))
      return new Promise<number>((resolve, reject) => {
        let startedAt = 0
        let settled = false
        const settle = (outcome: () => void): void => {
          if (settled) {
            return
          }
          settled = true
          observer.disconnect()
          clearTimeout(timer)
          outcome()
        }
        const isShown = (): boolean =>
          Array.from(document.querySelectorAll('[role="alert"]')).some((element) =>
            (element.textContent ?? '').includes(text1),
          )

        const observer = new MutationObserver(() => {
          if (isShown()) {
            settle(() => requestAnimationFrame(() => resolve(performance.now() - startedAt)))
          }
        })
        const timer = setTimeout(() => {
          settle(() => reject(new Error(`Toast "${text1}" did not appear within ${timeoutMs} ms.`)))
        }, timeoutMs)
        observer.observe(document.body, { childList: true, subtree: true, characterData: true })

        const bytes = new TextEncoder().encode(body)
        startedAt = performance.now()
        fetch(channelUri, { method: 'POST', headers, body: bytes }).then(
          (response) => {
            const notificationStatus = response.headers.get('X-NotificationStatus')
            if (response.status !== 200 || notificationStatus !== 'Received') {
              const error = new Error(
                `Toast "${text1}" was not accepted: ${response.status} ${notificationStatus ?? ''}.`,
              )
              settle(() => reject(error))
            }
          },
          (error: unknown) =>
            settle(() => reject(error instanceof Error ? error : new Error(String(error)))),
        )
      })
    },
    { ...toast, headers: TOAST_HEADERS, timeoutMs: TOAST_TIMEOUT_MS, jitterMs: START_JITTER_MS },
  )
}
