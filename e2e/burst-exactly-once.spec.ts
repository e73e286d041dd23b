import type { Page } from '@playwright/test'

import { expect, openEmulator, test } from './fixtures'
import type { MpnsClient, PagePostOutcome } from './fixtures'
import { PhonePage } from './pages/phone-page'
import { RAW_HEADERS } from './payloads'

/** Outcomes of the burst's POSTs so far: the accepted indexes, and every other outcome described. */
interface BurstTally {
  accepted: Set<number>
  /** Indexes whose POST failed without a response, with the error `fetch` rejected with. */
  transportFailures: Map<number, string>
  /** Indexes that got a response other than 200 Received, with the status line and reason. */
  otherResponses: Map<number, string>
}

/** Stops every service worker of the browser through the Chrome DevTools Protocol. */
interface WorkerStop {
  /** Sends the stop command. */
  stopAll(): Promise<void>
  /** Waits until a worker has reported that it stopped, then closes the session. */
  waitUntilStopped(): Promise<void>
  /** Closes the session without waiting. */
  close(): Promise<void>
}

const WEATHER_APP_ID = 'contoso-weather'

/** Raw notifications in the burst, numbered from 0. Each body is `burst <index>`. */
const BURST_SIZE = 1_000

/** POSTs sent at once. The next batch starts when every response of this one is in. */
const BATCH_SIZE = 50

/**
 * Notifications queued in airplane mode, whose delivery the worker stop interrupts. The push
 * client pulls 100 at a time, so the drain takes several round trips.
 */
const BACKLOG_SIZE = 400

/** Rounds of POSTs sent all at once, each interrupted by a worker stop, and their size. */
const IN_FLIGHT_ROUNDS = 3
const IN_FLIGHT_SIZE = 100

/** First index of each phase of the burst. */
const BACKLOG_FIRST = 100
const IN_FLIGHT_FIRST = BACKLOG_FIRST + BACKLOG_SIZE
const RELOAD_FIRST = IN_FLIGHT_FIRST + IN_FLIGHT_ROUNDS * IN_FLIGHT_SIZE
const SECOND_TAB_FIRST = RELOAD_FIRST + BATCH_SIZE + 50
const LAST_PHASE_FIRST = SECOND_TAB_FIRST + BATCH_SIZE

/** Daily quota and queue depth for the burst, far above its 1,000 notifications. */
const RAISED_LIMIT = 100_000

/** Log lines an app keeps. Older lines are dropped first. */
const LOG_LINES_KEPT = 100

/**
 * Maximum wait for the queue to drain. A push client request that the stopped worker never
 * replied to times out after 10 s, and the keep-alive pulls every 15 s.
 */
const DRAIN_TIMEOUT_MS = 60_000

const BURST_LINE_PATTERN = /\bburst (\d+)$/

