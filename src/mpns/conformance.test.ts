import { describe, expect, it } from 'vitest'

import {
  buildChannel,
  buildDevice,
  buildInput,
  buildRequest,
  RAW_HEADERS,
  TEST_APP_ID,
  TEST_HANDSET_ID,
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
import type { EngineStateOverrides } from '@/test/engine-builders'

import { toUtcDay } from './clock'
import { handleChannelRequest } from './engine'
import type { MpnsErrorCode } from './errors'
import { STATUS_TEXTS, toHttpDate } from './response'
import type {
  DeviceConnectionStatus,
  HeaderEntry,
  MpnsHttpRequest,
  NotificationStatus,
  NotificationType,
} from './types'
import type { SenderWarningCode } from './warnings'

/** The result a case expects. Every field left out expects the field to be absent. */
interface ExpectedResult {
  status: number
  /**
   * X-NotificationStatus, X-DeviceConnectionStatus, X-SubscriptionStatus and X-MessageID,
   * exactly and in order.
   */
  headers: HeaderEntry[]
  errorCode?: MpnsErrorCode
  warnings?: SenderWarningCode[]
  enqueue?: { type: NotificationType; notificationClass: number; delaySeconds: number }
  /**
   * Quota count returned for today. Left out, it is 1 on a 200 response and absent otherwise;
   * null means absent.
   */
  usage?: number | null
  /** The channel is returned closed because its raw-only app exited. */
  closesChannel?: true
  /** The device is returned with inactiveNoticedAt set to now. */
  noticesInactive?: true
  /** Text the X-Emulator-Reason must contain. */
  reason?: string
}

interface ConformanceCase {
  name: string
  request: MpnsHttpRequest
  state?: EngineStateOverrides
  expected: ExpectedResult
}

const TEXT1 = '<wp:Text1>Snow</wp:Text1>'
const TILE_COUNT = '<wp:Count>3</wp:Count>'
const FLIP_TILE = 'Template="FlipTile"'
const PLAIN_TEXT: HeaderEntry = ['Content-Type', 'text/plain; charset=utf-8']
const OFFLINE_30_MINUTES = buildDevice({ network: 'offline', offlineSince: TEST_NOW - 30 * 60_000 })
const OFFLINE_60_MINUTES = buildDevice({ network: 'offline', offlineSince: TEST_NOW - 60 * 60_000 })
const RAW_ONLY_CHANNEL = buildChannel({ boundToast: false, boundTile: false })
const APP_CLOSED = buildDevice({ foregroundAppId: null })
const TODAY = toUtcDay(TEST_NOW)
const YESTERDAY = toUtcDay(TEST_NOW - 86_400_000)
const BOM = [0xef, 0xbb, 0xbf]

function toast(elements = TEXT1, headers: readonly HeaderEntry[] = TOAST_HEADERS) {
  return buildRequest({ headers, body: toastXml(elements) })
}

function tile(body = tileXml(TILE_COUNT), headers: readonly HeaderEntry[] = TILE_HEADERS) {
  return buildRequest({ headers, body })
}

function raw(body: string | Uint8Array = 'ping', headers: readonly HeaderEntry[] = RAW_HEADERS) {
  return buildRequest({ headers, body })
}

function toastWithHeader(name: string, value: string | null): MpnsHttpRequest {
  return toast(TEXT1, withHeader(TOAST_HEADERS, name, value))
}

function flipTile(elements: string, options: { version?: boolean } = { version: true }) {
  return tile(tileXml(elements, { tileAttributes: FLIP_TILE, ...options }))
}

function toastOfSize(size: number): MpnsHttpRequest {
  const padding = 'x'.repeat(size - toastXml(TEXT1).length)
  return toast(`<wp:Text1>Snow${padding}</wp:Text1>`)
}

function withPrefix(prefix: readonly number[], text: string): Uint8Array {
  return Uint8Array.from([...prefix, ...new TextEncoder().encode(text)])
}

function toUtf16le(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].flatMap((character) => {
      const code = character.charCodeAt(0)
      return [code & 0xff, code >> 8]
    }),
  )
}

function withByte(text: string, marker: string, byte: number): Uint8Array {
  const [before = '', after = ''] = text.split(marker)
  const encoder = new TextEncoder()
  return Uint8Array.from([...encoder.encode(before), byte, ...encoder.encode(after)])
}

function answer(
  notificationStatus: NotificationStatus,
  deviceConnectionStatus: DeviceConnectionStatus = 'Connected',
): HeaderEntry[] {
  return [
    ['X-NotificationStatus', notificationStatus],
    ['X-DeviceConnectionStatus', deviceConnectionStatus],
    ['X-SubscriptionStatus', 'Active'],
  ]
}

function expired(deviceConnectionStatus: DeviceConnectionStatus): HeaderEntry[] {
  return [
    ['X-NotificationStatus', 'Dropped'],
    ['X-DeviceConnectionStatus', deviceConnectionStatus],
    ['X-SubscriptionStatus', 'Expired'],
  ]
}

const INACTIVE: HeaderEntry[] = [
  ['X-NotificationStatus', 'Dropped'],
  ['X-DeviceConnectionStatus', 'Inactive'],
]

function echo(headers: HeaderEntry[], messageId: string = TEST_UUID): HeaderEntry[] {
  return [...headers, ['X-MessageID', messageId]]
}

function queued(type: NotificationType, notificationClass: number, delaySeconds: number) {
  return { type, notificationClass, delaySeconds }
}

/** Builds the expectation of a 400 without status headers. */
function rejected(errorCode: MpnsErrorCode, reason?: string): ExpectedResult {
  return reason === undefined
    ? { status: 400, headers: [], errorCode }
    : { status: 400, headers: [], errorCode, reason }
}

const RECEIVED_TOAST: ExpectedResult = {
  status: 200,
  headers: answer('Received'),
  enqueue: queued('toast', 2, 0),
}

const RECEIVED_TILE: ExpectedResult = {
  status: 200,
  headers: answer('Received'),
  enqueue: queued('tile', 1, 0),
}

const RECEIVED_RAW: ExpectedResult = {
  status: 200,
  headers: answer('Received'),
  enqueue: queued('raw', 3, 0),
}

function receivedToastWith(warnings: SenderWarningCode[]): ExpectedResult {
  return { ...RECEIVED_TOAST, warnings }
}

function receivedTileWith(warnings: SenderWarningCode[]): ExpectedResult {
  return { ...RECEIVED_TILE, warnings }
}

