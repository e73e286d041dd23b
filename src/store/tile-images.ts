import { markImageProxyMissing, toImageProxyUrl } from '@/apps/app-files'
import { toAppFileKey } from '@/apps/app-model'
import type { AppDefinition } from '@/apps/app-model'
import type { TileFieldName, TilePayload } from '@/mpns/types'
import { TILE_IMAGE_FIELDS } from '@/mpns/tile-fields'

/** One image a tile update names: the element and its URI as sent. */
export interface TileImageReference {
  field: TileFieldName
  uri: string
}

/** A tile update's images sorted by what the handset does with them. */
export interface TileImagePlan {
  /** Local paths the app contains. */
  local: TileImageReference[]
  /** Local paths the app does not contain: the text applies and the image shows the default. */
  missing: TileImageReference[]
  /** Allowed http and https images, which must pass the image proxy before the update applies. */
  remote: TileImageReference[]
  /** Remote images the phone rejects with `MessageBadContent`, so the update does not apply. */
  blocked: TileImageReference[]
}

/** Cause for which the phone rejects a remote image. */
export type BlockedImageCause = 'no-allow-list' | 'not-allowed' | 'cycle-image'

/** Result of checking a tile update's remote images through the image proxy. */
export type RemoteImageCheck =
  | { outcome: 'ok' }
  | { outcome: 'failed'; url: string; reason: string }
  /** No image proxy runs (static hosting), so the size and time limits were not checked. */
  | { outcome: 'proxy-missing' }

/** Fetches a path of the image proxy and resolves with the response. */
export type ImageProxyFetcher = (path: string) => Promise<Response>

/** Path at which the image proxy returns 204 when it runs. */
export const IMAGE_PROXY_PROBE_PATH = '/__emulator/image-proxy'

/** App log line for remote images applied where no image proxy could check them. */
export const PROXY_MISSING_MESSAGE =
  'The 80 KB limit was not checked because no image proxy is running (static hosting), so the tile update applied with its remote images unchecked.'

const REMOTE_IMAGE_URI = /^https?:\/\//i
const CYCLE_IMAGE_FIELD = /^CycleImage\d$/

/** Probe results per fetcher, so that each page sends the probe once. */
const proxyProbes = new WeakMap<ImageProxyFetcher, Promise<boolean>>()

/**
 * Sorts the images a tile update sets into local, missing, remote and blocked ones. Cleared and
 * empty elements name no image and are left out. A remote image is allowed when its URL starts
 * with one of the app's base URIs, ignoring case, and a cycle image must always be local.
 */
export function planTileImages(app: AppDefinition, update: TilePayload): TileImagePlan {
  const plan: TileImagePlan = { local: [], missing: [], remote: [], blocked: [] }
  for (const field of TILE_IMAGE_FIELDS) {
    const change = update.fields[field]
    const uri = change?.action === 'set' ? change.value.trim() : ''
    if (uri === '') {
      continue
    }

    const reference = { field, uri }
    if (isRemoteImageUri(uri)) {
      const blocked = findBlockedImageCause(app, reference) !== undefined
      plan[blocked ? 'blocked' : 'remote'].push(reference)
    } else {
      const found = Object.hasOwn(app.assets, toAppFileKey(uri))
      plan[found ? 'local' : 'missing'].push(reference)
    }
  }
  return plan
}

/** Tells why the phone rejects a remote image, or returns undefined when it is allowed. */
export function findBlockedImageCause(
  app: AppDefinition,
  image: TileImageReference,
): BlockedImageCause | undefined {
  if (CYCLE_IMAGE_FIELD.test(image.field)) {
    return 'cycle-image'
  }
  if (app.tileImageBaseUris.length === 0) {
    return 'no-allow-list'
  }
  const uri = image.uri.toLowerCase()
  const allowed = app.tileImageBaseUris.some((base) => uri.startsWith(base.toLowerCase()))
  return allowed ? undefined : 'not-allowed'
}

/**
 * Returns a copy of the update in which every missing local image is cleared, so that the
 * template's default background shows and the other fields still apply.
 */
