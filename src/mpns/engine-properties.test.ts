import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  buildChannel,
  buildDevice,
  TEST_APP_ID,
  TEST_NOW,
  TEST_UUID,
  THROTTLED_URI,
  toastXml,
  UNTHROTTLED_URI,
} from '@/test/engine-builders'

import { locateChannel } from './channel'
import { toUtcDay } from './clock'
import { DEFAULT_ENGINE_SETTINGS, handleChannelRequest } from './engine'
import type { ChannelRequestInput, ChannelRequestResult } from './engine'
import type {
  ChannelRecord,
  DeviceRecord,
  EngineSettings,
  HeaderEntry,
  MpnsHttpRequest,
  NotificationType,
} from './types'

const ALLOWED_STATUSES = new Set([200, 400, 401, 403, 404, 405, 406, 412, 503])
const STATUSES_WITHOUT_STATUS_HEADERS = new Set([400, 401, 403, 405, 503])
const STATUS_HEADER_NAMES = new Set([
  'X-NotificationStatus',
  'X-DeviceConnectionStatus',
  'X-SubscriptionStatus',
])
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/
const RUNS = { numRuns: 300 }

const HEADER_NAMES = [
  'Content-Type',
  'X-WindowsPhone-Target',
  'X-NotificationClass',
  'X-MessageID',
  'X-CallbackURI',
  'X-WNS-Type',
  'Accept',
  'Content-Length',
]

const HEADER_VALUES = [
  'toast',
  'token',
  'raw',
  'tile',
  '1',
  '2',
  '3',
  '4',
  '11',
  '22',
  '31',
  '32',
  '',
  ' ',
  'text/xml',
  'text/xml;charset="utf-8"',
  'application/*',
  TEST_UUID,
  '5367a1c4d30f2',
]

const ELEMENT_NAMES = [
  'wp:Notification',
  'wp:Toast',
  'wp:Tile',
  'wp:Text1',
  'wp:Text2',
  'wp:Param',
  'wp:Sound',
  'wp:Count',
  'wp:Title',
  'wp:BackgroundImage',
  'wp:BackContent',
  'wp:WideContent1',
  'wp:BackgroundColor',
  'wp:CycleImage1',
  'wp:CycleImage9',
  'wp:SmallIconImage',
  'wp:Content',
  'Notification',
  'Text1',
  'x:Text1',
  'toast',
  'tile',
]

const ATTRIBUTES = [
  ' xmlns:wp="WPNotification"',
  ' xmlns:x="urn:other"',
  " xmlns='WPNotification'",
  ' Version="2.0"',
  ' Template="FlipTile"',
  ' Template="IconicTile"',
  ' Template="CycleTile"',
  ' Template="PeopleTile"',
  ' Id="/Oslo.xaml"',
  ' Id=""',
  ' Action="Clear"',
  ' Action="clear"',
  ' Silent="true"',
  ' IsRelative="true"',
  ' attribute="FlipTile"',
  ' Id="a" Id="b"',
]

const TEXTS = [
  'Snow',
  '&amp;',
  '&amp;amp;',
  '&lt;b&gt;',
  '&#x41;',
  '&#0;',
  '&#xD800;',
  '&bogus;',
  '&',
  '<',
  ']]>',
  '<![CDATA[x < y]]>',
  '<!-- note -->',
  '<?pi data?>',
  '\u0001',
  '\u007f',
  '\uFFFE',
  'é',
  '日本',
  '😀',
  '100',
  '2.5',
  '#FF1BA1E2',
  '/Page.xaml?a=1&amp;b=2',
  '?x=1',
]

const TARGETS: Readonly<Record<NotificationType, string | undefined>> = {
  toast: 'toast',
  tile: 'token',
  raw: undefined,
}

const CLASSES: Readonly<Record<NotificationType, readonly string[]>> = {
  toast: ['2', '12', '22'],
  tile: ['1', '11', '21'],
  raw: ['3', '4', '10', '13', '20', '23', '31'],
}

const TILE_FIELD_NAMES = [
  'BackgroundImage',
  'Count',
  'Title',
  'BackTitle',
  'BackContent',
  'WideBackContent',
  'SmallBackgroundImage',
  'IconImage',
  'WideContent1',
  'BackgroundColor',
  'CycleImage1',
  'CycleImage9',
  'Content',
]

const PROLOGS = [
  '',
  '<?xml version="1.0" encoding="utf-8"?>',
  "<?xml version='1.0' encoding='UTF-8'?>\n",
  '<?xml version="1.0" encoding="utf-16"?>',
  '<?xml version="1.0"?>',
  '\uFEFF<?xml version="1.0" encoding="utf-8"?>',
  ' <?xml version="1.0"?>',
  '<!DOCTYPE wp:Notification>',
  '<!DOCTYPE n [<!ENTITY e "value">]>',
]