const METHOD_AND_SERVICE_CASES: ConformanceCase[] = [
  ...['GET', 'PUT', 'DELETE', 'CREATE', 'HEAD', 'post'].map((method): ConformanceCase => ({
    name: `method ${method} gets 405`,
    request: buildRequest({ method, body: toastXml(TEXT1) }),
    expected: { status: 405, headers: [], errorCode: 'METHOD_NOT_ALLOWED' },
  })),
  {
    name: '405 echoes X-MessageID',
    request: buildRequest({ method: 'GET', headers: [['X-MessageID', TEST_UUID]] }),
    expected: { status: 405, headers: echo([]), errorCode: 'METHOD_NOT_ALLOWED' },
  },
  {
    name: 'service down returns 503 for a valid toast',
    request: toast(),
    state: { settings: { serviceDown: true } },
    expected: { status: 503, headers: [], errorCode: 'SERVICE_UNAVAILABLE', reason: 'taken down' },
  },
  {
    name: 'service down returns 503 for GET before 405',
    request: buildRequest({ method: 'GET' }),
    state: { settings: { serviceDown: true } },
    expected: { status: 503, headers: [], errorCode: 'SERVICE_UNAVAILABLE' },
  },
  {
    name: 'service down returns 503 with the message id for an unknown token',
    request: toast(TEXT1, [...TOAST_HEADERS, ['X-MessageID', TEST_UUID]]),
    state: { channel: undefined, settings: { serviceDown: true } },
    expected: { status: 503, headers: echo([]), errorCode: 'SERVICE_UNAVAILABLE' },
  },
]

const CHANNEL_URI_CASES: ConformanceCase[] = [
  {
    name: 'URI over 1,024 characters gets 400',
    request: buildRequest({
      url: `${THROTTLED_URI}?${'x'.repeat(1024 - THROTTLED_URI.length)}`,
      body: toastXml(TEXT1),
    }),
    expected: rejected('MALFORMED_CHANNEL_URI', '1025 characters'),
  },
  {
    name: 'URI of exactly 1,024 characters is accepted',
    request: buildRequest({
      url: `${THROTTLED_URI}?${'x'.repeat(1023 - THROTTLED_URI.length)}`,
      body: toastXml(TEXT1),
    }),
    expected: RECEIVED_TOAST,
  },
  {
    name: 'token with an encoded space gets 400',
    request: buildRequest({ url: `${THROTTLED_URI}%20x`, body: toastXml(TEXT1) }),
    expected: rejected('MALFORMED_CHANNEL_URI', 'contains characters other than'),
  },
  {
    name: 'token with an encoded slash gets 400',
    request: buildRequest({ url: `${THROTTLED_URI}%2Fx`, body: toastXml(TEXT1) }),
    expected: rejected('MALFORMED_CHANNEL_URI'),
  },
  {
    name: 'path outside the channel prefixes gets 400',
    request: buildRequest({ url: `http://127.0.0.1:5173/thirdparty/${TEST_TOKEN}` }),
    expected: rejected('MALFORMED_CHANNEL_URI', 'its path does not start with'),
  },
  {
    name: 'percent-encoded unreserved characters are decoded before the check',
    request: buildRequest({
      url: `${THROTTLED_URI.slice(0, -1)}%${'1'.charCodeAt(0).toString(16)}`,
    }),
    state: { channel: undefined },
    expected: { status: 404, headers: expired('Disconnected'), errorCode: 'CHANNEL_NOT_FOUND' },
  },
  {
    name: 'callback registration on a token never issued gets 404',
    request: buildRequest({ url: `${UNTHROTTLED_URI}/callback`, headers: [], body: 'blob' }),
    state: { channel: undefined },
    expected: { status: 404, headers: expired('Disconnected'), errorCode: 'CHANNEL_NOT_FOUND' },
  },
  {
    name: 'plain HTTP to an authenticated channel gets 401',
    request: buildRequest({
      url: UNTHROTTLED_URI.replace('https:', 'http:'),
      body: toastXml(TEXT1),
    }),
    expected: { status: 401, headers: [], errorCode: 'UNAUTHORIZED', reason: 'client certificate' },
  },
  {
    name: 'HTTPS to an authenticated channel is accepted without quota',
    request: buildRequest({ url: UNTHROTTLED_URI, body: toastXml(TEXT1) }),
    expected: { ...RECEIVED_TOAST, usage: null },
  },
]

const CHANNEL_STATE_CASES: ConformanceCase[] = [
  {
    name: 'token never issued gets 404 Dropped Disconnected Expired',
    request: toast(),
    state: { channel: undefined },
    expected: { status: 404, headers: expired('Disconnected'), errorCode: 'CHANNEL_NOT_FOUND' },
  },
  {
    name: 'token never issued echoes X-MessageID',
    request: toastWithHeader('X-MessageID', TEST_UUID),
    state: { channel: undefined },
    expected: {
      status: 404,
      headers: echo(expired('Disconnected')),
      errorCode: 'CHANNEL_NOT_FOUND',
    },
  },
  {
    name: 'token never issued gets 200 Received when probe-resistant',
    request: toast(),
    state: { channel: undefined, settings: { unknownTokenAnswer: 'probe-resistant' } },
    expected: { status: 200, headers: answer('Received'), usage: null, reason: 'never issued' },
  },
  {
    name: 'probe-resistant response does not parse the body',
    request: toast('<wp:Text1>unclosed'),
    state: { channel: undefined, settings: { unknownTokenAnswer: 'probe-resistant' } },
    expected: { status: 200, headers: answer('Received'), usage: null },
  },
  {
    name: 'channel closed by the app gets 404 Expired',
    request: toast(),
    state: { channel: buildChannel({ closedAt: TEST_NOW - 1, closeReason: 'closed-by-app' }) },
    expected: {
      status: 404,
      headers: expired('Connected'),
      errorCode: 'CHANNEL_CLOSED',
      reason: 'the app closed the channel',
    },
  },
  {
    name: 'channel of an uninstalled app gets 404 with the device status',
    request: toast(),
    state: {
      channel: buildChannel({ closedAt: TEST_NOW - 1, closeReason: 'uninstalled' }),
      device: OFFLINE_30_MINUTES,
    },
    expected: {
      status: 404,
      headers: expired('TempDisconnected'),
      errorCode: 'CHANNEL_CLOSED',
      reason: 'uninstalled',
    },
  },
  {
    name: 'raw-only channel closed at app exit gets 404',
    request: raw(),
    state: {
      channel: buildChannel({ closedAt: TEST_NOW - 1, closeReason: 'app-exited' }),
      device: undefined,
    },
    expected: {
      status: 404,
      headers: expired('TempDisconnected'),
      errorCode: 'CHANNEL_CLOSED',
      reason: 'closed when the app exited',
    },
  },
  {
    name: 'renewed channel URI gets 404 naming the new URI',
    request: toastWithHeader('X-MessageID', TEST_UUID),
    state: { channel: buildChannel({ closedAt: TEST_NOW - 1, closeReason: 'renewed' }) },
    expected: {
      status: 404,
      headers: echo(expired('Connected')),
      errorCode: 'CHANNEL_CLOSED',
      reason: 'new channel URI',
    },
  },
  {
    name: 'closed channel is checked before the payload is parsed',
    request: toast('<wp:Text1>unclosed'),
    state: { channel: buildChannel({ closedAt: TEST_NOW - 1, closeReason: 'closed-by-app' }) },
    expected: { status: 404, headers: expired('Connected'), errorCode: 'CHANNEL_CLOSED' },
  },
]

