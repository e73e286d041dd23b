import { describe, expect, it } from 'vitest'

import { logWarn } from '@/lib/log'
import {
  buildChannel,
  buildDevice,
  buildInput,
  buildRequest,
  TEST_APP_ID,
  TEST_NOW,
} from '@/test/engine-builders'
import type { EngineStateOverrides } from '@/test/engine-builders'
import { loadRealWorldPayloadFixtures, resolveSharedDir } from '@/test/shared-fixtures'
import type { RealWorldPayloadFixture } from '@/test/shared-fixtures'

import { handleChannelRequest } from './engine'
import type { ChannelRequestResult } from './engine'
import type { MpnsErrorCode } from './errors'
import { toDisplayedCount } from './tile-state'
import type { NotificationStatus, QueuedNotification } from './types'
import { STRICT_MODE_EXEMPT_WARNINGS } from './warnings'
import type { SenderWarningCode } from './warnings'

/** Expected result of one real-world request in one state. */
interface ReplayCase {
  /** Fixture file name without `.json`. */
  file: string
  /** What the state around the request is, for the test name. */
  situation: string
  state?: EngineStateOverrides
  status: number
  notificationStatus?: NotificationStatus
  errorCode?: MpnsErrorCode
  warnings: SenderWarningCode[]
  /** Fields the queued notification must have. */
  enqueued?: Partial<QueuedNotification>
  /** Text the 400 explanation must contain. */
  message?: string
  /** The queued raw payload must hold exactly the request's bytes. */
  keepsRawBytes?: true
}

const PINNED = (id: string) => buildDevice({ secondaryTileIds: { [TEST_APP_ID]: [id] } })
const CYCLE_TILE_APP = { channel: buildChannel({ tileTemplate: 'CycleTile' }) }
const ICONIC_TILE_APP = buildChannel({ tileTemplate: 'IconicTile' })

const RECEIVED = { status: 200, notificationStatus: 'Received' } as const
const SUPPRESSED = { status: 200, notificationStatus: 'Suppressed' } as const

