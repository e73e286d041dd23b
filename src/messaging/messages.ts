import type { DueCallback } from '@/mpns/callback'
import type { EngineClockState } from '@/mpns/clock'
import type {
  BatteryState,
  ChannelRecord,
  DeviceRecord,
  EngineSettings,
  NetworkState,
  QueuedNotification,
  TileTemplate,
} from '@/mpns/types'

/** Version of the page ⇄ worker protocol; both sides compare it at start-up. */
export const PROTOCOL_VERSION = 2

export interface ChannelOpenPayload {
  handsetId: string
  appId: string
  appName: string
  channelName: string
  /** Template of the app's primary tile. */
  tileTemplate: TileTemplate
  /** CN of the app's service certificate, for an authenticated channel. */
  serviceName?: string
  bindToast: boolean
  bindTile: boolean
  /**
   * Bases of the channel URIs, as the dev or preview server advertises them. Without them the
   * worker uses its own origin, with https for authenticated channels.
   */
  channelUriBases?: ChannelUriBases
}

/** Scheme, host and port of channel URIs, without a trailing slash. */
export interface ChannelUriBases {
  /** Base of unauthenticated channel URIs, such as `http://127.0.0.1:5173`. */
  http: string
  /** Base of authenticated channel URIs, such as `https://127.0.0.1:5443`. */
  https: string
}

/**
 * Builds the channel URI bases from an http base and, when there is one, an https base. Without
 * one, authenticated channel URIs take the http base's host with the https scheme.
 */
export function toChannelUriBases(http: string, https?: string | null): ChannelUriBases {
  return { http, https: https ?? http.replace(/^http:/, 'https:') }
}

/**
 * Reply to CHANNEL_OPEN. `quota-exceeded` is the phone's PushNotificationChannelQuotaExceeded:
 * the handset already has the maximum number of open channels.
 */
export type ChannelOpenResult =
  | { outcome: 'opened' | 'updated'; channel: ChannelRecord }
  | { outcome: 'quota-exceeded'; message: string }

/** State a handset's push client reports whenever it changes, and on every keep-alive. */
export interface DeviceStatePayload {
  handsetId: string
  foregroundAppId: string | null
  network: NetworkState
  battery: BatteryState
  /** Navigation URIs of the pinned secondary tiles, per app id. */
  secondaryTileIds: Record<string, string[]>
}

/** The engine clock and the engine time it showed when the worker replied. */
export interface EngineClockSnapshot {
  clock: EngineClockState
  /** Engine time in epoch milliseconds. */
  engineNow: number
}

/**
 * Request header with the id the developer console gives each POST it sends from the page. The
 * server drops `X-Emulator-` headers from outside requests, so only the page's own POSTs carry it.
 */
export const CONSOLE_REQUEST_HEADER = 'X-Emulator-Console-Request'

/**
 * Report on a POST the developer console sent: the response's status headers and,
 * when the notification was queued, its delivery id and batching window. Times are engine epoch
 * milliseconds.
 */