/** Undefined four times out of five, so that rare states stay rare. */
function rarely<Value>(arbitrary: fc.Arbitrary<Value>): fc.Arbitrary<Value | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary, weight: 1 })
}

const binaryText = (maxLength: number) => fc.string({ unit: 'binary', maxLength })

const methodArbitrary = fc.oneof(
  { arbitrary: fc.constant('POST'), weight: 18 },
  { arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'post', 'HEAD', 'CREATE'), weight: 1 },
  { arbitrary: fc.string({ maxLength: 8 }), weight: 1 },
)

const urlArbitrary = fc.oneof(
  { arbitrary: fc.constantFrom(THROTTLED_URI, UNTHROTTLED_URI), weight: 16 },
  {
    arbitrary: fc.constantFrom(
      UNTHROTTLED_URI.replace('https:', 'http:'),
      `${UNTHROTTLED_URI}/callback`,
      `${THROTTLED_URI}%2Fx`,
      'http://127.0.0.1:5173/throttledthirdparty/01.00/',
      'not a url',
    ),
    weight: 1,
  },
  {
    arbitrary: binaryText(40).map(
      (token) => `http://127.0.0.1:5173/throttledthirdparty/01.00/${token}`,
    ),
    weight: 1,
  },
  {
    arbitrary: fc.nat({ max: 1200 }).map((length) => `${THROTTLED_URI}?${'q'.repeat(length)}`),
    weight: 1,
  },
)

const headerNameArbitrary = fc.oneof(
  { arbitrary: fc.mixedCase(fc.constantFrom(...HEADER_NAMES)), weight: 6 },
  { arbitrary: binaryText(12), weight: 1 },
)

const headerValueArbitrary = fc.oneof(
  { arbitrary: fc.mixedCase(fc.constantFrom(...HEADER_VALUES)), weight: 6 },
  { arbitrary: binaryText(40), weight: 2 },
  { arbitrary: fc.integer({ min: -5, max: 40 }).map(String), weight: 2 },
)

/** Any header set: known and random names, in any letter case, with duplicates. */
const headersArbitrary = fc.array(fc.tuple(headerNameArbitrary, headerValueArbitrary), {
  maxLength: 8,
})

const { element: elementArbitrary } = fc.letrec((tie) => ({
  element: fc
    .tuple(
      fc.constantFrom(...ELEMENT_NAMES),
      fc.array(fc.constantFrom(...ATTRIBUTES), { maxLength: 3 }),
      fc.array(tie('node'), { maxLength: 4 }),
      fc.boolean(),
    )
    .map(([name, attributes, children, selfClosing]) => {
      const start = `<${name}${attributes.join('')}`
      return selfClosing && children.length === 0
        ? `${start} />`
        : `${start}>${(children as string[]).join('')}</${name}>`
    }),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...TEXTS),
    binaryText(12),
    tie('element'),
  ),
}))

/** Elements of one toast or tile with text from TEXTS, some with attributes. */
function fieldsArbitrary(names: readonly string[]): fc.Arbitrary<string> {
  const field = fc
    .tuple(
      fc.constantFrom(...names),
      rarely(fc.constantFrom(...ATTRIBUTES)),
      fc.oneof(fc.constantFrom(...TEXTS), binaryText(8)),
    )
    .map(([name, attribute, text]) => `<wp:${name}${attribute ?? ''}>${text}</wp:${name}>`)
  return fc.array(field, { maxLength: 6 }).map((fields) => fields.join(''))
}

/** Wraps notification content in a random prolog, and sometimes splices in random text. */
function documentArbitrary(content: fc.Arbitrary<string>): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(
      fc.constantFrom(...PROLOGS),
      fc.array(fc.constantFrom(...ATTRIBUTES), { maxLength: 2 }),
      content,
      rarely(fc.tuple(fc.nat(), binaryText(6))),
    )
    .map(([prolog, attributes, inner, splice]) => {
      const text = `${prolog}<wp:Notification xmlns:wp="WPNotification"${attributes.join('')}>${inner}</wp:Notification>`
      if (splice === undefined) {
        return new TextEncoder().encode(text)
      }
      const [position, insert] = splice
      const at = position % (text.length + 1)
      return new TextEncoder().encode(`${text.slice(0, at)}${insert}${text.slice(at + 1)}`)
    })
}

