import { THROTTLED_PATH_PREFIX, UNTHROTTLED_PATH_PREFIX } from '../mpns/channel'
import { createDeviceRecord } from '../mpns/device-state'
import { DEFAULT_ENGINE_SETTINGS } from '../mpns/engine'
import type { ChannelRequestInput } from '../mpns/engine'
import type {
  ChannelRecord,
  ChannelUsage,
  DeviceRecord,
  EngineSettings,
  HeaderEntry,
  MpnsHttpRequest,
} from '../mpns/types'

/** State a test changes around one request; anything left out keeps the builder's default. */
export interface EngineStateOverrides {
  /** The channel record, or undefined for a token that was never issued. */
  channel?: ChannelRecord | undefined
  /** The device record, or undefined for a handset that never connected. */
  device?: DeviceRecord | undefined
  usage?: ChannelUsage | undefined
  queuedCount?: number
  settings?: Partial<EngineSettings>
  now?: number
}

/** Engine time of every builder record: Tue, 22 Oct 2013 12:00:00 GMT. */
export const TEST_NOW = Date.UTC(2013, 9, 22, 12, 0, 0)

/** The Date header that TEST_NOW produces. */
export const TEST_DATE = 'Tue, 22 Oct 2013 12:00:00 GMT'

export const TEST_TOKEN =
  'AQHgHh2f6rXWRK3CfZ1d1sCeAgAAAAADAQAAAAQUZm52OkJCMjg1QTg1QkZDMkUxREQFBlVTU0MwMQ'

/** Unauthenticated channel URI of TEST_TOKEN. */
export const THROTTLED_URI = `http://127.0.0.1:5173${THROTTLED_PATH_PREFIX}${TEST_TOKEN}`

/** Authenticated channel URI of TEST_TOKEN. */
export const UNTHROTTLED_URI = `https://127.0.0.1:5174${UNTHROTTLED_PATH_PREFIX}${TEST_TOKEN}`

export const TEST_UUID = '1b4e28ba-2fa1-11d2-883f-0016d3cca427'

export const TEST_APP_ID = 'contoso-weather'

export const TEST_HANDSET_ID = 'handset-1'

export const TOAST_HEADERS: readonly HeaderEntry[] = [
  ['Content-Type', 'text/xml'],
  ['X-WindowsPhone-Target', 'toast'],
  ['X-NotificationClass', '2'],
]

export const TILE_HEADERS: readonly HeaderEntry[] = [
  ['Content-Type', 'text/xml'],
  ['X-WindowsPhone-Target', 'token'],
  ['X-NotificationClass', '1'],
]

export const RAW_HEADERS: readonly HeaderEntry[] = [['X-NotificationClass', '3']]

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'

/** Builds an open, throttled channel of the test app, bound to toast and tile, with a FlipTile. */
export function buildChannel(overrides: Partial<ChannelRecord> = {}): ChannelRecord {
  return {
    token: TEST_TOKEN,
    channelUri: THROTTLED_URI,
    handsetId: TEST_HANDSET_ID,
    appId: TEST_APP_ID,
    appName: 'Contoso Weather',
    channelName: 'WeatherChannel',
    boundToast: true,
    boundTile: true,
    tileTemplate: 'FlipTile',
    openedAt: TEST_NOW - 60_000,
    ...overrides,
  }
}

/** Builds an online handset with a normal battery and the test app in the foreground. */
export function buildDevice(overrides: Partial<DeviceRecord> = {}): DeviceRecord {
  return {
    ...createDeviceRecord({ handsetId: TEST_HANDSET_ID, now: TEST_NOW - 1_000 }),
    foregroundAppId: TEST_APP_ID,
    ...overrides,
  }
}

/** Builds a POST to THROTTLED_URI; a string body is encoded as UTF-8. */
export function buildRequest(
  options: {
    method?: string
    url?: string
    headers?: readonly HeaderEntry[]
    body?: string | Uint8Array
  } = {},
): MpnsHttpRequest {
  const body = options.body ?? ''
  return {
    method: options.method ?? 'POST',
    url: options.url ?? THROTTLED_URI,
    headers: options.headers ?? TOAST_HEADERS,
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
  }
}

/** Builds the engine input for a request: the default channel and device unless overridden. */
export function buildInput(
  request: MpnsHttpRequest,
  state: EngineStateOverrides = {},
): ChannelRequestInput {
  return {
    request,
    channel: 'channel' in state ? state.channel : buildChannel(),
    device: 'device' in state ? state.device : buildDevice(),
    usage: state.usage,
    queuedCount: state.queuedCount ?? 0,
    now: state.now ?? TEST_NOW,
    settings: { ...DEFAULT_ENGINE_SETTINGS, ...state.settings },
    deliveryId: 'delivery-1',
  }
}

/** Wraps toast elements in an XML declaration, `wp:Notification` and `wp:Toast`. */
export function toastXml(elements: string): string {
  return `${XML_DECLARATION}<wp:Notification xmlns:wp="WPNotification"><wp:Toast>${elements}</wp:Toast></wp:Notification>`
}

/**
 * Wraps tile elements in an XML declaration, `wp:Notification` and `wp:Tile`. The tile attributes
 * are written as given, and `version` adds Version="2.0" to the notification.
 */
export function tileXml(
  elements: string,
  options: { tileAttributes?: string; version?: boolean } = {},
): string {
  const version = options.version === true ? ' Version="2.0"' : ''
  const attributes = options.tileAttributes === undefined ? '' : ` ${options.tileAttributes}`
  return `${XML_DECLARATION}<wp:Notification xmlns:wp="WPNotification"${version}><wp:Tile${attributes}>${elements}</wp:Tile></wp:Notification>`
}

/** Replaces a header (in any letter case) or, with null, removes it. */
export function withHeader(
  headers: readonly HeaderEntry[],
  name: string,
  value: string | null,
): HeaderEntry[] {
  const others = headers.filter(([candidate]) => candidate.toLowerCase() !== name.toLowerCase())
  return value === null ? others : [...others, [name, value]]
}
