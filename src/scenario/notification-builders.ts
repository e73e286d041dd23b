// Builders of MPNS requests: the headers and body a sender posts to a channel URI. The QA kit
// offers them to test authors, and the scenario player builds its send steps with them. Like
// the schema, this file is also compiled into the kit, so it imports only this folder and the
// engine's type declarations, named with `.ts`.

import type { TileFieldName, TileTemplate } from '../mpns/types.ts'
import type { ScenarioSendStep } from './scenario-schema.ts'

export type NotificationTarget = 'toast' | 'tile' | 'raw'

/** Batching window of a notification: at once, within 450 seconds or within 900 seconds. */
export type Delivery = 'immediate' | '450' | '900'

/** Headers and body of one MPNS POST. */
export interface NotificationRequest {
  target: NotificationTarget
  /** Header names as senders write them, in the order they are sent. */
  headers: Array<[string, string]>
  /** XML and text bodies as strings (sent as UTF-8); a Base64 raw body as its decoded bytes. */
  body: string | Uint8Array
}

/** Options every builder takes. */
export interface SendOptions {
  /** @default 'immediate' */
  delivery?: Delivery
  /** X-NotificationClass sent as given, instead of the one `delivery` picks; may be invalid on purpose. */
  notificationClass?: string
  /** X-MessageID, echoed in the response. */
  messageId?: string
  /** Further headers, sent after the others. */
  headers?: Record<string, string>
}

export interface ToastFields {
  text1?: string | undefined
  text2?: string | undefined
  /** Page and query string the toast opens, such as `/Chat.xaml?id=7`. */
  param?: string | undefined
  /** Sound file in the app's package. */
  sound?: string | undefined
  /** Plays no sound (`Silent="true"`). */
  silent?: boolean | undefined
}

/** Tile element names as MPNS spells them. */
export type TileElementName = TileFieldName

export type TileTemplateName = TileTemplate

/** A tile update: template, target tile and elements, by MPNS name. */
export interface TileUpdate {
  template: TileTemplateName
  /** Navigation URI of the secondary tile to update; the primary tile without it. */
  id?: string
  /** Element values; a number is written in decimal. */
  fields?: Partial<Record<TileElementName, string | number>>
  /** Elements reset to their default with `Action="Clear"`. */
  clear?: readonly TileElementName[]
}

export interface FlipTileFields {
  title?: string
  count?: number
  backTitle?: string
  backContent?: string
  wideBackContent?: string
  backgroundImage?: string
  backBackgroundImage?: string
  smallBackgroundImage?: string
  wideBackgroundImage?: string
  wideBackBackgroundImage?: string
}

export interface IconicTileFields {
  title?: string
  count?: number
  iconImage?: string
  smallIconImage?: string
  wideContent1?: string
  wideContent2?: string
  wideContent3?: string
  /** `#AARRGGBB`. */
  backgroundColor?: string
}

export interface CycleTileFields {
  title?: string
  count?: number
  smallBackgroundImage?: string
  /** Up to nine image URIs, written as CycleImage1 to CycleImage9. */
  cycleImages?: readonly string[]
}

/** Fields of a tile builder, plus the secondary tile's navigation URI and elements to clear. */
export interface TileBuilderOptions extends SendOptions {
  id?: string
  clear?: readonly TileElementName[]
}

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'

/** X-NotificationClass values per target and delivery, as the protocol defines them. */
const NOTIFICATION_CLASSES: Record<NotificationTarget, Record<Delivery, string>> = {
  tile: { immediate: '1', '450': '11', '900': '21' },
  toast: { immediate: '2', '450': '12', '900': '22' },
  raw: { immediate: '3', '450': '13', '900': '23' },
}

/** Order in which tile elements are written, whatever order they were given in. */
const TILE_ELEMENT_ORDER: readonly TileElementName[] = [
  'SmallBackgroundImage',
  'WideBackgroundImage',
  'WideBackBackgroundImage',
  'WideBackContent',
  'BackgroundImage',
  'SmallIconImage',
  'IconImage',
  'WideContent1',
  'WideContent2',
  'WideContent3',
  'CycleImage1',
  'CycleImage2',
  'CycleImage3',
  'CycleImage4',
  'CycleImage5',
  'CycleImage6',
  'CycleImage7',
  'CycleImage8',
  'CycleImage9',
  'Count',
  'Title',
  'BackgroundColor',
  'BackBackgroundImage',
  'BackTitle',
  'BackContent',
]

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
}

/** Builds a toast: `X-WindowsPhone-Target: toast` and a `wp:Toast` body. */
export function toast(fields: ToastFields, options: SendOptions = {}): NotificationRequest {
  const sound =
    fields.silent === true
      ? `<wp:Sound Silent="true">${escapeXml(fields.sound ?? '')}</wp:Sound>`
      : writeElement('Sound', fields.sound)
  const body = [
    XML_DECLARATION,
    '<wp:Notification xmlns:wp="WPNotification">',
    '<wp:Toast>',
    writeElement('Text1', fields.text1),
    writeElement('Text2', fields.text2),
    writeElement('Param', fields.param),
    sound,
    '</wp:Toast>',
    '</wp:Notification>',
  ].join('')
  return { target: 'toast', headers: toHeaders('toast', options), body }
}

