import { describe, expect, it } from 'vitest'

import type { ConsoleRequestHandled, WorkerBroadcastMessage } from '@/messaging/messages'
import { toWorkerBroadcastMessage } from '@/messaging/messages'
import { handleChannelFetch } from '@/sw/channel-fetch'
import { answerChannelPost } from '@/sw/channel-post'
import { ONLINE, START_MS, openWeather, setUp } from '@/test/service-harness'

const TOAST_XML =
  '<?xml version="1.0" encoding="utf-8"?><wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>Rain</wp:Text1></wp:Toast></wp:Notification>'

function toastRequest(channelUri: string, notificationClass: string) {
  return {
    method: 'POST',
    url: channelUri,
    headers: [
      ['Content-Type', 'text/xml'],
      ['X-WindowsPhone-Target', 'toast'],
      ['X-NotificationClass', notificationClass],
    ] as Array<[string, string]>,
    body: new TextEncoder().encode(TOAST_XML),
  }
}

function findReports(broadcasts: readonly WorkerBroadcastMessage[]): ConsoleRequestHandled[] {
  return broadcasts.flatMap((message) =>
    message.type === 'CONSOLE_REQUEST_HANDLED_MESSAGE' ? [message.payload] : [],
  )
}

describe('console request report', () => {
  it('reports a queued toast with its window', async () => {
    const { send, context, broadcasts } = setUp()
    await send('DEVICE_STATE', ONLINE)
    const channel = await openWeather(send)

    await answerChannelPost(context, toastRequest(channel.channelUri, '22'), {
      consoleRequestId: 'console-1',
    })

    await expect.poll(() => findReports(broadcasts)).toHaveLength(1)
    const [report] = findReports(broadcasts)
    expect(report).toEqual({
      consoleRequestId: 'console-1',
      token: channel.token,
      status: 200,
      notificationStatus: 'Received',
      subscriptionStatus: 'Active',
      deviceConnectionStatus: 'Connected',
      reason:
        'Received: toast queued for delivery within 900 seconds to Contoso Weather on handset-1.',
      acceptedAt: START_MS,
      queued: {
        deliveryId: expect.any(String) as string,
        handsetId: 'handset-1',
        notificationClass: 22,
        dueAt: START_MS + 900_000,
      },
    })
  })

  it('reports a rejection without a queue entry', async () => {
    const { send, context, broadcasts } = setUp()
    const channel = await openWeather(send)

    const response = await answerChannelPost(context, toastRequest(channel.channelUri, '5'), {
      consoleRequestId: 'console-2',
    })

    expect(response.status).toBe(400)
    await expect.poll(() => findReports(broadcasts)).toHaveLength(1)
    const [report] = findReports(broadcasts)
    expect(report?.status).toBe(400)
    expect(report?.queued).toBeUndefined()
    expect(report?.reason).toMatch(/^Invalid X-NotificationClass "5" for a toast/)
  })

  it('sends one report per request of a batch', async () => {
    const { send, context, broadcasts } = setUp()
    const channel = await openWeather(send)

    await Promise.all(
      ['a', 'b', 'c'].map((id) =>
        answerChannelPost(context, toastRequest(channel.channelUri, '2'), {
          consoleRequestId: id,
        }),
      ),
    )

    await expect
      .poll(() =>
        findReports(broadcasts)
          .map((report) => report.consoleRequestId)
          .sort(),
      )
      .toEqual(['a', 'b', 'c'])
  })

  it('reports nothing for an outside sender', async () => {
    const { send, context, broadcasts } = setUp()
    const channel = await openWeather(send)

    await answerChannelPost(context, toastRequest(channel.channelUri, '2'))
    await answerChannelPost(context, toastRequest(channel.channelUri, '2'), {})

    expect(findReports(broadcasts)).toEqual([])
  })

  it('reads the id from the fetch header', async () => {
    const { send, context, broadcasts } = setUp()
    const channel = await openWeather(send)
    const { headers, body } = toastRequest(channel.channelUri, '2')
    const request = new Request(channel.channelUri, {
      method: 'POST',
      headers: [...headers, ['X-Emulator-Console-Request', 'console-4']],
      body,
    })

    const response = await handleChannelFetch(() => Promise.resolve(context), request)

    expect(response.status).toBe(200)
    await expect.poll(() => findReports(broadcasts)).toHaveLength(1)
    expect(findReports(broadcasts)[0]?.consoleRequestId).toBe('console-4')
  })

  it('passes the page validator', async () => {
    const { send, context, broadcasts } = setUp()
    const channel = await openWeather(send)

    await answerChannelPost(context, toastRequest(channel.channelUri, '12'), {
      consoleRequestId: 'console-3',
    })

    await expect.poll(() => findReports(broadcasts)).toHaveLength(1)
    const message = broadcasts.find(
      (candidate) => candidate.type === 'CONSOLE_REQUEST_HANDLED_MESSAGE',
    )
    expect(toWorkerBroadcastMessage(structuredClone(message))).toEqual(message)
  })
})
