import type { QueueStore } from '@/mpns/delivery'
import type { ChannelRecord, MpnsHttpResponse } from '@/mpns/types'
import type {
  ChannelOpenPayload,
  DeviceStatePayload,
  WorkerBroadcastMessage,
  WorkerRequestMap,
} from '@/messaging/messages'
import { answerChannelPost } from '@/sw/channel-post'
import type { ServiceContext } from '@/sw/service-context'
import { answerServiceRequest, createServiceContext } from '@/sw/service-requests'
import type { ServiceRequestMessage } from '@/sw/service-requests'
import { createMemoryQueueStore } from '@/storage/memory-queue-store'

/** Builds the worker's service over a store with a settable real clock and seeded random bytes. */
export type ServiceStem = Exclude<keyof WorkerRequestMap, 'HELLO'>

/** Noon UTC on 1 May 2013, in epoch milliseconds. */
export const START_MS = Date.UTC(2013, 4, 1, 12)
export const ORIGIN = 'http://127.0.0.1:5399'
export const MINUTE_MS = 60_000

export const WEATHER: ChannelOpenPayload = {
  handsetId: 'handset-1',
  appId: 'contoso-weather',
  appName: 'Contoso Weather',
  channelName: 'main',
  tileTemplate: 'FlipTile',
  bindToast: true,
  bindTile: true,
}

export const ONLINE: DeviceStatePayload = {
  handsetId: 'handset-1',
  foregroundAppId: null,
  network: 'online',
  battery: 'normal',
  secondaryTileIds: {},
}

export function setUp(
  options: { store?: QueueStore; realNowMs?: number; randomSeed?: number } = {},
) {
  const store = options.store ?? createMemoryQueueStore()
  const time = { realNowMs: options.realNowMs ?? START_MS }
  const broadcasts: WorkerBroadcastMessage[] = []
  let randomSeed = options.randomSeed ?? 0
  const context = createServiceContext({
    store,
    origin: ORIGIN,
    broadcast: (message) => {
      broadcasts.push(message)
      return Promise.resolve()
    },
    readRealTime: () => time.realNowMs,
    randomBytes: (length) => {
      randomSeed += 1
      return Uint8Array.from({ length }, (_, index) => (randomSeed * 31 + index) % 256)
    },
  })

  function send<K extends ServiceStem>(
    stem: K,
    payload: WorkerRequestMap[K]['request'],
  ): Promise<WorkerRequestMap[K]['response']> {
    const message = { type: `${stem}_REQUEST`, payload } as ServiceRequestMessage
    return answerServiceRequest(context, message) as Promise<WorkerRequestMap[K]['response']>
  }

  return { store, time, broadcasts, context, send }
}

export async function openWeather(send: ReturnType<typeof setUp>['send']): Promise<ChannelRecord> {
  const result = await send('CHANNEL_OPEN', WEATHER)
  if (result.outcome === 'quota-exceeded') {
    throw new Error(result.message)
  }
  return result.channel
}

export function postToast(
  context: ServiceContext,
  channelUri: string,
  options: { notificationClass?: string; text?: string } = {},
): Promise<MpnsHttpResponse> {
  const xml = `<?xml version="1.0" encoding="utf-8"?><wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>${options.text ?? 'Rain'}</wp:Text1></wp:Toast></wp:Notification>`
  return answerChannelPost(context, {
    method: 'POST',
    url: channelUri,
    headers: [
      ['Content-Type', 'text/xml'],
      ['X-WindowsPhone-Target', 'toast'],
      ['X-NotificationClass', options.notificationClass ?? '2'],
    ],
    body: new TextEncoder().encode(xml),
  })
}

export function readHeader(response: MpnsHttpResponse, name: string): string | undefined {
  return response.headers.find(([candidate]) => candidate === name)?.[1]
}
