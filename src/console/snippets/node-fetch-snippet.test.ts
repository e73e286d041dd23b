import { describe, expect, it } from 'vitest'

import {
  BINARY_RAW_REQUEST,
  RAW_REQUEST,
  TILE_REQUEST,
  TOAST_REQUEST,
} from '@/test/snippet-requests'

import { createNodeFetchSnippet } from './node-fetch-snippet'
import { toSnippetRequest } from './snippet-request'

const NODE_FETCH_TOAST = [
  '// Node.js 18 or later. Save as send.mjs and run: node send.mjs',
  "const channelUri = 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb'",
  'const body = [',
  '  \'<?xml version="1.0" encoding="utf-8"?>\',',
  '  \'<wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>Contoso</wp:Text1><wp:Text2>Hello</wp:Text2><wp:Param>/MainPage.xaml?a=1&amp;b=2</wp:Param></wp:Toast></wp:Notification>\',',
  "].join('\\n')",
  '',
  'const response = await fetch(channelUri, {',
  "  method: 'POST',",
  '  headers: [',
  "    ['Content-Type', 'text/xml'],",
  "    ['X-WindowsPhone-Target', 'toast'],",
  "    ['X-NotificationClass', '2'],",
  '  ],',
  '  // Bytes, not a string: fetch adds Content-Type: text/plain to a string body.',
  '  body: new TextEncoder().encode(body),',
  '})',
  '',
  'console.log(`HTTP ${response.status} ${response.statusText}`)',
  "for (const name of ['X-NotificationStatus', 'X-DeviceConnectionStatus', 'X-SubscriptionStatus', 'X-MessageID', 'X-Emulator-Reason']) {",
  '  const value = response.headers.get(name)',
  '  if (value !== null) {',
  '    console.log(`${name}: ${value}`)',
  '  }',
  '}',
  'console.log(await response.text())',
  '',
].join('\n')

const NODE_FETCH_TILE = [
  '// Node.js 18 or later. Save as send.mjs and run: node send.mjs',
  "const channelUri = 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb'",
  'const body = \'<?xml version="1.0" encoding="utf-8"?><wp:Notification xmlns:wp="WPNotification" Version="2.0"><wp:Tile Template="FlipTile"><wp:Title>Tromsø</wp:Title><wp:Count>7</wp:Count><wp:BackContent>Don\\\'t "panic": it’s −4 °C, $5 `now`</wp:BackContent><wp:BackTitle Action="Clear"></wp:BackTitle></wp:Tile></wp:Notification>\'',
  '',
  'const response = await fetch(channelUri, {',
  "  method: 'POST',",
  '  headers: [',
  "    ['Content-Type', 'text/xml'],",
  "    ['X-WindowsPhone-Target', 'token'],",
  "    ['X-NotificationClass', '11'],",
  "    ['X-MessageID', '1b4e28ba-2fa1-11d2-883f-0016d3cca427'],",
  '  ],',
  '  // Bytes, not a string: fetch adds Content-Type: text/plain to a string body.',
  '  body: new TextEncoder().encode(body),',
  '})',
  '',
  'console.log(`HTTP ${response.status} ${response.statusText}`)',
  "for (const name of ['X-NotificationStatus', 'X-DeviceConnectionStatus', 'X-SubscriptionStatus', 'X-MessageID', 'X-Emulator-Reason']) {",
  '  const value = response.headers.get(name)',
  '  if (value !== null) {',
  '    console.log(`${name}: ${value}`)',
  '  }',
  '}',
  'console.log(await response.text())',
  '',
].join('\n')

const NODE_FETCH_RAW = [
  '// Node.js 18 or later. Save as send.mjs and run: node send.mjs',
  "const channelUri = 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb'",
  'const body = [',
  "  'city=Tromsø\\r',",
  "  'temperature=-4',",
  "  '',",
  "].join('\\n')",
  '',
  'const response = await fetch(channelUri, {',
  "  method: 'POST',",
  '  headers: [],',
  '  // Bytes, not a string: fetch adds Content-Type: text/plain to a string body.',
  '  body: new TextEncoder().encode(body),',
  '})',
  '',
  'console.log(`HTTP ${response.status} ${response.statusText}`)',
  "for (const name of ['X-NotificationStatus', 'X-DeviceConnectionStatus', 'X-SubscriptionStatus', 'X-MessageID', 'X-Emulator-Reason']) {",
  '  const value = response.headers.get(name)',
  '  if (value !== null) {',
  '    console.log(`${name}: ${value}`)',
  '  }',
  '}',
  'console.log(await response.text())',
  '',
].join('\n')

const NODE_FETCH_BINARY_RAW = [
  '// Node.js 18 or later. Save as send.mjs and run: node send.mjs',
  "const channelUri = 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb'",
  "const body = Buffer.from('/wAlJ1wKQQ==', 'base64')",
  '',
  'const response = await fetch(channelUri, {',
  "  method: 'POST',",
  '  headers: [',
  "    ['X-NotificationClass', '3'],",
  '  ],',
  '  body,',
  '})',
  '',
  'console.log(`HTTP ${response.status} ${response.statusText}`)',
  "for (const name of ['X-NotificationStatus', 'X-DeviceConnectionStatus', 'X-SubscriptionStatus', 'X-MessageID', 'X-Emulator-Reason']) {",
  '  const value = response.headers.get(name)',
  '  if (value !== null) {',
  '    console.log(`${name}: ${value}`)',
  '  }',
  '}',
  'console.log(await response.text())',
  '',
].join('\n')

describe('createNodeFetchSnippet', () => {
  it.each([
    ['a toast', TOAST_REQUEST, NODE_FETCH_TOAST],
    ['a tile with non-ASCII text and quotes', TILE_REQUEST, NODE_FETCH_TILE],
    ['a raw body', RAW_REQUEST, NODE_FETCH_RAW],
    ['a binary raw body', BINARY_RAW_REQUEST, NODE_FETCH_BINARY_RAW],
  ])('writes %s', (_name, request, expected) => {
    expect(createNodeFetchSnippet(toSnippetRequest(request))).toBe(expected)
  })
})
