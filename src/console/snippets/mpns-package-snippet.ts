import { MpnsError } from '@/mpns/errors'
import { parseTilePayload } from '@/mpns/payload/tile'
import { parseToastPayload } from '@/mpns/payload/toast'
import { parseXmlDocument } from '@/mpns/payload/xml'
import { readHeader } from '@/mpns/request'
import type { NotificationType, TilePayload, ToastPayload } from '@/mpns/types'

import { readBodyBytes, readNotificationType, splitBodyLines } from './snippet-request'
import type { SnippetBody, SnippetRequest } from './snippet-request'
import { quoteSingleQuoted } from './string-literals'

/** A call of one of the package's send functions, or none when it cannot express the request. */
interface PackageCall {
  /** Statements before the call, such as the raw payload's declaration. */
  setup: string[]
  functionName: string
  /** The options object's properties as `key: literal` source text. */
  properties: string[]
}

interface PackageMapping {
  call: PackageCall | null
  /** Differences from the console's request that the package cannot avoid, one comment line each. */
  gaps: string[]
}

/** X-NotificationClass values that mpns 2.1.3 hard-codes: the immediate class of each type. */
const PACKAGE_NOTIFICATION_CLASS: Readonly<Record<NotificationType, string>> = {
  toast: '2',
  tile: '1',
  raw: '3',
}

/** Line breaks that would end a `//` comment early, as engine messages quote payload text. */
const LINE_BREAKS = /[\r\n\u2028\u2029]+/g

const TILE_FUNCTION_BY_TEMPLATE = {
  Legacy: 'sendTile',
  FlipTile: 'sendFlipTile',
  IconicTile: 'sendIconicTile',
} as const

const OUTCOME_PRINTER = [
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
]

/**
 * Writes the request as a Node.js script for the `mpns` npm package (2.1.3): the payload's
 * fields become the options of sendToast, sendTile, sendFlipTile, sendIconicTile or sendRaw.
 * Comment lines name what the package cannot send, such as cycle tiles, toast sounds,
 * X-MessageID and classes other than the immediate one.
 */
export function createMpnsPackageSnippet(request: SnippetRequest): string {
  const type = readNotificationType(request)
  const mapping = mapPayload(type, request.body)
  const gaps = [...mapping.gaps, ...describeHeaderGaps(request, type)]
  const lines = [
    '// Node.js with the mpns package 2.1.3 (npm install mpns@2.1.3).',
    '// Save as send.cjs and run: node send.cjs',
    ...gaps.map((gap) => `// ${gap.replace(LINE_BREAKS, ' ')}`),
  ]
  if (mapping.call === null) {
    return `${lines.join('\n')}\n`
  }

  const { setup, functionName, properties } = mapping.call
  lines.push(
    "const mpns = require('mpns')",
    '',
    `const channelUri = ${quoteSingleQuoted(request.url)}`,
    ...setup,
    `mpns.${functionName}(`,
    '  channelUri,',
    '  {',
    ...properties.map((property) => `    ${property},`),
    '  },',
    '  printOutcome,',
    ')',
    '',
    ...OUTCOME_PRINTER,
    '',
  )
  return lines.join('\n')
}

function mapPayload(type: NotificationType, body: SnippetBody): PackageMapping {
  if (type === 'raw') {
    return mapRawPayload(body)
  }
  try {
    const root = parseXmlDocument(readBodyBytes(body))
    return type === 'toast'
      ? mapToastPayload(parseToastPayload(root, []))
      : mapTilePayload(parseTilePayload(root, []))
  } catch (error) {
    if (!(error instanceof MpnsError)) {
      throw error
    }
    return {
      call: null,
      gaps: [
        `The payload has no ${type} fields to pass to the package: ${error.message}`,
        'Copy as Node fetch sends the payload as written.',
      ],
    }
  }
}

