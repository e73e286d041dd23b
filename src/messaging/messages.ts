import type { ChannelRecord, DeviceRecord, QueuedNotification } from '@/mpns/types'

/** Version of the page ⇄ worker protocol; both sides compare it at start-up. */
export const PROTOCOL_VERSION = 1

export interface ChannelOpenPayload {
  handsetId: string
  appId: string
  appName: string
  channelName: string
  bindToast: boolean
  bindTile: boolean
}

/**
 * Requests the page sends to the worker, each with the payload of its reply. A request
 * `X` travels as `X_REQUEST` and gets its reply on its MessagePort with `X_RESPONSE`.
 */
export interface WorkerRequestMap {
  HELLO: {
    request: { protocolVersion: number }
    response: { protocolVersion: number }
  }
  CHANNEL_OPEN: {
    request: ChannelOpenPayload
    response: { channel: ChannelRecord }
  }
  CHANNEL_LIST: {
    request: Record<string, never>
    response: { channels: ChannelRecord[] }
  }
  DEVICE_STATE: {
    request: { handsetId: string; foregroundAppId: string | null }
    response: { device: DeviceRecord }
  }
  PENDING: {
    request: { handsetId: string }
    response: { notifications: QueuedNotification[] }
  }
  ACK: {
    request: { handsetId: string; deliveryIds: string[] }
    response: { removed: number }
  }
}

export type WorkerRequestStem = keyof WorkerRequestMap

export type WorkerRequestMessage = {
  [K in WorkerRequestStem]: { type: `${K}_REQUEST`; payload: WorkerRequestMap[K]['request'] }
}[WorkerRequestStem]

export type WorkerResponseMessage<K extends WorkerRequestStem> = {
  type: `${K}_RESPONSE`
  payload: WorkerRequestMap[K]['response']
}

/** The reply sent instead of `X_RESPONSE` when the worker failed to handle a request. */
export interface ErrorResponseMessage {
  type: 'ERROR_RESPONSE'
  payload: { message: string }
}

/** Messages the worker broadcasts to every page it controls, without a request. */
export type WorkerBroadcastMessage =
  | { type: 'NOTIFICATIONS_AVAILABLE_MESSAGE'; payload: { handsetId: string } }
  | { type: 'CHANNELS_CHANGED_MESSAGE'; payload: Record<string, never> }

const REQUEST_STEMS: readonly WorkerRequestStem[] = [
  'HELLO',
  'CHANNEL_OPEN',
  'CHANNEL_LIST',
  'DEVICE_STATE',
  'PENDING',
  'ACK',
]

/** Narrows data received by the worker to a request message, or returns null. */
export function toWorkerRequestMessage(data: unknown): WorkerRequestMessage | null {
  if (!isRecord(data) || typeof data.type !== 'string' || !isRecord(data.payload)) {
    return null
  }
  const stem = data.type.replace(/_REQUEST$/, '')
  if (!REQUEST_STEMS.includes(stem as WorkerRequestStem) || !data.type.endsWith('_REQUEST')) {
    return null
  }
  return data as WorkerRequestMessage
}

/** Narrows data received by a page to a worker broadcast, or returns null. */
export function toWorkerBroadcastMessage(data: unknown): WorkerBroadcastMessage | null {
  if (!isRecord(data) || !isRecord(data.payload)) {
    return null
  }
  if (
    data.type === 'NOTIFICATIONS_AVAILABLE_MESSAGE' &&
    typeof data.payload.handsetId === 'string'
  ) {
    return data as WorkerBroadcastMessage
  }
  if (data.type === 'CHANNELS_CHANGED_MESSAGE') {
    return data as WorkerBroadcastMessage
  }
  return null
}

/** Tells whether a reply is the error reply rather than the expected response. */
export function isErrorResponseMessage(data: unknown): data is ErrorResponseMessage {
  return (
    isRecord(data) &&
    data.type === 'ERROR_RESPONSE' &&
    isRecord(data.payload) &&
    typeof data.payload.message === 'string'
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
