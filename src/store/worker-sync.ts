import { logError, logInfo, logWarn, logWarnOnce } from '@/lib/log'
import type { ChannelRecord } from '@/mpns/types'
import {
  PROTOCOL_VERSION,
  isErrorResponseMessage,
  toWorkerBroadcastMessage,
} from '@/messaging/messages'
import type {
  ChannelOpenPayload,
  WorkerBroadcastMessage,
  WorkerRequestMap,
  WorkerRequestStem,
} from '@/messaging/messages'

export type OpenChannelRequest = ChannelOpenPayload

type BroadcastListener = (message: WorkerBroadcastMessage) => void

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

/** Sends one request to the worker and resolves with its reply payload. */
export async function requestWorker<K extends WorkerRequestStem>(
  stem: K,
  payload: WorkerRequestMap[K]['request'],
): Promise<WorkerRequestMap[K]['response']> {
  const worker = await startWorkerSync()
  return postRequest(worker, stem, payload)
}

/** Opens (or finds) the app's push channel in the service worker and applies the bindings. */
export async function openChannel(request: OpenChannelRequest): Promise<ChannelRecord> {
  const { channel } = await requestWorker('CHANNEL_OPEN', request)
  return channel
}

/** Tells the service which app is in the foreground of a handset (null for shell screens). */
export function reportForegroundApp(handsetId: string, appId: string | null): void {
  requestWorker('DEVICE_STATE', { handsetId, foregroundAppId: appId }).catch((error: unknown) => {
    logError('[store]', `Failed to report the foreground app of ${handsetId}`, error)
  })
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
        reject(new Error(`Failed to handle ${stem}_REQUEST: ${event.data.payload.message}`))
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
