import { toAppFileKey } from './app-model'
import type { AppDefinition } from './app-model'

/**
 * An image field resolved against an app: not set, a file the app contains, a path the app
 * does not contain, or a remote `http` or `https` image.
 */
export type TileImage =
  | { kind: 'none' }
  | { kind: 'file'; url: string }
  | { kind: 'missing'; path: string }
  | { kind: 'remote'; url: string }

/** Same-origin path of the dev and preview servers' image proxy. */
export const IMAGE_PROXY_PATH = '/__emulator/image'

const NO_IMAGE: TileImage = { kind: 'none' }

const REMOTE_IMAGE = /^https?:\/\//i

// Any other scheme (`ftp:`, `data:`, `ms-appx:`, a drive letter) names nothing a tile can show.
const URI_SCHEME = /^[a-z][a-z0-9+.-]*:/i

const LOCAL_SCHEMES = ['appdata:', 'isostore:']

// The shell reads isolated-storage images only from this folder of the app's storage.
const SHELL_CONTENT_PREFIX = 'isostore:/shared/shellcontent/'

/**
 * Resolves a tile image URI: package paths, `appdata:` paths and
 * `isostore:/Shared/ShellContent/...` paths through `app.assets`, and `http(s)://` URLs as
 * remote. An empty or absent URI is no image, and anything else is missing.
 */
export function resolveTileImage(app: AppDefinition, uri: string | undefined): TileImage {
  const trimmed = uri?.trim() ?? ''
  if (trimmed === '') {
    return NO_IMAGE
  }
  if (REMOTE_IMAGE.test(trimmed)) {
    return { kind: 'remote', url: trimmed }
  }
  if (!isLocalUri(trimmed)) {
    return { kind: 'missing', path: trimmed }
  }

  const key = toAppFileKey(trimmed)
  if (key.startsWith('isostore:') && !key.startsWith(SHELL_CONTENT_PREFIX)) {
    return { kind: 'missing', path: trimmed }
  }
  const url = app.assets[key]
  return url === undefined ? { kind: 'missing', path: trimmed } : { kind: 'file', url }
}

/**
 * Resolves an image that must be local, as a Cycle tile's images are: a remote URL resolves
 * as missing, and everything else as `resolveTileImage` does.
 */
export function resolveLocalTileImage(app: AppDefinition, uri: string | undefined): TileImage {
  const image = resolveTileImage(app, uri)
  return image.kind === 'remote' ? { kind: 'missing', path: image.url } : image
}

/** Builds the same-origin proxy URL a remote tile image is drawn through. */
export function toImageProxyUrl(remoteUrl: string): string {
  return `${IMAGE_PROXY_PATH}?url=${encodeURIComponent(remoteUrl)}`
}

/**
 * Whether the page is served without the image proxy (static hosting), as found by the
 * handset's probe. Until a probe finds none, remote images go through the proxy.
 */
let imageProxyMissing = false

/** Records that no image proxy runs, so remote tile images load from their own URL. */
export function markImageProxyMissing(): void {
  imageProxyMissing = true
}

/**
 * Returns the URL an `img` or a CSS mask loads for an image, or undefined when there is none.
 * Remote images load through the image proxy, or directly when the page has none.
 */
export function toTileImageSource(image: TileImage): string | undefined {
  switch (image.kind) {
    case 'file':
      return image.url
    case 'remote':
      return imageProxyMissing ? image.url : toImageProxyUrl(image.url)
    case 'none':
    case 'missing':
      return undefined
  }
}

function isLocalUri(uri: string): boolean {
  const lower = uri.toLowerCase()
  if (LOCAL_SCHEMES.some((scheme) => lower.startsWith(scheme))) {
    return true
  }
  return !URI_SCHEME.test(uri)
}
