/** Port of the dev server the specs run against. */
export const DEV_PORT = 5310
/** Port of the preview server that serves the production build. */
export const PREVIEW_PORT = 5311
