import { logInfo, logWarn, logWarnOnce } from '@/lib/log'
import type { ChannelRecord, DeviceRecord, EngineSettings } from '@/mpns/types'
import {
  PROTOCOL_VERSION,
  isErrorResponseMessage,
  toWorkerBroadcastMessage,
} from '@/messaging/messages'
import type {
  ChannelOpenPayload,
  ChannelOpenResult,
  DeviceStatePayload,
  EngineClockSnapshot,
  WorkerBroadcastMessage,
  WorkerRequestMap,
  WorkerRequestStem,
} from '@/messaging/messages'

export type OpenChannelRequest = ChannelOpenPayload

export type CloseChannelRequest = WorkerRequestMap['CHANNEL_CLOSE']['request']

export type BroadcastListener = (message: WorkerBroadcastMessage) => void

/** Sends one request to the worker and resolves with its reply payload. */
export type WorkerRequester = <K extends WorkerRequestStem>(
  stem: K,
  payload: WorkerRequestMap[K]['request'],
) => Promise<WorkerRequestMap[K]['response']>

/** The worker's error reply to a request; `reason` is the worker's own message. */
export class WorkerRequestError extends Error {
  readonly reason: string

  constructor(stem: WorkerRequestStem, reason: string) {
    super(`Failed to handle ${stem}_REQUEST: ${reason}`)
    this.name = 'WorkerRequestError'
    this.reason = reason
  }
}

const SERVICE_WORKER_URL = '/sw.js'
/** A worker that has not replied within this time is reported as failed. */
const REQUEST_TIMEOUT_MS = 10_000

const broadcastListeners = new Set<BroadcastListener>()
let workerReady: Promise<ServiceWorker> | undefined

/**
 * Registers the service worker and resolves once it controls this page, so that fetches to
 * channel URIs reach it. Safe to call more than once.
 */
export function startWorkerSync(): Promise<ServiceWorker> {
  workerReady ??= connectToWorker()
  return workerReady
}

/** Subscribes to the worker's broadcasts; returns the unsubscribe function. */
export function subscribeToWorker(listener: BroadcastListener): () => void {
  broadcastListeners.add(listener)
  return () => broadcastListeners.delete(listener)
}

/** Returns the worker's own message for its error reply, or the error's message otherwise. */
export function toErrorReason(error: unknown): string {
  if (error instanceof WorkerRequestError) {
    return error.reason
  }
  return error instanceof Error ? error.message : String(error)
}

/** Sends one request to the worker and resolves with its reply payload. */
export async function requestWorker<K extends WorkerRequestStem>(
  stem: K,
  payload: WorkerRequestMap[K]['request'],
): Promise<WorkerRequestMap[K]['response']> {
  const worker = await startWorkerSync()
  return postRequest(worker, stem, payload)
}

/**
 * Opens (or finds) the app's push channel in the service worker and applies the bindings.
 * Resolves with `quota-exceeded` when the handset already has its maximum of open channels.
 */
export function openChannel(request: OpenChannelRequest): Promise<ChannelOpenResult> {
  return requestWorker('CHANNEL_OPEN', request)
}

/** Closes the app's push channel; resolves with the closed channel, or null when it had none. */
export async function closeChannel(request: CloseChannelRequest): Promise<ChannelRecord | null> {
  const { channel } = await requestWorker('CHANNEL_CLOSE', request)
  return channel
}

/** Issues a new channel URI for the app's channel; resolves with it, or null when it had none. */
export async function renewChannel(
  request: WorkerRequestMap['CHANNEL_RENEW']['request'],
): Promise<ChannelRecord | null> {
  const { channel } = await requestWorker('CHANNEL_RENEW', request)
  return channel
}

/** Sends the handset's state (foreground app, network, battery, secondary tiles) to the service. */
export async function reportDeviceState(payload: DeviceStatePayload): Promise<DeviceRecord> {
  const { device } = await requestWorker('DEVICE_STATE', payload)
  return device
}

/** Reads the engine settings. */
export async function getEngineSettings(): Promise<EngineSettings> {
  const { settings } = await requestWorker('SETTINGS_GET', {})
  return settings
}

/** Changes some engine settings; rejects with a WorkerRequestError when a value is invalid. */
export async function updateEngineSettings(
  changes: Partial<EngineSettings>,
): Promise<EngineSettings> {
  const { settings } = await requestWorker('SETTINGS_UPDATE', { changes })
  return settings
}

/** Reads the engine clock. */
export function getEngineClock(): Promise<EngineClockSnapshot> {
  return requestWorker('CLOCK_GET', {})
}

/** Sets the engine clock's speed, advances engine time, or both. */
export function updateEngineClock(
  changes: WorkerRequestMap['CLOCK_UPDATE']['request'],
): Promise<EngineClockSnapshot> {
  return requestWorker('CLOCK_UPDATE', changes)
}

async function connectToWorker(): Promise<ServiceWorker> {
  const container = navigator.serviceWorker
  container.addEventListener('message', (event) => {
    dispatchBroadcast(event.data)
  })
  await container.register(SERVICE_WORKER_URL, { type: 'module', scope: '/' })
  const registration = await container.ready
  const active = registration.active
  if (!active) {
    throw new Error('Failed to start the service worker: no active worker after registration.')
  }

  // The worker claims every page on HELLO, which also covers a page opened with a hard
  // reload, where the browser leaves the page uncontrolled.
  const hello = await postRequest(active, 'HELLO', { protocolVersion: PROTOCOL_VERSION })
  if (hello.protocolVersion !== PROTOCOL_VERSION) {
    logWarn(
      '[store]',
      `The service worker speaks protocol ${hello.protocolVersion}, this page ${PROTOCOL_VERSION}. Reload the page to update both.`,
    )
  }
  await waitForControl(container)
  logInfo('[store]', 'service worker controls the page')
  return active
}

function waitForControl(container: ServiceWorkerContainer): Promise<void> {
  if (container.controller) {
    return Promise.resolve()
  }
  return new Promise((resolve) => {
    container.addEventListener('controllerchange', () => resolve(), { once: true })
  })
}

function postRequest<K extends WorkerRequestStem>(
  worker: ServiceWorker,
  stem: K,
  payload: WorkerRequestMap[K]['request'],
): Promise<WorkerRequestMap[K]['response']> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel()
    const timer = setTimeout(() => {
      channel.port1.close()
      reject(new Error(`Failed to get ${stem}_RESPONSE: the service worker did not reply in time.`))
    }, REQUEST_TIMEOUT_MS)

    channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      clearTimeout(timer)
      channel.port1.close()
      if (isErrorResponseMessage(event.data)) {
        reject(new WorkerRequestError(stem, event.data.payload.message))
        return
      }
      if (!isResponseTo(stem, event.data)) {
        reject(new Error(`Failed to read ${stem}_RESPONSE: the worker sent another message.`))
        return
      }
      resolve(event.data.payload as WorkerRequestMap[K]['response'])
    }
    worker.postMessage({ type: `${stem}_REQUEST`, payload }, [channel.port2])
  })
}

function isResponseTo(stem: string, data: unknown): data is { payload: unknown } {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === `${stem}_RESPONSE` &&
    'payload' in data
  )
}

function dispatchBroadcast(data: unknown): void {
  const message = toWorkerBroadcastMessage(data)
  if (!message) {
    logWarnOnce('[store]', 'unknown-broadcast', 'Ignored a message from the service worker.')
    return
  }
  for (const listener of broadcastListeners) {
    listener(message)
  }
}
