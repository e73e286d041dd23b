/// <reference lib="webworker" />
import { logError, logInfo, logWarnOnce } from '@/lib/log'
import { createChannelToken, toChannelUri } from '@/mpns/channel'
import { selectDueNotifications } from '@/mpns/delivery'
import type { ChannelRecord } from '@/mpns/types'
import { PROTOCOL_VERSION, toWorkerRequestMessage } from '@/messaging/messages'
import type {
  ChannelOpenPayload,
  WorkerRequestMap,
  WorkerRequestMessage,
  WorkerRequestStem,
} from '@/messaging/messages'

import { broadcast, getQueueStore, randomBytes, readEngineTime } from './worker-context'

declare const self: ServiceWorkerGlobalScope

/** Bytes of randomness in a channel token; 48 bytes give 64 base64url characters. */
const CHANNEL_TOKEN_BYTES = 48

/** Handles one request from a page and replies on the MessagePort sent with it. */
export async function handleWorkerMessage(event: ExtendableMessageEvent): Promise<void> {
  const port = event.ports[0]
  const message = toWorkerRequestMessage(event.data)
  if (!port || !message) {
    logWarnOnce('[sw]', 'unknown-message', 'Ignored a message that is not a known request.')
    return
  }

  try {
    const stem = message.type.replace(/_REQUEST$/, '') as WorkerRequestStem
    const payload = await dispatch(message)
    port.postMessage({ type: `${stem}_RESPONSE`, payload })
  } catch (error) {
    logError('[sw]', `Failed to handle ${message.type}`, error)
    port.postMessage({ type: 'ERROR_RESPONSE', payload: { message: String(error) } })
  }
}

function dispatch(
  message: WorkerRequestMessage,
): Promise<WorkerRequestMap[WorkerRequestStem]['response']> {
  switch (message.type) {
    case 'HELLO_REQUEST':
      // Claiming here also takes over pages opened with a hard reload, which start uncontrolled.
      return self.clients.claim().then(() => ({ protocolVersion: PROTOCOL_VERSION }))
    case 'CHANNEL_OPEN_REQUEST':
      return openChannel(message.payload).then((channel) => ({ channel }))
    case 'CHANNEL_LIST_REQUEST':
      return getQueueStore()
        .then((store) => store.listChannels())
        .then((channels) => ({ channels }))
    case 'DEVICE_STATE_REQUEST':
      return recordDeviceState(message.payload.handsetId, message.payload.foregroundAppId)
    case 'PENDING_REQUEST':
      return listDueNotifications(message.payload.handsetId)
    case 'ACK_REQUEST':
      return getQueueStore()
        .then((store) => store.removeQueued(message.payload.handsetId, message.payload.deliveryIds))
        .then((removed) => ({ removed }))
  }
}

async function openChannel(request: ChannelOpenPayload): Promise<ChannelRecord> {
  const store = await getQueueStore()
  const existing = await store.findChannelByApp(request.handsetId, request.appId)
  const channel: ChannelRecord = existing
    ? { ...existing, boundToast: request.bindToast, boundTile: request.bindTile }
    : createChannel(request)

  await store.putChannel(channel)
  logInfo('[sw]', `${existing ? 'updated' : 'opened'} channel for ${request.appId}`, {
    token: channel.token,
    boundToast: channel.boundToast,
    boundTile: channel.boundTile,
  })
  await broadcast({ type: 'CHANNELS_CHANGED_MESSAGE', payload: {} })
  return channel
}

function createChannel(request: ChannelOpenPayload): ChannelRecord {
  const token = createChannelToken(randomBytes(CHANNEL_TOKEN_BYTES))
  return {
    token,
    channelUri: toChannelUri(self.location.origin, token),
    handsetId: request.handsetId,
    appId: request.appId,
    appName: request.appName,
    channelName: request.channelName,
    boundToast: request.bindToast,
    boundTile: request.bindTile,
    openedAt: readEngineTime(),
  }
}

async function recordDeviceState(handsetId: string, foregroundAppId: string | null) {
  const store = await getQueueStore()
  const device = await store.updateDevice(handsetId, () => ({
    handsetId,
    foregroundAppId,
    lastContactAt: readEngineTime(),
  }))
  return { device }
}

async function listDueNotifications(handsetId: string) {
  const store = await getQueueStore()
  const now = readEngineTime()
  await store.updateDevice(handsetId, (current) => ({
    handsetId,
    foregroundAppId: current?.foregroundAppId ?? null,
    lastContactAt: now,
  }))
  const queued = await store.listQueued(handsetId)
  return { notifications: selectDueNotifications(queued, now) }
}
