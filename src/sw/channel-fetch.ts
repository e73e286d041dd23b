import { logError } from '@/lib/log'
import { CONSOLE_REQUEST_HEADER } from '@/messaging/messages'
import {
  CLIENT_CERTIFICATE_HEADER,
  EMULATOR_HEADER_PREFIX,
  RELAYED_CHANNEL_URI_HEADER,
} from '@/messaging/relay-messages'
import { createMpnsResponse } from '@/mpns/response'
import type { HeaderEntry, MpnsHttpRequest, MpnsHttpResponse } from '@/mpns/types'

import { answerChannelPost } from './channel-post'
import type { ServiceContext } from './service-context'

/**
 * Responds to a fetch of a channel URI as MPNS does. A failure of the worker itself (storage
 * that cannot be opened, a bug) becomes 503 with an explanation, never a network error.
 */
export async function handleChannelFetch(
  getContext: () => Promise<ServiceContext>,
  request: Request,
): Promise<Response> {
  try {
    const mpnsRequest = await toMpnsRequest(request)
    const consoleRequestId = request.headers.get(CONSOLE_REQUEST_HEADER) ?? undefined
    const response = await answerChannelPost(await getContext(), mpnsRequest, { consoleRequestId })
    return toFetchResponse(response)
  } catch (error) {
    logError('[sw]', `Failed to respond to ${request.method} ${request.url}`, error)
    const reason = `The emulated service failed to handle this request: ${String(error)}. Reload the page and send it again.`
    return toFetchResponse(
      createMpnsResponse({ status: 503, now: Date.now(), reason, body: reason }),
    )
  }
}

/**
 * Converts a fetch to the engine's request. A request the dev or preview server relayed carries
 * the channel URI the sender used and the CN of its client certificate in `X-Emulator-` headers.
 * Those headers are the emulator's own, so they never reach the engine.
 */
async function toMpnsRequest(request: Request): Promise<MpnsHttpRequest> {
  const headers: HeaderEntry[] = []
  request.headers.forEach((value, name) => {
    if (!name.toLowerCase().startsWith(EMULATOR_HEADER_PREFIX)) {
      headers.push([name, value])
    }
  })
  const body = new Uint8Array(await request.arrayBuffer())
  const mpnsRequest: MpnsHttpRequest = {
    method: request.method,
    url: readSenderUri(request),
    headers,
    body,
  }

  const commonName = request.headers.get(CLIENT_CERTIFICATE_HEADER)
  if (commonName !== null) {
    mpnsRequest.clientCertificateName = commonName
  }
  return mpnsRequest
}

/**
 * Returns the channel URI as the sender addressed it: the relayed URI when it names the same path
 * and query as the fetch, else the fetch's own URL. A page fetches the channel URI on its own
 * origin, so the scheme and host the sender used travel in a header.
 */
function readSenderUri(request: Request): string {
  const relayed = request.headers.get(RELAYED_CHANNEL_URI_HEADER)
  if (relayed === null) {
    return request.url
  }

  const fetched = new URL(request.url)
  try {
    const sender = new URL(relayed)
    const samePath = sender.pathname === fetched.pathname && sender.search === fetched.search
    return samePath ? relayed : request.url
  } catch {
    // A header that is no absolute URL cannot name the sender's address.
    return request.url
  }
}

function toFetchResponse(response: MpnsHttpResponse): Response {
  const headers = new Headers()
  for (const [name, value] of response.headers) {
    headers.append(name, value)
  }
  // 2xx responses have no body, as MPNS sent none; every 4xx carries its explanation as text.
  return new Response(response.body === '' ? null : response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  })
}