const TARGET_CASES: ConformanceCase[] = [
  { name: 'target toast is a toast', request: toast(), expected: RECEIVED_TOAST },
  { name: 'target token is a tile', request: tile(), expected: RECEIVED_TILE },
  { name: 'no target is raw', request: raw(), expected: RECEIVED_RAW },
  {
    name: 'target Toast in other letter case is accepted with a warning',
    request: toastWithHeader('X-WindowsPhone-Target', 'Toast'),
    expected: receivedToastWith(['TARGET_LETTER_CASE']),
  },
  {
    name: 'target TOKEN in other letter case is accepted with a warning',
    request: tile(tileXml(TILE_COUNT), withHeader(TILE_HEADERS, 'X-WindowsPhone-Target', 'TOKEN')),
    expected: receivedTileWith(['TARGET_LETTER_CASE']),
  },
  {
    name: 'target tile gets 400',
    request: tile(tileXml(TILE_COUNT), withHeader(TILE_HEADERS, 'X-WindowsPhone-Target', 'tile')),
    expected: rejected('INVALID_TARGET', 'use the value "token"'),
  },
  {
    name: 'target Tile in any case gets 400',
    request: tile(tileXml(TILE_COUNT), withHeader(TILE_HEADERS, 'X-WindowsPhone-Target', 'Tile')),
    expected: rejected('INVALID_TARGET'),
  },
  {
    name: 'target raw is raw with a warning',
    request: raw('ping', [...RAW_HEADERS, ['X-WindowsPhone-Target', 'raw']]),
    expected: { ...RECEIVED_RAW, warnings: ['TARGET_RAW'] },
  },
  {
    name: 'any other target gets 400',
    request: toastWithHeader('X-WindowsPhone-Target', 'badge'),
    expected: rejected('INVALID_TARGET'),
  },
]

const CLASS_CASES: ConformanceCase[] = [
  ...(
    [
      ['toast', '12', 450],
      ['toast', '22', 900],
      ['tile', '11', 450],
      ['tile', '21', 900],
      ['raw', '10', 0],
      ['raw', '13', 450],
      ['raw', '20', 450],
      ['raw', '23', 900],
      ['raw', '31', 900],
    ] as const
  ).map(([type, value, delaySeconds]): ConformanceCase => ({
    name: `${type} class ${value} is due in ${delaySeconds} seconds`,
    request:
      type === 'toast'
        ? toastWithHeader('X-NotificationClass', value)
        : type === 'tile'
          ? tile(tileXml(TILE_COUNT), withHeader(TILE_HEADERS, 'X-NotificationClass', value))
          : raw('ping', [['X-NotificationClass', value]]),
    expected: {
      status: 200,
      headers: answer('Received'),
      enqueue: queued(type, Number(value), delaySeconds),
    },
  })),
  {
    name: 'raw class 4 of VoIP senders is immediate',
    request: raw('<IncomingCall/>', [['X-NotificationClass', '4']]),
    expected: { ...RECEIVED_RAW, enqueue: queued('raw', 4, 0) },
  },
  ...(
    [
      ['toast', '1'],
      ['toast', '5'],
      ['toast', '32'],
      ['tile', '2'],
      ['tile', '3'],
      ['raw', '1'],
      ['raw', '11'],
      ['raw', '21'],
      ['raw', '32'],
      ['raw', '0'],
      ['toast', 'abc'],
      ['toast', '2.0'],
    ] as const
  ).map(([type, value]): ConformanceCase => ({
    name: `${type} class "${value}" gets 400`,
    request:
      type === 'toast'
        ? toastWithHeader('X-NotificationClass', value)
        : type === 'tile'
          ? tile(tileXml(TILE_COUNT), withHeader(TILE_HEADERS, 'X-NotificationClass', value))
          : raw('ping', [['X-NotificationClass', value]]),
    expected: rejected('INVALID_NOTIFICATION_CLASS'),
  })),
  {
    name: 'missing class on a toast takes the 900-second class',
    request: toastWithHeader('X-NotificationClass', null),
    expected: { ...RECEIVED_TOAST, enqueue: queued('toast', 22, 900), warnings: ['CLASS_MISSING'] },
  },
  {
    name: 'missing class on a tile takes the 900-second class',
    request: tile(tileXml(TILE_COUNT), withHeader(TILE_HEADERS, 'X-NotificationClass', null)),
    expected: { ...RECEIVED_TILE, enqueue: queued('tile', 21, 900), warnings: ['CLASS_MISSING'] },
  },
  {
    name: 'missing class on raw takes the 900-second class',
    request: raw('ping', []),
    expected: { ...RECEIVED_RAW, enqueue: queued('raw', 23, 900), warnings: ['CLASS_MISSING'] },
  },
  {
    name: 'missing class is immediate with the immediate setting',
    request: toastWithHeader('X-NotificationClass', null),
    state: { settings: { missingClassDefault: 'immediate' } },
    expected: { ...RECEIVED_TOAST, enqueue: queued('toast', 2, 0), warnings: ['CLASS_MISSING'] },
  },
]

