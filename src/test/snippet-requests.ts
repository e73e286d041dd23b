import { buildConsoleRequest } from '@/store/console-request'
import type { ConsoleRequest } from '@/store/console-request'

/** Channel URI of the snippet requests, on the default dev server port. */
export const SNIPPET_CHANNEL_URI = 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb'

/** A two-line toast with the default class and no message ID. */
export const TOAST_REQUEST: ConsoleRequest = buildConsoleRequest(
  {
    notificationType: 'toast',
    notificationClass: '2',
    messageId: '',
    payload: [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>Contoso</wp:Text1><wp:Text2>Hello</wp:Text2><wp:Param>/MainPage.xaml?a=1&amp;b=2</wp:Param></wp:Toast></wp:Notification>',
    ].join('\n'),
  },
  SNIPPET_CHANNEL_URI,
)

/**
 * A one-line FlipTile update with non-ASCII text, both quote characters, a typographic
 * apostrophe, `$` and a backtick in BackContent, a cleared element, class 11 and a message ID.
 */
export const TILE_REQUEST: ConsoleRequest = buildConsoleRequest(
  {
    notificationType: 'tile',
    notificationClass: '11',
    messageId: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
    payload:
      '<?xml version="1.0" encoding="utf-8"?><wp:Notification xmlns:wp="WPNotification" Version="2.0"><wp:Tile Template="FlipTile"><wp:Title>Tromsø</wp:Title><wp:Count>7</wp:Count><wp:BackContent>Don\'t "panic": it’s −4 °C, $5 `now`</wp:BackContent><wp:BackTitle Action="Clear"></wp:BackTitle></wp:Tile></wp:Notification>',
  },
  SNIPPET_CHANNEL_URI,
)

/** A raw body with a CRLF, a trailing line feed and non-ASCII text, sent with no class header. */
export const RAW_REQUEST: ConsoleRequest = buildConsoleRequest(
  {
    notificationType: 'raw',
    notificationClass: '',
    messageId: '',
    payload: 'city=Tromsø\r\ntemperature=-4\n',
  },
  SNIPPET_CHANNEL_URI,
)

/**
 * A Base64 raw body whose bytes are not UTF-8: 0xFF, NUL, "%", "'", "\", a line feed and "A",
 * which printf formats and shell quoting treat specially.
 */
export const BINARY_RAW_REQUEST: ConsoleRequest = buildConsoleRequest(
  {
    notificationType: 'raw',
    notificationClass: '3',
    messageId: '',
    payload: '/wAlJ1wKQQ==',
    rawEncoding: 'base64',
  },
  SNIPPET_CHANNEL_URI,
)
