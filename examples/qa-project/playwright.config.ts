import { existsSync } from 'node:fs'

import { defineConfig, devices } from '@playwright/test'

/** Port of the emulator this project starts, which `QA_EMULATOR_PORT` moves. */
const PORT = Number(process.env.QA_EMULATOR_PORT ?? 5330)

/** Debian's Chromium, used when present because Playwright's own browser may not be installed. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium'

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: 2,
  timeout: 60_000,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // The handset and the developer console beside it both need to be on screen.
        viewport: { width: 1280, height: 900 },
        launchOptions: {
          ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
          args: ['--no-sandbox'],
        },
      },
    },
  ],
  webServer: {
    command: `wp8-emulator serve --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
})