const HEADER_CASES: ConformanceCase[] = [
  {
    name: 'UUID X-MessageID is echoed',
    request: toastWithHeader('X-MessageID', TEST_UUID),
    expected: { ...RECEIVED_TOAST, headers: echo(answer('Received')) },
  },
  {
    name: 'X-MessageId in other letter case is echoed as X-MessageID',
    request: toastWithHeader('X-MessageId', TEST_UUID),
    expected: { ...RECEIVED_TOAST, headers: echo(answer('Received')) },
  },
  {
    name: 'X-MessageID that is not a UUID is echoed with a warning',
    request: toastWithHeader('X-MessageID', '5367a1c4d30f2'),
    expected: {
      ...RECEIVED_TOAST,
      headers: echo(answer('Received'), '5367a1c4d30f2'),
      warnings: ['MESSAGE_ID_NOT_UUID'],
    },
  },
  {
    name: 'X-MessageID is echoed without surrounding whitespace',
    request: toastWithHeader('X-MessageID', `  ${TEST_UUID} `),
    expected: { ...RECEIVED_TOAST, headers: echo(answer('Received')) },
  },
  {
    name: 'Content-Type with a charset is text/xml',
    request: toastWithHeader('Content-Type', 'text/xml; charset=utf-8'),
    expected: RECEIVED_TOAST,
  },
  {
    name: 'Content-Type with a quoted charset is text/xml',
    request: toastWithHeader('Content-Type', 'text/xml;charset="utf-8"'),
    expected: RECEIVED_TOAST,
  },
  {
    name: 'missing Content-Type on a toast is accepted with a warning',
    request: toastWithHeader('Content-Type', null),
    expected: receivedToastWith(['CONTENT_TYPE_NOT_XML']),
  },
  {
    name: 'form Content-Type on a tile is accepted with a warning',
    request: tile(
      tileXml(TILE_COUNT),
      withHeader(TILE_HEADERS, 'Content-Type', 'application/x-www-form-urlencoded'),
    ),
    expected: receivedTileWith(['CONTENT_TYPE_NOT_XML']),
  },
  {
    name: 'text/plain Content-Type of a string fetch body is accepted with a warning',
    request: toastWithHeader('Content-Type', 'text/plain;charset=UTF-8'),
    expected: receivedToastWith(['CONTENT_TYPE_NOT_XML']),
  },
  {
    name: 'raw without Content-Type gets no warning',
    request: raw('{"a":1}', [['X-NotificationClass', '3']]),
    expected: RECEIVED_RAW,
  },
  {
    name: 'X-WNS-Type header gets 400',
    request: toastWithHeader('X-WNS-Type', 'wns/toast'),
    expected: rejected('WNS_FORMAT', 'Windows Notification Service'),
  },
  {
    name: 'WNS toast body gets 400',
    request: buildRequest({
      headers: TOAST_HEADERS,
      body: '<toast><visual><binding template="ToastText01"><text id="1">Hi</text></binding></visual></toast>',
    }),
    expected: rejected('WNS_FORMAT'),
  },
  {
    name: 'Accept header is ignored',
    request: toastWithHeader('Accept', 'application/*'),
    expected: RECEIVED_TOAST,
  },
  {
    name: 'X-CallbackURI on a notification is ignored',
    request: toastWithHeader('X-CallbackURI', 'https://service.example/callback'),
    expected: RECEIVED_TOAST,
  },
  {
    name: 'two notifications in one POST get 400',
    request: buildRequest({
      headers: TOAST_HEADERS,
      body: '<wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>a</wp:Text1></wp:Toast><wp:Toast><wp:Text1>b</wp:Text1></wp:Toast></wp:Notification>',
    }),
    expected: rejected('INVALID_PAYLOAD', 'exactly one notification'),
  },
  {
    name: 'tile body sent as a toast gets 400',
    request: buildRequest({ headers: TOAST_HEADERS, body: tileXml(TILE_COUNT) }),
    expected: rejected('INVALID_PAYLOAD', '<wp:Tile>'),
  },
  {
    name: 'toast body sent as a tile gets 400',
    request: buildRequest({ headers: TILE_HEADERS, body: toastXml(TEXT1) }),
    expected: rejected('INVALID_PAYLOAD', '<wp:Toast>'),
  },
]

const SIZE_CASES: ConformanceCase[] = [
  {
    name: 'toast body of 3,072 bytes is accepted',
    request: toastOfSize(3072),
    expected: RECEIVED_TOAST,
  },
  {
    name: 'toast body of 3,073 bytes gets 400',
    request: toastOfSize(3073),
    expected: rejected('PAYLOAD_TOO_LARGE', '3073 bytes'),
  },
  {
    name: 'raw body of 1,024 bytes is accepted',
    request: raw('r'.repeat(1024)),
    expected: RECEIVED_RAW,
  },
  {
    name: 'raw body of 1,025 bytes gets 400',
    request: raw('r'.repeat(1025)),
    expected: rejected('PAYLOAD_TOO_LARGE', '1024 bytes'),
  },
  {
    name: 'WP7 limits reject a toast of 1,025 bytes',
    request: toastOfSize(1025),
    state: { settings: { maxXmlBodyBytes: 1024 } },
    expected: rejected('PAYLOAD_TOO_LARGE'),
  },
  {
    name: 'size is checked before the body is parsed',
    request: buildRequest({ headers: TOAST_HEADERS, body: '<'.repeat(3073) }),
    expected: rejected('PAYLOAD_TOO_LARGE'),
  },
  {
    name: 'authenticated URI lifts the toast size limit',
    request: buildRequest({
      url: UNTHROTTLED_URI,
      body: toastXml(`<wp:Text1>${'x'.repeat(5000)}</wp:Text1>`),
    }),
    expected: { ...RECEIVED_TOAST, usage: null },
  },
  {
    name: 'channel with a service name lifts the raw size limit',
    request: raw('r'.repeat(5000)),
    state: { channel: buildChannel({ serviceName: 'push.contoso.example' }) },
    expected: { ...RECEIVED_RAW, usage: null },
  },
  {
    name: 'authenticated body over 64 KB gets 400',
    request: buildRequest({ url: UNTHROTTLED_URI, headers: RAW_HEADERS, body: 'r'.repeat(65_537) }),
    expected: rejected('PAYLOAD_TOO_LARGE', '65536 bytes'),
  },
  {
    name: 'documented limits apply to authenticated channels when set',
    request: buildRequest({ url: UNTHROTTLED_URI, headers: RAW_HEADERS, body: 'r'.repeat(1025) }),
    state: { settings: { authenticatedLimits: 'documented' } },
    expected: rejected('PAYLOAD_TOO_LARGE', '1024 bytes'),
  },
]

