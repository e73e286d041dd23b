import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { defineConfig, devices } from '@playwright/test'

/** Debian's Chromium, used when present. Elsewhere Playwright's own Chromium runs. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium'

/** Port of the preview server that serves the benchmark's production build. */
const BENCH_PORT = 5312

/** Build folder of its own, so that the benchmark never replaces dist/ or the e2e build. */
const BENCH_BUILD_DIR = 'node_modules/.cache/bench-build'

const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** URL of an app that is already served. When it is set, no server is built or started. */
const externalBaseUrl = process.env.BENCH_BASE_URL

/**
 * Runs the service worker engine benchmark in headless Chromium against a production build, one
 * test after another, and prints and records the figures through the bench reporter.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  // Traces and error context go beside the build, so the e2e suite's test-results/ stays intact.
  outputDir: `${REPOSITORY_ROOT}/node_modules/.cache/bench-results`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 300_000,
  // The example suite repeated 50 times takes most of this on a 2-core machine.
  globalTimeout: 3_600_000,
  reporter: [['list'], ['./bench-reporter.ts']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: externalBaseUrl ?? `http://127.0.0.1:${BENCH_PORT}`,
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  ...(externalBaseUrl === undefined
    ? {
        webServer: {
          // Vite 8 rejects a second server per project unless given --bypass-lock, and the
          // benchmark must run beside a developer's own dev server.
          command: `node_modules/.bin/vite build --logLevel warn --bypass-lock --outDir ${BENCH_BUILD_DIR} && node_modules/.bin/vite preview --host 127.0.0.1 --port ${BENCH_PORT} --strictPort --bypass-lock --outDir ${BENCH_BUILD_DIR}`,
          cwd: REPOSITORY_ROOT,
          url: `http://127.0.0.1:${BENCH_PORT}/`,
          // A server left running could serve an older build, so every run builds afresh.
          reuseExistingServer: false,
          timeout: 180_000,
        },
      }
    : {}),
})
