import { fileURLToPath } from 'node:url'

import { defineConfig } from '@playwright/test'

import baseConfig from '../playwright.config'

const REPOSITORY_ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Runs only the README screenshot capture, against the same dev server as the e2e suite. */
export default defineConfig({
  ...baseConfig,
  testDir: '.',
  testMatch: 'readme-screenshot.spec.ts',
  workers: 1,
  retries: 0,
  reporter: [['list']],
  // Server commands run from the repository root, where node_modules/.bin is.
  webServer: [baseConfig.webServer]
    .flat()
    .flatMap((server) => (server ? [{ ...server, cwd: REPOSITORY_ROOT }] : [])),
})
