import { expect } from '@playwright/test'
import type { Page } from '@playwright/test'

import type { DevConsolePage } from '../../e2e/pages/dev-console-page'

/** Options for one run of keystrokes. */
export interface KeystrokeRunOptions {
  keystrokeCount: number
}

/** Title the draft starts each run with. The caret goes right after it. */
const START_TITLE = 'Bench'

/** Letters typed into the title, one per keystroke, in turn. */
const TYPED_LETTERS = 'abcdefghij'

/** Frames of the preview that draw the title. The small tile has none. */
const TITLE_FRAMES = ['Medium, front', 'Wide, front'] as const

/** Time the preview may take to show one keystroke before the run fails, in milliseconds. */
const KEYSTROKE_TIMEOUT_MS = 5_000

/** A FlipTile update with front and back, so that the preview draws five frames. */
const BENCH_TILE_XML = `<?xml version="1.0" encoding="utf-8"?>
<wp:Notification xmlns:wp="WPNotification" Version="2.0">
  <wp:Tile Template="FlipTile">
    <wp:Title>${START_TITLE}</wp:Title>
    <wp:Count>3</wp:Count>
    <wp:BackTitle>Tomorrow</wp:BackTitle>
    <wp:BackContent>Snow, -4 °C</wp:BackContent>
    <wp:WideBackContent>Snow showers, -4 °C</wp:WideBackContent>
  </wp:Tile>
</wp:Notification>`

/**
 * Loads the bench draft, puts the caret after its title and types one letter at a time. Each
 * sample runs from the keydown event's time stamp, which is when the browser created the key
 * event, to the callback of the first animation frame requested once every title frame of the
 * preview's `After` group contains the typed title.
 */
export async function measureKeystrokeRun(
  devConsole: DevConsolePage,
  options: KeystrokeRunOptions,
): Promise<number[]> {
  await devConsole.payload.fill(BENCH_TILE_XML)
  const firstFrame = devConsole.previewAfter.getByRole('figure', {
    name: TITLE_FRAMES[0],
    exact: true,
  })
  await expect(firstFrame).toContainText(START_TITLE)
  await devConsole.typeInPayloadAfter(START_TITLE, '')

  const latencies: number[] = []
  let title = START_TITLE
  for (let index = 0; index < options.keystrokeCount; index += 1) {
    const letter = TYPED_LETTERS[index % TYPED_LETTERS.length] ?? 'a'
    title += letter
    await armKeystrokeProbe(devConsole.page, title)
    await devConsole.page.keyboard.press(letter)
    latencies.push(await readKeystrokeProbe(devConsole.page))
  }
  return latencies
}

/** The page's window with the probe that the next keystroke resolves. */
type ProbeWindow = Window & { keystrokeProbe?: Promise<number> }

/**
 * Installs a probe in the page that resolves with the latency of the next keystroke in
 * milliseconds. It is installed, and this returns, before the key is pressed, so that the
 * keydown cannot arrive before the listener.
 */
async function armKeystrokeProbe(page: Page, expectedTitle: string): Promise<void> {
  await page.evaluate(
    ({ title, frames, timeoutMs }) => {
      const probeWindow = window as ProbeWindow
      probeWindow.keystrokeProbe = new Promise<number>((resolve, reject) => {
        let keyDownAt: number | undefined
        const observer = new MutationObserver(check)
        const timer = setTimeout(() => {
          finish()
          reject(new Error(`The preview did not show the title "${title}" within ${timeoutMs} ms.`))
        }, timeoutMs)

        function onKeyDown(event: KeyboardEvent): void {
          keyDownAt = event.timeStamp
        }
        function finish(): void {
          observer.disconnect()
          clearTimeout(timer)
          document.removeEventListener('keydown', onKeyDown, true)
        }
        function showsTitle(): boolean {
          const after = document.querySelector(
            'section[aria-label="Preview"] section[aria-label="After"]',
          )
          const figures = [...(after?.querySelectorAll('figure') ?? [])]
          return frames.every((caption) =>
            figures.some(
              (figure) =>
                figure.querySelector('figcaption')?.textContent === caption &&
                (figure.textContent ?? '').includes(title),
            ),
          )
        }
        function check(): void {
          if (keyDownAt === undefined || !showsTitle()) {
            return
          }
          const start = keyDownAt
          finish()
          requestAnimationFrame(() => resolve(performance.now() - start))
        }

        const preview = document.querySelector('section[aria-label="Preview"]')
        if (preview === null) {
          reject(new Error('The page has no Preview region.'))
          return
        }
        document.addEventListener('keydown', onKeyDown, true)
        observer.observe(preview, { subtree: true, childList: true, characterData: true })
      })
      // readKeystrokeProbe reads a rejection later, so it must not count as unhandled before then.
      probeWindow.keystrokeProbe.catch(() => undefined)
    },
    { title: expectedTitle, frames: TITLE_FRAMES, timeoutMs: KEYSTROKE_TIMEOUT_MS },
  )
}

/** Waits for the armed probe and returns its latency in milliseconds. */
async function readKeystrokeProbe(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const probe = (window as ProbeWindow).keystrokeProbe
    if (probe === undefined) {
      throw new Error('Failed to read the keystroke probe: none is armed.')
    }
    return probe
  })
}
