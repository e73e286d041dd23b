import type { Page } from '@playwright/test'

/** Long tasks the page has seen, kept on `window` by the recorder. */
interface LongTaskRecorder {
  observer: PerformanceObserver
  /** Start times of tasks over 50 ms, in milliseconds since the page's time origin. */
  startTimes: number[]
  /** Time of the last click seen on the page, in milliseconds since the time origin. */
  lastClickAt?: number
}

type RecorderWindow = Window & { benchLongTasks?: LongTaskRecorder }

/**
 * Records long tasks on the page from now on, and on every document the page loads later.
 * Chromium reports a task as a `longtask` entry when it runs over 50 ms.
 */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(installLongTaskRecorder)
  await page.evaluate(installLongTaskRecorder)
}

/** Notes the time of the next click on the page, so that a drain can start at the click. */
export async function markNextClick(page: Page): Promise<void> {
  await page.evaluate(() => {
    const recorder = (window as RecorderWindow).benchLongTasks
    if (recorder === undefined) {
      throw new Error('Failed to watch for a click: the long task recorder is not installed.')
    }
    delete recorder.lastClickAt
    document.addEventListener(
      'click',
      () => {
        recorder.lastClickAt = performance.now()
      },
      { capture: true, once: true },
    )
  })
}

/** Returns the time of the click noted by `markNextClick`, in page milliseconds. */
export async function readMarkedClick(page: Page): Promise<number> {
  const clickedAt = await page.evaluate(
    () => (window as RecorderWindow).benchLongTasks?.lastClickAt,
  )
  if (clickedAt === undefined) {
    throw new Error('Failed to read the click time: the page saw no click after markNextClick.')
  }
  return clickedAt
}

/** Counts the long tasks that started from `fromMs` to `toMs`, in page milliseconds. */
export function countLongTasks(
  page: Page,
  range: { fromMs: number; toMs: number },
): Promise<number> {
  return page.evaluate(({ fromMs, toMs }) => {
    const recorder = (window as RecorderWindow).benchLongTasks
    if (recorder === undefined) {
      throw new Error('Failed to count long tasks: the long task recorder is not installed.')
    }
    for (const entry of recorder.observer.takeRecords()) {
      recorder.startTimes.push(entry.startTime)
    }
    return recorder.startTimes.filter((startTime) => startTime >= fromMs && startTime <= toMs)
      .length
  }, range)
}

function installLongTaskRecorder(): void {
  const recorderWindow = window as RecorderWindow
  if (recorderWindow.benchLongTasks !== undefined) {
    return
  }

  const startTimes: number[] = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      startTimes.push(entry.startTime)
    }
  })
  observer.observe({ type: 'longtask', buffered: true })
  recorderWindow.benchLongTasks = { observer, startTimes }
}