const ENCODING_CASES: ConformanceCase[] = [
  {
    name: 'BOM before the declaration is accepted',
    request: buildRequest({ headers: TOAST_HEADERS, body: withPrefix(BOM, toastXml(TEXT1)) }),
    expected: RECEIVED_TOAST,
  },
  {
    name: 'whitespace before the declaration gets 400',
    request: buildRequest({ headers: TOAST_HEADERS, body: ` ${toastXml(TEXT1)}` }),
    expected: rejected('MALFORMED_PAYLOAD'),
  },
  {
    name: 'utf-16 declared on UTF-8 bytes gets 400',
    request: buildRequest({
      headers: TOAST_HEADERS,
      body: toastXml(TEXT1).replace('encoding="utf-8"', 'encoding="utf-16"'),
    }),
    expected: rejected('INVALID_ENCODING', 'byte offset'),
  },
  {
    name: 'UTF-16 without a BOM gets 400',
    request: buildRequest({
      headers: TOAST_HEADERS,
      body: toUtf16le(toastXml(TEXT1).replace('<?xml version="1.0" encoding="utf-8"?>', '')),
    }),
    expected: rejected('INVALID_ENCODING', 'byte offset 0'),
  },
  {
    name: 'bytes that are not UTF-8 get 400',
    request: buildRequest({
      headers: TOAST_HEADERS,
      body: withByte(toastXml('<wp:Text1>a#b</wp:Text1>'), '#', 0xff),
    }),
    expected: rejected('INVALID_ENCODING', 'byte offset'),
  },
  {
    name: 'control character in a toast gets 400',
    request: toast('<wp:Text1>a\u0001b</wp:Text1>'),
    expected: rejected('MALFORMED_PAYLOAD', 'byte offset'),
  },
  {
    name: 'raw body bytes are never checked',
    request: raw(Uint8Array.from([0x00, 0x01, 0xff, 0xfe, 0x3c])),
    expected: RECEIVED_RAW,
  },
  {
    name: 'DOCTYPE gets 400',
    request: buildRequest({
      headers: TOAST_HEADERS,
      body: toastXml(TEXT1).replace('?>', '?><!DOCTYPE wp:Notification>'),
    }),
    expected: rejected('MALFORMED_PAYLOAD'),
  },
  {
    name: 'entity declaration gets 400',
    request: buildRequest({
      headers: TOAST_HEADERS,
      body: toastXml('<wp:Text1>&x;</wp:Text1>').replace(
        '?>',
        '?><!DOCTYPE wp:Notification [<!ENTITY x "boom">]>',
      ),
    }),
    expected: rejected('MALFORMED_PAYLOAD'),
  },
  {
    name: 'XML that is not well-formed gets 400',
    request: toast('<wp:Text1>unclosed'),
    expected: rejected('MALFORMED_PAYLOAD'),
  },
  {
    name: 'empty toast body gets 400',
    request: buildRequest({ headers: TOAST_HEADERS, body: '' }),
    expected: rejected('MALFORMED_PAYLOAD', 'empty body'),
  },
]

const PAYLOAD_CASES: ConformanceCase[] = [
  {
    name: 'prefix other than wp bound to WPNotification is accepted',
    request: buildRequest({
      headers: TOAST_HEADERS,
      body: '<n:Notification xmlns:n="WPNotification"><n:Toast><n:Text1>Hi</n:Text1></n:Toast></n:Notification>',
    }),
    expected: RECEIVED_TOAST,
  },
  {
    name: 'element in no namespace gets 400',
    request: buildRequest({
      headers: TOAST_HEADERS,
      body: '<wp:Notification xmlns:wp="WPNotification"><wp:Toast><Text1>Hi</Text1></wp:Toast></wp:Notification>',
    }),
    expected: rejected('INVALID_PAYLOAD', 'no namespace'),
  },
  {
    name: 'element in another namespace gets 400',
    request: toast('<x:Text1 xmlns:x="urn:other">Hi</x:Text1>'),
    expected: rejected('INVALID_PAYLOAD', 'urn:other'),
  },
  {
    name: 'templated tile without Version is accepted with a warning',
    request: flipTile(TILE_COUNT, { version: false }),
    expected: receivedTileWith(['VERSION_MISSING']),
  },
  {
    name: 'templated tile with Version gets no warning',
    request: flipTile(TILE_COUNT),
    expected: RECEIVED_TILE,
  },
  {
    name: 'Version without Template is a legacy tile with a warning',
    request: tile(tileXml(TILE_COUNT, { version: true })),
    expected: receivedTileWith(['VERSION_WITHOUT_TEMPLATE']),
  },
  {
    name: 'element of another template is ignored with a warning',
    request: flipTile('<wp:CycleImage1>/a.png</wp:CycleImage1>'),
    expected: receivedTileWith(['FOREIGN_ELEMENT']),
  },
  {
    name: 'unknown element is ignored with a warning',
    request: tile(tileXml('<wp:Content>play again</wp:Content>')),
    expected: receivedTileWith(['UNKNOWN_ELEMENT']),
  },
  {
    name: 'unknown Template gets 400',
    request: tile(tileXml(TILE_COUNT, { tileAttributes: 'Template="PeopleTile"', version: true })),
    expected: rejected('INVALID_PAYLOAD', 'PeopleTile'),
  },
  {
    name: 'update in another template is Received with a warning',
    request: tile(
      tileXml('<wp:WideContent1>Lunch?</wp:WideContent1>', {
        tileAttributes: 'Template="IconicTile"',
        version: true,
      }),
    ),
    expected: receivedTileWith(['TEMPLATE_MISMATCH']),
  },
  {
    name: 'legacy update fits a FlipTile',
    request: tile(),
    state: { channel: buildChannel({ tileTemplate: 'FlipTile' }) },
    expected: RECEIVED_TILE,
  },
  {
    name: 'legacy update to an IconicTile is Received with a warning',
    request: tile(),
    state: { channel: buildChannel({ tileTemplate: 'IconicTile' }) },
    expected: receivedTileWith(['TEMPLATE_MISMATCH']),
  },
  {
    name: 'Action Clear with a value is cleared with a warning',
    request: tile(tileXml('<wp:Title Action="Clear">Oslo</wp:Title>')),
    expected: receivedTileWith(['CLEAR_WITH_VALUE']),
  },
  {
    name: 'empty element without Action is kept with a warning',
    request: tile(tileXml('<wp:Title></wp:Title>')),
    expected: receivedTileWith(['EMPTY_ELEMENT']),
  },
  {
    name: 'Count above 99 is accepted with a warning',
    request: tile(tileXml('<wp:Count>150</wp:Count>')),
    expected: receivedTileWith(['COUNT_OUT_OF_RANGE']),
  },
  {
    name: 'Count that is not an integer is accepted with a warning',
    request: tile(tileXml('<wp:Count>2.5</wp:Count>')),
    expected: receivedTileWith(['COUNT_OUT_OF_RANGE']),
  },
  {
    name: 'Count that is not a number is accepted with a warning',
    request: tile(tileXml('<wp:Count>many</wp:Count>')),
    expected: receivedTileWith(['COUNT_NOT_NUMBER']),
  },
  {
    name: 'BackgroundColor that is not hex is accepted with a warning',
    request: tile(
      tileXml('<wp:BackgroundColor>color</wp:BackgroundColor>', {
        tileAttributes: 'Template="IconicTile"',
        version: true,
      }),
    ),
    state: { channel: buildChannel({ tileTemplate: 'IconicTile' }) },
    expected: receivedTileWith(['BACKGROUND_COLOR_INVALID']),
  },
  {
    name: 'attribute outside the schema is ignored with a warning',
    request: flipTile('<wp:BackgroundImage IsRelative="true">/a.png</wp:BackgroundImage>'),
    expected: receivedTileWith(['UNKNOWN_ATTRIBUTE']),
  },
  {
    name: 'Param of all three forms is accepted',
    request: toast(`${TEXT1}<wp:Param>?id=42&amp;tab=live</wp:Param>`),
    expected: RECEIVED_TOAST,
  },
  {
    name: 'Param starting with neither slash nor question mark gets a warning',
    request: toast(`${TEXT1}<wp:Param>Page.xaml</wp:Param>`),
    expected: receivedToastWith(['PARAM_FORM']),
  },
  {
    name: 'Param over 256 characters gets a warning',
    request: toast(`${TEXT1}<wp:Param>/P.xaml?q=${'x'.repeat(260)}</wp:Param>`),
    expected: receivedToastWith(['PARAM_TOO_LONG']),
  },
  {
    name: 'Param with a dangling ampersand gets a warning',
    request: toast(`${TEXT1}<wp:Param>/P.xaml?a=1&amp;</wp:Param>`),
    expected: receivedToastWith(['PARAM_AMPERSAND']),
  },
  {
    name: 'Param escaped twice gets a warning',
    request: toast(`${TEXT1}<wp:Param>/P.xaml?a=1&amp;amp;b=2</wp:Param>`),
    expected: receivedToastWith(['PARAM_AMPERSAND']),
  },
  {
    name: 'toast without Text1 and Text2 gets a warning',
    request: toast('<wp:Param>/P.xaml</wp:Param>'),
    expected: receivedToastWith(['TOAST_WITHOUT_TEXT']),
  },
]

