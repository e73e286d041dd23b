import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import type { Browser, TestInfo } from '@playwright/test'

/** The browser and fonts the committed screenshot baselines were drawn with. */
export interface ScreenshotEnvironment {
  executable: string
  chromiumVersion: string
  /** SHA-256 of the sorted font family list that fontconfig reports. */
  fontsDigest: string
}

/** Debian's Chromium, which `.ci/run` installs; the baselines are drawn with it. */
export const BASELINE_CHROMIUM = '/usr/bin/chromium'

const ENVIRONMENT_PATH = fileURLToPath(
  new URL('./screenshot-baselines/environment.json', import.meta.url),
)

/**
 * Returns why screenshot comparisons cannot run here, or undefined when this machine draws
 * with the browser and fonts of the baselines. When the run updates snapshots, this machine's
 * environment becomes the baselines' environment instead.
 */
export function findScreenshotSkipReason(browser: Browser, testInfo: TestInfo): string | undefined {
  const current = describeEnvironment(browser)
  if (current === undefined) {
    return `Screenshot baselines are drawn with ${BASELINE_CHROMIUM} and its fonts, which this machine lacks.`
  }
  if (testInfo.config.updateSnapshots === 'all' || testInfo.config.updateSnapshots === 'changed') {
    writeFileSync(ENVIRONMENT_PATH, `${JSON.stringify(current, null, 2)}\n`)
    return undefined
  }

  const baseline = readBaselineEnvironment()
  if (baseline === undefined) {
    return `No screenshot baselines are recorded yet; run the spec with --update-snapshots on a machine with ${BASELINE_CHROMIUM}.`
  }
  if (baseline.chromiumVersion !== current.chromiumVersion) {
    return `Screenshot baselines were drawn with Chromium ${baseline.chromiumVersion}, and this machine has ${current.chromiumVersion}.`
  }
  if (baseline.fontsDigest !== current.fontsDigest) {
    return 'Screenshot baselines were drawn with another set of installed fonts, so text would not match.'
  }
  return undefined
}

function describeEnvironment(browser: Browser): ScreenshotEnvironment | undefined {
  if (!existsSync(BASELINE_CHROMIUM)) {
    return undefined
  }
  let families: string
  try {
    families = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' })
  } catch {
    return undefined
  }
  const sorted = [...new Set(families.split('\n').map((line) => line.trim()))]
    .filter((line) => line !== '')
    .sort()
    .join('\n')
  return {
    executable: BASELINE_CHROMIUM,
    chromiumVersion: browser.version(),
    fontsDigest: createHash('sha256').update(sorted).digest('hex'),
  }
}

function readBaselineEnvironment(): ScreenshotEnvironment | undefined {
  if (!existsSync(ENVIRONMENT_PATH)) {
    return undefined
  }
  const stored: unknown = JSON.parse(readFileSync(ENVIRONMENT_PATH, 'utf8'))
  if (typeof stored !== 'object' || stored === null) {
    return undefined
  }
  const record = stored as Record<string, unknown>
  if (typeof record.chromiumVersion !== 'string' || typeof record.fontsDigest !== 'string') {
    return undefined
  }
  return {
    executable: BASELINE_CHROMIUM,
    chromiumVersion: record.chromiumVersion,
    fontsDigest: record.fontsDigest,
  }
}
