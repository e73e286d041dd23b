import { describe, expect, it } from 'vitest'

import { MpnsError } from './errors'
import {
  createErrorResponse,
  createMpnsResponse,
  toAsciiHeaderValue,
  toCanonicalHeaderName,
  toHttpDate,
} from './response'

/** 1994-11-06T08:49:37Z, the example date of RFC 7231. */
const NOW = 784111777000
const DATE = 'Sun, 06 Nov 1994 08:49:37 GMT'
const UUID = '1b4e28ba-2fa1-11d2-883f-0016d3cca427'

describe('createMpnsResponse', () => {
  it('orders every header as MPNS does', () => {
    const response = createMpnsResponse({
      status: 200,
      now: NOW,
      reason: 'Received: toast queued.',
      notificationStatus: 'Received',
      deviceConnectionStatus: 'Connected',
      subscriptionStatus: 'Active',
      messageId: UUID,
      warnings: [
        { code: 'STRAY_TEXT', message: 'First warning.' },
        { code: 'STRAY_TEXT', message: 'Second warning.' },
      ],
      body: 'Explanation',
    })

    expect(response).toEqual({
      status: 200,
      statusText: 'OK',
      headers: [
        ['X-NotificationStatus', 'Received'],
        ['X-DeviceConnectionStatus', 'Connected'],
        ['X-SubscriptionStatus', 'Active'],
        ['X-MessageID', UUID],
        ['Date', DATE],
        ['X-Emulator-Reason', 'Received: toast queued.'],
        ['X-Emulator-Warning', 'First warning.; Second warning.'],
        ['Content-Type', 'text/plain; charset=utf-8'],
      ],
      body: 'Explanation',
    })
  })

  it('leaves out absent headers and the content type of an empty body', () => {
    const response = createMpnsResponse({
      status: 200,
      now: NOW,
      reason: 'Suppressed: not bound.',
      notificationStatus: 'Suppressed',
      deviceConnectionStatus: 'TempDisconnected',
      subscriptionStatus: 'Active',
      warnings: [],
    })

    expect(response.headers).toEqual([
      ['X-NotificationStatus', 'Suppressed'],
      ['X-DeviceConnectionStatus', 'TempDisconnected'],
      ['X-SubscriptionStatus', 'Active'],
      ['Date', DATE],
      ['X-Emulator-Reason', 'Suppressed: not bound.'],
    ])
    expect(response.body).toBe('')
  })

  it('writes header values in ASCII and keeps the body text', () => {
    const response = createMpnsResponse({
      status: 200,
      now: NOW,
      reason: 'Received: toast for "Café 😀".',
      messageId: 'id\té',
      warnings: [{ code: 'STRAY_TEXT', message: 'Text "日本\u0001" was ignored.' }],
      body: 'Café 😀',
    })
    const values = Object.fromEntries(response.headers)

    expect(values['X-Emulator-Reason']).toBe('Received: toast for "Caf\\u00E9 \\uD83D\\uDE00".')
    expect(values['X-MessageID']).toBe('id\\u0009\\u00E9')
    expect(values['X-Emulator-Warning']).toBe('Text "\\u65E5\\u672C\\u0001" was ignored.')
    expect(response.headers.every(([, value]) => /^[\x20-\x7e]*$/.test(value))).toBe(true)
    expect(response.body).toBe('Café 😀')
  })

  it.each([
    [200, 'OK'],
    [400, 'Bad Request'],
    [401, 'Unauthorized'],
    [404, 'Not Found'],
    [405, 'Method Not Allowed'],
    [406, 'Not Acceptable'],
    [412, 'Precondition Failed'],
    [503, 'Service Unavailable'],
  ])('uses status text %i %s', (status, statusText) => {
    expect(createMpnsResponse({ status, now: NOW, reason: 'r' }).statusText).toBe(statusText)
  })

  it.each([400, 401, 403, 405, 503])('rejects status headers on %i', (status) => {
    expect(() =>
      createMpnsResponse({
        status,
        now: NOW,
        reason: 'r',
        notificationStatus: 'Dropped',
      }),
    ).toThrow(`Failed to build a response: status ${status} carries no MPNS status headers`)
  })

  it('rejects a status MPNS does not send', () => {
    expect(() => createMpnsResponse({ status: 418, now: NOW, reason: 'r' })).toThrow(
      'Failed to build a response: status 418 is not an MPNS status',
    )
  })
})

