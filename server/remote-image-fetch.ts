/** A downloaded image, or the HTTP status and one-sentence reason of a failed download. */
export type RemoteImageOutcome =
  { ok: true; contentType: string; body: Buffer } | { ok: false; status: number; reason: string }

export type RemoteImageFailure = RemoteImageOutcome & { ok: false }

export interface RemoteImageLimits {
  /** Largest image accepted, in bytes. */
  maxImageBytes: number
  /** Time allowed for one image, redirects and body included, in milliseconds. */
  timeoutMs: number
}

/** Size limit of a remote tile image: 80 KB, counted as 80 x 1024 bytes. */
export const MAX_REMOTE_TILE_IMAGE_BYTES = 80 * 1024
// NOTE: sources give 15 s, 30 s and one minute for the handset's download limit, and 30 s is used.
/** Download time limit of a remote tile image, in milliseconds. */
export const REMOTE_TILE_IMAGE_TIMEOUT_MS = 30_000
/** Status logged for a request the page closed before the download finished, as nginx logs it. */
export const CLIENT_CLOSED_STATUS = 499

const MAX_REDIRECTS = 3
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308])
const REMOTE_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:'])
/** An image media type without parameters, which also keeps the passed-on header ASCII. */
const IMAGE_MEDIA_TYPE = /^image\/[a-z0-9.+-]+$/i
const MAX_QUOTED_LENGTH = 120
/** Abort reasons, so that a timeout and a page that went away get different outcomes. */
const TIMED_OUT = 'timed-out'
const CLIENT_GONE = 'client-gone'

/**
 * Downloads an image within the limits. It follows at most three redirects, each to http or
 * https, forwards no header of the page's request, and stops reading once the body passes the
 * size limit. Aborting `cancel` stops the download. Every failure is returned, never thrown.
 */
export async function fetchRemoteImage(
  target: string,
  limits: RemoteImageLimits,
  cancel?: AbortSignal,
): Promise<RemoteImageOutcome> {
  const invalid = findTargetProblem(target)
  if (invalid) {
    return invalid
  }

  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(TIMED_OUT), limits.timeoutMs)
  const abortOnCancel = () => abort.abort(CLIENT_GONE)
  cancel?.addEventListener('abort', abortOnCancel)
  try {
    return await followRedirects(new URL(target), limits, abort.signal)
  } catch (error) {
    return toDownloadFailure(error, { target, limits, reason: abort.signal.reason })
  } finally {
    clearTimeout(timer)
    cancel?.removeEventListener('abort', abortOnCancel)
  }
}

/** Cuts a value quoted in a reason to 120 characters, marking the cut. */
export function shortenForReason(value: string): string {
  return value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH - 3)}...` : value
}

/** Returns a failure with its status and reason. */
export function createFailure(status: number, reason: string): RemoteImageFailure {
  return { ok: false, status, reason }
}

function findTargetProblem(target: string): RemoteImageFailure | undefined {
  if (target === '') {
    return createFailure(
      400,
      'The url query parameter is missing: add it with a percent-encoded http or https URL.',
    )
  }
  const url = URL.parse(target)
  if (url === null) {
    return createFailure(
      400,
      `Image URL "${shortenForReason(target)}" is not a valid absolute URL.`,
    )
  }
  if (!REMOTE_SCHEMES.has(url.protocol)) {
    return createFailure(
      400,
      `Image URL "${shortenForReason(target)}" uses ${url.protocol}, but remote tile images must use http or https.`,
    )
  }
  if (url.username !== '' || url.password !== '') {
    return createFailure(
      400,
      `Image URL "${shortenForReason(target)}" contains a user name or password, which the image proxy never sends, so remove them from the URL.`,
    )
  }
  return undefined
}

async function followRedirects(
  start: URL,
  limits: RemoteImageLimits,
  signal: AbortSignal,
): Promise<RemoteImageOutcome> {
  let current = start
  for (let redirects = 0; ; redirects += 1) {
    // The request carries no header of the page's request, so no cookie or credential leaves.
    const response = await fetch(current, {
      redirect: 'manual',
      credentials: 'omit',
      headers: { Accept: 'image/*' },
      signal,
    })
    if (!REDIRECT_STATUSES.has(response.status)) {
      return readImageResponse(response, current, limits)
    }

    await response.body?.cancel()
    if (redirects >= MAX_REDIRECTS) {
      return createFailure(
        502,
        `The image "${shortenForReason(start.href)}" redirected more than ${MAX_REDIRECTS} times, so the download stopped.`,
      )
    }
    const location = response.headers.get('location')
    const next = location === null ? null : URL.parse(location, current)
    if (next === null || !REMOTE_SCHEMES.has(next.protocol)) {
      return createFailure(
        502,
        `The image server answered HTTP ${response.status} for "${shortenForReason(current.href)}" with the Location "${shortenForReason(location ?? '')}", which is not an http or https URL.`,
      )
    }
    current = next
  }
}

/** Checks the status and content type, then reads the body within the size limit. */
async function readImageResponse(
  response: Response,
  url: URL,
  limits: RemoteImageLimits,
): Promise<RemoteImageOutcome> {
  const quoted = shortenForReason(url.href)
  if (!response.ok) {
    await response.body?.cancel()
    return createFailure(502, `The image server answered HTTP ${response.status} for "${quoted}".`)
  }

  const declaredType = response.headers.get('content-type') ?? ''
  const contentType = declaredType.split(';')[0]?.trim() ?? ''
  if (!IMAGE_MEDIA_TYPE.test(contentType)) {
    await response.body?.cancel()
    const served =
      declaredType === '' ? 'no content type' : `content type "${shortenForReason(declaredType)}"`
    return createFailure(415, `The image "${quoted}" was served with ${served}, not an image type.`)
  }

  const tooLarge = createFailure(
    413,
    `The image "${quoted}" is larger than ${formatKilobytes(limits.maxImageBytes)}, the limit for remote tile images.`,
  )
  const declaredLength = Number(response.headers.get('content-length') ?? Number.NaN)
  if (declaredLength > limits.maxImageBytes) {
    await response.body?.cancel()
    return tooLarge
  }

  const body = await readBodyWithin(response, limits.maxImageBytes)
  return body ? { ok: true, contentType, body } : tooLarge
}

/** Reads the whole body, or returns undefined as soon as it passes `maxBytes`. */
async function readBodyWithin(response: Response, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = response.body?.getReader()
  while (reader) {
    const { done, value } = await reader.read()
    if (done) {
      break
    }
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

function toDownloadFailure(
  error: unknown,
  context: { target: string; limits: RemoteImageLimits; reason: unknown },
): RemoteImageFailure {
  const quoted = shortenForReason(context.target)
  if (context.reason === CLIENT_GONE) {
    return createFailure(
      CLIENT_CLOSED_STATUS,
      `The page closed the request for "${quoted}" before the download finished.`,
    )
  }
  if (context.reason === TIMED_OUT) {
    const seconds = context.limits.timeoutMs / 1000
    return createFailure(
      504,
      `Downloading the image "${quoted}" timed out after ${seconds} seconds, the limit for remote tile images.`,
    )
  }
  return createFailure(502, `Failed to download the image "${quoted}": ${describeError(error)}.`)
}

/** Names the cause of a failed fetch by its system error code when there is one. */
function describeError(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined
  if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') {
    return cause.code
  }
  return error instanceof Error ? error.message : String(error)
}

function formatKilobytes(bytes: number): string {
  return `${Number((bytes / 1024).toFixed(1))} KB`
}
