import { describe, expect, it } from 'vitest'

import { logWarn } from '@/lib/log'
import { loadClientRequestFixtures, resolveSharedDir } from '@/test/shared-fixtures'
import type { ClientRequestFixture } from '@/test/shared-fixtures'

import {
  createChannelToken,
  locateChannel,
  THROTTLED_PATH_PREFIX,
  UNTHROTTLED_PATH_PREFIX,
} from './channel'
import { createDeviceRecord } from './device-state'
import { DEFAULT_ENGINE_SETTINGS, handleChannelRequest } from './engine'
import type { ChannelRequestResult } from './engine'
import { readHeader } from './request'
import type { ChannelRecord, DeviceRecord, NotificationType } from './types'

const ORIGIN = 'http://127.0.0.1:5173'
const NOW = Date.UTC(2013, 9, 22, 12, 0, 0)
const TOKEN = createChannelToken(Uint8Array.from({ length: 48 }, (_value, index) => index * 5))
const MALFORMED_CAPTURE = 'toast-whitespace-control-chars'

const CHANNEL: ChannelRecord = {
  token: TOKEN,
  channelUri: `${ORIGIN}${THROTTLED_PATH_PREFIX}${TOKEN}`,
  handsetId: 'handset-1',
  appId: 'contoso-chat',
  appName: 'Contoso Chat',
  channelName: 'ChatChannel',
  boundToast: true,
  boundTile: true,
  tileTemplate: 'FlipTile',
  openedAt: NOW - 60_000,
}

/** Navigation URIs of the secondary tiles that the captured tile updates address. */
const PINNED_TILE_IDS = [
  '/DetailsPage.xaml?id=99',
  '/Chat.xaml?room=5',
  '/SecondaryPage.xaml?item=7&view="full"',
]

// The app is in the foreground, so raw notifications are delivered too, and every secondary tile
// the captures address is pinned.
const DEVICE: DeviceRecord = {
  ...createDeviceRecord({ handsetId: 'handset-1', now: NOW }),
  foregroundAppId: 'contoso-chat',
  secondaryTileIds: { 'contoso-chat': PINNED_TILE_IDS },
}

/** Captures that update an iconic tile go to an app whose tiles were created as IconicTile. */
const ICONIC_CAPTURE_PREFIX = 'iconictile-'

const shared = resolveSharedDir()
const fixtures = shared.dir === null ? [] : loadClientRequestFixtures()
const acceptedFixtures = fixtures.filter(({ name }) => name !== MALFORMED_CAPTURE)

/** Points the captured request target at the test channel; an absolute-form target keeps its host. */
function toRequestUrl(path: string): string {
  const url = new URL(path, ORIGIN)
  const location = locateChannel(url.href)
  if (location.kind !== 'channel') {
    throw new Error(`Fixture path ${path} is not a channel URI`)
  }

  const prefix = location.authenticated ? UNTHROTTLED_PATH_PREFIX : THROTTLED_PATH_PREFIX
  url.pathname = `${prefix}${TOKEN}`
  return url.href
}

function replay(
  fixture: ClientRequestFixture,
  device: DeviceRecord = DEVICE,
): ChannelRequestResult {
  const tileTemplate = fixture.name.startsWith(ICONIC_CAPTURE_PREFIX) ? 'IconicTile' : 'FlipTile'
  return handleChannelRequest({
    request: {
      method: fixture.method,
      url: toRequestUrl(fixture.path),
      headers: fixture.headers,
      body: fixture.body,
    },
    channel: { ...CHANNEL, tileTemplate },
    device,
    usage: undefined,
    queuedCount: 0,
    now: NOW,
    settings: DEFAULT_ENGINE_SETTINGS,
    deliveryId: `delivery-${fixture.name}`,
  })
}

function findFixture(name: string): ClientRequestFixture {
  const fixture = fixtures.find((candidate) => candidate.name === name)
  if (fixture === undefined) {
    throw new Error(`Fixture ${name}.json is missing from the shared folder`)
  }
  return fixture
}

function toExpectedType(fixture: ClientRequestFixture): NotificationType {
  const target = readHeader(fixture.headers, 'X-WindowsPhone-Target')
  if (target === undefined) {
    return 'raw'
  }
  return target === 'token' ? 'tile' : 'toast'
}

function readWarningHeader(result: ChannelRequestResult): string {
  return result.response.headers.find(([name]) => name === 'X-Emulator-Warning')?.[1] ?? ''
}

const describeReplay = shared.dir === null ? describe.skip : describe
if (shared.dir === null) {
  // The default reporter counts skipped tests without naming them, so the reason is printed too.
  logWarn('[test]', `Skipping client request replays: ${shared.reason}`)
}
const title =
  shared.dir === null
    ? `client request replays (skipped: ${shared.reason})`
    : 'client request replays'