const DEVICE_CASES: ConformanceCase[] = [
  {
    name: 'online handset gets Received Connected',
    request: toast(),
    expected: { ...RECEIVED_TOAST, reason: 'queued for immediate delivery' },
  },
  {
    name: 'offline handset gets Received TempDisconnected and queues',
    request: toast(),
    state: { device: OFFLINE_30_MINUTES },
    expected: { ...RECEIVED_TOAST, headers: answer('Received', 'TempDisconnected') },
  },
  {
    name: 'handset that never connected gets TempDisconnected',
    request: tile(),
    state: { device: undefined },
    expected: { ...RECEIVED_TILE, headers: answer('Received', 'TempDisconnected') },
  },
  {
    name: 'handset offline for 60 minutes gets 412 and is noted',
    request: toast(),
    state: { device: OFFLINE_60_MINUTES },
    expected: {
      status: 412,
      headers: INACTIVE,
      errorCode: 'DEVICE_INACTIVE',
      noticesInactive: true,
    },
  },
  {
    name: 'handset already found Inactive gets 412 without a change',
    request: toastWithHeader('X-MessageID', TEST_UUID),
    state: { device: { ...OFFLINE_60_MINUTES, inactiveNoticedAt: TEST_NOW - 1 } },
    expected: { status: 412, headers: echo(INACTIVE), errorCode: 'DEVICE_INACTIVE' },
  },
  {
    name: 'Inactive time follows the setting',
    request: raw(),
    state: {
      device: buildDevice({ network: 'offline', offlineSince: TEST_NOW - 5 * 60_000 }),
      settings: { inactiveAfterMinutes: 5 },
    },
    expected: {
      status: 412,
      headers: INACTIVE,
      errorCode: 'DEVICE_INACTIVE',
      noticesInactive: true,
    },
  },
  {
    name: 'payload errors are checked before Inactive',
    request: toast('<wp:Text1>unclosed'),
    state: { device: OFFLINE_60_MINUTES },
    expected: rejected('MALFORMED_PAYLOAD'),
  },
  {
    name: '412 keeps the sender warnings',
    request: toastWithHeader('Content-Type', null),
    state: { device: OFFLINE_60_MINUTES },
    expected: {
      status: 412,
      headers: INACTIVE,
      errorCode: 'DEVICE_INACTIVE',
      noticesInactive: true,
      warnings: ['CONTENT_TYPE_NOT_XML'],
    },
  },
]

const QUOTA_CASES: ConformanceCase[] = [
  {
    name: 'notification 500 of the day is accepted and counted',
    request: toast(),
    state: { usage: { token: TEST_TOKEN, day: TODAY, count: 499 } },
    expected: { ...RECEIVED_TOAST, usage: 500 },
  },
  {
    name: 'notification 501 of the day gets 406',
    request: toast(),
    state: { usage: { token: TEST_TOKEN, day: TODAY, count: 500 } },
    expected: {
      status: 406,
      headers: answer('Dropped'),
      errorCode: 'DAILY_QUOTA_EXCEEDED',
      reason: 'daily quota of 500',
    },
  },
  {
    name: '406 carries the current device status',
    request: toastWithHeader('X-MessageID', TEST_UUID),
    state: { usage: { token: TEST_TOKEN, day: TODAY, count: 500 }, device: OFFLINE_30_MINUTES },
    expected: {
      status: 406,
      headers: echo(answer('Dropped', 'TempDisconnected')),
      errorCode: 'DAILY_QUOTA_EXCEEDED',
    },
  },
  {
    name: 'count of another UTC day starts again at zero',
    request: toast(),
    state: { usage: { token: TEST_TOKEN, day: YESTERDAY, count: 900 } },
    expected: { ...RECEIVED_TOAST, usage: 1 },
  },
  {
    name: 'daily quota follows the setting',
    request: raw(),
    state: { usage: { token: TEST_TOKEN, day: TODAY, count: 10 }, settings: { dailyQuota: 10 } },
    expected: { status: 406, headers: answer('Dropped'), errorCode: 'DAILY_QUOTA_EXCEEDED' },
  },
  {
    name: 'authenticated URI has no daily quota',
    request: buildRequest({ url: UNTHROTTLED_URI, body: toastXml(TEXT1) }),
    state: { usage: { token: TEST_TOKEN, day: TODAY, count: 500 } },
    expected: { ...RECEIVED_TOAST, usage: null },
  },
  {
    name: 'channel with a service name has no daily quota',
    request: toast(),
    state: {
      channel: buildChannel({ serviceName: 'push.contoso.example' }),
      usage: { token: TEST_TOKEN, day: TODAY, count: 500 },
    },
    expected: { ...RECEIVED_TOAST, usage: null },
  },
  {
    name: 'quota is checked after Inactive',
    request: toast(),
    state: { usage: { token: TEST_TOKEN, day: TODAY, count: 500 }, device: OFFLINE_60_MINUTES },
    expected: {
      status: 412,
      headers: INACTIVE,
      errorCode: 'DEVICE_INACTIVE',
      noticesInactive: true,
    },
  },
]

