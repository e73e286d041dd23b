import { expect as baseExpect } from '@playwright/test'
import type { Locator } from '@playwright/test'

import type { SendResult } from '../src/scenario/page-api.ts'
import type { Phone } from './phone.ts'
import { toResponseMismatches } from './response-check.ts'
import type { MpnsResponseExpectation } from './response-check.ts'
import { needsStepToBack, readTileSnapshots, toTileMismatches } from './tile-snapshot.ts'
import type { TileExpectation, TileSnapshot } from './tile-snapshot.ts'

export type { MpnsResponseExpectation, TileExpectation }
export { toResponseMismatches }

/** Expected toast banner text. A field left out matches any text. */
export interface ToastExpectation {
  text1?: string | undefined
  text2?: string | undefined
}

export interface RetryOptions {
  /** Time to keep retrying, in milliseconds. @default the `expect` timeout of the config */
  timeout?: number
}

interface MatcherState {
  isNot: boolean
  timeout: number
}

interface MatcherResult {
  pass: boolean
  message: () => string
  name: string
}

/** Pause between two reads of the handset while a matcher retries, in milliseconds. */
const RETRY_INTERVAL_MS = 100

/** Time a tile may take to draw its back after one step of the tile animation, in milliseconds. */
const FACE_TURN_TIMEOUT_MS = 2000

/**
 * `expect` with the kit's matchers. Matchers on the handset retry until they pass or time out,
 * like `toHaveText`, and matchers on a SendResult check it once.
 */
export const expect = baseExpect.extend({
  /** Passes when a toast banner with this Text1 and Text2 is on screen. */
  async toShowToast(phone: Phone, expected: ToastExpectation, options: RetryOptions = {}) {
    return retry(this, 'toShowToast', options, async () => {
      const toasts = await readToasts(phone.toast)
      const found = toasts.some(
        (toast) =>
          (expected.text1 === undefined || toast.text1 === expected.text1) &&
          (expected.text2 === undefined || toast.text2 === expected.text2),
      )
      const onScreen =
        toasts.length === 0
          ? 'no toast is on screen'
          : `on screen: ${toasts.map((toast) => JSON.stringify(toast)).join(', ')}`
      return { pass: found, detail: `expected a toast ${JSON.stringify(expected)}, ${onScreen}` }
    })
  },

  /**
   * Passes when Start shows the app's tile, or its secondary tile, with the given size and
   * content. Back fields match only while the tile shows its back. In the deterministic motion
   * mode the matcher steps the tile animation once when the tile shows its front, which moves
   * every live tile on, and does not step again while it retries.
   */
  async toHaveTile(phone: Phone, expected: TileExpectation, options: RetryOptions = {}) {
    const canStep =
      (expected.backTitle !== undefined || expected.backContent !== undefined) &&
      (await phone.hasTileSteps())
    // One step turns a Flip tile over, so a second step would only turn it back.
    let stepped = false
    return retry(this, 'toHaveTile', options, async () => {
      let tiles = await readTileSnapshots(phone.startTiles)
      if (canStep && !stepped && needsStepToBack(tiles, expected)) {
        stepped = true
        tiles = await stepToBack(phone, expected)
      }
      const mismatches = toTileMismatches(tiles, expected)
      return {
        pass: mismatches.length === 0,
        detail: `expected the tile ${JSON.stringify(expected)}: ${mismatches.join('; ') || 'it matches'}`,
      }
    })
  },

  /**
   * Passes when the open app shows this page and, when `query` is given, exactly these query
   * parameters in any order.
   */
  async toBeOnPage(
    phone: Phone,
    page: string,
    query?: Record<string, string>,
    options: RetryOptions = {},
  ) {
    return retry(this, 'toBeOnPage', options, async () => {
      if (!(await phone.currentPage.isVisible())) {
        return { pass: false, detail: `expected page ${page}, but no app page is open` }
      }
      const shownPath = ((await phone.currentPage.textContent()) ?? '').split('?')[0] ?? ''
      const shownQuery = (await phone.queryString.isVisible())
        ? await phone.queryString.getByRole('listitem').allInnerTexts()
        : []
      const expectedQuery = Object.entries(query ?? {}).map(([key, value]) => `${key} = ${value}`)
      const pathMatches = shownPath === page
      const queryMatches =
        query === undefined ||
        (shownQuery.length === expectedQuery.length &&
          expectedQuery.every((pair) => shownQuery.includes(pair)))
      return {
        pass: pathMatches && queryMatches,
        detail: `expected page ${page}${query === undefined ? '' : ` with query [${expectedQuery.join(', ')}]`}, the app shows ${shownPath} with query [${shownQuery.join(', ')}]`,
      }
    })
  },

  /**
   * Passes when the lock screen's quick-status row shows the app with this count. A count of 0
   * shows the app's icon with no number.
   */
  async toHaveLockScreenCount(
    phone: Phone,
    appName: string,
    count: number,
    options: RetryOptions = {},
  ) {
    return retry(this, 'toHaveLockScreenCount', options, async () => {
      if (!(await phone.lockScreen.isVisible())) {
        return { pass: false, detail: 'the lock screen is not on screen' }
      }
      const labels = (await phone.quickStatus.isVisible())
        ? await phone.quickStatus
            .getByRole('listitem')
            .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''))
        : []
      const expectedLabel = count === 0 ? appName : `${appName}, ${count}`
      return {
        pass: labels.includes(expectedLabel),
        detail: `expected the quick-status item "${expectedLabel}", the row shows [${labels.join('; ')}]`,
      }
    })
  },

  /**
   * Passes when the lock screen's detailed status shows exactly this text, one line per
   * paragraph.
   */
  async toHaveLockScreenText(phone: Phone, text: string, options: RetryOptions = {}) {
    return retry(this, 'toHaveLockScreenText', options, async () => {
      if (!(await phone.lockScreen.isVisible())) {
        return { pass: false, detail: 'the lock screen is not on screen' }
      }
      const lines = (await phone.detailedStatus.isVisible())
        ? await phone.detailedStatus.getByRole('paragraph').allInnerTexts()
        : []
      const detailedText = lines.join('\n')
      return {
        pass: detailedText === text,
        detail: `expected the detailed status ${JSON.stringify(text)}, it shows ${JSON.stringify(detailedText)}`,
      }
    })
  },

  /** Passes when the response has status 200 and X-NotificationStatus Received. */
  toBeReceived(result: SendResult) {
    return checkResponse(this, 'toBeReceived', result, {
      status: 200,
      notificationStatus: 'Received',
    })
  },

  /** Passes when the status code and each MPNS status header given are as expected. */
  toHaveMpnsResponse(result: SendResult, expected: MpnsResponseExpectation) {
    return checkResponse(this, 'toHaveMpnsResponse', result, expected)
  },
})

