import { gzipSync } from 'node:zlib'

import type { Page, Response } from '@playwright/test'

/** What a first visit loads and how long it takes until the Start screen takes taps. */
export interface StartupMetrics {
  /** Milliseconds from the start of navigation to the first frame with a Start tile. */
  startScreenMs: number
  /** Gzip size of every script the page loaded before that frame, in bytes. */
  initialScriptGzipBytes: number
  scripts: Array<{ url: string; gzipBytes: number }>
}

/** Most gzip bytes of JavaScript a first visit may load before Start takes taps. */
export const INITIAL_SCRIPT_BUDGET_BYTES = 200 * 1024

/**
 * Opens `url` in a page that has never visited the emulator and measures the time to the first
 * frame showing a Start tile. That tile takes taps, because React renders it and binds its click
 * handler in the same task. Scripts count when their response arrived by then. Each is gzipped
 * here at the default level, since the preview server sends them uncompressed.
 */
export async function measureColdStart(page: Page, url: string): Promise<StartupMetrics> {
  const scriptResponses: Response[] = []
  const onResponse = (response: Response) => {
    if (response.request().resourceType() === 'script') {
      scriptResponses.push(response)
    }
  }
  page.on('response', onResponse)

  await page.goto(url, { waitUntil: 'commit' })
  const handle = await page.waitForFunction(
    () => {
      const start = document.querySelector('[aria-label="Start screen"]')
      return start?.querySelector('button') ? performance.now() : false
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  )
  const startScreenMs = (await handle.jsonValue()) as number
  page.off('response', onResponse)

  const scripts = await Promise.all(
    scriptResponses.map(async (response) => ({
      url: response.url(),
      gzipBytes: gzipSync(await response.body()).byteLength,
    })),
  )
  const initialScriptGzipBytes = scripts.reduce((total, script) => total + script.gzipBytes, 0)
  return { startScreenMs, initialScriptGzipBytes, scripts }
}