const QUEUE_CASES: ConformanceCase[] = [
  {
    name: 'queue below its depth accepts',
    request: toast(),
    state: { queuedCount: 99 },
    expected: RECEIVED_TOAST,
  },
  {
    name: 'full queue returns QueueFull Connected',
    request: toast(),
    state: { queuedCount: 100 },
    expected: { status: 200, headers: answer('QueueFull'), reason: 'not queued' },
  },
  {
    name: 'full queue returns QueueFull TempDisconnected',
    request: raw(),
    state: {
      queuedCount: 100,
      device: buildDevice({ network: 'offline', offlineSince: TEST_NOW }),
    },
    expected: { status: 200, headers: answer('QueueFull', 'TempDisconnected') },
  },
  {
    name: 'queue depth follows the setting',
    request: tile(),
    state: { queuedCount: 5, settings: { queueDepth: 5 } },
    expected: { status: 200, headers: answer('QueueFull') },
  },
  {
    name: 'QueueFull counts against the quota',
    request: toast(),
    state: { queuedCount: 100, usage: { token: TEST_TOKEN, day: TODAY, count: 7 } },
    expected: { status: 200, headers: answer('QueueFull'), usage: 8 },
  },
]

const SUPPRESSION_CASES: ConformanceCase[] = [
  {
    name: 'toast to a channel not bound to toast is Suppressed',
    request: toast(),
    state: { channel: buildChannel({ boundToast: false }) },
    expected: { status: 200, headers: answer('Suppressed'), reason: 'not bound to toast' },
  },
  {
    name: 'Suppressed carries TempDisconnected',
    request: toast(),
    state: { channel: buildChannel({ boundToast: false }), device: OFFLINE_30_MINUTES },
    expected: { status: 200, headers: answer('Suppressed', 'TempDisconnected') },
  },
  {
    name: 'tile to a channel not bound to tile is Suppressed',
    request: tile(),
    state: { channel: buildChannel({ boundTile: false }) },
    expected: { status: 200, headers: answer('Suppressed'), reason: 'not bound to tile' },
  },
  {
    name: 'update of the unpinned primary tile is Received',
    request: flipTile(TILE_COUNT),
    state: { device: buildDevice({ secondaryTileIds: {} }) },
    expected: RECEIVED_TILE,
  },
  {
    name: 'update of an unpinned secondary tile is Suppressed',
    request: tile(tileXml(TILE_COUNT, { tileAttributes: 'Id="/Oslo.xaml"' })),
    expected: { status: 200, headers: answer('Suppressed'), reason: 'Id "/Oslo.xaml"' },
  },
  {
    name: 'update of a pinned secondary tile is Received',
    request: tile(tileXml(TILE_COUNT, { tileAttributes: 'Id="/Oslo.xaml"' })),
    state: { device: buildDevice({ secondaryTileIds: { [TEST_APP_ID]: ['/Oslo.xaml'] } }) },
    expected: RECEIVED_TILE,
  },
  {
    name: 'secondary tile pinned by another app does not count',
    request: tile(tileXml(TILE_COUNT, { tileAttributes: 'Id="/Oslo.xaml"' })),
    state: { device: buildDevice({ secondaryTileIds: { 'other-app': ['/Oslo.xaml'] } }) },
    expected: { status: 200, headers: answer('Suppressed') },
  },
  {
    name: 'secondary tile of a handset that never connected is Suppressed',
    request: tile(tileXml(TILE_COUNT, { tileAttributes: 'Id="/Oslo.xaml"' })),
    state: { device: undefined },
    expected: { status: 200, headers: answer('Suppressed', 'TempDisconnected') },
  },
  {
    name: 'raw to the foreground app is Received',
    request: raw(),
    expected: RECEIVED_RAW,
  },
  {
    name: 'raw while the app is closed and bound to toast is Suppressed',
    request: raw(),
    state: { channel: buildChannel({ boundTile: false }), device: APP_CLOSED },
    expected: { status: 200, headers: answer('Suppressed'), reason: 'not running' },
  },
  {
    name: 'raw while the app is closed and bound to tile is Suppressed',
    request: raw(),
    state: { channel: buildChannel({ boundToast: false }), device: APP_CLOSED },
    expected: { status: 200, headers: answer('Suppressed') },
  },
  {
    name: 'raw to a raw-only channel after its app exits closes it',
    request: raw('ping', [...RAW_HEADERS, ['X-MessageID', TEST_UUID]]),
    state: { channel: RAW_ONLY_CHANNEL, device: APP_CLOSED },
    expected: {
      status: 404,
      headers: echo(expired('Connected')),
      errorCode: 'CHANNEL_CLOSED',
      closesChannel: true,
      reason: 'closed when the app exited',
    },
  },
  {
    name: 'raw to a raw-only channel of the foreground app is Received',
    request: raw(),
    state: { channel: RAW_ONLY_CHANNEL },
    expected: RECEIVED_RAW,
  },
  {
    name: 'toast to a raw-only channel is Suppressed',
    request: toast(),
    state: { channel: RAW_ONLY_CHANNEL },
    expected: { status: 200, headers: answer('Suppressed') },
  },
  {
    name: 'Suppressed counts against the quota',
    request: toast(),
    state: {
      channel: buildChannel({ boundToast: false }),
      usage: { token: TEST_TOKEN, day: TODAY, count: 1 },
    },
    expected: { status: 200, headers: answer('Suppressed'), usage: 2 },
  },
]

const POWER_CASES: ConformanceCase[] = [
  {
    name: 'battery saver drops a toast',
    request: toast(),
    state: { device: buildDevice({ battery: 'saver' }) },
    expected: { status: 200, headers: answer('Dropped'), reason: 'battery saver' },
  },
  {
    name: 'battery saver drops a tile update',
    request: tile(),
    state: { device: buildDevice({ battery: 'saver' }) },
    expected: { status: 200, headers: answer('Dropped') },
  },
  {
    name: 'battery saver delivers raw',
    request: raw(),
    state: { device: buildDevice({ battery: 'saver' }) },
    expected: RECEIVED_RAW,
  },
  {
    name: 'battery saver lets a raw-only channel close',
    request: raw(),
    state: {
      channel: RAW_ONLY_CHANNEL,
      device: buildDevice({ battery: 'saver', foregroundAppId: null }),
    },
    expected: {
      status: 404,
      headers: expired('Connected'),
      errorCode: 'CHANNEL_CLOSED',
      closesChannel: true,
    },
  },
  ...(
    [
      ['toast', toast()],
      ['tile update', tile()],
      ['raw notification', raw()],
    ] as const
  ).map(([noun, request]): ConformanceCase => ({
    name: `critical battery drops a ${noun}`,
    request,
    state: { device: buildDevice({ battery: 'critical' }) },
    expected: { status: 200, headers: answer('Dropped'), reason: 'critically low' },
  })),
  {
    name: 'battery is checked before suppression and queue depth',
    request: toast(),
    state: {
      channel: buildChannel({ boundToast: false }),
      device: buildDevice({ battery: 'critical', network: 'offline', offlineSince: TEST_NOW }),
      queuedCount: 100,
    },
    expected: { status: 200, headers: answer('Dropped', 'TempDisconnected') },
  },
]