test('raw burst is applied exactly once', async ({
  page,
  context,
  phone,
  devConsole,
  mpns,
  sender,
}) => {
  test.setTimeout(120_000)
  const tally: BurstTally = {
    accepted: new Set(),
    transportFailures: new Map(),
    otherResponses: new Map(),
  }

  await test.step('raise Daily quota and Queue depth', async () => {
    await devConsole.setNumericSetting('Daily quota', RAISED_LIMIT)
    await devConsole.setNumericSetting('Queue depth', RAISED_LIMIT)
    await expect
      .poll(() => mpns.readEngineSettings())
      .toMatchObject({ dailyQuota: RAISED_LIMIT, queueDepth: RAISED_LIMIT })
  })

  const channelUri = await test.step('launch Contoso Weather, allow and stay in it', async () => {
    const uri = await phone.launchWithPermission('Contoso Weather', true)
    await expect.poll(() => mpns.readForegroundAppId()).toBe(WEATHER_APP_ID)
    await expect(phone.rawCount).toHaveText('0')
    return uri
  })

  const send = (first: number, count: number) =>
    sendRange(sender, { channelUri, first, count, tally })

  await test.step('send the first 100 raw notifications', async () => {
    await send(0, BACKLOG_FIRST)
  })

  await test.step('queue 400 more in airplane mode', async () => {
    await devConsole.setAirplaneMode(true)
    await expect.poll(() => mpns.readDeviceState()).toMatchObject({ network: 'offline' })
    await send(BACKLOG_FIRST, BACKLOG_SIZE)
    await expect.poll(() => mpns.countQueued()).toBeGreaterThanOrEqual(BACKLOG_SIZE)
  })

  await test.step('stop the service worker while the handset receives them', async () => {
    const workerStop = await prepareWorkerStop(page)
    const countBefore = await phone.readRawCount()
    await devConsole.setAirplaneMode(false)
    // The first chunk is applied: the next pull or acknowledgement is under way.
    await expect.poll(() => phone.readRawCount(), { intervals: [10] }).toBeGreaterThan(countBefore)
    await workerStop.stopAll()
    const queuedAtStop = await mpns.countQueued()
    await workerStop.waitUntilStopped()
    test.info().annotations.push({
      type: 'worker stop',
      description: `${queuedAtStop} notifications were still queued when the worker stopped`,
    })
  })

  await test.step('stop the service worker while 100 POSTs are in flight, three times', async () => {
    // Chromium dispatches the fetch event of a POST again when the worker stops before it
    // responds, so the restarted worker must recognise a POST its previous life already stored.
    // Each stop follows a change of the stored queue: the worker has just stored POSTs whose
    // responses may still be on their way.
    const workerStop = await prepareWorkerStop(page)
    for (let round = 0; round < IN_FLIGHT_ROUNDS; round += 1) {
      const first = IN_FLIGHT_FIRST + round * IN_FLIGHT_SIZE
      const queuedBefore = await mpns.countQueued()
      let posting = true
      const posts = sendAtOnce(sender, { channelUri, first, count: IN_FLIGHT_SIZE, tally }).finally(
        () => {
          posting = false
        },
      )
      await expect
        .poll(async () => !posting || (await mpns.countQueued()) !== queuedBefore, {
          intervals: [2],
        })
        .toBe(true)
      await workerStop.stopAll()
      await posts
    }
    await workerStop.close()
  })

  await test.step('reload the emulator page while 50 POSTs are in flight', async () => {
    await Promise.all([send(RELOAD_FIRST, BATCH_SIZE), reloadEmulator(page)])
    await send(RELOAD_FIRST + BATCH_SIZE, SECOND_TAB_FIRST - RELOAD_FIRST - BATCH_SIZE)
  })

  const mirror = await test.step('open a second tab while 50 POSTs are in flight', async () => {
    const secondTab = await context.newPage()
    await Promise.all([send(SECOND_TAB_FIRST, BATCH_SIZE), openEmulator(secondTab)])
    await send(LAST_PHASE_FIRST, BURST_SIZE - LAST_PHASE_FIRST)
    return new PhonePage(secondTab)
  })

  await test.step('every POST that the service answered got 200 Received', () => {
    test.info().annotations.push({
      type: 'burst',
      description: `${tally.accepted.size} of ${BURST_SIZE} accepted, ${tally.transportFailures.size} transport failures, ${tally.otherResponses.size} other responses`,
    })
    expect([...tally.otherResponses.entries()]).toEqual([])
    expect(tally.accepted.size + tally.transportFailures.size).toBe(BURST_SIZE)
  })

  await test.step('the queue drains', async () => {
    await expect
      .poll(() => mpns.countQueued(), {
        message: 'notifications are still queued for the handset',
        timeout: DRAIN_TIMEOUT_MS,
      })
      .toBe(0)
  })

  await test.step('both tabs count exactly the accepted notifications', async () => {
    const expected = String(tally.accepted.size)
    await expect(phone.rawCount).toHaveText(expected)
    await expect(mirror.rawCount).toHaveText(expected)
  })

  await test.step('the log shows no notification twice, in either tab', async () => {
    const ownerEntries = await phone.readLogEntries()
    // A burst this fast also raises NotificationRateTooHigh, whose lines share the log.
    const rawEntries = ownerEntries.filter((entry) => !entry.includes('NotificationRateTooHigh'))
    const rateErrors = ownerEntries.length - rawEntries.length
    expect(ownerEntries).toHaveLength(Math.min(tally.accepted.size + rateErrors, LOG_LINES_KEPT))
    const burstIndexes = rawEntries.map(readBurstIndex)
    const indexes = burstIndexes.filter((index) => index !== undefined)
    expect(indexes, 'log lines that are burst notifications').toHaveLength(burstIndexes.length)
    expect(new Set(indexes).size).toBe(indexes.length)
    expect(indexes.filter((index) => !tally.accepted.has(index))).toEqual([])
    await expect.poll(() => mirror.readLogEntries()).toEqual(ownerEntries)
  })
})