describeReplay(title, () => {
  it('finds the captures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(38)
    expect(fixtures.map(({ name }) => name)).toContain(MALFORMED_CAPTURE)
  })

  it.each(acceptedFixtures)('returns 200 Received for $name', (fixture) => {
    const result = replay(fixture)

    expect(result.response.status).toBe(200)
    expect(result.response.headers.slice(0, 3)).toEqual([
      ['X-NotificationStatus', 'Received'],
      ['X-DeviceConnectionStatus', 'Connected'],
      ['X-SubscriptionStatus', 'Active'],
    ])
    expect(result.response.body).toBe('')
    expect(result.notificationStatus).toBe('Received')
    expect(result.enqueue?.payload.type).toBe(toExpectedType(fixture))
    expect(result.enqueue?.notificationClass).toBe(
      Number(readHeader(fixture.headers, 'X-NotificationClass')),
    )
    expect(result.warnings?.map(({ code }) => code) ?? []).not.toContain('TEMPLATE_MISMATCH')
  })

  it.each(['fliptile-secondary-id', 'iconictile-secondary-id', 'tile-secondary-id'])(
    'suppresses %s while its tile is unpinned',
    (name) => {
      const result = replay(findFixture(name), { ...DEVICE, secondaryTileIds: {} })

      expect(result.response.status).toBe(200)
      expect(result.notificationStatus).toBe('Suppressed')
      expect(result.enqueue).toBeUndefined()
    },
  )

  it('rejects the capture with a control character', () => {
    const fixture = findFixture(MALFORMED_CAPTURE)
    const result = replay(fixture)
    const offset = fixture.body.indexOf(0x01)
    const message = result.response.body

    expect(offset).toBe(146)
    expect(message).toMatch(
      /^Malformed XML payload at line 2, column 11 \(byte offset 146\): control character U\+0001 /,
    )
    expect(result).toEqual({
      response: {
        status: 400,
        statusText: 'Bad Request',
        headers: [
          ['Date', 'Tue, 22 Oct 2013 12:00:00 GMT'],
          ['X-Emulator-Reason', message],
          ['Content-Type', 'text/plain; charset=utf-8'],
        ],
        body: message,
      },
      errorCode: 'MALFORMED_PAYLOAD',
    })
  })

  it('decodes the ampersand in a toast Param', () => {
    const payload = replay(findFixture('toast-param')).enqueue?.payload

    expect(payload).toEqual({
      type: 'toast',
      toast: {
        text1: 'New message',
        text2: 'From Alice',
        param: '/Page2.xaml?NavigatedFrom=Toast&id=42',
        silent: false,
      },
    })
  })

  it('decodes escaped and non-ASCII toast text', () => {
    const payload = replay(findFixture('toast-escaping')).enqueue?.payload

    expect(payload).toEqual({
      type: 'toast',
      toast: {
        text1: 'Tom & Jerry <b>"quoted"</b> \'single\'',
        text2: 'Café é 日本 🎉😀',
        param: '/Page.xaml?q=a&b="c"&d=<e>&f=\'g\'',
        silent: false,
      },
    })
  })

  it('keeps the bytes of a binary raw payload', () => {
    const fixture = findFixture('raw-binary-buffer')
    const payload = replay(fixture).enqueue?.payload

    expect(payload).toEqual({ type: 'raw', body: fixture.body })
    expect(fixture.body).toEqual(
      Uint8Array.from([0x00, 0x01, 0x02, 0x7f, 0x80, 0xfe, 0xff, 0x0d, 0x0a]),
    )
  })

  it('warns about a flip tile without Version', () => {
    const result = replay(findFixture('fliptile-full'))

    expect(result.enqueue?.payload).toMatchObject({
      type: 'tile',
      tile: { template: 'FlipTile' },
    })
    expect(readWarningHeader(result)).toBe(
      'Template "FlipTile" is sent without Version="2.0" on <wp:Notification>. The tile is updated anyway, but add Version="2.0" as the Windows Phone 8 templates specify.',
    )
  })

  it('reads cleared tile properties', () => {
    const payload = replay(findFixture('tile-mixed-set-and-clear')).enqueue?.payload

    expect(payload).toEqual({
      type: 'tile',
      tile: {
        template: 'Legacy',
        fields: {
          Count: { action: 'clear' },
          Title: { action: 'set', value: 'Keep me' },
          BackContent: { action: 'clear' },
        },
      },
    })
  })

  it('reads the escaped secondary tile Id', () => {
    const payload = replay(findFixture('tile-secondary-id')).enqueue?.payload

    expect(payload).toMatchObject({
      type: 'tile',
      tile: { id: '/SecondaryPage.xaml?item=7&view="full"' },
    })
  })

  it('keeps the host of the proxy capture', () => {
    const fixture = findFixture('toast-via-http-proxy')

    expect(toRequestUrl(fixture.path)).toBe(
      `http://sn1.notify.live.net${THROTTLED_PATH_PREFIX}${TOKEN}`,
    )
    expect(replay(fixture).response.status).toBe(200)
  })
})