const CASES: ReplayCase[] = [
  {
    file: '01-nodempns-toast-escaped-quotes',
    situation: 'default',
    ...RECEIVED,
    warnings: [],
    enqueued: {
      payload: {
        type: 'toast',
        toast: {
          text1: 'Order #1042 shipped',
          text2: 'Track "Blue Widget" & 2 more items',
          param: '/Views/Order.xaml?id=1042&src=push',
          silent: false,
        },
      },
    },
  },
  {
    file: '03-nodempns-fliptile-count-zero-dropped',
    situation: 'default',
    ...RECEIVED,
    warnings: ['VERSION_MISSING'],
    enqueued: {
      payload: {
        type: 'tile',
        tile: {
          template: 'FlipTile',
          fields: {
            BackgroundImage: { action: 'set', value: 'http://tiles.example.com/inbox/medium.png' },
            Title: { action: 'set', value: 'Inbox' },
            WideBackgroundImage: {
              action: 'set',
              value: 'http://tiles.example.com/inbox/wide.png',
            },
          },
        },
      },
    },
  },
  {
    file: '05-nodempns-legacy-tile-secondary-id',
    situation: 'tile not pinned',
    ...SUPPRESSED,
    warnings: [],
  },
  {
    file: '05-nodempns-legacy-tile-secondary-id',
    situation: 'tile pinned',
    state: { device: PINNED('/Views/Team.xaml?team=42') },
    ...RECEIVED,
    warnings: [],
    enqueued: {
      notificationClass: 1,
      payload: {
        type: 'tile',
        tile: {
          template: 'Legacy',
          id: '/Views/Team.xaml?team=42',
          fields: {
            BackgroundImage: { action: 'set', value: 'http://tiles.example.com/team42.png' },
            Count: { action: 'set', value: '7' },
            Title: { action: 'set', value: 'Team 42' },
            BackTitle: { action: 'set', value: 'Next match' },
            BackContent: { action: 'set', value: 'Sat 15:00 vs Team 17' },
          },
        },
      },
    },
  },
  {
    file: '07-pushd-fliptile-color-in-image-field',
    situation: 'default',
    ...RECEIVED,
    warnings: ['VERSION_MISSING'],
  },
  {
    file: '09-pythonmpns-tile-attribute-name-bug',
    situation: 'default',
    ...RECEIVED,
    warnings: ['UNKNOWN_ATTRIBUTE'],
    enqueued: {
      payload: {
        type: 'tile',
        tile: {
          template: 'Legacy',
          fields: {
            Count: { action: 'clear' },
            Title: { action: 'set', value: 'Board 7' },
            BackTitle: { action: 'set', value: 'Updated' },
            BackContent: { action: 'set', value: '3 new comments' },
          },
        },
      },
    },
  },
  {
    file: '11-rubympns-toast-param-querystring-only',
    situation: 'default',
    ...RECEIVED,
    warnings: [],
    enqueued: {
      payload: {
        type: 'toast',
        toast: {
          text1: 'Invoice ready',
          text2: 'Your <March> invoice from Café & Bar is ready',
          param: '?invoice_id=2&state=10.5&note="paid"',
          silent: false,
        },
      },
    },
  },
  {
    file: '13-rubympns-raw-root-element',
    situation: 'app in the foreground',
    ...RECEIVED,
    warnings: [],
    keepsRawBytes: true,
  },
  {
    file: '15-alxmsl-php-tile-count-clamped',
    situation: 'default',
    ...RECEIVED,
    warnings: ['MESSAGE_ID_NOT_UUID'],
    enqueued: { messageId: '5367a1c4d30f2' },
  },
  {
    file: '17-rudyhuyn-php-toast-header-no-space',
    situation: 'default',
    ...RECEIVED,
    warnings: [],
  },
  {
    file: '19-winmilk-php-tile-lost-content-type',
    situation: 'default',
    ...RECEIVED,
    warnings: ['CONTENT_TYPE_NOT_XML'],
  },
  {
    file: '21-notnoop-java-toast-apos-entity',
    situation: 'default',
    ...RECEIVED,
    warnings: [],
    enqueued: {
      payload: {
        type: 'toast',
        toast: {
          text1: "Don't forget",
          text2: 'Standup at 9:30 <room 4>',
          param: '/Views/Event.xaml?id=88',
          silent: false,
        },
      },
    },
  },
  {
    file: '23-aerogear-java-cycletile-count-zero-clear',
    situation: 'app with a cycle tile',
    state: CYCLE_TILE_APP,
    ...RECEIVED,
    warnings: [
      'CLASS_MISSING',
      'VERSION_MISSING',
      'CLEAR_WITH_VALUE',
      'CLEAR_WITH_VALUE',
      'CLEAR_WITH_VALUE',
      'CLEAR_WITH_VALUE',
      'CLEAR_WITH_VALUE',
    ],
    enqueued: { notificationClass: 21, dueAt: TEST_NOW + 900_000 },
  },
  {
    file: '25-pushsharp2-toast-indented-no-declaration',
    situation: 'default',
    ...RECEIVED,
    warnings: [],
  },
  {
    file: '27-pushsharp2-toast-utf16le-body',
    situation: 'default',
    status: 400,
    errorCode: 'INVALID_ENCODING',
    warnings: [],
    message: 'byte offset 0',
  },
  {
    file: '29-pushsharp2-cycletile-partial-clear',
    situation: 'app with a cycle tile',
    state: CYCLE_TILE_APP,
    ...RECEIVED,
    warnings: ['VERSION_MISSING'],
  },
  {
    file: '31-azure-mobileserver-fliptile-isrelative-cjk',
    situation: 'tile not pinned',
    ...SUPPRESSED,
    warnings: [
      'CONTENT_TYPE_NOT_XML',
      'COUNT_OUT_OF_RANGE',
      'UNKNOWN_ATTRIBUTE',
      'UNKNOWN_ATTRIBUTE',
    ],
  },
  {
    file: '31-azure-mobileserver-fliptile-isrelative-cjk',
    situation: 'tile pinned',
    state: { device: PINNED('TileID') },
    ...RECEIVED,
    warnings: [
      'CONTENT_TYPE_NOT_XML',
      'COUNT_OUT_OF_RANGE',
      'UNKNOWN_ATTRIBUTE',
      'UNKNOWN_ATTRIBUTE',
    ],
  },
  {
    file: '32-azure-mobileserver-cycletile-empty-all-clear',
    situation: 'app with a cycle tile',
    state: CYCLE_TILE_APP,
    ...RECEIVED,
    warnings: ['CONTENT_TYPE_NOT_XML'],
  },
  {
    file: '33-azure-mobileserver-iconictile-color-word',
    situation: 'tile not pinned',
    state: { channel: ICONIC_TILE_APP },
    ...SUPPRESSED,
    warnings: [
      'CONTENT_TYPE_NOT_XML',
      'COUNT_OUT_OF_RANGE',
      'UNKNOWN_ATTRIBUTE',
      'BACKGROUND_COLOR_INVALID',
    ],
  },
  {
    file: '33-azure-mobileserver-iconictile-color-word',
    situation: 'iconic tile pinned',
    state: { channel: ICONIC_TILE_APP, device: PINNED('TileID') },
    ...RECEIVED,
    warnings: [
      'CONTENT_TYPE_NOT_XML',
      'COUNT_OUT_OF_RANGE',
      'UNKNOWN_ATTRIBUTE',
      'BACKGROUND_COLOR_INVALID',
    ],
  },
  {
    file: '34-azure-mobileserver-toast-empty',
    situation: 'default',
    ...RECEIVED,
    warnings: ['CONTENT_TYPE_NOT_XML', 'TOAST_WITHOUT_TEXT'],
    enqueued: { payload: { type: 'toast', toast: { silent: false } } },
  },
  {
    file: '35-azure-nh-dotnet-declares-utf16-sends-utf8',
    situation: 'default',
    status: 400,
    errorCode: 'INVALID_ENCODING',
    warnings: [],
    message: 'byte offset',
  },
  {
    file: '37-azure-nh-java-native-toast-template-placeholder',
    situation: 'default',
    ...RECEIVED,
    warnings: ['CONTENT_TYPE_NOT_XML'],
    enqueued: { payload: { type: 'toast', toast: { text1: '$(message)', silent: false } } },
  },
  {
    file: '39-flexisip-cpp-voip-class4-incomingcall',
    situation: 'app in the foreground',
    ...RECEIVED,
    warnings: [],
    enqueued: { notificationClass: 4, dueAt: TEST_NOW },
    keepsRawBytes: true,
  },
  {
    file: '41-erlang-mpns-single-quotes-unknown-element',
    situation: 'default',
    ...RECEIVED,
    warnings: ['UNKNOWN_ELEMENT'],
  },
  {
    file: '43-erlang-mpns-raw-wrapped',
    situation: 'app in the foreground',
    ...RECEIVED,
    warnings: [],
    keepsRawBytes: true,
  },
  {
    file: '45-cookbook-tile-body-with-toast-headers',
    situation: 'default',
    status: 400,
    errorCode: 'INVALID_PAYLOAD',
    warnings: [],
    message: '<wp:Tile>',
  },
  {
    file: '47-rubypushnotifications-raw-json-after-xml-declaration',
    situation: 'app in the foreground',
    ...RECEIVED,
    warnings: [],
    keepsRawBytes: true,
  },
  {
    file: '49-windowsphonenotificator-xmlserializer-no-encoding-decl',
    situation: 'default',
    ...RECEIVED,
    warnings: [],
  },
  {
    file: '50-telegram-wp-voip-raw-payload-file-bom',
    situation: 'app in the foreground',
    ...RECEIVED,
    warnings: [],
    keepsRawBytes: true,
  },
]

