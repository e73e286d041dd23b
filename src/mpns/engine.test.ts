import { describe, expect, it } from 'vitest'

import { DEFAULT_ENGINE_SETTINGS, handleChannelRequest } from './engine'
import type { ChannelRequestInput } from './engine'
import type { ChannelRecord, DeviceRecord, HeaderEntry, MpnsHttpRequest } from './types'

const NOW = 784111777000
const DATE = 'Sun, 06 Nov 1994 08:49:37 GMT'
const TOKEN = 'AQHgHh2f6rXWRK3CfZ1d1sCeAgAAAAADAQAAAAQUZm52OkJCMjg1QTg1QkZDMkUxREQFBlVTU0MwMQ'
const CHANNEL_URI = `http://127.0.0.1:5173/throttledthirdparty/01.00/${TOKEN}`
const UUID = '1b4e28ba-2fa1-11d2-883f-0016d3cca427'

const CHANNEL: ChannelRecord = {
  token: TOKEN,
  channelUri: CHANNEL_URI,
  handsetId: 'handset-1',
  appId: 'contoso-weather',
  appName: 'Contoso Weather',
  channelName: 'WeatherChannel',
  boundToast: true,
  boundTile: true,
  openedAt: NOW - 60_000,
}

const DEVICE: DeviceRecord = {
  handsetId: 'handset-1',
  foregroundAppId: 'contoso-weather',
  lastContactAt: NOW - 1_000,
}

const TOAST_XML =
  '<?xml version="1.0" encoding="utf-8"?><wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>Snow</wp:Text1></wp:Toast></wp:Notification>'
const TILE_XML =
  '<?xml version="1.0" encoding="utf-8"?><wp:Notification xmlns:wp="WPNotification"><wp:Tile><wp:Count>3</wp:Count></wp:Tile></wp:Notification>'

const TOAST_HEADERS: HeaderEntry[] = [
  ['Content-Type', 'text/xml'],
  ['X-WindowsPhone-Target', 'toast'],
  ['X-NotificationClass', '2'],
]

function createInput(overrides: {
  method?: string
  url?: string
  headers?: readonly HeaderEntry[]
  body?: string
  channel?: ChannelRecord | undefined
  device?: DeviceRecord | undefined
}): ChannelRequestInput {
  const request: MpnsHttpRequest = {
    method: overrides.method ?? 'POST',
    url: overrides.url ?? CHANNEL_URI,
    headers: overrides.headers ?? TOAST_HEADERS,
    body: new TextEncoder().encode(overrides.body ?? TOAST_XML),
  }
  return {
    request,
    channel: 'channel' in overrides ? overrides.channel : CHANNEL,
    device: 'device' in overrides ? overrides.device : DEVICE,
    now: NOW,
    settings: DEFAULT_ENGINE_SETTINGS,
    deliveryId: 'delivery-1',
  }
}

function statusHeaders(notificationStatus: string, deviceConnectionStatus: string): HeaderEntry[] {
  return [
    ['X-NotificationStatus', notificationStatus],
    ['X-DeviceConnectionStatus', deviceConnectionStatus],
    ['X-SubscriptionStatus', 'Active'],
  ]
}

