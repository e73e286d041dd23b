import type { Page } from '@playwright/test'

/** A batch of identical POSTs to one channel URI, sent from inside a controlled page. */
export interface PostBatchOptions {
  channelUri: string
  headers: Array<[string, string]>
  /** Body text, sent UTF-8 encoded as a Uint8Array so that fetch adds no Content-Type. */
  body: string
  count: number
  /** Requests in flight at once: `count` starts every request together, 1 awaits each. */
  concurrency: number
}

/** Outcome of a batch of POSTs. */
export interface PostBatchResult {
  /** Responses with status 200 and X-NotificationStatus Received. */
  accepted: number
  /** Time from the first fetch to the last response, in milliseconds. */
  elapsedMs: number
  /** Every other response, counted by `status X-NotificationStatus`. */
  rejected: Record<string, number>
}

/**
 * Sends a batch of POSTs from the page with `fetch` and counts the accepted ones. A raw batch
 * can number its bodies: `{index}` in the body becomes the request's index.
 */
export function postBatchFromPage(page: Page, options: PostBatchOptions): Promise<PostBatchResult> {
  return page.evaluate(async ({ channelUri, headers, body, count, concurrency }) => {
    const encoder = new TextEncoder()
    const result = { accepted: 0, elapsedMs: 0, rejected: {} as Record<string, number> }
    let nextIndex = 0

    const postOne = async (index: number): Promise<void> => {
      const response = await fetch(channelUri, {
        method: 'POST',
        headers,
        body: encoder.encode(body.replaceAll('{index}', String(index))),
      })
      const notificationStatus = response.headers.get('X-NotificationStatus')
      if (response.status === 200 && notificationStatus === 'Received') {
        result.accepted += 1
        return
      }
      const key = `${response.status} ${notificationStatus ?? '(no X-NotificationStatus)'}`
      result.rejected[key] = (result.rejected[key] ?? 0) + 1
    }
    const postInTurn = async (): Promise<void> => {
      while (nextIndex < count) {
        const index = nextIndex
        nextIndex += 1
        await postOne(index)
      }
    }

    const startedAt = performance.now()
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, postInTurn))
    result.elapsedMs = performance.now() - startedAt
    return result
  }, options)
}

/** Formats rejected responses for a note, such as `12 × 200 QueueFull`. */
export function describeRejected(rejected: Record<string, number>): string {
  return Object.entries(rejected)
    .map(([key, count]) => `${count} × ${key}`)
    .join(', ')
}