const shared = resolveSharedDir()
const fixtures = shared.dir === null ? [] : loadRealWorldPayloadFixtures()

function findFixture(file: string): RealWorldPayloadFixture {
  const fixture = fixtures.find(({ name }) => name === file)
  if (fixture === undefined) {
    throw new Error(`Fixture ${file}.json is missing from the shared folder`)
  }
  return fixture
}

function replay(
  fixture: RealWorldPayloadFixture,
  state: EngineStateOverrides = {},
): ChannelRequestResult {
  const request = buildRequest({ headers: fixture.headers, body: fixture.body })
  return handleChannelRequest(buildInput(request, state))
}

function readWarningCodes(result: ChannelRequestResult): SenderWarningCode[] {
  return (result.warnings ?? []).map(({ code }) => code).sort()
}

function readRawBody(result: ChannelRequestResult): Uint8Array | undefined {
  const payload = result.enqueue?.payload
  return payload?.type === 'raw' ? payload.body : undefined
}

const describeReplay = shared.dir === null ? describe.skip : describe
if (shared.dir === null) {
  // The default reporter counts skipped tests without naming them, so the reason is printed too.
  logWarn('[test]', `Skipping real-world request replays: ${shared.reason}`)
}
const title =
  shared.dir === null
    ? `real-world request replays (skipped: ${shared.reason})`
    : 'real-world request replays'