function checkResponse(
  state: MatcherState,
  name: string,
  result: SendResult,
  expected: MpnsResponseExpectation,
): MatcherResult {
  if (!isSendResult(result)) {
    return {
      pass: state.isNot,
      name,
      message: () => `${name}: expected the SendResult of mpns.send, got ${String(result)}`,
    }
  }
  const mismatches = toResponseMismatches(result, expected)
  const reason = result.headers['x-emulator-reason'] ?? 'none'
  const pass = mismatches.length === 0
  return {
    pass,
    name,
    message: () =>
      state.isNot
        ? `${name}: expected the response not to match ${JSON.stringify(expected)}, but it does (X-Emulator-Reason: ${reason})`
        : `${name}: ${mismatches.join('; ')} (X-Emulator-Reason: ${reason})`,
  }
}

/**
 * Reads the handset again and again until `check` passes, or fails under `.not`, or the
 * timeout ends, like Playwright's own web-first matchers.
 */
async function retry(
  state: MatcherState,
  name: string,
  options: RetryOptions,
  check: () => Promise<{ pass: boolean; detail: string }>,
): Promise<MatcherResult> {
  const deadline = Date.now() + (options.timeout ?? state.timeout)
  let outcome = await check()
  while (outcome.pass === state.isNot && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, RETRY_INTERVAL_MS))
    outcome = await check()
  }
  const timeoutMs = options.timeout ?? state.timeout
  return {
    pass: outcome.pass,
    name,
    message: () =>
      `${name}${state.isNot ? ' (negated)' : ''} failed after ${timeoutMs} ms: ${outcome.detail}`,
  }
}

/** Steps the tile animation once and reads Start until the tile shows its back. */
async function stepToBack(phone: Phone, expected: TileExpectation): Promise<TileSnapshot[]> {
  await phone.stepTileAnimation()
  const deadline = Date.now() + FACE_TURN_TIMEOUT_MS
  let tiles = await readTileSnapshots(phone.startTiles)
  while (needsStepToBack(tiles, expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, RETRY_INTERVAL_MS))
    tiles = await readTileSnapshots(phone.startTiles)
  }
  return tiles
}

/** Reads the Text1 and Text2 of every toast banner on screen. */
async function readToasts(toast: Locator): Promise<Array<{ text1: string; text2: string }>> {
  return toast.evaluateAll((banners) =>
    banners.map((banner) => {
      const strong = banner.querySelector('strong')
      const content = strong?.nextElementSibling
      return { text1: strong?.textContent ?? '', text2: content?.textContent ?? '' }
    }),
  )
}

function isSendResult(value: unknown): value is SendResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as SendResult).status === 'number' &&
    typeof (value as SendResult).headers === 'object'
  )
}
