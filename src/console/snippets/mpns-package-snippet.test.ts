import { describe, expect, it } from 'vitest'

import type { NotificationType } from '@/mpns/types'
import { buildConsoleRequest } from '@/store/console-request'
import {
  BINARY_RAW_REQUEST,
  RAW_REQUEST,
  SNIPPET_CHANNEL_URI,
  TILE_REQUEST,
  TOAST_REQUEST,
} from '@/test/snippet-requests'

import { createMpnsPackageSnippet } from './mpns-package-snippet'
import { toSnippetRequest } from './snippet-request'

const MPNS_TOAST = [
  '// Node.js with the mpns package 2.1.3 (npm install mpns@2.1.3).',
  '// Save as send.cjs and run: node send.cjs',
  "const mpns = require('mpns')",
  '',
  "const channelUri = 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb'",
  'mpns.sendToast(',
  '  channelUri,',
  '  {',
  "    text1: 'Contoso',",
  "    text2: 'Hello',",
  "    param: '/MainPage.xaml?a=1&b=2',",
  '  },',
  '  printOutcome,',
  ')',
  '',
  '// The package passes its result as the error for 400, 401, 403, 404, 405, 406, 412 and 503.',
  'function printOutcome(error, result) {',
  '  const outcome = error ?? result',
  '  if (outcome.statusCode === undefined) {',
  "    console.error('The request failed before any response:', outcome.innerError)",
  '    process.exitCode = 1',
  '    return',
  '  }',
  '  console.log(`HTTP ${outcome.statusCode}`)',
  '  const headers = [',
  "    ['X-NotificationStatus', outcome.notificationStatus],",
  "    ['X-DeviceConnectionStatus', outcome.deviceConnectionStatus],",
  "    ['X-SubscriptionStatus', outcome.subscriptionStatus],",
  '  ]',
  '  for (const [name, value] of headers) {',
  '    if (value !== undefined) {',
  '      console.log(`${name}: ${value}`)',
  '    }',
  '  }',
  '  // The package reads no other response header and discards the body, so X-MessageID and',
  '  // X-Emulator-Reason cannot be printed. Copy as Node fetch prints them.',
  '  if (outcome.innerError !== undefined) {',
  '    console.log(`The package reports: ${outcome.innerError}`)',
  '  }',
  '  if (outcome.shouldDeleteChannel) {',
  "    console.log('The package advises deleting the channel.')",
  '  }',
  '  if (outcome.minutesToDelay !== undefined) {',
  '    console.log(`The package advises waiting ${outcome.minutesToDelay} minutes before a retry.`)',
  '  }',
  '}',
  '',
].join('\n')

const MPNS_TILE = [
  '// Node.js with the mpns package 2.1.3 (npm install mpns@2.1.3).',
  '// Save as send.cjs and run: node send.cjs',
  '// The package writes no Version="2.0" on <wp:Notification>.',
  '// The package always sends X-NotificationClass: 1, not 11.',
  '// The package cannot send X-MessageID, so 1b4e28ba-2fa1-11d2-883f-0016d3cca427 is not sent.',
  "const mpns = require('mpns')",
  '',
  "const channelUri = 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb'",
  'mpns.sendFlipTile(',
  '  channelUri,',
  '  {',
  "    title: 'Tromsø',",
  "    count: '7',",
  "    backContent: 'Don\\'t \"panic\": it’s −4 °C, $5 `now`',",
  '    backTitle: null,',
  '  },',
  '  printOutcome,',
  ')',
  '',
  '// The package passes its result as the error for 400, 401, 403, 404, 405, 406, 412 and 503.',
  'function printOutcome(error, result) {',
  '  const outcome = error ?? result',
  '  if (outcome.statusCode === undefined) {',
  "    console.error('The request failed before any response:', outcome.innerError)",
  '    process.exitCode = 1',
  '    return',
  '  }',
  '  console.log(`HTTP ${outcome.statusCode}`)',
  '  const headers = [',
  "    ['X-NotificationStatus', outcome.notificationStatus],",
  "    ['X-DeviceConnectionStatus', outcome.deviceConnectionStatus],",
  "    ['X-SubscriptionStatus', outcome.subscriptionStatus],",
  '  ]',
  '  for (const [name, value] of headers) {',
  '    if (value !== undefined) {',
  '      console.log(`${name}: ${value}`)',
  '    }',
  '  }',
  '  // The package reads no other response header and discards the body, so X-MessageID and',
  '  // X-Emulator-Reason cannot be printed. Copy as Node fetch prints them.',
  '  if (outcome.innerError !== undefined) {',
  '    console.log(`The package reports: ${outcome.innerError}`)',
  '  }',
  '  if (outcome.shouldDeleteChannel) {',
  "    console.log('The package advises deleting the channel.')",
  '  }',
  '  if (outcome.minutesToDelay !== undefined) {',
  '    console.log(`The package advises waiting ${outcome.minutesToDelay} minutes before a retry.`)',
  '  }',
  '}',
  '',
].join('\n')

