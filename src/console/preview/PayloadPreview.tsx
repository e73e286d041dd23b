import { loadAfterFirstFrame } from '../after-first-frame'

/**
 * The payload preview, mounted once the page has drawn its first frame. It pulls in the tile
 * components and the payload parser, which the Start screen does not wait for.
 */
export const PayloadPreview = loadAfterFirstFrame(
  async () => (await import('./PayloadPreviewPanel')).PayloadPreviewPanel,
)