/**
 * Sends raw notifications `first` to `first + count - 1` in batches. Each batch is sent at once,
 * and the next starts when every response of the previous one is in.
 */
async function sendRange(
  sender: MpnsClient,
  options: { channelUri: string; first: number; count: number; tally: BurstTally },
): Promise<void> {
  const end = options.first + options.count
  for (let first = options.first; first < end; first += BATCH_SIZE) {
    const indexes = Array.from(
      { length: Math.min(BATCH_SIZE, end - first) },
      (_, offset) => first + offset,
    )
    const outcomes = await sender.postAll(
      options.channelUri,
      indexes.map((index) => ({ headers: RAW_HEADERS, body: `burst ${index}` })),
    )
    outcomes.forEach((outcome, offset) => {
      recordOutcome(options.tally, first + offset, outcome)
    })
  }
}

/** Sends raw notifications `first` to `first + count - 1` all at once. */
async function sendAtOnce(
  sender: MpnsClient,
  options: { channelUri: string; first: number; count: number; tally: BurstTally },
): Promise<void> {
  const indexes = Array.from({ length: options.count }, (_, offset) => options.first + offset)
  const outcomes = await sender.postAll(
    options.channelUri,
    indexes.map((index) => ({ headers: RAW_HEADERS, body: `burst ${index}` })),
  )
  outcomes.forEach((outcome, offset) => {
    recordOutcome(options.tally, options.first + offset, outcome)
  })
}

function recordOutcome(tally: BurstTally, index: number, outcome: PagePostOutcome): void {
  if (outcome.kind === 'transport-error') {
    tally.transportFailures.set(index, outcome.message)
    return
  }
  const { response } = outcome
  if (response.status === 200 && response.headers['x-notificationstatus'] === 'Received') {
    tally.accepted.add(index)
    return
  }
  const status = response.headers['x-notificationstatus'] ?? 'no X-NotificationStatus'
  const reason = response.headers['x-emulator-reason'] ?? 'no X-Emulator-Reason'
  tally.otherResponses.set(index, `${response.status} ${status}: ${reason}`)
}

/**
 * Opens a Chrome DevTools Protocol session with the ServiceWorker domain enabled, so that the
 * stop itself is a single command. The next event for a stopped worker starts it again.
 */
async function prepareWorkerStop(page: Page): Promise<WorkerStop> {
  const cdp = await page.context().newCDPSession(page)
  let stopRequested = false
  let stopped = false
  // Enabling the domain reports every known worker version, so only reports after the stop count.
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    if (stopRequested && versions.some((version) => version.runningStatus === 'stopped')) {
      stopped = true
    }
  })
  await cdp.send('ServiceWorker.enable')
  return {
    stopAll: async () => {
      stopRequested = true
      await cdp.send('ServiceWorker.stopAllWorkers')
    },
    waitUntilStopped: async () => {
      await expect
        .poll(() => stopped, { message: 'the service worker never reported that it stopped' })
        .toBe(true)
      await cdp.detach()
    },
    close: () => cdp.detach(),
  }
}

/** Reloads the emulator page and waits until the service worker controls it again. */
async function reloadEmulator(page: Page): Promise<void> {
  await page.reload()
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
}

/** Reads the burst index of a log line such as `12:00:00 raw burst 17`. */
function readBurstIndex(line: string): number | undefined {
  const match = BURST_LINE_PATTERN.exec(line.trim())
  return match?.[1] === undefined ? undefined : Number(match[1])
}