const MPNS_RAW = [
  '// Node.js with the mpns package 2.1.3 (npm install mpns@2.1.3).',
  '// Save as send.cjs and run: node send.cjs',
  '// The package sends raw notifications with Content-Type: text/xml.',
  '// The package always sends X-NotificationClass: 3, where this request sends none.',
  "const mpns = require('mpns')",
  '',
  "const channelUri = 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb'",
  'const payload = [',
  "  'city=Tromsø\\r',",
  "  'temperature=-4',",
  "  '',",
  "].join('\\n')",
  'mpns.sendRaw(',
  '  channelUri,',
  '  {',
  '    payload,',
  '  },',
  '  printOutcome,',
  ')',
  '',
  '// The package passes its result as the error for 400, 401, 403, 404, 405, 406, 412 and 503.',
  'function printOutcome(error, result) {',
  '  const outcome = error ?? result',
  '  if (outcome.statusCode === undefined) {',
  "    console.error('The request failed before any response:', outcome.innerError)",
  '    process.exitCode = 1',
  '    return',
  '  }',
  '  console.log(`HTTP ${outcome.statusCode}`)',
  '  const headers = [',
  "    ['X-NotificationStatus', outcome.notificationStatus],",
  "    ['X-DeviceConnectionStatus', outcome.deviceConnectionStatus],",
  "    ['X-SubscriptionStatus', outcome.subscriptionStatus],",
  '  ]',
  '  for (const [name, value] of headers) {',
  '    if (value !== undefined) {',
  '      console.log(`${name}: ${value}`)',
  '    }',
  '  }',
  '  // The package reads no other response header and discards the body, so X-MessageID and',
  '  // X-Emulator-Reason cannot be printed. Copy as Node fetch prints them.',
  '  if (outcome.innerError !== undefined) {',
  '    console.log(`The package reports: ${outcome.innerError}`)',
  '  }',
  '  if (outcome.shouldDeleteChannel) {',
  "    console.log('The package advises deleting the channel.')",
  '  }',
  '  if (outcome.minutesToDelay !== undefined) {',
  '    console.log(`The package advises waiting ${outcome.minutesToDelay} minutes before a retry.`)',
  '  }',
  '}',
  '',
].join('\n')

const MPNS_BINARY_RAW = [
  '// Node.js with the mpns package 2.1.3 (npm install mpns@2.1.3).',
  '// Save as send.cjs and run: node send.cjs',
  '// The package sends raw notifications with Content-Type: text/xml.',
  "const mpns = require('mpns')",
  '',
  "const channelUri = 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb'",
  "const payload = Buffer.from('/wAlJ1wKQQ==', 'base64')",
  'mpns.sendRaw(',
  '  channelUri,',
  '  {',
  '    payload,',
  '  },',
  '  printOutcome,',
  ')',
  '',
  '// The package passes its result as the error for 400, 401, 403, 404, 405, 406, 412 and 503.',
  'function printOutcome(error, result) {',
  '  const outcome = error ?? result',
  '  if (outcome.statusCode === undefined) {',
  "    console.error('The request failed before any response:', outcome.innerError)",
  '    process.exitCode = 1',
  '    return',
  '  }',
  '  console.log(`HTTP ${outcome.statusCode}`)',
  '  const headers = [',
  "    ['X-NotificationStatus', outcome.notificationStatus],",
  "    ['X-DeviceConnectionStatus', outcome.deviceConnectionStatus],",
  "    ['X-SubscriptionStatus', outcome.subscriptionStatus],",
  '  ]',
  '  for (const [name, value] of headers) {',
  '    if (value !== undefined) {',
  '      console.log(`${name}: ${value}`)',
  '    }',
  '  }',
  '  // The package reads no other response header and discards the body, so X-MessageID and',
  '  // X-Emulator-Reason cannot be printed. Copy as Node fetch prints them.',
  '  if (outcome.innerError !== undefined) {',
  '    console.log(`The package reports: ${outcome.innerError}`)',
  '  }',
  '  if (outcome.shouldDeleteChannel) {',
  "    console.log('The package advises deleting the channel.')",
  '  }',
  '  if (outcome.minutesToDelay !== undefined) {',
  '    console.log(`The package advises waiting ${outcome.minutesToDelay} minutes before a retry.`)',
  '  }',
  '}',
  '',
].join('\n')