/** Builds a tile update of any template from elements named as MPNS names them. */
export function tile(update: TileUpdate, options: SendOptions = {}): NotificationRequest {
  const isLegacy = update.template === 'Legacy'
  const attributes = [
    update.id === undefined ? '' : ` Id="${escapeXml(update.id)}"`,
    isLegacy ? '' : ` Template="${update.template}"`,
  ].join('')
  const cleared = new Set(update.clear ?? [])
  const elements = TILE_ELEMENT_ORDER.map((name) => {
    if (cleared.has(name)) {
      return `<wp:${name} Action="Clear"></wp:${name}>`
    }
    const value = update.fields?.[name]
    return writeElement(name, value === undefined ? undefined : String(value))
  })
  const body = [
    XML_DECLARATION,
    `<wp:Notification xmlns:wp="WPNotification"${isLegacy ? '' : ' Version="2.0"'}>`,
    `<wp:Tile${attributes}>`,
    ...elements,
    '</wp:Tile>',
    '</wp:Notification>',
  ].join('')
  return { target: 'tile', headers: toHeaders('tile', options), body }
}

/** Builds a WP8 FlipTile update. */
export function flipTile(
  fields: FlipTileFields,
  options: TileBuilderOptions = {},
): NotificationRequest {
  return tile(toTileUpdate('FlipTile', toElementFields(fields), options), options)
}

/** Builds a WP8 IconicTile update. */
export function iconicTile(
  fields: IconicTileFields,
  options: TileBuilderOptions = {},
): NotificationRequest {
  return tile(toTileUpdate('IconicTile', toElementFields(fields), options), options)
}

/** Builds a WP8 CycleTile update. */
export function cycleTile(
  fields: CycleTileFields,
  options: TileBuilderOptions = {},
): NotificationRequest {
  const { cycleImages, ...rest } = fields
  const elements = toElementFields(rest)
  for (const [index, uri] of (cycleImages ?? []).slice(0, 9).entries()) {
    elements[`CycleImage${index + 1}` as TileElementName] = uri
  }
  return tile(toTileUpdate('CycleTile', elements, options), options)
}

/** Builds a WP7.5 standard tile update (no template, no `Version="2.0"`). */
export function legacyTile(
  fields: Pick<
    FlipTileFields,
    'title' | 'count' | 'backTitle' | 'backContent' | 'backgroundImage' | 'backBackgroundImage'
  >,
  options: TileBuilderOptions = {},
): NotificationRequest {
  return tile(toTileUpdate('Legacy', toElementFields(fields), options), options)
}

/** Builds a raw notification: no X-WindowsPhone-Target, the body sent byte for byte. */
export function raw(body: string | Uint8Array, options: SendOptions = {}): NotificationRequest {
  return { target: 'raw', headers: toHeaders('raw', options), body }
}

/** Builds the request a scenario's send step describes. */
export function toNotificationRequest(send: ScenarioSendStep['send']): NotificationRequest {
  const options: SendOptions = {
    delivery: send.delivery,
    ...(send.notificationClass === undefined ? {} : { notificationClass: send.notificationClass }),
    ...(send.messageId === undefined ? {} : { messageId: send.messageId }),
    ...(send.headers === undefined ? {} : { headers: send.headers }),
  }
  if (send.toast !== undefined) {
    return toast(send.toast, options)
  }
  if (send.tile !== undefined) {
    const { template, id, fields, clear } = send.tile
    return tile(
      {
        template,
        ...(id === undefined ? {} : { id }),
        fields,
        ...(clear === undefined ? {} : { clear: clear as TileElementName[] }),
      },
      options,
    )
  }
  const rawBody =
    send.raw?.base64 === undefined ? (send.raw?.text ?? '') : decodeBase64(send.raw.base64)
  return raw(rawBody, options)
}

/** Escapes text for an XML text node or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => XML_ESCAPES[character] ?? character)
}

function toHeaders(target: NotificationTarget, options: SendOptions): Array<[string, string]> {
  const headers: Array<[string, string]> = []
  if (target !== 'raw') {
    headers.push(['Content-Type', 'text/xml'])
    // Tile updates are addressed with "token", the name the protocol kept from WP7.
    headers.push(['X-WindowsPhone-Target', target === 'tile' ? 'token' : 'toast'])
  }
  headers.push([
    'X-NotificationClass',
    options.notificationClass ?? NOTIFICATION_CLASSES[target][options.delivery ?? 'immediate'],
  ])
  if (options.messageId !== undefined) {
    headers.push(['X-MessageID', options.messageId])
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    headers.push([name, value])
  }
  return headers
}

function toTileUpdate(
  template: TileTemplateName,
  fields: Partial<Record<TileElementName, string | number>>,
  options: TileBuilderOptions,
): TileUpdate {
  return {
    template,
    fields,
    ...(options.id === undefined ? {} : { id: options.id }),
    ...(options.clear === undefined ? {} : { clear: options.clear }),
  }
}

/** Turns camelCase builder fields into MPNS element names: `backContent` becomes `BackContent`. */
function toElementFields(fields: object): Partial<Record<TileElementName, string | number>> {
  const elements: Partial<Record<TileElementName, string | number>> = {}
  for (const [key, value] of Object.entries(fields) as Array<[string, unknown]>) {
    if (typeof value === 'string' || typeof value === 'number') {
      elements[`${key.charAt(0).toUpperCase()}${key.slice(1)}` as TileElementName] = value
    }
  }
  return elements
}

function writeElement(name: string, value: string | undefined): string {
  return value === undefined ? '' : `<wp:${name}>${escapeXml(value)}</wp:${name}>`
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ''))
  return Uint8Array.from(binary, (character) => character.charCodeAt(0))
}
