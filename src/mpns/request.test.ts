import { describe, expect, it } from 'vitest'

import { captureMpnsError, toErrorFields } from '@/test/mpns-error'

import { DEFAULT_ENGINE_SETTINGS } from './engine'
import { parseNotificationRequest, readHeader } from './request'
import type { EngineSettings, HeaderEntry, MpnsHttpRequest } from './types'

const URL = 'http://127.0.0.1:5173/throttledthirdparty/01.00/AQtoken'
const TOAST_XML =
  '<?xml version="1.0" encoding="utf-8"?><wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>Hi</wp:Text1></wp:Toast></wp:Notification>'
const TILE_XML =
  '<?xml version="1.0" encoding="utf-8"?><wp:Notification xmlns:wp="WPNotification"><wp:Tile><wp:Count>3</wp:Count></wp:Tile></wp:Notification>'
const UUID = '1b4e28ba-2fa1-11d2-883f-0016d3cca427'

const TOAST_HEADERS: HeaderEntry[] = [
  ['Content-Type', 'text/xml'],
  ['X-WindowsPhone-Target', 'toast'],
  ['X-NotificationClass', '2'],
]
const TILE_HEADERS: HeaderEntry[] = [
  ['Content-Type', 'text/xml'],
  ['X-WindowsPhone-Target', 'token'],
  ['X-NotificationClass', '1'],
]
const RAW_HEADERS: HeaderEntry[] = [['X-NotificationClass', '3']]

const MISSING_CLASS_TOAST =
  'X-NotificationClass is missing, so a toast gets class 22 (delivery within 900 seconds). Send the header to choose the batching interval.'

function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

function createRequest(
  headers: readonly HeaderEntry[],
  body: Uint8Array | string,
): MpnsHttpRequest {
  return {
    method: 'POST',
    url: URL,
    headers,
    body: typeof body === 'string' ? encode(body) : body,
  }
}

function withHeader(
  headers: readonly HeaderEntry[],
  name: string,
  value: string | null,
): HeaderEntry[] {
  const others = headers.filter(([candidate]) => candidate.toLowerCase() !== name.toLowerCase())
  return value === null ? others : [...others, [name, value]]
}

function bodyFor(headers: readonly HeaderEntry[]): string {
  const target = readHeader(headers, 'X-WindowsPhone-Target')?.trim().toLowerCase()
  if (target === 'toast') {
    return TOAST_XML
  }
  return target === 'token' ? TILE_XML : 'raw bytes'
}

function parse(
  headers: readonly HeaderEntry[],
  settings: EngineSettings = DEFAULT_ENGINE_SETTINGS,
) {
  return parseNotificationRequest(createRequest(headers, bodyFor(headers)), settings)
}

/** Returns a toast body of exactly `size` bytes by padding Text1. */
function toastOfSize(size: number): string {
  const padding = 'x'.repeat(size - TOAST_XML.length)
  return TOAST_XML.replace('<wp:Text1>Hi', `<wp:Text1>Hi${padding}`)
}

