import { Agent, request } from 'node:http'
import { performance } from 'node:perf_hooks'

import { expect } from '@playwright/test'
import type { Page } from '@playwright/test'

import type { PhonePage } from '../../e2e/pages/phone-page'
import { TOAST_HEADERS, createToastXml } from '../../e2e/payloads'
import { ENDPOINT_INFO_PATH } from '../../src/messaging/relay-messages'
import { START_JITTER_MS } from './bench-plan'
import { measureToast } from './toast-latency'

/** Latencies of one run, in milliseconds, one value per toast. */
export interface ExternalToastRun {
  externalMs: number[]
  inPageMs: number[]
  roundTripMs: number[]
}

/** Time a toast may take to appear before the run fails, in milliseconds. */
const TOAST_TIMEOUT_MS = 10_000

/** Clock readings taken to estimate the offset between this process's clock and the page's. */
const CLOCK_SAMPLES = 15

/**
 * Sends toasts while the handset shows Start and measures each one three ways in turn. The three
 * are a loopback HTTP round trip that involves no page, an in-page POST, and a POST from this Node
 * process that the server relays to the page. A backend keeps its connection open, so the Node
 * requests share one keep-alive agent.
 */
export async function measureExternalToastRun(
  phone: PhonePage,
  options: { channelUri: string; baseUrl: string; toastCount: number; runLabel: string },
): Promise<ExternalToastRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const run: ExternalToastRun = { externalMs: [], inPageMs: [], roundTripMs: [] }
  const clockOffsetMs = await estimateClockOffset(phone.page)
  try {
    for (let index = 0; index < options.toastCount; index += 1) {
      run.roundTripMs.push(await measureRoundTrip(`${options.baseUrl}${ENDPOINT_INFO_PATH}`, agent))

      const inPage = `In page [${options.runLabel}/${index}]`
      const inPageBody = createToastXml({ text1: inPage, text2: 'Latency probe' })
      run.inPageMs.push(
        await measureToast(phone.page, {
          channelUri: options.channelUri,
          body: inPageBody,
          text1: inPage,
        }),
      )
      await dismiss(phone)

      const external = `External [${options.runLabel}/${index}]`
      run.externalMs.push(
        await measureExternalToast(phone.page, {
          channelUri: options.channelUri,
          text1: external,
          agent,
          clockOffsetMs,
        }),
      )
      await dismiss(phone)
    }
  } finally {
    agent.destroy()
  }
  return run
}

async function dismiss(phone: PhonePage): Promise<void> {
  await phone.dismissToast()
  await expect(phone.toast).toHaveCount(0)
}

/**
 * Estimates how far the page's clock (`performance.timeOrigin + performance.now()`) is ahead of
 * this process's, in milliseconds. Each process maps its monotonic clock to wall time once, so
 * the two can differ by a millisecond or more. The reading with the shortest round trip gives the
 * estimate, as the midpoint of that round trip.
 */
async function estimateClockOffset(page: Page): Promise<number> {
  let best = { roundTripMs: Number.POSITIVE_INFINITY, offsetMs: 0 }
  for (let sample = 0; sample < CLOCK_SAMPLES; sample += 1) {
    const sentAt = readWallClock()
    const pageAt = await page.evaluate(() => performance.timeOrigin + performance.now())
    const receivedAt = readWallClock()
    const roundTripMs = receivedAt - sentAt
    if (roundTripMs < best.roundTripMs) {
      best = { roundTripMs, offsetMs: pageAt - (sentAt + receivedAt) / 2 }
    }
  }
  return best.offsetMs
}

function readWallClock(): number {
  return performance.timeOrigin + performance.now()
}

/**
 * Times one toast POSTed from this process, from just before the request to the first animation
 * frame after its banner is in the DOM. The page reads its end time on its own clock, which is
 * moved onto this process's clock by `clockOffsetMs`.
 */
async function measureExternalToast(
  page: Page,
  toast: { channelUri: string; text1: string; agent: Agent; clockOffsetMs: number },
): Promise<number> {
  await page.evaluate(
    ({ text1, timeoutMs }) => {
      const isShown = (): boolean =>
        Array.from(document.querySelectorAll('[role="alert"]')).some((element) =>
          (element.textContent ?? '').includes(text1),
        )
      const bannerShownAt = new Promise<number>((resolve, reject) => {
        const observer = new MutationObserver(() => {
          if (isShown()) {
            observer.disconnect()
            clearTimeout(timer)
            requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()))
          }
        })
        const timer = setTimeout(() => {
          observer.disconnect()
          reject(new Error(`Toast "${text1}" did not appear within ${timeoutMs} ms.`))
        }, timeoutMs)
        observer.observe(document.body, { childList: true, subtree: true, characterData: true })
      })
      Object.assign(window, { benchExternalToastShown: bannerShownAt })
    },
    { text1: toast.text1, timeoutMs: TOAST_TIMEOUT_MS },
  )
  await new Promise((resolve) => setTimeout(resolve, Math.random() * START_JITTER_MS))

  const body = createToastXml({ text1: toast.text1, text2: 'Latency probe' })
  const startedAt = readWallClock()
  const status = await post(toast.channelUri, { body, agent: toast.agent })
  if (status !== 200) {
    throw new Error(`Toast "${toast.text1}" was not accepted: HTTP ${status}.`)
  }
  const shownAt = await page.evaluate(
    () =>
      (window as unknown as { benchExternalToastShown: Promise<number> }).benchExternalToastShown,
  )
  return shownAt - toast.clockOffsetMs - startedAt
}

/** Times one GET to the server that no page takes part in, in milliseconds. */
async function measureRoundTrip(url: string, agent: Agent): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, Math.random() * START_JITTER_MS))
  const startedAt = performance.now()
  await send(url, { method: 'GET', agent })
  return performance.now() - startedAt
}

function post(url: string, options: { body: string; agent: Agent }): Promise<number> {
  return send(url, {
    method: 'POST',
    agent: options.agent,
    body: options.body,
    headers: TOAST_HEADERS,
  })
}

function send(
  url: string,
  options: { method: string; agent: Agent; body?: string; headers?: Array<[string, string]> },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: options.method,
        agent: options.agent,
        headers: Object.fromEntries(options.headers ?? []),
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
        response.on('error', reject)
      },
    )
    outgoing.on('error', reject)
    outgoing.end(options.body)
  })
}
