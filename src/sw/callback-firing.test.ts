import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { ChannelRecord } from '@/mpns/types'
import type { WorkerBroadcastMessage } from '@/messaging/messages'
import { MINUTE_MS, ONLINE, WEATHER, postToast, readHeader, setUp } from '@/test/service-harness'

import { answerChannelPost } from './channel-post'
import { handleChannelFetch } from './channel-fetch'
import type { ServiceContext } from './service-context'

const SERVICE = 'push.contoso.example'
const CALLBACK_URI = 'http://127.0.0.1:9000/inactive'
const OFFLINE = { ...ONLINE, network: 'offline' as const }

type Harness = ReturnType<typeof setUp>

async function openServiceChannel(send: Harness['send']): Promise<ChannelRecord> {
  const result = await send('CHANNEL_OPEN', { ...WEATHER, serviceName: SERVICE })
  if (result.outcome === 'quota-exceeded') {
    throw new Error(result.message)
  }
  return result.channel
}

function registerCallback(context: ServiceContext, channel: ChannelRecord, body = 'blob') {
  return answerChannelPost(context, {
    method: 'POST',
    url: `${channel.channelUri}/callback`,
    headers: [['X-CallbackURI', CALLBACK_URI]],
    body: new TextEncoder().encode(body),
  })
}

function dueCallbacks(broadcasts: WorkerBroadcastMessage[]) {
  return broadcasts.flatMap((message) =>
    message.type === 'CALLBACKS_DUE_MESSAGE' ? message.payload.callbacks : [],
  )
}

async function goInactive(harness: Harness): Promise<void> {
  await harness.send('DEVICE_STATE', OFFLINE)
  await harness.send('CLOCK_UPDATE', { advanceMs: 61 * MINUTE_MS })
}

/** Takes the handset offline and lets an hour of real time pass, with no event in between. */
async function goAwayForAnHour(harness: Harness): Promise<void> {
  await harness.send('DEVICE_STATE', OFFLINE)
  harness.time.realNowMs += 61 * MINUTE_MS
}

beforeEach(() => {
  // Channel changes and fired callbacks are logged; the tests check state and broadcasts instead.
  vi.spyOn(console, 'info').mockImplementation(() => undefined)
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('callback firing', () => {
  it('fires once when a contact finds the handset Inactive', async () => {
    const harness = setUp()
    const channel = await openServiceChannel(harness.send)
    const registered = await registerCallback(harness.context, channel, 'state=42')
    await goAwayForAnHour(harness)

    await harness.send('PENDING', { handsetId: ONLINE.handsetId })
    await harness.send('PENDING', { handsetId: ONLINE.handsetId })

    expect(registered.status).toBe(200)
    expect(dueCallbacks(harness.broadcasts)).toEqual([
      {
        callbackId: expect.stringMatching(new RegExp(`^${channel.token}:\\d+$`)) as string,
        token: channel.token,
        handsetId: 'handset-1',
        appId: 'contoso-weather',
        appName: 'Contoso Weather',
        callbackUri: CALLBACK_URI,
        body: new TextEncoder().encode('state=42'),
      },
    ])
    const stored = await harness.store.readState()
    expect(stored.channels[0]?.callback?.firedAt).toBeDefined()
    expect(stored.devices[0]?.inactiveNoticedAt).toBeDefined()
  })

  it('fires when a clock jump makes an offline handset Inactive', async () => {
    const harness = setUp()
    const channel = await openServiceChannel(harness.send)
    await registerCallback(harness.context, channel)

    await goInactive(harness)

    expect(dueCallbacks(harness.broadcasts)).toHaveLength(1)
  })

  it('fires when a notification gets 412', async () => {
    const harness = setUp()
    const channel = await openServiceChannel(harness.send)
    await registerCallback(harness.context, channel)
    await goAwayForAnHour(harness)

    const response = await postToast(harness.context, channel.channelUri)

    expect(response.status).toBe(412)
    expect(dueCallbacks(harness.broadcasts)).toHaveLength(1)
  })

  it('stays silent before the Inactive time', async () => {
    const harness = setUp()
    const channel = await openServiceChannel(harness.send)
    await registerCallback(harness.context, channel)
    await harness.send('DEVICE_STATE', OFFLINE)
    await harness.send('CLOCK_UPDATE', { advanceMs: 59 * MINUTE_MS })

    await harness.send('PENDING', { handsetId: ONLINE.handsetId })
    const response = await postToast(harness.context, channel.channelUri)

    expect(readHeader(response, 'X-DeviceConnectionStatus')).toBe('TempDisconnected')
    expect(dueCallbacks(harness.broadcasts)).toEqual([])
  })

  it('fires again after the handset returns and the service registers again', async () => {
    const harness = setUp()
    const channel = await openServiceChannel(harness.send)
    await registerCallback(harness.context, channel)
    await goInactive(harness)
    await harness.send('PENDING', { handsetId: ONLINE.handsetId })
    await harness.send('DEVICE_STATE', ONLINE)

    await registerCallback(harness.context, channel, 'second')
    await goInactive(harness)
    await harness.send('PENDING', { handsetId: ONLINE.handsetId })

    expect(
      dueCallbacks(harness.broadcasts).map(({ body }) => new TextDecoder().decode(body)),
    ).toEqual(['blob', 'second'])
  })
})

describe('relayed request headers', () => {
  function relayedToast(channel: ChannelRecord, headers: Record<string, string>): Request {
    const path = new URL(channel.channelUri).pathname
    return new Request(`http://127.0.0.1:5399${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'text/xml',
        'X-WindowsPhone-Target': 'toast',
        'X-NotificationClass': '2',
        ...headers,
      },
      body: '<?xml version="1.0"?><wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>Hi</wp:Text1></wp:Toast></wp:Notification>',
    })
  }

  it('answers with the certificate check of the sender URI', async () => {
    const harness = setUp()
    const channel = await openServiceChannel(harness.send)
    const getContext = () => Promise.resolve(harness.context)

    const matching = await handleChannelFetch(
      getContext,
      relayedToast(channel, {
        'X-Emulator-Channel-Uri': channel.channelUri,
        'X-Emulator-Client-Certificate': SERVICE,
      }),
    )
    const foreign = await handleChannelFetch(
      getContext,
      relayedToast(channel, {
        'X-Emulator-Channel-Uri': channel.channelUri,
        'X-Emulator-Client-Certificate': 'push.fabrikam.example',
      }),
    )

    expect(matching.status).toBe(200)
    expect(foreign.status).toBe(403)
    expect(foreign.headers.get('X-Emulator-Reason')).toContain('push.fabrikam.example')
  })

  it('answers 401 when the sender used plain HTTP', async () => {
    const harness = setUp()
    const channel = await openServiceChannel(harness.send)
    const httpUri = channel.channelUri.replace(/^https:\/\/[^/]+/, 'http://127.0.0.1:5399')

    const response = await handleChannelFetch(
      () => Promise.resolve(harness.context),
      relayedToast(channel, { 'X-Emulator-Channel-Uri': httpUri }),
    )

    expect(response.status).toBe(401)
  })

  it('ignores a sender URI for another path', async () => {
    const harness = setUp()
    const channel = await openServiceChannel(harness.send)

    const response = await handleChannelFetch(
      () => Promise.resolve(harness.context),
      relayedToast(channel, {
        'X-Emulator-Channel-Uri': 'https://127.0.0.1:5443/unthrottledthirdparty/01.00/other',
      }),
    )

    expect(response.status).toBe(401)
  })
})
