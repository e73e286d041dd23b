import { describe, expect, it } from 'vitest'

import {
  buildChannel,
  buildDevice,
  buildInput,
  buildRequest,
  RAW_HEADERS,
  TEST_DATE,
  TEST_NOW,
  TEST_TOKEN,
  TEST_UUID,
  THROTTLED_URI,
  TILE_HEADERS,
  tileXml,
  TOAST_HEADERS,
  toastXml,
  UNTHROTTLED_URI,
  withHeader,
} from '@/test/engine-builders'

import { handleChannelRequest } from './engine'
import type { ChannelCloseReason, HeaderEntry } from './types'

const TOAST_XML = toastXml('<wp:Text1>Snow</wp:Text1>')
const TILE_XML = tileXml('<wp:Count>3</wp:Count>')
const PLAIN_TEXT: HeaderEntry = ['Content-Type', 'text/plain; charset=utf-8']

function toastRequest(headers: readonly HeaderEntry[] = TOAST_HEADERS) {
  return buildRequest({ headers, body: TOAST_XML })
}

function statusHeaders(
  notificationStatus: string,
  deviceConnectionStatus: string,
  subscriptionStatus = 'Active',
): HeaderEntry[] {
  return [
    ['X-NotificationStatus', notificationStatus],
    ['X-DeviceConnectionStatus', deviceConnectionStatus],
    ['X-SubscriptionStatus', subscriptionStatus],
  ]
}

function readReason(headers: readonly HeaderEntry[]): string | undefined {
  return headers.find(([name]) => name === 'X-Emulator-Reason')?.[1]
}

