import type { Page } from '@playwright/test'

import { TOAST_HEADERS, createToastXml } from '../../e2e/payloads'
import { PRIMING_POSTS } from './bench-plan'
import { describeRejected, postBatchFromPage } from './page-requests'

/** Options for one run of an acceptance figure. */
export interface AcceptanceOptions {
  channelUri: string
  /** POSTs in the run. */
  count: number
  /** Requests in flight at once: `count` for concurrent POSTs, 1 for sequential ones. */
  concurrency: number
}

/** One measured run of an acceptance figure. */
export interface AcceptanceRun {
  /** Accepted notifications per second. */
  rate: number
  /** A sentence for the report when some POSTs were not accepted, otherwise undefined. */
  shortfall?: string
}

/**
 * Toast headers with class 22: MPNS delivers such a toast within 900 seconds, so a run's
 * notifications stay queued and the handset does no delivery work meanwhile.
 */
const DEFERRED_TOAST_HEADERS: Array<[string, string]> = TOAST_HEADERS.map(([name, value]) =>
  name === 'X-NotificationClass' ? [name, '22'] : [name, value],
)

/** Primes the worker, then sends `count` class 22 toasts and returns the accepted rate. */
export async function measureAcceptanceRun(
  page: Page,
  options: AcceptanceOptions,
): Promise<AcceptanceRun> {
  const body = createToastXml({ text1: 'Bench', text2: 'Deferred toast' })
  const batchOptions = { ...options, headers: DEFERRED_TOAST_HEADERS, body }
  await postBatchFromPage(page, { ...batchOptions, count: PRIMING_POSTS, concurrency: 1 })

  const batch = await postBatchFromPage(page, batchOptions)
  const rate = batch.accepted / (batch.elapsedMs / 1000)
  if (batch.accepted === options.count) {
    return { rate }
  }
  return {
    rate,
    shortfall: `accepted ${batch.accepted} of ${options.count} POSTs (${describeRejected(batch.rejected)}).`,
  }
}
