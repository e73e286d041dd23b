/**
 * Port of the dev server the specs run against. `E2E_DEV_PORT` moves it, so that two checkouts
 * can run their suites side by side.
 */
export const DEV_PORT = Number(process.env.E2E_DEV_PORT ?? 5310)
/** Port of the preview server that serves the production build; `E2E_PREVIEW_PORT` moves it. */
export const PREVIEW_PORT = Number(process.env.E2E_PREVIEW_PORT ?? 5311)
