import type { NotificationType, TileTemplate } from './types'

export interface NotificationClassOption {
  /** Header value, or '' to send no X-NotificationClass header. */
  value: string
  label: string
}

/** A valid starting payload for each notification type. */
export const PAYLOAD_TEMPLATES: Readonly<Record<NotificationType, string>> = {
  toast: [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<wp:Notification xmlns:wp="WPNotification">',
    '  <wp:Toast>',
    '    <wp:Text1>Contoso</wp:Text1>',
    '    <wp:Text2>Hello from the console</wp:Text2>',
    '    <wp:Param>/MainPage.xaml?source=console</wp:Param>',
    '  </wp:Toast>',
    '</wp:Notification>',
  ].join('\n'),
  tile: [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<wp:Notification xmlns:wp="WPNotification" Version="2.0">',
    '  <wp:Tile Template="FlipTile">',
    '    <wp:Title>Oslo</wp:Title>',
    '    <wp:Count>3</wp:Count>',
    '    <wp:BackTitle>Tomorrow</wp:BackTitle>',
    '    <wp:BackContent>Snow, -4 °C</wp:BackContent>',
    '    <wp:WideBackContent>Snow showers, -4 °C</wp:WideBackContent>',
    '  </wp:Tile>',
    '</wp:Notification>',
  ].join('\n'),
  raw: '{"from":"Alice","text":"Are you free for lunch?"}',
}

const ICONIC_TILE_TEMPLATE = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<wp:Notification xmlns:wp="WPNotification" Version="2.0">',
  '  <wp:Tile Template="IconicTile">',
  '    <wp:Title>Inbox</wp:Title>',
  '    <wp:Count>5</wp:Count>',
  '    <wp:WideContent1>Alice: lunch at noon?</wp:WideContent1>',
  '    <wp:WideContent2>Bob: slides attached</wp:WideContent2>',
  '  </wp:Tile>',
  '</wp:Notification>',
].join('\n')

const CYCLE_TILE_TEMPLATE = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<wp:Notification xmlns:wp="WPNotification" Version="2.0">',
  '  <wp:Tile Template="CycleTile">',
  '    <wp:Title>Photos</wp:Title>',
  '    <wp:Count>2</wp:Count>',
  '    <wp:CycleImage1>/Assets/Photos/1.jpg</wp:CycleImage1>',
  '    <wp:CycleImage2>/Assets/Photos/2.jpg</wp:CycleImage2>',
  '  </wp:Tile>',
  '</wp:Notification>',
].join('\n')

const LEGACY_TILE_TEMPLATE = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<wp:Notification xmlns:wp="WPNotification">',
  '  <wp:Tile>',
  '    <wp:Title>Scores</wp:Title>',
  '    <wp:Count>1</wp:Count>',
  '    <wp:BackTitle>Final</wp:BackTitle>',
  '    <wp:BackContent>Oslo 2, Bergen 1</wp:BackContent>',
  '  </wp:Tile>',
  '</wp:Notification>',
].join('\n')

/**
 * Tile starters by the template of the tile they update. A tile keeps the template it was
 * created with, and the phone drops an update in another template.
 */
export const TILE_TEMPLATES: Readonly<Record<TileTemplate, string>> = {
  FlipTile: PAYLOAD_TEMPLATES.tile,
  IconicTile: ICONIC_TILE_TEMPLATE,
  CycleTile: CYCLE_TILE_TEMPLATE,
  Legacy: LEGACY_TILE_TEMPLATE,
}

/** X-NotificationClass choices per type: immediate, within 450 s, within 900 s. */
export const NOTIFICATION_CLASS_OPTIONS: Readonly<
  Record<NotificationType, readonly NotificationClassOption[]>
> = {
  toast: classOptions(2),
  tile: classOptions(1),
  raw: classOptions(3),
}

/** X-WindowsPhone-Target value per type; raw requests carry no target header. */
export const TARGET_BY_TYPE: Readonly<Record<NotificationType, string | null>> = {
  toast: 'toast',
  tile: 'token',
  raw: null,
}

function classOptions(immediate: number): NotificationClassOption[] {
  return [
    { value: String(immediate), label: `${immediate} (immediate)` },
    { value: String(immediate + 10), label: `${immediate + 10} (within 450 s)` },
    { value: String(immediate + 20), label: `${immediate + 20} (within 900 s)` },
    { value: '', label: 'No header (service default)' },
  ]
}