const toastDocumentArbitrary = documentArbitrary(
  fieldsArbitrary(['Text1', 'Text2', 'Param', 'Sound', 'Text3']).map(
    (fields) => `<wp:Toast>${fields}</wp:Toast>`,
  ),
)

const tileDocumentArbitrary = documentArbitrary(
  fc
    .tuple(
      fc.array(fc.constantFrom(...ATTRIBUTES), { maxLength: 2 }),
      fieldsArbitrary(TILE_FIELD_NAMES),
    )
    .map(([attributes, fields]) => `<wp:Tile${attributes.join('')}>${fields}</wp:Tile>`),
)

const grammarDocumentArbitrary = documentArbitrary(
  fc.array(elementArbitrary, { maxLength: 3 }).map((elements) => elements.join('')),
)

/** Any body: grammar-built XML, random bytes, random text, or a large run of "<". */
const bodyArbitrary = fc.oneof(
  { arbitrary: fc.oneof(toastDocumentArbitrary, tileDocumentArbitrary), weight: 4 },
  { arbitrary: grammarDocumentArbitrary, weight: 3 },
  { arbitrary: fc.uint8Array({ maxLength: 200 }), weight: 2 },
  { arbitrary: binaryText(200).map((text) => new TextEncoder().encode(text)), weight: 1 },
  { arbitrary: fc.nat({ max: 4000 }).map((size) => new Uint8Array(size).fill(0x3c)), weight: 1 },
)

/** Headers and a body that mostly agree on the notification type, with noise around them. */
const notificationArbitrary = fc
  .constantFrom<NotificationType>('toast', 'tile', 'raw')
  .chain((type) =>
    fc.record({
      target: fc.oneof(
        { arbitrary: fc.constant(TARGETS[type]), weight: 8 },
        { arbitrary: fc.mixedCase(fc.constantFrom('toast', 'token', 'raw', 'tile')), weight: 1 },
        { arbitrary: binaryText(8), weight: 1 },
      ),
      notificationClass: fc.oneof(
        { arbitrary: fc.constantFrom(...CLASSES[type]), weight: 8 },
        { arbitrary: fc.constant(undefined), weight: 1 },
        { arbitrary: fc.integer({ min: -5, max: 40 }).map(String), weight: 1 },
      ),
      contentType: fc.oneof(
        { arbitrary: fc.constant('text/xml'), weight: 6 },
        { arbitrary: fc.constant(undefined), weight: 1 },
        { arbitrary: fc.mixedCase(fc.constantFrom(...HEADER_VALUES)), weight: 1 },
      ),
      messageId: rarely(fc.oneof(fc.constantFrom(TEST_UUID, '5367a1c4d30f2'), binaryText(40))),
      noise: rarely(headersArbitrary),
      body:
        type === 'raw'
          ? bodyArbitrary
          : fc.oneof(
              {
                arbitrary: type === 'toast' ? toastDocumentArbitrary : tileDocumentArbitrary,
                weight: 6,
              },
              { arbitrary: bodyArbitrary, weight: 1 },
            ),
    }),
  )
  .map((notification): Pick<MpnsHttpRequest, 'headers' | 'body'> => {
    const headers: HeaderEntry[] = [...(notification.noise ?? [])]
    const named: Array<[string, string | undefined]> = [
      ['X-WindowsPhone-Target', notification.target],
      ['X-NotificationClass', notification.notificationClass],
      ['Content-Type', notification.contentType],
      ['X-MessageID', notification.messageId],
    ]
    for (const [name, value] of named) {
      if (value !== undefined) {
        headers.push([name, value])
      }
    }
    return { headers, body: notification.body }
  })

const requestArbitrary: fc.Arbitrary<MpnsHttpRequest> = fc
  .tuple(methodArbitrary, urlArbitrary, notificationArbitrary)
  .map(([method, url, notification]) => ({ method, url, ...notification }))

const appIdArbitrary = fc.constantFrom(TEST_APP_ID, 'other-app', 'constructor', 'toString')
const tileIdArbitrary = fc.constantFrom('/Oslo.xaml', 'TileID', 'a', '')

const channelArbitrary = fc.option(
  fc.record({
    appId: fc.oneof(
      { arbitrary: fc.constant(TEST_APP_ID), weight: 3 },
      { arbitrary: appIdArbitrary, weight: 1 },
    ),
    boundToast: fc.boolean(),
    boundTile: fc.boolean(),
    tileTemplate: fc.constantFrom('Legacy', 'FlipTile', 'IconicTile', 'CycleTile'),
    serviceName: rarely(fc.constant('push.contoso.example')),
    closedAt: rarely(fc.constant(TEST_NOW - 1_000)),
    closeReason: rarely(fc.constantFrom('closed-by-app', 'uninstalled', 'app-exited', 'renewed')),
  }),
  { nil: undefined },
)

