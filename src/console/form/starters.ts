import { NOTIFICATION_CLASS_OPTIONS } from '@/mpns/templates'
import type { NotificationType } from '@/mpns/types'
import type { ConsoleDraft } from '@/store/console-request'

/** A ready-made draft the console loads in one click. The message ID stays as the user set it. */
export interface ConsoleStarter {
  /** Button text, which is also the button's accessible name. */
  name: string
  draft: Omit<ConsoleDraft, 'messageId'>
}

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'

/** The PNG file signature, 8 bytes of which the first is not valid UTF-8. */
const PNG_SIGNATURE_BASE64 = 'iVBORw0KGgo='

/**
 * Starters for every notification type and tile template. Image paths name files of the sample
 * app whose tile uses that template, so each update shows its images on that app's tile.
 */
export const CONSOLE_STARTERS: readonly ConsoleStarter[] = [
  toastStarter('Toast', [
    '<wp:Text1>Build 42</wp:Text1>',
    '<wp:Text2>finished in 3 min</wp:Text2>',
    '<wp:Param>/MainPage.xaml?build=42&amp;source=console</wp:Param>',
  ]),
  toastStarter('Toast with sound', [
    '<wp:Text1>Doorbell</wp:Text1>',
    '<wp:Text2>Someone is at the front door</wp:Text2>',
    '<wp:Sound>/Assets/Sounds/chime.wav</wp:Sound>',
  ]),
  toastStarter('Silent toast', [
    '<wp:Text1>Backup</wp:Text1>',
    '<wp:Text2>Photos saved overnight</wp:Text2>',
    '<wp:Sound Silent="true"></wp:Sound>',
  ]),
  tileStarter('Legacy tile', { version: false, tileAttributes: '' }, [
    '<wp:BackgroundImage>/Background.png</wp:BackgroundImage>',
    '<wp:Count>2</wp:Count>',
    '<wp:Title>Scores</wp:Title>',
    '<wp:BackBackgroundImage>/Images/back.png</wp:BackBackgroundImage>',
    '<wp:BackTitle>Final</wp:BackTitle>',
    '<wp:BackContent>Oslo 2, Bergen 1</wp:BackContent>',
  ]),
  tileStarter('FlipTile', { version: true, tileAttributes: ' Template="FlipTile"' }, [
    '<wp:Title>Oslo</wp:Title>',
    '<wp:Count>3</wp:Count>',
    '<wp:BackTitle>Tomorrow</wp:BackTitle>',
    '<wp:BackContent>Snow, -4 °C</wp:BackContent>',
    '<wp:WideBackContent>Snow showers all day, -4 °C</wp:WideBackContent>',
  ]),
  tileStarter('IconicTile', { version: true, tileAttributes: ' Template="IconicTile"' }, [
    '<wp:Title>Inbox</wp:Title>',
    '<wp:Count>5</wp:Count>',
    '<wp:IconImage>/Assets/Tiles/IconicTileMediumLarge.png</wp:IconImage>',
    '<wp:SmallIconImage>/Assets/Tiles/IconicTileSmall.png</wp:SmallIconImage>',
    '<wp:WideContent1>Alice: lunch at noon?</wp:WideContent1>',
    '<wp:WideContent2>Bob: slides attached</wp:WideContent2>',
    '<wp:WideContent3>Carol: see you at 3</wp:WideContent3>',
    '<wp:BackgroundColor>#FF008A00</wp:BackgroundColor>',
  ]),
  tileStarter('CycleTile', { version: true, tileAttributes: ' Template="CycleTile"' }, [
    '<wp:Title>Holiday</wp:Title>',
    '<wp:Count>3</wp:Count>',
    '<wp:CycleImage1>/Assets/Photos/Photo1.png</wp:CycleImage1>',
    '<wp:CycleImage2>/Assets/Photos/Photo2.png</wp:CycleImage2>',
    '<wp:CycleImage3>/Assets/Photos/Photo3.png</wp:CycleImage3>',
  ]),
  tileStarter(
    'Secondary tile by Id',
    { version: true, tileAttributes: ' Id="/CityPage.xaml?city=Oslo" Template="FlipTile"' },
    [
      '<wp:Title>Oslo</wp:Title>',
      '<wp:Count>5</wp:Count>',
      '<wp:BackContent>Sunny, 12 °C</wp:BackContent>',
    ],
  ),
  tileStarter('Tile with Clear', { version: true, tileAttributes: ' Template="FlipTile"' }, [
    '<wp:Title>Oslo</wp:Title>',
    '<wp:Count Action="Clear"></wp:Count>',
    '<wp:BackTitle Action="Clear"></wp:BackTitle>',
    '<wp:BackContent Action="Clear"></wp:BackContent>',
    '<wp:WideBackContent Action="Clear"></wp:WideBackContent>',
  ]),
  rawStarter('Raw text', 'text', 'Build 42 finished in 3 min'),
  rawStarter('Raw JSON', 'text', '{"symbol":"WGRV","price":41.27,"change":-0.35}'),
  rawStarter('Raw binary', 'base64', PNG_SIGNATURE_BASE64),
]

function toastStarter(name: string, elements: readonly string[]): ConsoleStarter {
  const payload = [
    XML_DECLARATION,
    '<wp:Notification xmlns:wp="WPNotification">',
    '  <wp:Toast>',
    ...elements.map((element) => `    ${element}`),
    '  </wp:Toast>',
    '</wp:Notification>',
  ].join('\n')
  return { name, draft: createDraft('toast', payload) }
}

function tileStarter(
  name: string,
  options: { version: boolean; tileAttributes: string },
  elements: readonly string[],
): ConsoleStarter {
  const version = options.version ? ' Version="2.0"' : ''
  const payload = [
    XML_DECLARATION,
    `<wp:Notification xmlns:wp="WPNotification"${version}>`,
    `  <wp:Tile${options.tileAttributes}>`,
    ...elements.map((element) => `    ${element}`),
    '  </wp:Tile>',
    '</wp:Notification>',
  ].join('\n')
  return { name, draft: createDraft('tile', payload) }
}

function rawStarter(
  name: string,
  rawEncoding: NonNullable<ConsoleDraft['rawEncoding']>,
  payload: string,
): ConsoleStarter {
  return { name, draft: { ...createDraft('raw', payload), rawEncoding } }
}

/** Builds a draft in the immediate class of its type, the first class the console offers. */
function createDraft(
  notificationType: NotificationType,
  payload: string,
): Omit<ConsoleDraft, 'messageId'> {
  const notificationClass = NOTIFICATION_CLASS_OPTIONS[notificationType][0]?.value ?? ''
  return { notificationType, notificationClass, payload }
}
