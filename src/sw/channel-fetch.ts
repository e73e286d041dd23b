import { logError } from '@/lib/log'
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
    const response = await answerChannelPost(await getContext(), mpnsRequest)
    return toFetchResponse(response)
  } catch (error) {
    logError('[sw]', `Failed to respond to ${request.method} ${request.url}`, error)
    const reason = `The emulated service failed to handle this request: ${String(error)}. Reload the page and send it again.`
    return toFetchResponse(
      createMpnsResponse({ status: 503, now: Date.now(), reason, body: reason }),
    )
  }
}

async function toMpnsRequest(request: Request): Promise<MpnsHttpRequest> {
  const headers: HeaderEntry[] = []
  request.headers.forEach((value, name) => {
    headers.push([name, value])
  })
  const body = new Uint8Array(await request.arrayBuffer())
  return { method: request.method, url: request.url, headers, body }
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