describe('parseNotificationRequest', () => {
  it('returns the parsed toast request', () => {
    const headers = [...TOAST_HEADERS, ['X-MessageID', UUID] as const]

    expect(parse(headers)).toEqual({
      type: 'toast',
      notificationClass: 2,
      delaySeconds: 0,
      messageId: UUID,
      payload: { type: 'toast', toast: { text1: 'Hi', silent: false } },
      warnings: [],
    })
  })

  it.each([
    ['absent', null, 'raw', []],
    ['toast', 'toast', 'toast', []],
    ['token', 'token', 'tile', []],
    [
      'Toast',
      'Toast',
      'toast',
      [
        'X-WindowsPhone-Target "Toast" was read as "toast". Send it in lower case, as MPNS documents it.',
      ],
    ],
    [
      'TOKEN',
      'TOKEN',
      'tile',
      [
        'X-WindowsPhone-Target "TOKEN" was read as "token". Send it in lower case, as MPNS documents it.',
      ],
    ],
    [
      'raw',
      'raw',
      'raw',
      [
        'X-WindowsPhone-Target "raw" is not an MPNS value, so the request was treated as raw. Leave the header out for raw notifications.',
      ],
    ],
    [
      'RAW',
      'RAW',
      'raw',
      [
        'X-WindowsPhone-Target "RAW" is not an MPNS value, so the request was treated as raw. Leave the header out for raw notifications.',
      ],
    ],
  ])('reads target %s', (_name, target, type, warnings) => {
    const classValue = { toast: '2', tile: '1', raw: '3' }[type] ?? ''
    const headers = withHeader(
      [
        ['Content-Type', 'text/xml'],
        ['X-NotificationClass', classValue],
      ],
      'X-WindowsPhone-Target',
      target,
    )
    const parsed = parse(headers)

    expect(parsed.type).toBe(type)
    expect(parsed.payload.type).toBe(type)
    expect(parsed.warnings.map(({ message }) => message)).toEqual(warnings)
  })

  it.each([
    [
      'tile',
      'Invalid X-WindowsPhone-Target "tile": tile notifications use the value "token". Set the header to "token".',
    ],
    [
      'Tile',
      'Invalid X-WindowsPhone-Target "Tile": tile notifications use the value "token". Set the header to "token".',
    ],
    [
      'badge',
      'Invalid X-WindowsPhone-Target "badge": MPNS accepts "toast" for toasts and "token" for tiles, and no header for raw notifications. Set one of those values or leave the header out.',
    ],
    [
      '',
      'Invalid X-WindowsPhone-Target "": MPNS accepts "toast" for toasts and "token" for tiles, and no header for raw notifications. Set one of those values or leave the header out.',
    ],
  ])('rejects target %j', (target, message) => {
    const headers = withHeader(TILE_HEADERS, 'X-WindowsPhone-Target', target)
    const error = captureMpnsError(() => parse(headers))

    expect(toErrorFields(error)).toEqual({
      code: 'INVALID_TARGET',
      status: 400,
      headers: [],
      message,
    })
  })

  it.each([
    [TOAST_HEADERS, '2', 2, 0],
    [TOAST_HEADERS, '12', 12, 450],
    [TOAST_HEADERS, '22', 22, 900],
    [TOAST_HEADERS, ' 12 ', 12, 450],
    [TILE_HEADERS, '1', 1, 0],
    [TILE_HEADERS, '11', 11, 450],
    [TILE_HEADERS, '21', 21, 900],
    [RAW_HEADERS, '3', 3, 0],
    [RAW_HEADERS, '4', 4, 0],
    [RAW_HEADERS, '10', 10, 0],
    [RAW_HEADERS, '13', 13, 450],
    [RAW_HEADERS, '20', 20, 450],
    [RAW_HEADERS, '23', 23, 900],
    [RAW_HEADERS, '31', 31, 900],
  ])('accepts class %#: %j', (baseHeaders, value, notificationClass, delaySeconds) => {
    const parsed = parse(withHeader(baseHeaders, 'X-NotificationClass', value))

    expect(parsed.notificationClass).toBe(notificationClass)
    expect(parsed.delaySeconds).toBe(delaySeconds)
    expect(parsed.warnings.map(({ message }) => message)).toEqual([])
  })

  it.each([
    [TOAST_HEADERS, 'slowest', 22, 900, MISSING_CLASS_TOAST],
    [
      TOAST_HEADERS,
      'immediate',
      2,
      0,
      'X-NotificationClass is missing, so a toast gets class 2 (immediate delivery). Send the header to choose the batching interval.',
    ],
    [
      TILE_HEADERS,
      'slowest',
      21,
      900,
      'X-NotificationClass is missing, so a tile gets class 21 (delivery within 900 seconds). Send the header to choose the batching interval.',
    ],
    [
      RAW_HEADERS,
      'slowest',
      23,
      900,
      'X-NotificationClass is missing, so a raw notification gets class 23 (delivery within 900 seconds). Send the header to choose the batching interval.',
    ],
    [
      RAW_HEADERS,
      'immediate',
      3,
      0,
      'X-NotificationClass is missing, so a raw notification gets class 3 (immediate delivery). Send the header to choose the batching interval.',
    ],
  ] as const)(
    'defaults a missing class %#',
    (baseHeaders, missingClassDefault, notificationClass, delaySeconds, warning) => {
      const settings: EngineSettings = {
        ...DEFAULT_ENGINE_SETTINGS,
        missingClassDefault,
      }
      const parsed = parse(withHeader(baseHeaders, 'X-NotificationClass', null), settings)

      expect(parsed.notificationClass).toBe(notificationClass)
      expect(parsed.delaySeconds).toBe(delaySeconds)
      expect(parsed.warnings.map(({ message }) => message)).toEqual([warning])
    },
  )

  it.each([
    [
      TOAST_HEADERS,
      '5',
      'Invalid X-NotificationClass "5" for a toast: toasts accept 2, 12 or 22. Set the header to one of those values. Class 5 is for raw notifications.',
    ],
    [
      TOAST_HEADERS,
      '1',
      'Invalid X-NotificationClass "1" for a toast: toasts accept 2, 12 or 22. Set the header to one of those values. Class 1 is for tiles.',
    ],
    [
      TOAST_HEADERS,
      '32',
      'Invalid X-NotificationClass "32" for a toast: toasts accept 2, 12 or 22. Set the header to one of those values.',
    ],
    [
      TOAST_HEADERS,
      'high',
      'Invalid X-NotificationClass "high" for a toast: toasts accept 2, 12 or 22. Set the header to one of those values.',
    ],
    [
      TOAST_HEADERS,
      '2.0',
      'Invalid X-NotificationClass "2.0" for a toast: toasts accept 2, 12 or 22. Set the header to one of those values.',
    ],
    [
      TOAST_HEADERS,
      '',
      'Invalid X-NotificationClass "" for a toast: toasts accept 2, 12 or 22. Set the header to one of those values.',
    ],
    [
      TILE_HEADERS,
      '2',
      'Invalid X-NotificationClass "2" for a tile: tiles accept 1, 11 or 21. Set the header to one of those values. Class 2 is for toasts.',
    ],
    [
      TILE_HEADERS,
      '0',
      'Invalid X-NotificationClass "0" for a tile: tiles accept 1, 11 or 21. Set the header to one of those values.',
    ],
    [
      RAW_HEADERS,
      '11',
      'Invalid X-NotificationClass "11" for a raw notification: raw notifications accept 3 to 10, 13 to 20 or 23 to 31. Set the header to one of those values. Class 11 is for tiles.',
    ],
    [
      RAW_HEADERS,
      '32',
      'Invalid X-NotificationClass "32" for a raw notification: raw notifications accept 3 to 10, 13 to 20 or 23 to 31. Set the header to one of those values.',
    ],
    [
      RAW_HEADERS,
      '-3',
      'Invalid X-NotificationClass "-3" for a raw notification: raw notifications accept 3 to 10, 13 to 20 or 23 to 31. Set the header to one of those values.',
    ],
  ])('rejects class %#: %j', (baseHeaders, value, message) => {
    const error = captureMpnsError(() =>
      parse(withHeader(baseHeaders, 'X-NotificationClass', value)),
    )

    expect(toErrorFields(error)).toEqual({
      code: 'INVALID_NOTIFICATION_CLASS',
      status: 400,
      headers: [],
      message,
    })
  })

  it('rejects a repeated class header', () => {
    const headers: HeaderEntry[] = [...TOAST_HEADERS, ['x-notificationclass', '2']]
    const error = captureMpnsError(() => parse(headers))

    expect(error.message).toBe(
      'Invalid X-NotificationClass "2, 2" for a toast: toasts accept 2, 12 or 22. Set the header to one of those values.',
    )
  })

  it.each([
    ['X-MessageID', UUID, UUID],
    ['x-messageid', UUID, UUID],
    ['X-MessageId', UUID.toUpperCase(), UUID.toUpperCase()],
    ['X-MESSAGEID', `  ${UUID}\t`, UUID],
  ])('echoes %s as received', (name, value, expected) => {
    const parsed = parse([...TOAST_HEADERS, [name, value]])

    expect(parsed.messageId).toBe(expected)
    expect(parsed.warnings.map(({ message }) => message)).toEqual([])
  })

  it('accepts a message id that is not a UUID', () => {
    const parsed = parse([...TOAST_HEADERS, ['X-MessageID', '5f3c2a1b9d8e7']])

    expect(parsed.messageId).toBe('5f3c2a1b9d8e7')
    expect(parsed.warnings.map(({ message }) => message)).toEqual([
      'X-MessageID "5f3c2a1b9d8e7" is not a UUID. It is echoed as received, but MPNS documents a UUID such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427.',
    ])
  })

  it('leaves out a missing message id', () => {
    expect(parse(TOAST_HEADERS)).not.toHaveProperty('messageId')
  })

  it.each([
    ['text/xml', []],
    ['text/xml; charset=utf-8', []],
    ['text/xml;charset="utf-8"', []],
    ['TEXT/XML', []],
    [
      null,
      [
        'Content-Type is missing on a toast request. The body is parsed as XML anyway, but send Content-Type: text/xml.',
      ],
    ],
    [
      'text/plain;charset=UTF-8',
      [
        'Content-Type "text/plain;charset=UTF-8" is not text/xml. The body is parsed as XML anyway, but send Content-Type: text/xml.',
      ],
    ],
    [
      'application/xml',
      [
        'Content-Type "application/xml" is not text/xml. The body is parsed as XML anyway, but send Content-Type: text/xml.',
      ],
    ],
  ])('checks toast Content-Type %j', (contentType, warnings) => {
    const parsed = parse(withHeader(TOAST_HEADERS, 'Content-Type', contentType))

    expect(parsed.payload).toEqual({
      type: 'toast',
      toast: { text1: 'Hi', silent: false },
    })
    expect(parsed.warnings.map(({ message }) => message)).toEqual(warnings)
  })

  it('warns about a tile without Content-Type', () => {
    const parsed = parse(withHeader(TILE_HEADERS, 'Content-Type', null))

    expect(parsed.warnings.map(({ message }) => message)).toEqual([
      'Content-Type is missing on a tile request. The body is parsed as XML anyway, but send Content-Type: text/xml.',
    ])
  })

  it.each([null, 'application/octet-stream', 'text/xml'])(
    'accepts raw Content-Type %j',
    (value) => {
      expect(parse(withHeader(RAW_HEADERS, 'Content-Type', value)).warnings).toEqual([])
    },
  )

  it.each([
    ['X-WNS-Type', 'wns/toast'],
    ['x-wns-requestforstatus', 'true'],
  ])('rejects the WNS header %s', (name, value) => {
    const error = captureMpnsError(() => parse([...TOAST_HEADERS, [name, value]]))

    expect(toErrorFields(error)).toEqual({
      code: 'WNS_FORMAT',
      status: 400,
      headers: [],
      message: `Invalid header "${name}": X-WNS-* headers belong to the Windows Notification Service (WNS) for Windows Store apps, not MPNS. Remove them and send MPNS headers such as X-WindowsPhone-Target to a Windows Phone channel URI.`,
    })
  })

  it.each([
    ['toast', TOAST_HEADERS, 3072, DEFAULT_ENGINE_SETTINGS],
    ['raw', RAW_HEADERS, 1024, DEFAULT_ENGINE_SETTINGS],
    ['toast', TOAST_HEADERS, 1024, { ...DEFAULT_ENGINE_SETTINGS, maxXmlBodyBytes: 1024 }],
  ] as const)('accepts a %s body of exactly %i bytes', (type, headers, size, settings) => {
    const body = type === 'raw' ? new Uint8Array(size).fill(0x41) : encode(toastOfSize(size))
    const parsed = parseNotificationRequest(createRequest(headers, body), settings)

    expect(body.length).toBe(size)
    expect(parsed.type).toBe(type)
  })

  it.each([
    [
      'toast',
      TOAST_HEADERS,
      3073,
      DEFAULT_ENGINE_SETTINGS,
      'Payload too large: the toast body is 3073 bytes, over the limit of 3072 bytes for toast and tile bodies. Shorten the payload to 3072 bytes or fewer.',
    ],
    [
      'tile',
      TILE_HEADERS,
      1025,
      { ...DEFAULT_ENGINE_SETTINGS, maxXmlBodyBytes: 1024 },
      'Payload too large: the tile body is 1025 bytes, over the limit of 1024 bytes for toast and tile bodies. Shorten the payload to 1024 bytes or fewer.',
    ],
    [
      'raw',
      RAW_HEADERS,
      1025,
      DEFAULT_ENGINE_SETTINGS,
      'Payload too large: the raw body is 1025 bytes, over the limit of 1024 bytes for raw bodies. Shorten the payload to 1024 bytes or fewer.',
    ],
  ] as const)(
    'rejects an oversized %s body before parsing it',
    (_type, headers, size, settings, message) => {
      // Bytes that are not XML, so only the size check can reject them.
      const body = new Uint8Array(size).fill(0x01)
      const error = captureMpnsError(() =>
        parseNotificationRequest(createRequest(headers, body), settings),
      )

      expect(toErrorFields(error)).toEqual({
        code: 'PAYLOAD_TOO_LARGE',
        status: 400,
        headers: [],
        message,
      })
    },
  )

  it.each([
    ['toast', TOAST_HEADERS, 65_536],
    ['raw', RAW_HEADERS, 65_536],
  ] as const)(
    'accepts a %s body of %i bytes on an authenticated channel',
    (type, headers, size) => {
      const body = type === 'raw' ? new Uint8Array(size).fill(0x41) : encode(toastOfSize(size))
      const parsed = parseNotificationRequest(
        createRequest(headers, body),
        DEFAULT_ENGINE_SETTINGS,
        { authenticated: true },
      )

      expect(body.length).toBe(size)
      expect(parsed.type).toBe(type)
    },
  )

  it.each([
    [
      'lifted',
      65_537,
      'Payload too large: the raw body is 65537 bytes, over the limit of 65536 bytes for authenticated channels, a cap that protects the emulator. Shorten the payload to 65536 bytes or fewer.',
    ],
    [
      'documented',
      1025,
      'Payload too large: the raw body is 1025 bytes, over the limit of 1024 bytes for raw bodies. Shorten the payload to 1024 bytes or fewer.',
    ],
  ] as const)(
    'rejects an oversized body on an authenticated channel with %s limits',
    (authenticatedLimits, size, message) => {
      const settings = { ...DEFAULT_ENGINE_SETTINGS, authenticatedLimits }
      const request = createRequest(RAW_HEADERS, new Uint8Array(size).fill(0x41))
      const error = captureMpnsError(() =>
        parseNotificationRequest(request, settings, { authenticated: true }),
      )

      expect(toErrorFields(error)).toEqual({
        code: 'PAYLOAD_TOO_LARGE',
        status: 400,
        headers: [],
        message,
      })
    },
  )

  it('keeps raw bytes as they are', () => {
    const body = Uint8Array.from([0x00, 0x01, 0x02, 0x7f, 0x80, 0xfe, 0xff, 0x0d, 0x0a])
    const parsed = parseNotificationRequest(
      createRequest(RAW_HEADERS, body),
      DEFAULT_ENGINE_SETTINGS,
    )
    const payload = parsed.payload.type === 'raw' ? parsed.payload.body : undefined
    body.fill(0)

    expect(payload).toEqual(Uint8Array.from([0x00, 0x01, 0x02, 0x7f, 0x80, 0xfe, 0xff, 0x0d, 0x0a]))
  })

  it('accepts an empty raw body', () => {
    const parsed = parseNotificationRequest(createRequest(RAW_HEADERS, ''), DEFAULT_ENGINE_SETTINGS)

    expect(parsed.payload).toEqual({ type: 'raw', body: new Uint8Array(0) })
  })

  it.each([
    ['toast', TOAST_HEADERS],
    ['tile', TILE_HEADERS],
  ] as const)('rejects an empty %s body', (type, headers) => {
    const error = captureMpnsError(() =>
      parseNotificationRequest(createRequest(headers, ''), DEFAULT_ENGINE_SETTINGS),
    )

    expect(toErrorFields(error)).toEqual({
      code: 'MALFORMED_PAYLOAD',
      status: 400,
      headers: [],
      message: `Missing payload: the ${type} request has an empty body. Send a <wp:Notification> XML document.`,
    })
  })

  it('parses the body even when Content-Type is wrong', () => {
    const headers = withHeader(TOAST_HEADERS, 'Content-Type', 'application/json')
    const error = captureMpnsError(() =>
      parseNotificationRequest(createRequest(headers, '{"text1":"Hi"}'), DEFAULT_ENGINE_SETTINGS),
    )

    expect(error.code).toBe('MALFORMED_PAYLOAD')
  })

  it.each([
    [
      'the WNS header before the target',
      [
        ['X-WNS-Type', 'wns/tile'],
        ['X-WindowsPhone-Target', 'tile'],
      ],
      'WNS_FORMAT',
    ],
    [
      'the target before the class',
      [
        ['X-WindowsPhone-Target', 'tile'],
        ['X-NotificationClass', '5'],
      ],
      'INVALID_TARGET',
    ],
  ] as const)('checks %s', (_name, headers, code) => {
    expect(captureMpnsError(() => parse(headers)).code).toBe(code)
  })
})