describe('createErrorResponse', () => {
  it('answers a 400 with the explanation and no status headers', () => {
    const error = new MpnsError({
      code: 'INVALID_NOTIFICATION_CLASS',
      status: 400,
      message: 'Invalid X-NotificationClass "5" for a toast: toasts accept 2, 12 or 22.',
    })

    expect(createErrorResponse(error, { now: NOW, messageId: 'abc' })).toEqual({
      status: 400,
      statusText: 'Bad Request',
      headers: [
        ['X-MessageID', 'abc'],
        ['Date', DATE],
        [
          'X-Emulator-Reason',
          'Invalid X-NotificationClass "5" for a toast: toasts accept 2, 12 or 22.',
        ],
        ['Content-Type', 'text/plain; charset=utf-8'],
      ],
      body: 'Invalid X-NotificationClass "5" for a toast: toasts accept 2, 12 or 22.',
    })
  })

  it('puts the error headers in MPNS order and casing', () => {
    const error = new MpnsError({
      code: 'CHANNEL_NOT_FOUND',
      status: 404,
      message: 'Dropped: gone.',
      headers: [
        ['x-subscriptionstatus', 'Expired'],
        ['X-NotificationStatus', 'Dropped'],
        ['X-DEVICECONNECTIONSTATUS', 'Disconnected'],
      ],
    })

    expect(createErrorResponse(error, { now: NOW }).headers).toEqual([
      ['X-NotificationStatus', 'Dropped'],
      ['X-DeviceConnectionStatus', 'Disconnected'],
      ['X-SubscriptionStatus', 'Expired'],
      ['Date', DATE],
      ['X-Emulator-Reason', 'Dropped: gone.'],
      ['Content-Type', 'text/plain; charset=utf-8'],
    ])
  })

  it('sends the warnings found before the rejection', () => {
    const error = new MpnsError({
      code: 'STRICT_MODE_WARNING',
      status: 400,
      message: 'Rejected in strict mode.',
    })
    const warnings = [
      { code: 'CLASS_MISSING', message: 'X-NotificationClass is missing.' },
    ] as const

    expect(createErrorResponse(error, { now: NOW, warnings }).headers).toEqual([
      ['Date', DATE],
      ['X-Emulator-Reason', 'Rejected in strict mode.'],
      ['X-Emulator-Warning', 'X-NotificationClass is missing.'],
      ['Content-Type', 'text/plain; charset=utf-8'],
    ])
  })

  it('escapes the reason header but not the body', () => {
    const error = new MpnsError({
      code: 'MALFORMED_PAYLOAD',
      status: 400,
      message: 'Bad "é\u0001"',
    })
    const response = createErrorResponse(error, { now: NOW })

    expect(response.headers).toContainEqual(['X-Emulator-Reason', 'Bad "\\u00E9\\u0001"'])
    expect(response.body).toBe('Bad "é\u0001"')
  })
})

describe('toHttpDate', () => {
  it.each([
    [0, 'Thu, 01 Jan 1970 00:00:00 GMT'],
    [NOW, DATE],
    [Date.UTC(2013, 9, 22, 5, 4, 3, 999), 'Tue, 22 Oct 2013 05:04:03 GMT'],
  ])('formats %i as %s', (time, expected) => {
    expect(toHttpDate(time)).toBe(expected)
  })

  it('rejects a time that is not finite', () => {
    expect(() => toHttpDate(Number.NaN)).toThrow(
      'Failed to format the Date header: NaN is not a time',
    )
  })
})

describe('toAsciiHeaderValue', () => {
  it.each([
    ['plain ASCII', 'plain ASCII'],
    ['tab\there', 'tab\\u0009here'],
    ['line\r\nbreak', 'line\\u000D\\u000Abreak'],
    ['del\u007f', 'del\\u007F'],
    ['é', '\\u00E9'],
    ['🎉', '\\uD83C\\uDF89'],
  ])('writes %j as %j', (value, expected) => {
    expect(toAsciiHeaderValue(value)).toBe(expected)
  })
})

describe('toCanonicalHeaderName', () => {
  it.each([
    ['x-notificationstatus', 'X-NotificationStatus'],
    ['X-DEVICECONNECTIONSTATUS', 'X-DeviceConnectionStatus'],
    ['x-subscriptionstatus', 'X-SubscriptionStatus'],
    ['x-messageid', 'X-MessageID'],
    ['X-MessageId', 'X-MessageID'],
    ['date', 'Date'],
    ['x-emulator-reason', 'X-Emulator-Reason'],
    ['x-emulator-warning', 'X-Emulator-Warning'],
    ['content-type', 'Content-Type'],
    ['content-length', 'Content-Length'],
    ['x-windowsphone-target', 'X-WindowsPhone-Target'],
    ['x-notificationclass', 'X-NotificationClass'],
    ['x-callbackuri', 'X-CallbackURI'],
    ['x-custom-header', 'x-custom-header'],
    ['Accept', 'Accept'],
  ])('maps %s to %s', (name, expected) => {
    expect(toCanonicalHeaderName(name)).toBe(expected)
  })
})