const deviceArbitrary = fc.option(
  fc.record({
    foregroundAppId: fc.option(appIdArbitrary),
    network: fc.constantFrom('online', 'online', 'online', 'offline'),
    offlineMinutes: rarely(fc.integer({ min: 0, max: 200 })),
    battery: fc.constantFrom('normal', 'normal', 'normal', 'saver', 'critical'),
    secondaryTileIds: fc.dictionary(appIdArbitrary, fc.array(tileIdArbitrary, { maxLength: 3 })),
    inactiveNoticedAt: rarely(fc.constant(TEST_NOW - 5_000)),
  }),
  { nil: undefined },
)

const settingsArbitrary: fc.Arbitrary<EngineSettings> = fc.record({
  maxXmlBodyBytes: fc.integer({ min: 1, max: 4096 }),
  maxRawBodyBytes: fc.integer({ min: 1, max: 2048 }),
  missingClassDefault: fc.constantFrom('slowest', 'immediate'),
  dailyQuota: fc.integer({ min: 1, max: 600 }),
  queueDepth: fc.integer({ min: 1, max: 150 }),
  inactiveAfterMinutes: fc.integer({ min: 1, max: 120 }),
  strictMode: fc.oneof(
    { arbitrary: fc.constant(false), weight: 3 },
    { arbitrary: fc.constant(true), weight: 1 },
  ),
  serviceDown: fc.oneof(
    { arbitrary: fc.constant(false), weight: 29 },
    { arbitrary: fc.constant(true), weight: 1 },
  ),
  unknownTokenAnswer: fc.constantFrom('not-found', 'probe-resistant'),
  authenticatedLimits: fc.constantFrom('lifted', 'documented'),
})

const stateArbitrary = fc.record({
  channel: channelArbitrary,
  device: deviceArbitrary,
  usage: fc.option(
    fc.record({ yesterday: fc.boolean(), count: fc.integer({ min: 0, max: 600 }) }),
    { nil: undefined },
  ),
  queuedCount: fc.integer({ min: 0, max: 150 }),
  settings: settingsArbitrary,
  nowOffsetMs: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 60_000 }), weight: 4 },
    { arbitrary: fc.integer({ min: 0, max: 3 * 86_400_000 }), weight: 1 },
  ),
})

type GeneratedState = typeof stateArbitrary extends fc.Arbitrary<infer State> ? State : never

/** Builds a consistent engine input: the stored channel carries the token the URI names. */
function toInput(request: MpnsHttpRequest, state: GeneratedState): ChannelRequestInput {
  const now = TEST_NOW + state.nowOffsetMs
  const location = locateChannel(request.url)
  const token = location.kind === 'channel' ? location.token : 'AQunused'
  return {
    request,
    channel: state.channel === undefined ? undefined : toChannel(token, state.channel),
    device: state.device === undefined ? undefined : toDevice(now, state.device),
    usage:
      state.usage === undefined
        ? undefined
        : {
            token,
            day: toUtcDay(state.usage.yesterday ? now - 86_400_000 : now),
            count: state.usage.count,
          },
    queuedCount: state.queuedCount,
    now,
    settings: state.settings,
    deliveryId: 'delivery-1',
  }
}

function toChannel(
  token: string,
  generated: NonNullable<GeneratedState['channel']>,
): ChannelRecord {
  const { serviceName, closedAt, closeReason, ...fields } = generated
  const channel = buildChannel({ token, ...fields })
  if (serviceName !== undefined) {
    channel.serviceName = serviceName
  }
  if (closedAt !== undefined) {
    channel.closedAt = closedAt
  }
  if (closeReason !== undefined) {
    channel.closeReason = closeReason
  }
  return channel
}

function toDevice(now: number, generated: NonNullable<GeneratedState['device']>): DeviceRecord {
  const { offlineMinutes, inactiveNoticedAt, ...fields } = generated
  const device = buildDevice(fields)
  if (offlineMinutes !== undefined) {
    device.offlineSince = now - offlineMinutes * 60_000
  }
  if (inactiveNoticedAt !== undefined) {
    device.inactiveNoticedAt = inactiveNoticedAt
  }
  return device
}

