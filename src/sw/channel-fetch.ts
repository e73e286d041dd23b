/// <reference lib="webworker" />
import { logError, logInfo } from '@/lib/log'
import { locateChannel } from '@/mpns/channel'
import { createDeliveryId } from '@/mpns/delivery'
import { DEFAULT_ENGINE_SETTINGS, handleChannelRequest } from '@/mpns/engine'
import type { HeaderEntry, MpnsHttpRequest, MpnsHttpResponse } from '@/mpns/types'

import { broadcast, getQueueStore, randomBytes, readEngineTime } from './worker-context'

/** Responds to a request to a channel URI as MPNS does, storing an accepted notification first. */
export async function handleChannelFetch(request: Request): Promise<Response> {
  try {
    const mpnsRequest = await toMpnsRequest(request)
    const response = await answerChannelRequest(mpnsRequest)
    return toFetchResponse(response)
  } catch (error) {
    logError('[sw]', `Failed to respond to ${request.method} ${request.url}`, error)
    return new Response(
      `The emulated service failed to handle this request: ${String(error)}. Reload the page and try again.`,
      { status: 503, statusText: 'Service Unavailable', headers: { 'Content-Type': 'text/plain' } },
    )
  }
}

async function answerChannelRequest(request: MpnsHttpRequest): Promise<MpnsHttpResponse> {
  const store = await getQueueStore()
  const location = locateChannel(request.url)
  const token = location.kind === 'channel' ? location.token : ''
  const channel = await store.getChannel(token)
  const device = channel ? await store.getDevice(channel.handsetId) : undefined
  const now = readEngineTime()

  const result = handleChannelRequest({
    request,
    channel,
    device,
    now,
    settings: DEFAULT_ENGINE_SETTINGS,
    deliveryId: createDeliveryId(now, randomBytes(8)),
  })

  if (result.enqueue) {
    await store.enqueue(result.enqueue)
    logInfo('[sw]', `queued ${result.enqueue.deliveryId} for ${result.enqueue.handsetId}`, {
      token: result.enqueue.token,
      messageId: result.enqueue.messageId,
    })
    await broadcast({
      type: 'NOTIFICATIONS_AVAILABLE_MESSAGE',
      payload: { handsetId: result.enqueue.handsetId },
    })
  }
  return result.response
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