describe('handleChannelRequest', () => {
  it('returns 503 while the service is down', () => {
    const input = buildInput(
      buildRequest({ method: 'GET', headers: [['X-MessageID', TEST_UUID]] }),
      {
        settings: { serviceDown: true },
      },
    )
    const message =
      'Service Unavailable: the push service was taken down in the emulator console, so it responds to every request with 503. Bring it back up in the console, then resend with exponential backoff.'

    expect(handleChannelRequest(input)).toEqual({
      response: {
        status: 503,
        statusText: 'Service Unavailable',
        headers: [
          ['X-MessageID', TEST_UUID],
          ['Date', TEST_DATE],
          ['X-Emulator-Reason', message],
          PLAIN_TEXT,
        ],
        body: message,
      },
      errorCode: 'SERVICE_UNAVAILABLE',
    })
  })

  it.each(['GET', 'PUT', 'DELETE', 'post'])('returns 405 for method %s', (method) => {
    const input = buildInput(buildRequest({ method, headers: [['X-MessageID', TEST_UUID]] }), {
      channel: undefined,
    })
    const message = `Invalid method "${method}" on a channel URI: MPNS accepts only POST. Send the notification with POST.`

    expect(handleChannelRequest(input)).toEqual({
      response: {
        status: 405,
        statusText: 'Method Not Allowed',
        headers: [
          ['X-MessageID', TEST_UUID],
          ['Date', TEST_DATE],
          ['X-Emulator-Reason', message],
          PLAIN_TEXT,
        ],
        body: message,
      },
      errorCode: 'METHOD_NOT_ALLOWED',
    })
  })

  it.each([
    [
      'a URI over 1,024 characters',
      `${THROTTLED_URI}?${'x'.repeat(1024 - THROTTLED_URI.length)}`,
      'Malformed channel URI: it is 1025 characters long, over the 1024-character limit. Use the channel URI exactly as the phone reported it.',
    ],
    [
      'an encoded slash in the token',
      'http://127.0.0.1:5173/throttledthirdparty/01.00/AQ%2Fx',
      'Malformed channel URI: its token "AQ/x" contains characters other than A-Z, a-z, 0-9, "-", "_", "." and "~". Use the channel URI exactly as the phone reported it.',
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
  ])('returns 400 for %s', (_name, url, message) => {
    const result = handleChannelRequest(buildInput(buildRequest({ url }), { channel: undefined }))

    expect(result).toEqual({
      response: {
        status: 400,
        statusText: 'Bad Request',
        headers: [['Date', TEST_DATE], ['X-Emulator-Reason', message], PLAIN_TEXT],
        body: message,
      },
      errorCode: 'MALFORMED_CHANNEL_URI',
    })
  })

  it('accepts a URI of exactly 1,024 characters', () => {
    const url = `${THROTTLED_URI}?${'x'.repeat(1023 - THROTTLED_URI.length)}`
    const result = handleChannelRequest(
      buildInput(buildRequest({ url, headers: TOAST_HEADERS, body: TOAST_XML })),
    )

    expect(url.length).toBe(1024)
    expect(result.response.status).toBe(200)
  })

  it('returns 401 for plain HTTP to an authenticated channel', () => {
    const url = UNTHROTTLED_URI.replace('https:', 'http:')
    const message =
      'Unauthorized: the request used plain HTTP for an authenticated channel URI (/unthrottledthirdparty/01.00/). Authenticated channels take HTTPS with the client certificate of the service, so send to the https: URI with that certificate.'

    expect(handleChannelRequest(buildInput(buildRequest({ url, body: TOAST_XML })))).toEqual({
      response: {
        status: 401,
        statusText: 'Unauthorized',
        headers: [['Date', TEST_DATE], ['X-Emulator-Reason', message], PLAIN_TEXT],
        body: message,
      },
      errorCode: 'UNAUTHORIZED',
    })
  })

  it('returns 404 Dropped for an unknown token', () => {
    const headers = [...TOAST_HEADERS, ['x-messageid', TEST_UUID] as const]
    const result = handleChannelRequest(buildInput(toastRequest(headers), { channel: undefined }))
    const message =
      'Dropped: channel token "AQHgHh2f..." was never issued or has expired. Delete this channel URI.'

    expect(result).toEqual({
      response: {
        status: 404,
        statusText: 'Not Found',
        headers: [
          ...statusHeaders('Dropped', 'Disconnected', 'Expired'),
          ['X-MessageID', TEST_UUID],
          ['Date', TEST_DATE],
          ['X-Emulator-Reason', message],
          PLAIN_TEXT,
        ],
        body: message,
      },
      notificationStatus: 'Dropped',
      errorCode: 'CHANNEL_NOT_FOUND',
    })
  })

  it('returns 200 for an unknown token when probe-resistant', () => {
    const input = buildInput(buildRequest({ headers: [['X-MessageID', TEST_UUID]], body: '<' }), {
      channel: undefined,
      settings: { unknownTokenAnswer: 'probe-resistant' },
    })

    expect(handleChannelRequest(input)).toEqual({
      response: {
        status: 200,
        statusText: 'OK',
        headers: [
          ...statusHeaders('Received', 'Connected'),
          ['X-MessageID', TEST_UUID],
          ['Date', TEST_DATE],
          [
            'X-Emulator-Reason',
            'Received, but dropped: channel token "AQHgHh2f..." was never issued. The probe-resistant unknown-token setting responds with 200 Received, as one book says MPNS did so that outsiders cannot probe for tokens. Check the channel URI if the notification was meant to arrive.',
          ],
        ],
        body: '',
      },
      notificationStatus: 'Received',
    })
  })

  it.each<[ChannelCloseReason, string]>([
    [
      'closed-by-app',
      'the app closed the channel, so its subscription has expired. Delete this channel URI, and use the one the app sends when it opens a channel again.',
    ],
    [
      'uninstalled',
      'the app was uninstalled, so its subscription has expired. Delete this channel URI.',
    ],
    [
      'app-exited',
      'the channel was bound to raw notifications only and closed when the app exited, so its subscription has expired. Delete this channel URI, and use the one the app sends when it runs again.',
    ],
    [
      'renewed',
      'the app renewed its channel URI, so its subscription has expired. Delete this channel URI, and send to the new channel URI the app reported.',
    ],
  ])('returns 404 for a channel closed as %s', (closeReason, explanation) => {
    const channel = buildChannel({ closedAt: TEST_NOW - 5_000, closeReason })
    const device = buildDevice({ network: 'offline', offlineSince: TEST_NOW - 60_000 })
    const message = `Dropped: the channel of "Contoso Weather" is closed because ${explanation}`

    expect(handleChannelRequest(buildInput(toastRequest(), { channel, device }))).toEqual({
      response: {
        status: 404,
        statusText: 'Not Found',
        headers: [
          ...statusHeaders('Dropped', 'TempDisconnected', 'Expired'),
          ['Date', TEST_DATE],
          ['X-Emulator-Reason', message],
          PLAIN_TEXT,
        ],
        body: message,
      },
      notificationStatus: 'Dropped',
      errorCode: 'CHANNEL_CLOSED',
    })
  })

  it('returns 400 with the message id for a request error', () => {
    const headers = withHeader(
      [...TOAST_HEADERS, ['X-MessageID', TEST_UUID]],
      'X-NotificationClass',
      '5',
    )
    const message =
      'Invalid X-NotificationClass "5" for a toast: toasts accept 2, 12 or 22. Set the header to one of those values. Class 5 is for raw notifications.'

    expect(handleChannelRequest(buildInput(toastRequest(headers)))).toEqual({
      response: {
        status: 400,
        statusText: 'Bad Request',
        headers: [
          ['X-MessageID', TEST_UUID],
          ['Date', TEST_DATE],
          ['X-Emulator-Reason', message],
          PLAIN_TEXT,
        ],
        body: message,
      },
      errorCode: 'INVALID_NOTIFICATION_CLASS',
    })
  })

  it('returns 400 for a sender warning in strict mode', () => {
    const headers = withHeader(TOAST_HEADERS, 'X-WindowsPhone-Target', 'Toast')
    const warning =
      'X-WindowsPhone-Target "Toast" was read as "toast". Send it in lower case, as MPNS documents it.'
    const message = `Rejected in strict mode: the request has 1 sender warning, which strict mode treats as errors. [TARGET_LETTER_CASE] ${warning} Fix them, or turn strict mode off to accept them with warnings.`
    const result = handleChannelRequest(
      buildInput(toastRequest(headers), { settings: { strictMode: true } }),
    )

    expect(result).toEqual({
      response: {
        status: 400,
        statusText: 'Bad Request',
        headers: [
          ['Date', TEST_DATE],
          ['X-Emulator-Reason', message],
          ['X-Emulator-Warning', warning],
          PLAIN_TEXT,
        ],
        body: message,
      },
      warnings: [{ code: 'TARGET_LETTER_CASE', message: warning }],
      errorCode: 'STRICT_MODE_WARNING',
    })
  })

  it('returns 412 for an Inactive handset and notes the time', () => {
    const device = buildDevice({ network: 'offline', offlineSince: TEST_NOW - 75 * 60_000 })
    const result = handleChannelRequest(
      buildInput(toastRequest([...TOAST_HEADERS, ['X-MessageID', TEST_UUID]]), { device }),
    )
    const message =
      'Dropped: handset-1 has been offline for 75 minutes, at least the 60 minutes after which a handset is Inactive. Retry at most once an hour, because notifications are accepted again only after the handset reconnects.'

    expect(result).toEqual({
      response: {
        status: 412,
        statusText: 'Precondition Failed',
        headers: [
          ['X-NotificationStatus', 'Dropped'],
          ['X-DeviceConnectionStatus', 'Inactive'],
          ['X-MessageID', TEST_UUID],
          ['Date', TEST_DATE],
          ['X-Emulator-Reason', message],
          PLAIN_TEXT,
        ],
        body: message,
      },
      notificationStatus: 'Dropped',
      errorCode: 'DEVICE_INACTIVE',
      device: { ...device, inactiveNoticedAt: TEST_NOW },
    })
  })

  it('keeps the first time the handset was found Inactive', () => {
    const device = buildDevice({
      network: 'offline',
      offlineSince: TEST_NOW - 120 * 60_000,
      inactiveNoticedAt: TEST_NOW - 60 * 60_000,
    })
    const result = handleChannelRequest(buildInput(toastRequest(), { device }))

    expect(result.response.status).toBe(412)
    expect(result).not.toHaveProperty('device')
  })

  it('returns 406 for an exhausted daily quota', () => {
    const usage = { token: TEST_TOKEN, day: '2013-10-22', count: 500 }
    const result = handleChannelRequest(buildInput(toastRequest(), { usage }))
    const message =
      'Dropped: the channel of "Contoso Weather" has used its daily quota of 500 notifications for 2013-10-22 (UTC day of the engine clock). Retry at most once an hour after midnight UTC, or send through an authenticated channel, which has no quota.'

    expect(result).toEqual({
      response: {
        status: 406,
        statusText: 'Not Acceptable',
        headers: [
          ...statusHeaders('Dropped', 'Connected'),
          ['Date', TEST_DATE],
          ['X-Emulator-Reason', message],
          PLAIN_TEXT,
        ],
        body: message,
      },
      notificationStatus: 'Dropped',
      errorCode: 'DAILY_QUOTA_EXCEEDED',
    })
  })

  it('queues a toast, counts it and returns 200 Received', () => {
    const usage = { token: TEST_TOKEN, day: '2013-10-22', count: 41 }
    const headers = [...TOAST_HEADERS, ['X-MessageID', TEST_UUID] as const]
    const result = handleChannelRequest(buildInput(toastRequest(headers), { usage }))

    expect(result).toEqual({
      response: {
        status: 200,
        statusText: 'OK',
        headers: [
          ...statusHeaders('Received', 'Connected'),
          ['X-MessageID', TEST_UUID],
          ['Date', TEST_DATE],
          [
            'X-Emulator-Reason',
            'Received: toast queued for immediate delivery to Contoso Weather on handset-1.',
          ],
        ],
        body: '',
      },
      notificationStatus: 'Received',
      enqueue: {
        deliveryId: 'delivery-1',
        token: TEST_TOKEN,
        handsetId: 'handset-1',
        appId: 'contoso-weather',
        notificationClass: 2,
        acceptedAt: TEST_NOW,
        dueAt: TEST_NOW,
        messageId: TEST_UUID,
        payload: { type: 'toast', toast: { text1: 'Snow', silent: false } },
      },
      usage: { token: TEST_TOKEN, day: '2013-10-22', count: 42 },
    })
  })

  it.each([
    [
      'a tile in 450 seconds',
      withHeader(TILE_HEADERS, 'X-NotificationClass', '11'),
      TILE_XML,
      450_000,
      'Received: tile update queued for delivery within 450 seconds to Contoso Weather on handset-1.',
    ],
    [
      'a raw notification in 900 seconds',
      withHeader(RAW_HEADERS, 'X-NotificationClass', '23'),
      '{"sync":true}',
      900_000,
      'Received: raw notification queued for delivery within 900 seconds to Contoso Weather on handset-1.',
    ],
  ] as const)('queues %s', (_name, headers, body, delayMs, reason) => {
    const result = handleChannelRequest(buildInput(buildRequest({ headers, body })))

    expect(result.enqueue?.dueAt).toBe(TEST_NOW + delayMs)
    expect(result.enqueue?.acceptedAt).toBe(TEST_NOW)
    expect(result.enqueue).not.toHaveProperty('messageId')
    expect(readReason(result.response.headers)).toBe(reason)
    expect(result.notificationStatus).toBe('Received')
  })

  it.each([
    [
      'a handset that never connected',
      undefined,
      'Received: toast queued for immediate delivery to Contoso Weather on handset-1, which is not connected yet, so delivery waits until it connects.',
    ],
    [
      'an offline handset',
      buildDevice({ network: 'offline', offlineSince: TEST_NOW - 59 * 60_000 }),
      'Received: toast queued for immediate delivery to Contoso Weather on handset-1, which is offline, so delivery waits until it connects.',
    ],
  ])('returns TempDisconnected for %s', (_name, device, reason) => {
    const result = handleChannelRequest(buildInput(toastRequest(), { device }))

    expect(result.response.headers.slice(0, 3)).toEqual(
      statusHeaders('Received', 'TempDisconnected'),
    )
    expect(readReason(result.response.headers)).toBe(reason)
    expect(result.enqueue?.deliveryId).toBe('delivery-1')
  })

  it('sends the warnings with the response', () => {
    const headers: HeaderEntry[] = [
      ['X-WindowsPhone-Target', 'Toast'],
      ['X-NotificationClass', '2'],
    ]
    const result = handleChannelRequest(buildInput(toastRequest(headers)))

    expect(result.response.headers).toContainEqual([
      'X-Emulator-Warning',
      'X-WindowsPhone-Target "Toast" was read as "toast". Send it in lower case, as MPNS documents it.; Content-Type is missing on a toast request. The body is parsed as XML anyway, but send Content-Type: text/xml.',
    ])
    expect(result.warnings?.map(({ code }) => code)).toEqual([
      'TARGET_LETTER_CASE',
      'CONTENT_TYPE_NOT_XML',
    ])
    expect(result.enqueue).toBeDefined()
  })

  it('warns about a tile update in another template', () => {
    const body = tileXml('<wp:WideContent1>Lunch?</wp:WideContent1>', {
      tileAttributes: 'Template="IconicTile"',
      version: true,
    })
    const result = handleChannelRequest(buildInput(buildRequest({ headers: TILE_HEADERS, body })))
    const message =
      'The tile update uses the IconicTile template, but the tile of "Contoso Weather" was created with the FlipTile template. MPNS accepts it, but the handset drops the update and the app\'s channel gets a PayloadFormatError. Send an update in the FlipTile template.'

    expect(result.notificationStatus).toBe('Received')
    expect(result.warnings).toEqual([{ code: 'TEMPLATE_MISMATCH', message }])
    expect(result.response.headers).toContainEqual(['X-Emulator-Warning', message])
  })

  it.each([
    [
      'a critically low battery',
      'critical',
      RAW_HEADERS,
      'ping',
      'Dropped: the battery of handset-1 is critically low, so it drops every notification. Resend once the handset is charging.',
    ],
    [
      'battery saver',
      'saver',
      TILE_HEADERS,
      TILE_XML,
      'Dropped: battery saver is on on handset-1, so it drops toasts and tile updates, while raw notifications still arrive. Resend once battery saver is off.',
    ],
  ] as const)('returns 200 Dropped for %s', (_name, battery, headers, body, reason) => {
    const device = buildDevice({ battery })
    const result = handleChannelRequest(buildInput(buildRequest({ headers, body }), { device }))

    expect(result).toEqual({
      response: {
        status: 200,
        statusText: 'OK',
        headers: [
          ...statusHeaders('Dropped', 'Connected'),
          ['Date', TEST_DATE],
          ['X-Emulator-Reason', reason],
        ],
        body: '',
      },
      notificationStatus: 'Dropped',
      usage: { token: TEST_TOKEN, day: '2013-10-22', count: 1 },
    })
  })

  it.each([
    [
      'a toast to a channel not bound to toasts',
      buildChannel({ boundToast: false }),
      buildDevice(),
      TOAST_HEADERS,
      TOAST_XML,
      'Suppressed: the channel of "Contoso Weather" is not bound to toast notifications (the user declined them or turned them off), so MPNS drops toasts for it.',
    ],
    [
      'a tile to a channel not bound to tiles',
      buildChannel({ boundTile: false }),
      buildDevice(),
      TILE_HEADERS,
      TILE_XML,
      'Suppressed: the channel of "Contoso Weather" is not bound to tile notifications, so MPNS drops tile updates for it.',
    ],
    [
      'a secondary tile that is not pinned',
      buildChannel(),
      buildDevice({ secondaryTileIds: { 'contoso-weather': ['/Oslo.xaml'] } }),
      TILE_HEADERS,
      tileXml('<wp:Count>3</wp:Count>', { tileAttributes: 'Id="/Bergen.xaml"' }),
      'Suppressed: no secondary tile of "Contoso Weather" with Id "/Bergen.xaml" is pinned on handset-1, so MPNS drops the update. Leave Id out to update the application tile, or send it once the user pins that tile.',
    ],
    [
      'a raw notification while another app runs',
      buildChannel(),
      buildDevice({ foregroundAppId: 'other-app' }),
      RAW_HEADERS,
      'ping',
      'Suppressed: "Contoso Weather" is not running on handset-1, so MPNS drops raw notifications for it. Send raw notifications while the app is in the foreground, or use a toast or tile update.',
    ],
  ] as const)('suppresses %s', (_name, channel, device, headers, body, reason) => {
    const result = handleChannelRequest(
      buildInput(buildRequest({ headers, body }), { channel, device }),
    )

    expect(result).toEqual({
      response: {
        status: 200,
        statusText: 'OK',
        headers: [
          ...statusHeaders('Suppressed', 'Connected'),
          ['Date', TEST_DATE],
          ['X-Emulator-Reason', reason],
        ],
        body: '',
      },
      notificationStatus: 'Suppressed',
      usage: { token: TEST_TOKEN, day: '2013-10-22', count: 1 },
    })
  })

  it('closes a raw-only channel whose app exited', () => {
    const channel = buildChannel({ boundToast: false, boundTile: false })
    const device = buildDevice({ foregroundAppId: null })
    const result = handleChannelRequest(
      buildInput(buildRequest({ headers: RAW_HEADERS, body: 'ping' }), { channel, device }),
    )
    const message =
      'Dropped: "Contoso Weather" is not running on handset-1, and its channel is bound to raw notifications only, so the channel closed when the app exited and its subscription expired. Delete this channel URI, and use the one the app sends when it runs again.'

    expect(result).toEqual({
      response: {
        status: 404,
        statusText: 'Not Found',
        headers: [
          ...statusHeaders('Dropped', 'Connected', 'Expired'),
          ['Date', TEST_DATE],
          ['X-Emulator-Reason', message],
          PLAIN_TEXT,
        ],
        body: message,
      },
      notificationStatus: 'Dropped',
      errorCode: 'CHANNEL_CLOSED',
      channel: { ...channel, closedAt: TEST_NOW, closeReason: 'app-exited' },
    })
  })

  it('returns 200 QueueFull at the queue depth', () => {
    const result = handleChannelRequest(buildInput(toastRequest(), { queuedCount: 100 }))

    expect(result).toEqual({
      response: {
        status: 200,
        statusText: 'OK',
        headers: [
          ...statusHeaders('QueueFull', 'Connected'),
          ['Date', TEST_DATE],
          [
            'X-Emulator-Reason',
            'QueueFull: 100 notifications for "Contoso Weather" are waiting for handset-1, and the queue holds 100, so the toast was not queued. Resend later with exponential backoff.',
          ],
        ],
        body: '',
      },
      notificationStatus: 'QueueFull',
      usage: { token: TEST_TOKEN, day: '2013-10-22', count: 1 },
    })
  })

  it('accepts an authenticated channel URI without counting it', () => {
    const result = handleChannelRequest(
      buildInput(buildRequest({ url: UNTHROTTLED_URI, body: TOAST_XML })),
    )

    expect(result.notificationStatus).toBe('Received')
    expect(result).not.toHaveProperty('usage')
  })

  it('fails loudly when the channel record names another token', () => {
    const input = buildInput(toastRequest(), { channel: buildChannel({ token: 'AQother' }) })

    expect(() => handleChannelRequest(input)).toThrow(
      `Failed to answer a channel request: the channel record is for token AQother, the URI names ${TEST_TOKEN}`,
    )
  })

  it('fails loudly when the usage record names another token', () => {
    const usage = { token: 'AQother', day: '2013-10-22', count: 3 }
    const input = buildInput(toastRequest(), { usage })

    expect(() => handleChannelRequest(input)).toThrow(
      `Failed to read the daily quota: the usage record is for token AQother, the channel is ${TEST_TOKEN}`,
    )
  })
})
