import { describe, expect, it } from 'vitest'

import { RAW_REQUEST, TILE_REQUEST, TOAST_REQUEST } from '@/test/snippet-requests'

import { createPythonSnippet } from './python-snippet'
import { toSnippetRequest } from './snippet-request'

const PYTHON_TOAST = [
  '# Python 3.9 or later, standard library only.',
  'import urllib.error',
  'import urllib.request',
  '',
  "channel_uri = 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb'",
  "body = '\\n'.join([",
  '    \'<?xml version="1.0" encoding="utf-8"?>\',',
  '    \'<wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>Contoso</wp:Text1><wp:Text2>Hello</wp:Text2><wp:Param>/MainPage.xaml?a=1&amp;b=2</wp:Param></wp:Toast></wp:Notification>\',',
  "]).encode('utf-8')",
  "request = urllib.request.Request(channel_uri, data=body, method='POST')",
  "request.add_header('Content-Type', 'text/xml')",
  "request.add_header('X-WindowsPhone-Target', 'toast')",
  "request.add_header('X-NotificationClass', '2')",
  '',
  'try:',
  '    response = urllib.request.urlopen(request, timeout=30)',
  'except urllib.error.HTTPError as error:',
  '    # urlopen raises HTTPError for 4xx and 5xx statuses, and the error carries the response.',
  '    response = error',
  '',
  "print('HTTP', response.status, response.reason)",
  "for name in ('X-NotificationStatus', 'X-DeviceConnectionStatus', 'X-SubscriptionStatus', 'X-MessageID', 'X-Emulator-Reason'):",
  '    value = response.headers.get(name)',
  '    if value is not None:',
  "        print(f'{name}: {value}')",
  "print(response.read().decode('utf-8'))",
  '',
].join('\n')

const PYTHON_TILE = [
  '# Python 3.9 or later, standard library only.',
  'import urllib.error',
  'import urllib.request',
  '',
  "channel_uri = 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb'",
  'body = \'<?xml version="1.0" encoding="utf-8"?><wp:Notification xmlns:wp="WPNotification" Version="2.0"><wp:Tile Template="FlipTile"><wp:Title>Tromsø</wp:Title><wp:Count>7</wp:Count><wp:BackContent>Don\\\'t "panic": it’s −4 °C, $5 `now`</wp:BackContent><wp:BackTitle Action="Clear"></wp:BackTitle></wp:Tile></wp:Notification>\'.encode(\'utf-8\')',
  "request = urllib.request.Request(channel_uri, data=body, method='POST')",
  "request.add_header('Content-Type', 'text/xml')",
  "request.add_header('X-WindowsPhone-Target', 'token')",
  "request.add_header('X-NotificationClass', '11')",
  "request.add_header('X-MessageID', '1b4e28ba-2fa1-11d2-883f-0016d3cca427')",
  '',
  'try:',
  '    response = urllib.request.urlopen(request, timeout=30)',
  'except urllib.error.HTTPError as error:',
  '    # urlopen raises HTTPError for 4xx and 5xx statuses, and the error carries the response.',
  '    response = error',
  '',
  "print('HTTP', response.status, response.reason)",
  "for name in ('X-NotificationStatus', 'X-DeviceConnectionStatus', 'X-SubscriptionStatus', 'X-MessageID', 'X-Emulator-Reason'):",
  '    value = response.headers.get(name)',
  '    if value is not None:',
  "        print(f'{name}: {value}')",
  "print(response.read().decode('utf-8'))",
  '',
].join('\n')

const PYTHON_RAW = [
  '# Python 3.9 or later, standard library only.',
  'import urllib.error',
  'import urllib.request',
  '',
  "channel_uri = 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb'",
  "body = '\\n'.join([",
  "    'city=Tromsø\\r',",
  "    'temperature=-4',",
  "    '',",
  "]).encode('utf-8')",
  "request = urllib.request.Request(channel_uri, data=body, method='POST')",
  '# urllib adds Content-Type: application/x-www-form-urlencoded to a body sent without one.',
  '# The emulator does not check the Content-Type of raw notifications.',
  '',
  'try:',
  '    response = urllib.request.urlopen(request, timeout=30)',
  'except urllib.error.HTTPError as error:',
  '    # urlopen raises HTTPError for 4xx and 5xx statuses, and the error carries the response.',
  '    response = error',
  '',
  "print('HTTP', response.status, response.reason)",
  "for name in ('X-NotificationStatus', 'X-DeviceConnectionStatus', 'X-SubscriptionStatus', 'X-MessageID', 'X-Emulator-Reason'):",
  '    value = response.headers.get(name)',
  '    if value is not None:',
  "        print(f'{name}: {value}')",
  "print(response.read().decode('utf-8'))",
  '',
].join('\n')

describe('createPythonSnippet', () => {
  it.each([
    ['a toast', TOAST_REQUEST, PYTHON_TOAST],
    ['a tile with non-ASCII text and quotes', TILE_REQUEST, PYTHON_TILE],
    ['a raw body', RAW_REQUEST, PYTHON_RAW],
  ])('writes %s', (_name, request, expected) => {
    expect(createPythonSnippet(toSnippetRequest(request))).toBe(expected)
  })
})
