import { describe, expect, it } from 'vitest'

import {
  TEST_DATE,
  TEST_NOW,
  THROTTLED_URI,
  UNTHROTTLED_URI,
  buildChannel,
  buildDevice,
  buildInput,
  buildRequest,
  toastXml,
} from '@/test/engine-builders'

import { fireCallbacks, noticeInactiveHandset } from './callback'
import { DEFAULT_ENGINE_SETTINGS, handleChannelRequest } from './engine'
import type { HeaderEntry } from './types'

const SERVICE = 'push.contoso.example'
const SERVICE_CHANNEL = buildChannel({ serviceName: SERVICE, channelUri: UNTHROTTLED_URI })
const CALLBACK_URI = 'http://127.0.0.1:9000/inactive'
const CALLBACK_HEADERS: HeaderEntry[] = [['X-CallbackURI', CALLBACK_URI]]
const PLAIN_TEXT: HeaderEntry = ['Content-Type', 'text/plain; charset=utf-8']

function registration(options: { headers?: HeaderEntry[]; body?: string | Uint8Array } = {}) {
  return buildRequest({
    url: `${UNTHROTTLED_URI}/callback`,
    headers: options.headers ?? CALLBACK_HEADERS,
    body: options.body ?? 'opaque blob',
  })
}

describe('callback registration', () => {
  it('stores the callback and answers 200 with the statuses', () => {
    const result = handleChannelRequest(buildInput(registration(), { channel: SERVICE_CHANNEL }))

    expect(result.response.status).toBe(200)
    expect(result.response.headers.slice(0, 3)).toEqual([
      ['X-DeviceConnectionStatus', 'Connected'],
      ['X-SubscriptionStatus', 'Active'],
      ['Date', TEST_DATE],
    ])
    expect(result.enqueue).toBeUndefined()
    expect(result.channel?.callback).toEqual({
      uri: CALLBACK_URI,
      body: new TextEncoder().encode('opaque blob'),
      registeredAt: TEST_NOW,
    })
  })

  it('replaces a fired callback and arms it again', () => {
    const fired = {
      ...SERVICE_CHANNEL,
      callback: {
        uri: 'http://127.0.0.1:1/old',
        body: new Uint8Array([1]),
        registeredAt: 1,
        firedAt: 2,
      },
    }

    const result = handleChannelRequest(buildInput(registration(), { channel: fired }))

    expect(result.channel?.callback?.uri).toBe(CALLBACK_URI)
    expect(result.channel?.callback?.firedAt).toBeUndefined()
  })

  it.each<[string, HeaderEntry[], string | Uint8Array, string]>([
    [
      'a missing X-CallbackURI',
      [],
      'blob',
      'Invalid callback registration: the X-CallbackURI header is missing or empty. Set it to the absolute http or https URI the service should POST to.',
    ],
    [
      'a relative X-CallbackURI',
      [['X-CallbackURI', '/inactive']],
      'blob',
      'Invalid callback registration: X-CallbackURI "/inactive" is not an absolute URI. Set it to the absolute http or https URI the service should POST to.',
    ],
    [
      'an ftp X-CallbackURI',
      [['X-CallbackURI', 'ftp://127.0.0.1/x']],
      'blob',
      'Invalid callback registration: X-CallbackURI "ftp://127.0.0.1/x" uses ftp:, not http or https. Use an http or https URI.',
    ],
    [
      'a body over 1 KB',
      CALLBACK_HEADERS,
      new Uint8Array(1025),
      'Invalid callback registration: the body is 1025 bytes, over the 1024-byte limit for a callback registration. Send at most 1024 bytes.',
    ],
  ])('rejects %s with 400', (_name, headers, body, reason) => {
    const result = handleChannelRequest(
      buildInput(registration({ headers, body }), { channel: SERVICE_CHANNEL }),
    )

    expect(result.errorCode).toBe('INVALID_CALLBACK')
    expect(result.response).toEqual({
      status: 400,
      statusText: 'Bad Request',
      headers: [['Date', TEST_DATE], ['X-Emulator-Reason', reason], PLAIN_TEXT],
      body: reason,
    })
  })

  it('accepts a 1 KB body', () => {
    const result = handleChannelRequest(
      buildInput(registration({ body: new Uint8Array(1024) }), { channel: SERVICE_CHANNEL }),
    )

    expect(result.response.status).toBe(200)
  })

  it('rejects a channel without a service name with 403', () => {
    const result = handleChannelRequest(buildInput(registration()))

    expect(result.errorCode).toBe('CERTIFICATE_MISMATCH')
    expect(result.response.status).toBe(403)
    expect(result.channel).toBeUndefined()
  })

  it('rejects plain HTTP with 401', () => {
    const request = {
      ...registration(),
      url: `${UNTHROTTLED_URI.replace('https:', 'http:')}/callback`,
    }

    const result = handleChannelRequest(buildInput(request, { channel: SERVICE_CHANNEL }))

    expect(result.response.status).toBe(401)
  })
})

