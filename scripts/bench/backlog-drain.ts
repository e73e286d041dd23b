import { setTimeout as sleep } from 'node:timers/promises'

import { expect } from '@playwright/test'
import type { BrowserContext, Locator, Page } from '@playwright/test'

import { openEmulator } from '../../e2e/fixtures'
import type { PhonePage } from '../../e2e/pages/phone-page'
import { QUEUE_POLL_MS, RAW_COUNT_POLL_MS } from './bench-plan'
import { countLongTasks, markNextClick, readMarkedClick } from './long-tasks'
import { postBatchFromPage } from './page-requests'
import type { PostBatchResult } from './page-requests'
import { readServiceState } from './service-state'
import { isShownSoon } from './engine-settings'
import { parseStatusCount } from './status-count'

/**
 * Offline switch of a drain run: the console's Airplane mode. A build without it leaves the
 * emulator page while a second page of the same origin sends the backlog.
 */
export type OfflineMode =
  | { kind: 'airplane-mode'; airplaneMode: Locator; rawReceived: Locator }
  | { kind: 'leave-page'; sender: Page }

/** One drain: how long it took and how many long tasks the emulator page ran meanwhile. */
export interface DrainRun {
  drainMs: number
  longTasks: number
  batch: PostBatchResult
  /** Whether the end waited for the app's raw count to reach the backlog. */
  rawCountChecked: boolean
  /** Whether the end waited for an empty queue in IndexedDB. */
  queueChecked: boolean
}

/** App that receives the backlog, as the worker names it. */
const WEATHER_APP_ID = 'contoso-weather'

/** A same-origin document that the worker controls and that runs no handset. */
const SENDER_DOCUMENT_PATH = '/favicon.svg'

/** Raw notification headers: class 3 is immediate raw, and raw has no X-WindowsPhone-Target. */
const RAW_HEADERS: Array<[string, string]> = [['X-NotificationClass', '3']]

/** Requests in flight while the backlog is queued, which is not timed. */
const BACKLOG_CONCURRENCY = 100

/** Maximum drain time before the run fails, in milliseconds. */
const DRAIN_TIMEOUT_MS = 240_000

/**
 * Chooses how the handset goes offline: Airplane mode in the console's `Device state` region,
 * or leaving the emulator page when the region is absent.
 */
export async function chooseOfflineMode(
  page: Page,
  phone: PhonePage,
  context: BrowserContext,
): Promise<OfflineMode> {
  const deviceState = page.getByRole('region', { name: 'Device state', exact: true })
  if (await isShownSoon(deviceState)) {
    return {
      kind: 'airplane-mode',
      airplaneMode: deviceState.getByRole('checkbox', { name: 'Airplane mode', exact: true }),
      rawReceived: phone.rawCount,
    }
  }

  const sender = await context.newPage()
  await openEmulator(sender, SENDER_DOCUMENT_PATH)
  return { kind: 'leave-page', sender }
}

/**
 * Queues `count` raw notifications for the foreground app while the handset is offline, brings
 * it online and measures until the backlog is applied and the queue is empty.
 */
export async function measureDrain(
  phone: PhonePage,
  options: { mode: OfflineMode; channelUri: string; count: number },
): Promise<DrainRun> {
  await expect
    .poll(async () => (await readServiceState(phone.page)).foregroundAppId, {
      message:
        'Contoso Weather is not the foreground app, and the service suppresses raw notifications for an app that is not running',
    })
    .toBe(WEATHER_APP_ID)

  return options.mode.kind === 'airplane-mode'
    ? measureAirplaneModeDrain(phone, { ...options, mode: options.mode })
    : measureReopenDrain(phone, { ...options, mode: options.mode })
}