function mapToastPayload(toast: ToastPayload): PackageMapping {
  const gaps: string[] = []
  // sendToast throws unless text1 is a string. An empty one is left out of the XML.
  const properties = [`text1: ${quoteSingleQuoted(toast.text1 ?? '')}`]
  if (toast.text1 === undefined) {
    gaps.push('The payload has no Text1, and the package leaves out the empty text1 it requires.')
  }
  if (toast.text2 !== undefined) {
    properties.push(`text2: ${quoteSingleQuoted(toast.text2)}`)
  }
  if (toast.param !== undefined) {
    properties.push(`param: ${quoteSingleQuoted(toast.param)}`)
  }
  if (toast.sound !== undefined || toast.silent) {
    gaps.push('The package cannot send <wp:Sound>, so the toast goes without it.')
  }
  return { call: { setup: [], functionName: 'sendToast', properties }, gaps }
}

function mapTilePayload(tile: TilePayload): PackageMapping {
  if (tile.template === 'CycleTile') {
    return {
      call: null,
      gaps: [
        'The package has no function for CycleTile updates, and the phone ignores an update',
        'of another template on a Cycle tile. Copy as Node fetch sends this payload.',
      ],
    }
  }

  const gaps: string[] = []
  const properties: string[] = []
  for (const [name, update] of Object.entries(tile.fields)) {
    const key = name.charAt(0).toLowerCase() + name.slice(1)
    if (update.action === 'clear') {
      // The package writes an empty element with Action="Clear" for null.
      properties.push(`${key}: null`)
    } else {
      properties.push(`${key}: ${quoteSingleQuoted(update.value)}`)
    }
  }
  if (tile.id !== undefined) {
    properties.push(`id: ${quoteSingleQuoted(tile.id)}`)
  }
  if (tile.template !== 'Legacy') {
    gaps.push('The package writes no Version="2.0" on <wp:Notification>.')
  }
  if (properties.length === 0) {
    gaps.push('The package throws "At least 1 tile parameter must be set." for this empty tile.')
  }

  const functionName = TILE_FUNCTION_BY_TEMPLATE[tile.template]
  return { call: { setup: [], functionName, properties }, gaps }
}

function mapRawPayload(body: SnippetBody): PackageMapping {
  if (body.encoding === 'text' && body.text === '') {
    return {
      call: null,
      gaps: ['The package cannot send an empty raw notification: sendRaw throws a TypeError.'],
    }
  }
  const setup = formatPayloadDeclaration(body)
  return {
    call: { setup, functionName: 'sendRaw', properties: ['payload'] },
    gaps: ['The package sends raw notifications with Content-Type: text/xml.'],
  }
}

function formatPayloadDeclaration(body: SnippetBody): string[] {
  if (body.encoding === 'base64') {
    // A Buffer goes as the payload option, because sendRaw takes a bare Buffer for options.
    return [`const payload = Buffer.from(${quoteSingleQuoted(body.base64)}, 'base64')`]
  }
  const lines = splitBodyLines(body.text)
  if (lines === null) {
    return [`const payload = ${quoteSingleQuoted(body.text)}`]
  }
  return [
    'const payload = [',
    ...lines.map((line) => `  ${quoteSingleQuoted(line)},`),
    "].join('\\n')",
  ]
}

function describeHeaderGaps(request: SnippetRequest, type: NotificationType): string[] {
  const gaps: string[] = []
  const sentClass = readHeader(request.headers, 'X-NotificationClass')
  const packageClass = PACKAGE_NOTIFICATION_CLASS[type]
  if (sentClass === undefined) {
    gaps.push(
      `The package always sends X-NotificationClass: ${packageClass}, where this request sends none.`,
    )
  } else if (sentClass !== packageClass) {
    gaps.push(`The package always sends X-NotificationClass: ${packageClass}, not ${sentClass}.`)
  }
  const messageId = readHeader(request.headers, 'X-MessageID')
  if (messageId !== undefined) {
    gaps.push(`The package cannot send X-MessageID, so ${messageId} is not sent.`)
  }
  return gaps
}
