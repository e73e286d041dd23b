import { expect } from '@playwright/test'
import type { Page } from '@playwright/test'

import type { PhonePage } from '../../e2e/pages/phone-page'

/** Frame timing of one run: every interval between animation frames, and the long tasks. */
export interface AnimationRun {
  /** Milliseconds between consecutive animation frames. */
  frameIntervalsMs: number[]
  /** Tasks over 50 ms during the run. */
  longTasks: number
}

/** localStorage key of the page's custom apps, as the emulator stores them. */
const CUSTOM_APPS_STORAGE_KEY = 'wp8-emulator:custom-apps'
const GLYPH = { viewBox: '0 0 48 48', path: 'M8 8h32v32H8z' }

/**
 * Fills Start with `count` animated tiles: Contoso Photos' Cycle tile and `count - 1` custom
 * Flip apps whose manifest tile has back content, so each one turns. The custom apps are
 * written to the page's app catalogue before the emulator loads, then installed from the
 * app list as a user would.
 */
export async function fillStartWithAnimatedTiles(
  page: Page,
  phone: PhonePage,
  count: number,
): Promise<void> {
  const apps = Array.from({ length: count - 1 }, (_, index) => toFlipApp(index + 1))
  await page.evaluate(({ key, value }) => window.localStorage.setItem(key, value), {
    key: CUSTOM_APPS_STORAGE_KEY,
    value: JSON.stringify({ state: { customApps: apps }, version: 1 }),
  })
  await page.reload()
  await phone.openAppList()
  for (const app of apps) {
    await phone.appList.getByRole('button', { name: `Install ${app.name}`, exact: true }).click()
  }
  await phone.goStart()
  await expect(phone.startScreen.getByRole('button', { name: /^Bench Flip / })).toHaveCount(
    count - 1,
  )
}

/** Times animation frames and counts long tasks on the page for `durationMs`. */
export async function measureAnimationRun(page: Page, durationMs: number): Promise<AnimationRun> {
  return page.evaluate(async (duration) => {
    const longTaskStarts: number[] = []
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longTaskStarts.push(entry.startTime)
      }
    })
    observer.observe({ type: 'longtask', buffered: false })

    const intervals: number[] = []
    await new Promise<void>((resolve) => {
      let previous: number | undefined
      let startedAt: number | undefined
      const onFrame = (now: number) => {
        startedAt ??= now
        if (previous !== undefined) {
          intervals.push(now - previous)
        }
        previous = now
        if (now - startedAt < duration) {
          requestAnimationFrame(onFrame)
        } else {
          resolve()
        }
      }
      requestAnimationFrame(onFrame)
    })
    observer.disconnect()
    return { frameIntervalsMs: intervals, longTasks: longTaskStarts.length }
  }, durationMs)
}

function toFlipApp(number: number) {
  const id = `bench-flip-${number}`
  return {
    id,
    name: `Bench Flip ${String(number).padStart(2, '0')}`,
    icon: GLYPH,
    tileTemplate: 'FlipTile',
    initialTile: {
      template: 'FlipTile',
      fields: {
        Title: `Tile ${number}`,
        Count: String(number),
        BackTitle: 'Back',
        BackContent: `Back of ${number}`,
      },
    },
    defaultPage: '/MainPage.xaml',
    pages: ['/MainPage.xaml'],
    supportsWide: false,
    channelName: `BenchFlip${number}`,
    assets: {},
    lockScreen: { iconCount: false, textField: false },
    secondaryTiles: [],
    tileImageBaseUris: [],
    handlesRaw: false,
    origin: 'custom',
  }
}
