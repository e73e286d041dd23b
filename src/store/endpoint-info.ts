import { logInfo, logWarn } from '@/lib/log'
import { toChannelUriBases } from '@/messaging/messages'
import type { ChannelUriBases } from '@/messaging/messages'
import { ENDPOINT_INFO_PATH, RELAYED_CHANNEL_URI_HEADER } from '@/messaging/relay-messages'
import type { EndpointInfo } from '@/messaging/relay-messages'

/** The fetch a page makes to reach its own worker for a channel URI. */
export interface InPageChannelFetch {
  url: string
  /** Headers to add to the sender's headers. */
  headers: [string, string][]
}

let endpointInfo: Promise<EndpointInfo | null> | undefined
let loadedInfo: EndpointInfo | null = null

/**
 * Fetches, once per page, where the dev or preview server receives MPNS requests. Resolves to
 * null when the app is served without that server, as a static build is.
 */
export function loadEndpointInfo(fetchInfo: typeof fetch = fetch): Promise<EndpointInfo | null> {
  endpointInfo ??= fetchEndpointInfo(fetchInfo).then((info) => {
    loadedInfo = info
    return info
  })
  return endpointInfo
}

/**
 * Returns the channel URI bases the server advertises, or undefined without a server or before
 * loadEndpointInfo resolved. The page loads them before any app opens a channel.
 */
export function readChannelUriBases(): ChannelUriBases | undefined {
  const info = loadedInfo
  if (info === null) {
    return undefined
  }
  return toChannelUriBases(info.httpBaseUrl, info.httpsBaseUrl)
}

/**
 * Builds the fetch that reaches the page's worker for a channel URI. A worker handles only its
 * origin's requests, so a URI on another scheme or host (the HTTPS listener, a public URL) is
 * fetched on the page's origin, and the URI the sender used travels in a header.
 */
export function toInPageChannelFetch(channelUri: string, pageOrigin: string): InPageChannelFetch {
  const uri = new URL(channelUri)
  if (uri.origin === pageOrigin) {
    return { url: channelUri, headers: [] }
  }
  return {
    url: `${pageOrigin}${uri.pathname}${uri.search}`,
    headers: [[RELAYED_CHANNEL_URI_HEADER, channelUri]],
  }
}

/** Forgets the loaded endpoint, so that a test can load another. */
export function resetEndpointInfo(): void {
  endpointInfo = undefined
  loadedInfo = null
}

async function fetchEndpointInfo(fetchInfo: typeof fetch): Promise<EndpointInfo | null> {
  try {
    const response = await fetchInfo(ENDPOINT_INFO_PATH, { cache: 'no-store' })
    if (!response.ok) {
      logInfo('[store]', `no MPNS endpoint on this server (${response.status}): in-page sends only`)
      return null
    }
    const info = toEndpointInfo(await response.json())
    if (info === null) {
      logWarn('[store]', `Ignored the server's endpoint description: it is not valid`)
    }
    return info
  } catch (error) {
    logWarn('[store]', `Failed to read ${ENDPOINT_INFO_PATH}; in-page sends only`, error)
    return null
  }
}

function toEndpointInfo(data: unknown): EndpointInfo | null {
  if (typeof data !== 'object' || data === null) {
    return null
  }
  const record = data as Record<string, unknown>
  const valid =
    typeof record.httpBaseUrl === 'string' &&
    (record.httpsBaseUrl === null || typeof record.httpsBaseUrl === 'string') &&
    typeof record.relayPath === 'string' &&
    typeof record.relayProtocolVersion === 'number'
  return valid ? (data as EndpointInfo) : null
}