async function measureAirplaneModeDrain(
  phone: PhonePage,
  options: {
    mode: Extract<OfflineMode, { kind: 'airplane-mode' }>
    channelUri: string
    count: number
  },
): Promise<DrainRun> {
  const { airplaneMode, rawReceived } = options.mode
  await airplaneMode.check()
  // A count that shows no number yet, such as an empty status, counts as 0.
  const hasRawCount = (await rawReceived.count()) > 0
  const countBefore = hasRawCount
    ? (parseStatusCount((await rawReceived.textContent()) ?? '') ?? 0)
    : null

  const batch = await postRawBacklog(phone.page, options)

  await markNextClick(phone.page)
  await airplaneMode.uncheck()
  const startedAt = await readMarkedClick(phone.page)
  const expectedRawCount = countBefore === null ? null : countBefore + batch.accepted
  const end = await waitForDrain(phone.page, {
    rawReceived: expectedRawCount === null ? null : rawReceived,
    expectedRawCount: expectedRawCount ?? 0,
  })

  const longTasks = await countLongTasks(phone.page, { fromMs: startedAt, toMs: end.endedAt })
  return {
    drainMs: end.endedAt - startedAt,
    longTasks,
    batch,
    rawCountChecked: expectedRawCount !== null,
    queueChecked: end.queueChecked,
  }
}

async function measureReopenDrain(
  phone: PhonePage,
  options: {
    mode: Extract<OfflineMode, { kind: 'leave-page' }>
    channelUri: string
    count: number
  },
): Promise<DrainRun> {
  await phone.page.goto('about:blank')
  const batch = await postRawBacklog(options.mode.sender, options)

  // The drain starts at navigation, which is time 0 on the reopened page's clock.
  await openEmulator(phone.page)
  const end = await waitForDrain(phone.page, { rawReceived: null, expectedRawCount: 0 })
  const longTasks = await countLongTasks(phone.page, { fromMs: 0, toMs: end.endedAt })

  // The reopened handset shows Start, and raw reaches only an app in the foreground.
  await phone.openApp('Contoso Weather')
  await expect(phone.channelUri).toHaveValue(/\/throttledthirdparty\/01\.00\//)
  return {
    drainMs: end.endedAt,
    longTasks,
    batch,
    rawCountChecked: false,
    queueChecked: end.queueChecked,
  }
}

async function postRawBacklog(
  page: Page,
  options: { channelUri: string; count: number },
): Promise<PostBatchResult> {
  const batch = await postBatchFromPage(page, {
    channelUri: options.channelUri,
    headers: RAW_HEADERS,
    body: '{"bench":{index}}',
    count: options.count,
    concurrency: BACKLOG_CONCURRENCY,
  })
  if (batch.accepted === 0) {
    throw new Error(
      `Failed to queue a backlog: the service accepted none of ${options.count} raw notifications.`,
    )
  }
  return batch
}

/**
 * Polls until the app's raw count reaches `expectedRawCount` (when `rawReceived` is given) and
 * the service queue is empty (when the page can read it). Returns the page time of the check
 * that saw both.
 */
async function waitForDrain(
  page: Page,
  options: { rawReceived: Locator | null; expectedRawCount: number },
): Promise<{ endedAt: number; queueChecked: boolean }> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS
  for (;;) {
    if (Date.now() > deadline) {
      throw new Error(`Failed to drain the backlog within ${DRAIN_TIMEOUT_MS} ms.`)
    }

    if (options.rawReceived !== null) {
      const text = (await options.rawReceived.textContent()) ?? ''
      if ((parseStatusCount(text) ?? 0) < options.expectedRawCount) {
        await sleep(RAW_COUNT_POLL_MS)
        continue
      }
    }

    const queue = await readServiceState(page)
    if (queue.queued === null && options.rawReceived === null) {
      throw new Error(
        'Failed to detect the end of the drain: the page shows no raw count and the service queue is not readable.',
      )
    }
    if (queue.queued === null || queue.queued === 0) {
      return { endedAt: queue.readAt, queueChecked: queue.queued !== null }
    }
    await sleep(QUEUE_POLL_MS)
  }
}
