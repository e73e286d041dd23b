import { describe, expect, it } from 'vitest'

import {
  BINARY_RAW_REQUEST,
  RAW_REQUEST,
  TILE_REQUEST,
  TOAST_REQUEST,
} from '@/test/snippet-requests'

import { createCurlSnippet } from './curl-snippet'
import { toSnippetRequest } from './snippet-request'

const CURL_TOAST = [
  '# POSIX shell (bash, zsh) with curl 7.43 or later, for --data-raw.',
  "curl -sS -i 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb' \\",
  "  -H 'Content-Type: text/xml' \\",
  "  -H 'X-WindowsPhone-Target: toast' \\",
  "  -H 'X-NotificationClass: 2' \\",
  '  --data-raw \'<?xml version="1.0" encoding="utf-8"?>',
  '<wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>Contoso</wp:Text1><wp:Text2>Hello</wp:Text2><wp:Param>/MainPage.xaml?a=1&amp;b=2</wp:Param></wp:Toast></wp:Notification>\'',
  '',
].join('\n')

const CURL_TILE = [
  '# POSIX shell (bash, zsh) with curl 7.43 or later, for --data-raw.',
  "curl -sS -i 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb' \\",
  "  -H 'Content-Type: text/xml' \\",
  "  -H 'X-WindowsPhone-Target: token' \\",
  "  -H 'X-NotificationClass: 11' \\",
  "  -H 'X-MessageID: 1b4e28ba-2fa1-11d2-883f-0016d3cca427' \\",
  '  --data-raw \'<?xml version="1.0" encoding="utf-8"?><wp:Notification xmlns:wp="WPNotification" Version="2.0"><wp:Tile Template="FlipTile"><wp:Title>Tromsø</wp:Title><wp:Count>7</wp:Count><wp:BackContent>Don\'\\\'\'t "panic": it’s −4 °C, $5 `now`</wp:BackContent><wp:BackTitle Action="Clear"></wp:BackTitle></wp:Tile></wp:Notification>\'',
  '',
].join('\n')

const CURL_RAW = [
  '# POSIX shell (bash, zsh) with curl 7.43 or later, for --data-raw.',
  '# The empty Content-Type header keeps curl from adding its form type to a request that has none.',
  "curl -sS -i 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb' \\",
  "  -H 'Content-Type:' \\",
  "  --data-raw 'city=Tromsø\r",
  'temperature=-4',
  "'",
  '',
].join('\n')

const CURL_BINARY_RAW = [
  '# POSIX shell (bash, zsh) with curl and printf.',
  '# The empty Content-Type header keeps curl from adding its form type to a request that has none.',
  "# printf writes the body's bytes from octal escapes, and curl reads them from stdin.",
  "printf '\\377\\000\\045\\047\\134\\012A' | curl -sS -i 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb' \\",
  "  -H 'X-NotificationClass: 3' \\",
  "  -H 'Content-Type:' \\",
  '  --data-binary @-',
  '',
].join('\n')

describe('createCurlSnippet', () => {
  it.each([
    ['a toast', TOAST_REQUEST, CURL_TOAST],
    ['a tile with non-ASCII text and quotes', TILE_REQUEST, CURL_TILE],
    ['a raw body', RAW_REQUEST, CURL_RAW],
    ['a binary raw body', BINARY_RAW_REQUEST, CURL_BINARY_RAW],
  ])('writes %s', (_name, request, expected) => {
    expect(createCurlSnippet(toSnippetRequest(request))).toBe(expected)
  })
})