/** Checks what every response must satisfy, whatever the request and the state. */
function checkAnswer(input: ChannelRequestInput, result: ChannelRequestResult): void {
  const { status, headers, body } = result.response
  const names = headers.map(([name]) => name)
  const statusHeaders = headers.filter(([name]) => STATUS_HEADER_NAMES.has(name))

  expect(ALLOWED_STATUSES.has(status)).toBe(true)
  expect(headers.every(([, value]) => PRINTABLE_ASCII.test(value))).toBe(true)
  expect(headers.find(([name]) => name === 'X-Emulator-Reason')?.[1]).toMatch(/\S/)
  expect(names.includes('X-Emulator-Warning')).toBe((result.warnings ?? []).length > 0)
  expect(body === '').toBe(status === 200)
  expect(statusHeaders.map(([name]) => name)).toEqual(
    expectedStatusHeaderNames(status, {
      registersCallback: isCallbackRegistration(input.request.url) && input.channel !== undefined,
    }),
  )
  expect(result.notificationStatus).toBe(
    statusHeaders.find(([name]) => name === 'X-NotificationStatus')?.[1],
  )
  expect(result.enqueue === undefined).toBe(
    status !== 200 || result.notificationStatus !== 'Received' || input.channel === undefined,
  )
  expect(result.usage === undefined || status === 200).toBe(true)
}

function isCallbackRegistration(url: string): boolean {
  const location = locateChannel(url)
  return location.kind === 'channel' && location.callback
}

function expectedStatusHeaderNames(
  status: number,
  options: { registersCallback: boolean },
): string[] {
  if (STATUSES_WITHOUT_STATUS_HEADERS.has(status)) {
    return []
  }
  if (status === 200 && options.registersCallback) {
    return ['X-DeviceConnectionStatus', 'X-SubscriptionStatus']
  }
  if (status === 412) {
    return ['X-NotificationStatus', 'X-DeviceConnectionStatus']
  }
  return [...STATUS_HEADER_NAMES]
}

describe('handleChannelRequest properties', () => {
  it('handles any request in any state within the protocol', () => {
    fc.assert(
      fc.property(requestArbitrary, stateArbitrary, (request, state) => {
        const input = toInput(request, state)
        const result = handleChannelRequest(input)

        checkAnswer(input, result)
        expect(handleChannelRequest(input)).toEqual(result)
      }),
      RUNS,
    )
  })

  it('reaches every status from the generated requests', () => {
    const statuses = new Set<number>()
    fc.assert(
      fc.property(requestArbitrary, stateArbitrary, (request, state) => {
        statuses.add(handleChannelRequest(toInput(request, state)).response.status)
      }),
      { numRuns: 1500, seed: 20131022 },
    )

    expect([...statuses].sort((a, b) => a - b)).toEqual([...ALLOWED_STATUSES])
  })

  it('handles random bodies on a valid channel within the protocol', () => {
    expect.hasAssertions()
    const channel = buildChannel()
    fc.assert(
      fc.property(headersArbitrary, bodyArbitrary, (headers, body) => {
        const input: ChannelRequestInput = {
          request: { method: 'POST', url: THROTTLED_URI, headers, body },
          channel,
          device: buildDevice(),
          usage: undefined,
          queuedCount: 0,
          now: TEST_NOW,
          settings: DEFAULT_ENGINE_SETTINGS,
          deliveryId: 'delivery-1',
        }

        checkAnswer(input, handleChannelRequest(input))
      }),
      RUNS,
    )
  })

  it('accepts a valid toast under any header noise', () => {
    const body = new TextEncoder().encode(toastXml('<wp:Text1>Snow</wp:Text1>'))
    const extraHeaders = fc.array(
      fc.tuple(
        fc.string({ unit: 'binary', maxLength: 12 }).filter((name) => !/^x-/i.test(name)),
        fc.string({ unit: 'binary', maxLength: 40 }),
      ),
      { maxLength: 6 },
    )
    fc.assert(
      fc.property(extraHeaders, fc.mixedCase(fc.constant('toast')), (extra, target) => {
        const headers: HeaderEntry[] = [
          ...extra,
          ['X-WindowsPhone-Target', target],
          ['X-NotificationClass', '2'],
        ]
        const input: ChannelRequestInput = {
          request: { method: 'POST', url: THROTTLED_URI, headers, body },
          channel: buildChannel(),
          device: buildDevice(),
          usage: undefined,
          queuedCount: 0,
          now: TEST_NOW,
          settings: DEFAULT_ENGINE_SETTINGS,
          deliveryId: 'delivery-1',
        }
        const result = handleChannelRequest(input)

        checkAnswer(input, result)
        expect(result.notificationStatus).toBe('Received')
        expect(result.usage?.count).toBe(1)
      }),
      RUNS,
    )
  })
})
