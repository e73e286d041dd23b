import { existsSync } from 'node:fs'

import { defineConfig, devices } from '@playwright/test'

import { DEV_DATA_DIR, DEV_PORT, E2E_BUILD_DIR, PREVIEW_DATA_DIR, PREVIEW_PORT } from './e2e/ports'

/** Debian's Chromium, used when present because Playwright's own browser cannot be downloaded here. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium'

const useSystemChromium = existsSync(SYSTEM_CHROMIUM)

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  // Baselines are committed beside the specs, one folder for all, named by the spec's argument.
  snapshotPathTemplate: '{testDir}/screenshot-baselines/{arg}{ext}',
  expect: {
    toHaveScreenshot: { maxDiffPixelRatio: 0.01, animations: 'disabled', caret: 'hide' },
  },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${DEV_PORT}`,
    trace: 'on-first-retry',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 900 },
        launchOptions: {
          ...(useSystemChromium ? { executablePath: SYSTEM_CHROMIUM } : {}),
          args: [
            '--no-sandbox',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      // Vite 8 rejects a second dev server per project unless given --bypass-lock. The suite
      // must run beside a developer's own `npm start`, and the ports differ, so they do not clash.
      command: `node_modules/.bin/vite --host 127.0.0.1 --port ${DEV_PORT} --strictPort --bypass-lock`,
      url: `http://127.0.0.1:${DEV_PORT}/`,
      env: { EMULATOR_DATA_DIR: DEV_DATA_DIR },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The build goes to its own folder so that it never replaces a developer's dist/.
      command: `node_modules/.bin/vite build --logLevel warn --bypass-lock --outDir ${E2E_BUILD_DIR} && node_modules/.bin/vite preview --host 127.0.0.1 --port ${PREVIEW_PORT} --strictPort --bypass-lock --outDir ${E2E_BUILD_DIR}`,
      url: `http://127.0.0.1:${PREVIEW_PORT}/`,
      env: { EMULATOR_DATA_DIR: PREVIEW_DATA_DIR },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
})