export interface ConsoleRequestHandled {
  /** The id the console sent in its `X-Emulator-Console-Request` header. */
  consoleRequestId: string
  token: string
  status: number
  notificationStatus?: string
  subscriptionStatus?: string
  deviceConnectionStatus?: string
  /** The engine's explanation of the response, from `X-Emulator-Reason`. */
  reason?: string
  /** Engine time at which the service decided the response. */
  acceptedAt: number
  /** Present only when the notification was queued. */
  queued?: {
    deliveryId: string
    handsetId: string
    notificationClass: number
    /** Engine time from which the notification may be delivered. */
    dueAt: number
  }
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
    response: ChannelOpenResult
  }
  /** Closes an app's channel. Requests to its URI then get 404 Expired. `channel` is null when it had none. */
  CHANNEL_CLOSE: {
    request: { handsetId: string; appId: string; reason: 'closed-by-app' | 'uninstalled' }
    response: { channel: ChannelRecord | null }
  }
  /** Issues a new channel URI for an app's channel and closes the old one, as MPNS renews URIs. */
  CHANNEL_RENEW: {
    request: { handsetId: string; appId: string }
    response: { channel: ChannelRecord | null }
  }
  CHANNEL_LIST: {
    request: Record<string, never>
    response: { channels: ChannelRecord[] }
  }
  DEVICE_STATE: {
    request: DeviceStatePayload
    response: { device: DeviceRecord }
  }
  /**
   * Lists the handset's due notifications. `nextDueInRealMs` is the real time until the next one
   * falls due at the current clock speed, absent when nothing else is queued or the clock is stopped.
   * `more` is true when due notifications remain beyond `limit`.
   */
  PENDING: {
    /** `limit` caps the notifications in one reply, so a large backlog arrives in chunks. */
    request: { handsetId: string; limit?: number }
    response: { notifications: QueuedNotification[]; more: boolean; nextDueInRealMs?: number }
  }
  ACK: {
    request: { handsetId: string; deliveryIds: string[] }
    response: { removed: number }
  }
  SETTINGS_GET: {
    request: Record<string, never>
    response: { settings: EngineSettings }
  }
  /** Changes some engine settings; values are validated and the whole result is returned. */
  SETTINGS_UPDATE: {
    request: { changes: Partial<EngineSettings> }
    response: { settings: EngineSettings }
  }
  CLOCK_GET: {
    request: Record<string, never>
    response: EngineClockSnapshot
  }
  /** Sets the clock speed, advances engine time, or both (advance first). */
  CLOCK_UPDATE: {
    request: { speed?: number; advanceMs?: number }
    response: EngineClockSnapshot
  }
  /**
   * Deletes every channel, queued notification, device record, quota count, setting and the
   * clock, in one transaction, once the requests decided before it are stored.
   */
  RESET: {
    request: Record<string, never>
    response: Record<string, never>
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
  | {
      type: 'NOTIFICATIONS_AVAILABLE_MESSAGE'
      /**
       * `notifications`, when present, are due notifications sent along, so the push client can
       * apply them at once. It acknowledges them as if it had pulled them.
       */
      payload: { handsetId: string; notifications?: QueuedNotification[] }
    }
  | { type: 'CHANNELS_CHANGED_MESSAGE'; payload: Record<string, never> }
  | { type: 'SETTINGS_CHANGED_MESSAGE'; payload: { settings: EngineSettings } }
  | { type: 'CLOCK_CHANGED_MESSAGE'; payload: EngineClockSnapshot }
  /** Callbacks the engine fired because their handset turned Inactive; the owning page has the server send them. */
  | { type: 'CALLBACKS_DUE_MESSAGE'; payload: { callbacks: DueCallback[] } }
  /** Sent after each POST that carried the console's request id header. */
  | { type: 'CONSOLE_REQUEST_HANDLED_MESSAGE'; payload: ConsoleRequestHandled }

const REQUEST_STEMS: readonly WorkerRequestStem[] = [
  'HELLO',
  'CHANNEL_OPEN',
  'CHANNEL_CLOSE',
  'CHANNEL_RENEW',
  'CHANNEL_LIST',
  'DEVICE_STATE',
  'PENDING',
  'ACK',
  'SETTINGS_GET',
  'SETTINGS_UPDATE',
  'CLOCK_GET',
  'CLOCK_UPDATE',
  'RESET',
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
    typeof data.payload.handsetId === 'string' &&
    (data.payload.notifications === undefined || Array.isArray(data.payload.notifications))
  ) {
    return data as WorkerBroadcastMessage
  }
  if (data.type === 'CHANNELS_CHANGED_MESSAGE') {
    return data as WorkerBroadcastMessage
  }
  if (data.type === 'SETTINGS_CHANGED_MESSAGE' && isRecord(data.payload.settings)) {
    return data as WorkerBroadcastMessage
  }
  if (data.type === 'CLOCK_CHANGED_MESSAGE' && isRecord(data.payload.clock)) {
    return data as WorkerBroadcastMessage
  }
  if (data.type === 'CALLBACKS_DUE_MESSAGE' && Array.isArray(data.payload.callbacks)) {
    return data as WorkerBroadcastMessage
  }
  if (data.type === 'CONSOLE_REQUEST_HANDLED_MESSAGE' && isConsoleRequestHandled(data.payload)) {
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

function isConsoleRequestHandled(payload: Record<string, unknown>): boolean {
  const { queued } = payload
  const validQueued =
    queued === undefined ||
    (isRecord(queued) &&
      typeof queued.deliveryId === 'string' &&
      typeof queued.handsetId === 'string' &&
      typeof queued.notificationClass === 'number' &&
      typeof queued.dueAt === 'number')
  return (
    typeof payload.consoleRequestId === 'string' &&
    typeof payload.token === 'string' &&
    typeof payload.status === 'number' &&
    typeof payload.acceptedAt === 'number' &&
    validQueued
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
