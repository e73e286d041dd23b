import type { Locator, Page } from '@playwright/test'

/**
 * Per-channel limits the benchmark needs. The backlog figure alone keeps 10,000 notifications
 * queued on one channel and sends 60,000 in a day.
 */
const RAISED_LIMITS: ReadonlyArray<[name: string, value: number]> = [
  ['Daily quota', 1_000_000],
  ['Queue depth', 100_000],
]

/**
 * Raises the daily quota and queue depth through the console's `Engine settings` region, as a
 * user does: fill each spinbutton, then press Enter. Returns a note stating what was set, or
 * that the build under test has no such region and nothing was changed.
 */
export async function raiseEngineLimits(page: Page): Promise<string> {
  const region = page.getByRole('region', { name: 'Engine settings', exact: true })
  // The console's panels load after the page's first frame, so the region is waited for.
  if (!(await isShownSoon(region))) {
    return 'Engine settings: the console has no Engine settings region, so no limits were changed.'
  }

  const applied: string[] = []
  for (const [name, value] of RAISED_LIMITS) {
    const input = region.getByRole('spinbutton', { name, exact: true })
    await input.fill(String(value))
    await input.press('Enter')
    await input.blur()
    const fieldValue = await input.inputValue()
    applied.push(
      fieldValue === String(value)
        ? `${name} ${fieldValue}`
        : `${name} ${fieldValue} (${value} was entered)`,
    )
  }
  return `Engine settings: ${applied.join(' and ')}, entered in the console at the start of each test.`
}

/** Time a console panel gets to appear after the page has loaded, in milliseconds. */
const PANEL_LOAD_TIMEOUT_MS = 10_000

/** Waits until `region` is visible; resolves false when it does not appear in time. */
export async function isShownSoon(region: Locator): Promise<boolean> {
  try {
    await region.waitFor({ state: 'visible', timeout: PANEL_LOAD_TIMEOUT_MS })
    return true
  } catch {
    return false
  }
}