describeReplay(title, () => {
  it('has an expected result for every file', () => {
    const files = new Set(CASES.map(({ file }) => file))

    expect(fixtures.map(({ name }) => name)).toEqual([...files].sort())
  })

  it.each(CASES)('replays $file ($situation)', (testCase) => {
    const fixture = findFixture(testCase.file)
    const result = replay(fixture, testCase.state)

    expect(result.response.status).toBe(testCase.status)
    expect(result.notificationStatus).toBe(testCase.notificationStatus)
    expect(result.errorCode).toBe(testCase.errorCode)
    expect(readWarningCodes(result)).toEqual([...testCase.warnings].sort())
    expect(result.response.body).toContain(testCase.message ?? '')
    expect(result.enqueue === undefined).toBe(testCase.notificationStatus !== 'Received')
    expect(result.enqueue ?? {}).toMatchObject(testCase.enqueued ?? {})
    expect(readRawBody(result)).toEqual(testCase.keepsRawBytes === true ? fixture.body : undefined)
  })

  it.each(CASES)('replays $file ($situation) in strict mode', (testCase) => {
    const fixture = findFixture(testCase.file)
    const result = replay(fixture, {
      ...testCase.state,
      settings: { ...testCase.state?.settings, strictMode: true },
    })
    const rejected = testCase.warnings.filter((code) => !STRICT_MODE_EXEMPT_WARNINGS.has(code))
    const expectedCode = rejected.length > 0 ? 'STRICT_MODE_WARNING' : testCase.errorCode

    expect(result.response.status).toBe(rejected.length > 0 ? 400 : testCase.status)
    expect(result.errorCode).toBe(expectedCode)
    expect(readWarningCodes(result)).toEqual([...testCase.warnings].sort())
  })

  it('echoes the X-MessageID that is not a UUID', () => {
    const result = replay(findFixture('15-alxmsl-php-tile-count-clamped'))

    expect(result.response.headers).toContainEqual(['X-MessageID', '5367a1c4d30f2'])
  })

  it('shows a Count of 100 as 99', () => {
    const result = replay(findFixture('31-azure-mobileserver-fliptile-isrelative-cjk'), {
      device: PINNED('TileID'),
    })
    const payload = result.enqueue?.payload
    const count = payload?.type === 'tile' ? payload.tile.fields.Count : undefined

    expect(count).toEqual({ action: 'set', value: '100' })
    expect(toDisplayedCount(count?.action === 'set' ? count.value : undefined)).toBe(99)
  })

  it('leaves an absent Count out of the update', () => {
    const payload = replay(findFixture('03-nodempns-fliptile-count-zero-dropped')).enqueue?.payload
    const fields = payload?.type === 'tile' ? payload.tile.fields : undefined

    expect(fields).toBeDefined()
    expect(fields).not.toHaveProperty('Count')
  })
})