describe('handleChannelRequest', () => {
  it.each(['GET', 'PUT', 'DELETE', 'post'])('answers %s with 405', (method) => {
    const input = createInput({
      method,
      channel: undefined,
      headers: [['X-MessageID', UUID]],
    })
    const message = `Invalid method "${method}" on a channel URI: MPNS accepts only POST. Send the notification with POST.`

    expect(handleChannelRequest(input)).toEqual({
      response: {
        status: 405,
        statusText: 'Method Not Allowed',
        headers: [
          ['X-MessageID', UUID],
          ['Date', DATE],
          ['X-Emulator-Reason', message],
          ['Content-Type', 'text/plain; charset=utf-8'],
        ],
        body: message,
      },
    })
  })

  it.each([
    [
      'a URI over 1,024 characters',
      `${CHANNEL_URI}?${'x'.repeat(1024 - CHANNEL_URI.length)}`,
      `Malformed channel URI: it is 1025 characters long, over the 1024-character limit. Use the channel URI exactly as the phone reported it.`,
    ],
    [
      'an encoded slash in the token',
      'http://127.0.0.1:5173/throttledthirdparty/01.00/AQ%2Fx',
      'Malformed channel URI: its token "AQ/x" contains characters other than A-Z, a-z, 0-9, "-", "_", "." and "~". Use the channel URI exactly as the phone reported it.',
    ],
    [
      'a space in the token',
      'http://127.0.0.1:5173/throttledthirdparty/01.00/AQ%20x',
      'Malformed channel URI: its token "AQ x" contains characters other than A-Z, a-z, 0-9, "-", "_", "." and "~". Use the channel URI exactly as the phone reported it.',
    ],
    [
      'a broken escape in the token',
      'http://127.0.0.1:5173/throttledthirdparty/01.00/AQ%zz',
      'Malformed channel URI: its token "AQ%zz" contains characters other than A-Z, a-z, 0-9, "-", "_", "." and "~". Use the channel URI exactly as the phone reported it.',
    ],
    [
      'a missing token',
      'http://127.0.0.1:5173/throttledthirdparty/01.00/',
      'Malformed channel URI: it has no channel token after the path prefix. Use the channel URI exactly as the phone reported it.',
    ],
    [
      'another path',
      'http://127.0.0.1:5173/thirdparty/AQabc',
      'Malformed channel URI: its path does not start with /throttledthirdparty/01.00/ or /unthrottledthirdparty/01.00/. Use the channel URI exactly as the phone reported it.',
    ],
  ])('answers %s with 400', (_name, url, message) => {
    const result = handleChannelRequest(createInput({ url, channel: undefined }))

    expect(result).toEqual({
      response: {
        status: 400,
        statusText: 'Bad Request',
        headers: [
          ['Date', DATE],
          ['X-Emulator-Reason', message],
          ['Content-Type', 'text/plain; charset=utf-8'],
        ],
        body: message,
      },
    })
  })

  it('accepts a URI of exactly 1,024 characters', () => {
    const url = `${CHANNEL_URI}?${'x'.repeat(1023 - CHANNEL_URI.length)}`
    const result = handleChannelRequest(createInput({ url }))

    expect(url.length).toBe(1024)
    expect(result.response.status).toBe(200)
  })

  it('answers an unknown token with 404 Dropped', () => {
    const result = handleChannelRequest(
      createInput({
        channel: undefined,
        headers: [...TOAST_HEADERS, ['x-messageid', UUID]],
      }),
    )
    const message =
      'Dropped: channel token "AQHgHh2f..." was never issued or has expired. Delete this channel URI.'

    expect(result).toEqual({
      response: {
        status: 404,
        statusText: 'Not Found',
        headers: [
          ['X-NotificationStatus', 'Dropped'],
          ['X-DeviceConnectionStatus', 'Disconnected'],
          ['X-SubscriptionStatus', 'Expired'],
          ['X-MessageID', UUID],
          ['Date', DATE],
          ['X-Emulator-Reason', message],
          ['Content-Type', 'text/plain; charset=utf-8'],
        ],
        body: message,
      },
      notificationStatus: 'Dropped',
    })
  })

  it('answers a request error with 400 and the message id', () => {
    const headers: HeaderEntry[] = [
      ...TOAST_HEADERS.slice(0, 2),
      ['X-NotificationClass', '5'],
      ['X-MessageID', UUID],
    ]
    const message =
      'Invalid X-NotificationClass "5" for a toast: toasts accept 2, 12 or 22. Set the header to one of those values. Class 5 is for raw notifications.'

    expect(handleChannelRequest(createInput({ headers }))).toEqual({
      response: {
        status: 400,
        statusText: 'Bad Request',
        headers: [
          ['X-MessageID', UUID],
          ['Date', DATE],
          ['X-Emulator-Reason', message],
          ['Content-Type', 'text/plain; charset=utf-8'],
        ],
        body: message,
      },
    })
  })

  it('queues a toast and answers 200 Received', () => {
    const result = handleChannelRequest(
      createInput({ headers: [...TOAST_HEADERS, ['X-MessageID', UUID]] }),
    )

    expect(result).toEqual({
      response: {
        status: 200,
        statusText: 'OK',
        headers: [
          ...statusHeaders('Received', 'Connected'),
          ['X-MessageID', UUID],
          ['Date', DATE],
          [
            'X-Emulator-Reason',
            'Received: toast queued for immediate delivery to Contoso Weather on handset-1.',
          ],
        ],
        body: '',
      },
      enqueue: {
        deliveryId: 'delivery-1',
        token: TOKEN,
        handsetId: 'handset-1',
        appId: 'contoso-weather',
        notificationClass: 2,
        acceptedAt: NOW,
        dueAt: NOW,
        messageId: UUID,
        payload: { type: 'toast', toast: { text1: 'Snow', silent: false } },
      },
      notificationStatus: 'Received',
    })
  })

  it.each([
    [
      'a tile in 450 seconds',
      [
        ['Content-Type', 'text/xml'],
        ['X-WindowsPhone-Target', 'token'],
        ['X-NotificationClass', '11'],
      ],
      TILE_XML,
      450_000,
      'Received: tile update queued for delivery within 450 seconds to Contoso Weather on handset-1.',
    ],
    [
      'a raw notification in 900 seconds',
      [['X-NotificationClass', '23']],
      '{"sync":true}',
      900_000,
      'Received: raw notification queued for delivery within 900 seconds to Contoso Weather on handset-1.',
    ],
  ] as const)('queues %s', (_name, headers, body, delayMs, reason) => {
    const result = handleChannelRequest(createInput({ headers, body }))

    expect(result.enqueue?.dueAt).toBe(NOW + delayMs)
    expect(result.enqueue?.acceptedAt).toBe(NOW)
    expect(result.enqueue).not.toHaveProperty('messageId')
    expect(result.response.headers).toContainEqual(['X-Emulator-Reason', reason])
    expect(result.notificationStatus).toBe('Received')
  })

  it('answers TempDisconnected when the handset never connected', () => {
    const result = handleChannelRequest(createInput({ device: undefined }))

    expect(result.response.headers.slice(0, 3)).toEqual(
      statusHeaders('Received', 'TempDisconnected'),
    )
    expect(result.response.headers).toContainEqual([
      'X-Emulator-Reason',
      'Received: toast queued for immediate delivery to Contoso Weather on handset-1, which is not connected, so delivery waits until it reconnects.',
    ])
    expect(result.enqueue?.deliveryId).toBe('delivery-1')
  })

  it('sends the warnings with the response', () => {
    const headers: HeaderEntry[] = [
      ['X-WindowsPhone-Target', 'Toast'],
      ['X-NotificationClass', '2'],
    ]
    const result = handleChannelRequest(createInput({ headers }))

    expect(result.response.headers).toContainEqual([
      'X-Emulator-Warning',
      'X-WindowsPhone-Target "Toast" was read as "toast". Send it in lower case, as MPNS documents it.; Content-Type is missing on a toast request. The body is parsed as XML anyway, but send Content-Type: text/xml.',
    ])
    expect(result.enqueue).toBeDefined()
  })

  it.each([
    [
      'a toast to a channel not bound to toasts',
      { ...CHANNEL, boundToast: false },
      DEVICE,
      TOAST_HEADERS,
      TOAST_XML,
      'Suppressed: the channel of "Contoso Weather" is not bound to toast notifications (the user declined them), so MPNS drops toasts for it.',
    ],
    [
      'a tile to a channel not bound to tiles',
      { ...CHANNEL, boundTile: false },
      DEVICE,
      [
        ['Content-Type', 'text/xml'],
        ['X-WindowsPhone-Target', 'token'],
        ['X-NotificationClass', '1'],
      ],
      TILE_XML,
      'Suppressed: the channel of "Contoso Weather" is not bound to tile notifications, so MPNS drops tile updates for it.',
    ],
    [
      'a raw notification while another app runs',
      CHANNEL,
      { ...DEVICE, foregroundAppId: 'other-app' },
      [['X-NotificationClass', '3']],
      'ping',
      'Suppressed: "Contoso Weather" is not running on handset-1, so MPNS drops raw notifications for it.',
    ],
    [
      'a raw notification on the Start screen',
      CHANNEL,
      { ...DEVICE, foregroundAppId: null },
      [['X-NotificationClass', '3']],
      'ping',
      'Suppressed: "Contoso Weather" is not running on handset-1, so MPNS drops raw notifications for it.',
    ],
  ] as const)('suppresses %s', (_name, channel, device, headers, body, reason) => {
    const result = handleChannelRequest(createInput({ channel, device, headers, body }))

    expect(result).toEqual({
      response: {
        status: 200,
        statusText: 'OK',
        headers: [
          ...statusHeaders('Suppressed', 'Connected'),
          ['Date', DATE],
          ['X-Emulator-Reason', reason],
        ],
        body: '',
      },
      notificationStatus: 'Suppressed',
    })
  })

  it('suppresses a raw notification to a handset that never connected', () => {
    const result = handleChannelRequest(
      createInput({
        device: undefined,
        headers: [['X-NotificationClass', '3']],
        body: 'ping',
      }),
    )

    expect(result.response.headers.slice(0, 3)).toEqual(
      statusHeaders('Suppressed', 'TempDisconnected'),
    )
    expect(result.enqueue).toBeUndefined()
  })

  it('accepts an authenticated channel URI', () => {
    const url = `https://127.0.0.1:5174/unthrottledthirdparty/01.00/${TOKEN}`
    const result = handleChannelRequest(createInput({ url }))

    expect(result.notificationStatus).toBe('Received')
  })

  it('fails loudly when the channel record names another token', () => {
    const input = createInput({ channel: { ...CHANNEL, token: 'AQother' } })

    expect(() => handleChannelRequest(input)).toThrow(
      `Failed to answer a channel request: the channel record is for token AQother, the URI names ${TOKEN}`,
    )
  })
})