export function clearMissingImages(
  update: TilePayload,
  missing: readonly TileImageReference[],
): TilePayload {
  if (missing.length === 0) {
    return update
  }
  const fields = { ...update.fields }
  for (const image of missing) {
    fields[image.field] = { action: 'clear' }
  }
  return { ...update, fields }
}

/** Tells whether a tile image URI names an http or https resource. */
export function isRemoteImageUri(uri: string): boolean {
  return REMOTE_IMAGE_URI.test(uri.trim())
}

/**
 * Downloads each remote image once through the image proxy, as the phone downloads a tile's
 * images before it shows the update. Returns `ok`, the first failure in the order of `urls`,
 * or `proxy-missing` when no proxy runs.
 */
export async function checkRemoteTileImages(
  urls: readonly string[],
  fetcher: ImageProxyFetcher = fetchImageProxyPath,
): Promise<RemoteImageCheck> {
  if (!(await hasImageProxy(fetcher))) {
    return { outcome: 'proxy-missing' }
  }

  const unique = [...new Set(urls)]
  const failures = await Promise.all(unique.map((url) => downloadThroughProxy(url, fetcher)))
  const failure = failures.find((result) => result !== undefined)
  return failure ?? { outcome: 'ok' }
}

/**
 * Tells whether the image proxy runs. The server's response is kept per fetcher, and a failed
 * request is sent again next time. Static hosting returns 404 or a fallback page, never 204.
 */
export function hasImageProxy(fetcher: ImageProxyFetcher = fetchImageProxyPath): Promise<boolean> {
  const cached = proxyProbes.get(fetcher)
  if (cached) {
    return cached
  }
  const probe = fetcher(IMAGE_PROXY_PROBE_PATH).then(
    (response) => {
      if (response.status !== 204) {
        markImageProxyMissing()
      }
      return response.status === 204
    },
    () => {
      proxyProbes.delete(fetcher)
      return false
    },
  )
  proxyProbes.set(fetcher, probe)
  return probe
}

/** Formats the app log line for a remote image the phone rejects with `MessageBadContent`. */
export function formatBlockedImageMessage(app: AppDefinition, image: TileImageReference): string {
  const named = `${image.field} names the remote image "${image.uri}"`
  switch (findBlockedImageCause(app, image)) {
    case 'cycle-image':
      // NOTE: sources state only that cycle images must be local, so this error is unverified.
      return `MessageBadContent: ${named}, but cycle tile images must be local files, so the tile is unchanged.`
    case 'not-allowed':
      return `MessageBadContent: ${named}, which starts with none of the base URIs the app bound (${app.tileImageBaseUris.join(', ')}), so the tile is unchanged.`
    default:
      return `MessageBadContent: ${named}, but the app bound its channel to tiles without a list of allowed base URIs, so the tile is unchanged.`
  }
}

/** Formats the app log warning for a local image path the app does not contain. */
export function formatMissingImageMessage(image: TileImageReference): string {
  return `Tile image "${image.uri}" in ${image.field} was not found in the app, so the template's default background shows in its place and the other fields apply.`
}

/** Formats the app log line for a tile update dropped because a remote image failed the check. */
export function formatImageCheckFailureMessage(
  images: readonly TileImageReference[],
  failure: { url: string; reason: string },
): string {
  const field = images.find((image) => image.uri === failure.url)?.field ?? 'a field'
  return `Tile update dropped because the remote image in ${field} failed: ${failure.reason} The tile keeps its look.`
}

/** Fetches a path of the image proxy from the page, bypassing the HTTP cache. */
export function fetchImageProxyPath(path: string): Promise<Response> {
  return fetch(path, { cache: 'no-store', credentials: 'same-origin' })
}

async function downloadThroughProxy(
  url: string,
  fetcher: ImageProxyFetcher,
): Promise<RemoteImageCheck | undefined> {
  let response: Response
  try {
    response = await fetcher(toImageProxyUrl(url))
  } catch (error) {
    const reason = `The image proxy could not be reached (${String(error)}).`
    return { outcome: 'failed', url, reason }
  }
  if (response.ok) {
    await response.body?.cancel()
    return undefined
  }

  const text = (await response.text().catch(() => '')).trim()
  const reason = text || response.headers.get('X-Emulator-Reason') || `HTTP ${response.status}.`
  return { outcome: 'failed', url, reason }
}
