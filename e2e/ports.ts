/**
 * Port of the dev server the specs run against. `E2E_DEV_PORT` moves it, so that two checkouts
 * can run their suites side by side.
 */
export const DEV_PORT = Number(process.env.E2E_DEV_PORT ?? 5310)
/** Port of the preview server that serves the production build; `E2E_PREVIEW_PORT` moves it. */
export const PREVIEW_PORT = Number(process.env.E2E_PREVIEW_PORT ?? 5311)

/** Offset from an HTTP port to the HTTPS listener the endpoint opens beside it. */
const HTTPS_PORT_OFFSET = 270

/** Port of the preview server's HTTPS listener for authenticated channels. */
export const PREVIEW_HTTPS_PORT = PREVIEW_PORT + HTTPS_PORT_OFFSET

/**
 * Folder of the preview server's local certificate authority during the tests, so that the suite
 * never writes into a developer's own `.emulator` folder.
 */
export const PREVIEW_DATA_DIR = 'node_modules/.cache/e2e-emulator-preview'

/** The same for the dev server. */
export const DEV_DATA_DIR = 'node_modules/.cache/e2e-emulator-dev'

/** Port of the preview server that the public base URL spec starts for itself. */
export const PUBLIC_URL_PREVIEW_PORT = Number(process.env.E2E_PUBLIC_URL_PORT ?? 5320)

/** Port on 127.0.0.2 where that spec forwards to its preview server, as a reverse proxy would. */
export const PUBLIC_URL_PROXY_PORT = PUBLIC_URL_PREVIEW_PORT + 1

/** Folder of the production build the preview servers of the suite serve. */
export const E2E_BUILD_DIR = 'node_modules/.cache/e2e-build'
