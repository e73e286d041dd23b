/** Fields of a toast body. Each value is written XML-escaped. */
export interface ToastFields {
  text1: string
  text2: string
  param?: string
}

/** Fields of a tile body, keyed by MPNS element name. Each value is written XML-escaped. */
export type TileFields = Partial<Record<'Title' | 'Count' | 'BackTitle' | 'BackContent', string>>

/** Headers an MPNS sender sends with an immediate toast. */
export const TOAST_HEADERS: Array<[string, string]> = [
  ['Content-Type', 'text/xml'],
  ['X-WindowsPhone-Target', 'toast'],
  ['X-NotificationClass', '2'],
]

/** Headers an MPNS sender sends with an immediate tile update. */
export const TILE_HEADERS: Array<[string, string]> = [
  ['Content-Type', 'text/xml'],
  ['X-WindowsPhone-Target', 'token'],
  ['X-NotificationClass', '1'],
]

/** Headers an MPNS sender sends with an immediate raw notification, which has no X-WindowsPhone-Target. */
export const RAW_HEADERS: Array<[string, string]> = [['X-NotificationClass', '3']]

/** Label of the weather app's channel in the console's Channel picker. */
export const WEATHER_CHANNEL = 'Contoso Weather on Handset 1'

/** An indented FlipTile update for Oslo with front and back fields, as a developer writes it. */
export const OSLO_FLIP_TILE_XML = `<?xml version="1.0" encoding="utf-8"?>
<wp:Notification xmlns:wp="WPNotification" Version="2.0">
  <wp:Tile Template="FlipTile">
    <wp:Title>Oslo</wp:Title>
    <wp:Count>3</wp:Count>
    <wp:BackTitle>Tomorrow</wp:BackTitle>
    <wp:BackContent>Snow, -4 °C</wp:BackContent>
  </wp:Tile>
</wp:Notification>`

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'

/** Builds a toast body. */
export function createToastXml(toast: ToastFields): string {
  const param = toast.param === undefined ? '' : `<wp:Param>${escapeXml(toast.param)}</wp:Param>`
  return [
    XML_DECLARATION,
    '<wp:Notification xmlns:wp="WPNotification">',
    '<wp:Toast>',
    `<wp:Text1>${escapeXml(toast.text1)}</wp:Text1>`,
    `<wp:Text2>${escapeXml(toast.text2)}</wp:Text2>`,
    param,
    '</wp:Toast>',
    '</wp:Notification>',
  ].join('')
}

/**
 * Builds a WP8 FlipTile body (`Version="2.0"`, `Template="FlipTile"`). With `id` it addresses
 * the secondary tile whose navigation URI is `id`, and without it the app's primary tile.
 */
export function createFlipTileXml(fields: TileFields, options: { id?: string } = {}): string {
  const elements = Object.entries(fields).map(
    ([name, value]) => `<wp:${name}>${escapeXml(value)}</wp:${name}>`,
  )
  const idAttribute = options.id === undefined ? '' : ` Id="${escapeXml(options.id)}"`
  return [
    XML_DECLARATION,
    '<wp:Notification xmlns:wp="WPNotification" Version="2.0">',
    `<wp:Tile${idAttribute} Template="FlipTile">`,
    ...elements,
    '</wp:Tile>',
    '</wp:Notification>',
  ].join('')
}

/** Returns a copy of `headers` in which `name` has `value`, replacing it or appending it. */
export function withHeader(
  headers: ReadonlyArray<[string, string]>,
  name: string,
  value: string,
): Array<[string, string]> {
  const lowerCaseName = name.toLowerCase()
  const others = headers.filter(([candidate]) => candidate.toLowerCase() !== lowerCaseName)
  return [...others, [name, value]]
}

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
}