describe('createMpnsPackageSnippet', () => {
  it.each([
    ['a toast', TOAST_REQUEST, MPNS_TOAST],
    ['a tile with non-ASCII text and quotes', TILE_REQUEST, MPNS_TILE],
    ['a raw body', RAW_REQUEST, MPNS_RAW],
    ['a binary raw body', BINARY_RAW_REQUEST, MPNS_BINARY_RAW],
  ])('writes %s', (_name, request, expected) => {
    expect(createMpnsPackageSnippet(toSnippetRequest(request))).toBe(expected)
  })

  it.each([
    [
      'a cycle tile',
      'tile',
      '<wp:Notification xmlns:wp="WPNotification" Version="2.0"><wp:Tile Template="CycleTile"><wp:CycleImage1>/1.jpg</wp:CycleImage1></wp:Tile></wp:Notification>',
      '// The package has no function for CycleTile updates, and the phone ignores an update',
    ],
    [
      'malformed toast XML',
      'toast',
      '<wp:Notification xmlns:wp="WPNotification"><wp:Toast>',
      '// Copy as Node fetch sends the payload as written.',
    ],
    ['an empty raw body', 'raw', '', '// The package cannot send an empty raw notification'],
  ])('writes only comments for %s', (_name, type, payload, expectedLine) => {
    const snippet = createSnippet(type as NotificationType, payload)

    expect(snippet).toContain(expectedLine)
    expect(snippet.split('\n').filter((line) => line !== '' && !line.startsWith('//'))).toEqual([])
  })

  it('names the toast sound it cannot send', () => {
    const snippet = createSnippet(
      'toast',
      '<wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Sound Silent="true"/></wp:Toast></wp:Notification>',
    )

    expect(snippet).toContain(
      '// The package cannot send <wp:Sound>, so the toast goes without it.',
    )
    expect(snippet).toContain(
      '// The payload has no Text1, and the package leaves out the empty text1 it requires.',
    )
    expect(snippet).toContain("    text1: '',")
  })

  it('maps an iconic tile with an Id to sendIconicTile', () => {
    const snippet = createSnippet(
      'tile',
      '<wp:Notification xmlns:wp="WPNotification" Version="2.0"><wp:Tile Id="/Inbox.xaml" Template="IconicTile"><wp:WideContent1>Alice</wp:WideContent1></wp:Tile></wp:Notification>',
    )

    expect(snippet).toContain('mpns.sendIconicTile(')
    expect(snippet).toContain("    wideContent1: 'Alice',\n    id: '/Inbox.xaml',\n")
  })

  it('maps a legacy tile to sendTile', () => {
    const snippet = createSnippet(
      'tile',
      '<wp:Notification xmlns:wp="WPNotification"><wp:Tile><wp:Count>0</wp:Count></wp:Tile></wp:Notification>',
    )

    expect(snippet).toContain("mpns.sendTile(\n  channelUri,\n  {\n    count: '0',\n  },")
    expect(snippet).not.toContain('Version="2.0"')
  })
})

function createSnippet(notificationType: NotificationType, payload: string): string {
  const request = buildConsoleRequest(
    { notificationType, notificationClass: '', messageId: '', payload },
    SNIPPET_CHANNEL_URI,
  )
  return createMpnsPackageSnippet(toSnippetRequest(request))
}