describe('client certificate check', () => {
  const toastRequest = (clientCertificateName?: string) => ({
    ...buildRequest({ url: UNTHROTTLED_URI, body: toastXml('<wp:Text1>Hi</wp:Text1>') }),
    ...(clientCertificateName === undefined ? {} : { clientCertificateName }),
  })

  it('accepts the certificate of the channel service', () => {
    const result = handleChannelRequest(
      buildInput(toastRequest(SERVICE), { channel: SERVICE_CHANNEL }),
    )

    expect(result.response.status).toBe(200)
  })

  it('accepts a request from the page without a certificate', () => {
    const result = handleChannelRequest(buildInput(toastRequest(), { channel: SERVICE_CHANNEL }))

    expect(result.response.status).toBe(200)
  })

  it('rejects the certificate of another service with 403', () => {
    const result = handleChannelRequest(
      buildInput(toastRequest('push.fabrikam.example'), { channel: SERVICE_CHANNEL }),
    )

    expect(result.errorCode).toBe('CERTIFICATE_MISMATCH')
    expect(result.response.status).toBe(403)
    expect(result.response.body).toBe(
      'Forbidden: the client certificate is issued to "push.fabrikam.example", but the channel of "Contoso Weather" was opened for the service "push.contoso.example". Send with the certificate whose CN is "push.contoso.example".',
    )
    expect(result.enqueue).toBeUndefined()
  })

  it('rejects a certificate on a channel opened without a service name', () => {
    const result = handleChannelRequest(buildInput(toastRequest(SERVICE)))

    expect(result.response.status).toBe(403)
  })

  it('ignores a certificate sent to an http channel URI', () => {
    const request = {
      ...buildRequest({ url: THROTTLED_URI, body: toastXml('<wp:Text1>Hi</wp:Text1>') }),
      clientCertificateName: SERVICE,
    }

    const result = handleChannelRequest(buildInput(request))

    expect(result.response.status).toBe(200)
  })
})

describe('noticeInactiveHandset', () => {
  const settings = DEFAULT_ENGINE_SETTINGS

  it('marks a handset offline for the Inactive time', () => {
    const device = buildDevice({ network: 'offline', offlineSince: TEST_NOW - 60 * 60_000 })

    expect(noticeInactiveHandset({ device, now: TEST_NOW, settings })).toEqual({
      ...device,
      inactiveNoticedAt: TEST_NOW,
    })
  })

  it.each([
    ['online', buildDevice()],
    ['offline for less', buildDevice({ network: 'offline', offlineSince: TEST_NOW - 59 * 60_000 })],
    [
      'already noticed',
      buildDevice({
        network: 'offline',
        offlineSince: TEST_NOW - 90 * 60_000,
        inactiveNoticedAt: TEST_NOW - 1,
      }),
    ],
    ['unknown', undefined],
  ])('leaves a handset %s alone', (_name, device) => {
    expect(noticeInactiveHandset({ device, now: TEST_NOW, settings })).toBeUndefined()
  })
})

describe('fireCallbacks', () => {
  const callback = { uri: CALLBACK_URI, body: new Uint8Array([7]), registeredAt: 5 }

  it('fires each armed callback of the handset once', () => {
    const armed = { ...SERVICE_CHANNEL, callback }
    const other = { ...armed, token: 'other', handsetId: 'handset-2' }
    const closed = { ...armed, token: 'closed', closedAt: 1 }
    const fired = { ...armed, token: 'fired', callback: { ...callback, firedAt: 6 } }

    const result = fireCallbacks({
      channels: [armed, other, closed, fired, SERVICE_CHANNEL],
      handsetId: armed.handsetId,
      now: TEST_NOW,
    })

    expect(result.channels).toEqual([{ ...armed, callback: { ...callback, firedAt: TEST_NOW } }])
    expect(result.due).toEqual([
      {
        callbackId: `${armed.token}:5`,
        token: armed.token,
        handsetId: armed.handsetId,
        appId: armed.appId,
        appName: armed.appName,
        callbackUri: CALLBACK_URI,
        body: new Uint8Array([7]),
      },
    ])
  })
})