const STRICT_CASES: ConformanceCase[] = [
  {
    name: 'strict mode accepts a request without warnings',
    request: toast(),
    state: { settings: { strictMode: true } },
    expected: RECEIVED_TOAST,
  },
  {
    name: 'strict mode keeps a missing Version as a warning',
    request: flipTile(TILE_COUNT, { version: false }),
    state: { settings: { strictMode: true } },
    expected: receivedTileWith(['VERSION_MISSING']),
  },
  {
    name: 'strict mode rejects a missing class',
    request: toastWithHeader('X-NotificationClass', null),
    state: { settings: { strictMode: true } },
    expected: {
      ...rejected('STRICT_MODE_WARNING', '[CLASS_MISSING]'),
      warnings: ['CLASS_MISSING'],
    },
  },
  {
    name: 'strict mode rejects a template mismatch',
    request: tile(),
    state: { settings: { strictMode: true }, channel: buildChannel({ tileTemplate: 'CycleTile' }) },
    expected: { ...rejected('STRICT_MODE_WARNING'), warnings: ['TEMPLATE_MISMATCH'] },
  },
  {
    name: 'strict mode lists every rejected warning',
    request: tile(
      tileXml('<wp:Count>many</wp:Count>', { tileAttributes: FLIP_TILE }),
      withHeader(TILE_HEADERS, 'X-MessageID', 'abc'),
    ),
    state: { settings: { strictMode: true } },
    expected: {
      ...rejected('STRICT_MODE_WARNING', '2 sender warnings'),
      headers: echo([], 'abc'),
      warnings: ['MESSAGE_ID_NOT_UUID', 'VERSION_MISSING', 'COUNT_NOT_NUMBER'],
    },
  },
  {
    name: 'strict mode rejects the raw target',
    request: raw('ping', [...RAW_HEADERS, ['X-WindowsPhone-Target', 'raw']]),
    state: { settings: { strictMode: true } },
    expected: { ...rejected('STRICT_MODE_WARNING'), warnings: ['TARGET_RAW'] },
  },
  {
    name: 'strict mode does not change an unknown token',
    request: toastWithHeader('X-NotificationClass', null),
    state: { channel: undefined, settings: { strictMode: true } },
    expected: { status: 404, headers: expired('Disconnected'), errorCode: 'CHANNEL_NOT_FOUND' },
  },
]

const CASES: ConformanceCase[] = [
  ...METHOD_AND_SERVICE_CASES,
  ...CHANNEL_URI_CASES,
  ...CHANNEL_STATE_CASES,
  ...TARGET_CASES,
  ...CLASS_CASES,
  ...HEADER_CASES,
  ...SIZE_CASES,
  ...ENCODING_CASES,
  ...PAYLOAD_CASES,
  ...DEVICE_CASES,
  ...QUOTA_CASES,
  ...QUEUE_CASES,
  ...SUPPRESSION_CASES,
  ...POWER_CASES,
  ...STRICT_CASES,
]

function matchPayloadType(type: NotificationType): unknown {
  return expect.objectContaining({ type })
}

/** Builds the whole expected result, with matchers only for the explanation texts. */
function toExpectedResult(testCase: ConformanceCase): Record<string, unknown> {
  const input = buildInput(testCase.request, testCase.state)
  const { expected } = testCase
  const warnings = expected.warnings ?? []
  const isOk = expected.status === 200
  const anyString: unknown = expect.any(String)
  const anyArray: unknown = expect.any(Array)

  const headers: unknown[] = [
    ...expected.headers,
    ['Date', toHttpDate(input.now)],
    ['X-Emulator-Reason', expect.stringContaining(expected.reason ?? '')],
  ]
  if (warnings.length > 0) {
    headers.push(['X-Emulator-Warning', anyString])
  }
  if (!isOk) {
    headers.push(PLAIN_TEXT)
  }

  const notificationStatus = expected.headers.find(([name]) => name === 'X-NotificationStatus')
  const defaultUsage = isOk ? 1 : null
  const usage = expected.usage === undefined ? defaultUsage : expected.usage
  const channel = input.channel
  const device = input.device
  return {
    response: {
      status: expected.status,
      statusText: STATUS_TEXTS[expected.status],
      headers,
      body: isOk ? '' : anyString,
    },
    notificationStatus: notificationStatus?.[1],
    enqueue:
      expected.enqueue === undefined
        ? undefined
        : expect.objectContaining({
            deliveryId: 'delivery-1',
            token: TEST_TOKEN,
            handsetId: TEST_HANDSET_ID,
            appId: TEST_APP_ID,
            notificationClass: expected.enqueue.notificationClass,
            acceptedAt: input.now,
            dueAt: input.now + expected.enqueue.delaySeconds * 1000,
            payload: matchPayloadType(expected.enqueue.type),
          }),
    usage:
      usage === null ? undefined : { token: TEST_TOKEN, day: toUtcDay(input.now), count: usage },
    channel:
      expected.closesChannel === true && channel !== undefined
        ? { ...channel, closedAt: input.now, closeReason: 'app-exited' }
        : undefined,
    device:
      expected.noticesInactive === true && device !== undefined
        ? { ...device, inactiveNoticedAt: input.now }
        : undefined,
    warnings: warnings.length > 0 ? anyArray : undefined,
    errorCode: expected.errorCode,
  }
}

describe('MPNS conformance', () => {
  it('covers at least 80 cases with unique names', () => {
    const names = new Set(CASES.map(({ name }) => name))

    expect(CASES.length).toBeGreaterThanOrEqual(80)
    expect(names.size).toBe(CASES.length)
  })

  it.each(CASES)('$name', (testCase) => {
    const result = handleChannelRequest(buildInput(testCase.request, testCase.state))
    const reason = result.response.headers.find(([name]) => name === 'X-Emulator-Reason')?.[1]
    const codes = (result.warnings ?? []).map(({ code }) => code)

    expect(result).toEqual(toExpectedResult(testCase))
    expect(codes.sort()).toEqual([...(testCase.expected.warnings ?? [])].sort())
    expect(result.response.body).toBe(testCase.expected.status === 200 ? '' : reason)
  })
})
