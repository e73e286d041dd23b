import { describe, expect, it } from 'vitest'

import { DEFAULT_ENGINE_SETTINGS } from '@/mpns/engine'
import { AUTHENTICATED_MAX_BODY_BYTES } from '@/mpns/request'
import { PAYLOAD_TEMPLATES } from '@/mpns/templates'
import type { EngineSettings, NotificationType } from '@/mpns/types'

import { diagnosePayload } from './payload-diagnostics'
import type { PayloadDiagnostic } from './payload-diagnostics'
import { findBase64OffsetPastLimit, findOffsetPastLimit, measurePayload } from './payload-size'

const TOAST = PAYLOAD_TEMPLATES.toast
const TILE = PAYLOAD_TEMPLATES.tile

function diagnose(
  text: string,
  type: NotificationType,
  settings: Partial<EngineSettings> = {},
): PayloadDiagnostic[] {
  return diagnosePayload({
    text,
    type,
    settings: { ...DEFAULT_ENGINE_SETTINGS, ...settings },
    authenticated: false,
  })
}

function diagnoseBase64(text: string, settings: Partial<EngineSettings> = {}): PayloadDiagnostic[] {
  return diagnosePayload({
    text,
    type: 'raw',
    settings: { ...DEFAULT_ENGINE_SETTINGS, ...settings },
    authenticated: false,
    rawEncoding: 'base64',
  })
}

/** Reduces a diagnostic to its severity, position and the marked text. */
function summarize(text: string, diagnostic: PayloadDiagnostic): string {
  const marked = text.slice(diagnostic.from, diagnostic.to)
  return `${diagnostic.severity} ${diagnostic.line}:${diagnostic.column} ${marked}`
}

describe('diagnosePayload', () => {
  it.each([
    ['toast starter', TOAST, 'toast' as const],
    ['tile starter', TILE, 'tile' as const],
    ['raw text that is not XML', '{"a": <b>', 'raw' as const],
  ])('finds nothing in a %s', (_name, text, type) => {
    expect(diagnose(text, type)).toEqual([])
  })

  it.each([
    [
      'a mismatched end tag',
      TOAST.replace('</wp:Text1>', '</wp:Text2>'),
      'toast' as const,
      'error 4:22 </wp:Text2>',
      /^Malformed XML payload at line 4, column 22: expected <\/wp:Text1>/,
    ],
    [
      'an unescaped "<"',
      TOAST.replace('Contoso', 'a < b'),
      'toast' as const,
      'error 4:18  ',
      /^Malformed XML payload at line 4, column 18: a space follows "<"/,
    ],
    [
      'an unclosed root',
      TOAST.replace('</wp:Notification>', ''),
      'toast' as const,
      'error 2:1 <wp:Notification xmlns:wp="WPNotification">',
      /is never closed/,
    ],
    [
      'an element in no namespace',
      '<foo/>',
      'toast' as const,
      'error 1:1 <foo/>',
      /^Invalid element <foo> at line 1: it is in no namespace/,
    ],
    [
      'a WNS payload',
      '<toast><visual/></toast>',
      'toast' as const,
      'error 1:1 <toast>',
      /^Invalid payload root <toast>: this is the Windows Notification Service/,
    ],
    [
      'a tile sent as a toast',
      TILE,
      'toast' as const,
      'error 2:1 <wp:Notification xmlns:wp="WPNotification" Version="2.0">',
      /^Mismatched payload/,
    ],
    [
      'an empty body',
      '',
      'tile' as const,
      'error 1:1 ',
      /^Missing payload: the tile request has an empty body/,
    ],
    [
      'an unknown toast element',
      TOAST.replace('<wp:Param>', '<wp:Foo>x</wp:Foo><wp:Param>'),
      'toast' as const,
      'warning 6:5 <wp:Foo>',
      /^Element <wp:Foo> at line 6 is not part of a toast/,
    ],
    [
      'an unknown attribute',
      TOAST.replace('<wp:Toast>', '<wp:Toast Foo="1">'),
      'toast' as const,
      'warning 3:3 <wp:Toast Foo="1">',
      /^Attribute Foo="1" on <wp:Toast> at line 3/,
    ],
    [
      'a toast without text',
      TOAST.replace(/<wp:Text[12]>[^<]*<\/wp:Text[12]>/g, ''),
      'toast' as const,
      'warning 3:3 <wp:Toast>',
      /^The toast has neither Text1 nor Text2/,
    ],
    [
      'a Param without "/" or "?"',
      TOAST.replace('/MainPage.xaml?source=console', 'MainPage'),
      'toast' as const,
      'warning 6:5 <wp:Param>',
      /^Param "MainPage" starts with neither/,
    ],
    [
      'a Count that is not a number',
      TILE.replace('<wp:Count>3', '<wp:Count>many'),
      'tile' as const,
      'warning 5:5 <wp:Count>',
      /^Count "many" is not a number/,
    ],
    [
      'a template without Version',
      TILE.replace(' Version="2.0"', ''),
      'tile' as const,
      'warning 2:1 <wp:Notification xmlns:wp="WPNotification">',
      /^Template "FlipTile" is sent without Version="2.0"/,
    ],
    [
      'a CycleTile element in a FlipTile',
      TILE.replace('<wp:Title>', '<wp:CycleImage1>/a.png</wp:CycleImage1><wp:Title>'),
      'tile' as const,
      'warning 4:5 <wp:CycleImage1>',
      /does not belong to the FlipTile template/,
    ],
    [
      'Action="Clear" with a value',
      TILE.replace('<wp:Title>', '<wp:Title Action="Clear">'),
      'tile' as const,
      'warning 4:5 <wp:Title Action="Clear">',
      /has Action="Clear" and a value/,
    ],
  ])('reports %s', (_name, text, type, summary, message) => {
    const diagnostics = diagnose(text, type)

    expect(diagnostics.map((diagnostic) => summarize(text, diagnostic))).toEqual([summary])
    expect(diagnostics[0]?.message).toMatch(message)
  })

  it('turns warnings into errors in strict mode', () => {
    const text = TOAST.replace('<wp:Param>', '<wp:Foo>x</wp:Foo><wp:Param>')
    const [diagnostic] = diagnose(text, 'toast', { strictMode: true })

    expect(diagnostic?.severity).toBe('error')
    expect(diagnostic?.message).toMatch(/^Strict mode rejects this: Element <wp:Foo> at line 6/)
  })

  it('keeps exempt warnings as warnings in strict mode', () => {
    const text = TILE.replace(' Version="2.0"', '')

    expect(diagnose(text, 'tile', { strictMode: true })[0]?.severity).toBe('warning')
  })

  it.each([
    ['raw', 'raw' as const, 'maxRawBodyBytes' as const],
    ['toast', 'toast' as const, 'maxXmlBodyBytes' as const],
  ])('marks a %s body past its limit', (_name, type, setting) => {
    const text = type === 'raw' ? 'x'.repeat(30) : TOAST
    const limit = 20
    const diagnostics = diagnose(text, type, { [setting]: limit })
    const size = diagnostics[0]

    expect(size?.severity).toBe('error')
    expect(size?.from).toBe(limit)
    expect(size?.to).toBe(text.length)
    expect(size?.message).toBe(
      `Payload too large: the ${type} body is ${text.length} bytes, over the limit of ${limit} bytes. Shorten the payload to ${limit} bytes or fewer.`,
    )
  })

  it.each([
    ['a character outside the alphabet', 'AAEC\n/w!=', 'error 2:3 !', '"!" at position 8'],
    ['a digit after the padding', 'AA==AA', 'error 1:5 A', '"A" at position 5'],
    ['an astral character', 'AA😀', 'error 1:3 😀', '"😀" at position 3'],
    ['a digit too many', 'AAECA', 'error 1:5 A', '5 characters cannot encode whole bytes'],
  ])('marks invalid Base64 at %s', (_name, text, summary, message) => {
    const diagnostics = diagnoseBase64(text)

    expect(diagnostics.map((diagnostic) => summarize(text, diagnostic))).toEqual([summary])
    expect(diagnostics[0]?.message).toContain(`Invalid Base64 body: ${message}`)
  })

  it('accepts valid Base64 with whitespace', () => {
    expect(diagnoseBase64('iVBO\r\nRw0K GgoA\n')).toEqual([])
  })

  it('accepts any text with the Text encoding', () => {
    expect(diagnose('not base64!', 'raw')).toEqual([])
  })

  it('measures Base64 by its decoded bytes', () => {
    // 12 bytes are 16 Base64 digits, within the limit of 12 although longer than it.
    expect(diagnoseBase64('A'.repeat(16), { maxRawBodyBytes: 12 })).toEqual([])

    const text = 'AAAA\nAAAA\nAAAA\nAAAA'
    const [size] = diagnoseBase64(text, { maxRawBodyBytes: 7 })
    // The 8th byte starts at bit 56, in the 10th digit, which is the second of the third line.
    expect(size?.severity).toBe('error')
    expect(size?.from).toBe(11)
    expect(size?.to).toBe(text.length)
    expect(size?.message).toBe(
      'Payload too large: the raw body decodes to 12 bytes, over the limit of 7 bytes. Shorten the payload to Base64 of 7 bytes or fewer.',
    )
  })

  it('keeps checking the XML of a body past its limit', () => {
    const text = TOAST.replace('</wp:Text1>', '</wp:Text2>')

    expect(diagnose(text, 'toast', { maxXmlBodyBytes: 10 })).toHaveLength(2)
  })
})

describe('measurePayload', () => {
  it.each([
    ['ASCII', 'abc', 3],
    ['two-byte letters', 'ø°', 4],
    ['a three-byte character', '€', 3],
    ['an astral character', '😀', 4],
  ])('counts UTF-8 bytes of %s', (_name, text, bytes) => {
    const size = measurePayload(text, {
      type: 'raw',
      settings: DEFAULT_ENGINE_SETTINGS,
      authenticated: false,
    })

    expect(size.bytes).toBe(bytes)
  })

  it.each([
    ['toast', 'toast' as const, false, DEFAULT_ENGINE_SETTINGS.maxXmlBodyBytes],
    ['raw', 'raw' as const, false, DEFAULT_ENGINE_SETTINGS.maxRawBodyBytes],
    ['authenticated raw', 'raw' as const, true, AUTHENTICATED_MAX_BODY_BYTES],
  ])('applies the %s limit', (_name, type, authenticated, limit) => {
    const size = measurePayload('x', { type, settings: DEFAULT_ENGINE_SETTINGS, authenticated })

    expect(size.limit).toBe(limit)
    expect(size.overLimit).toBe(false)
  })

  it.each([
    ['8 bytes', 'iVBORw0KGgo=', 8],
    ['1,000 bytes', btoa('x'.repeat(1000)), 1000],
    ['no bytes', '', 0],
    ['invalid Base64 as no count', 'AA!', null],
  ])('counts Base64 raw payloads of %s', (_name, text, bytes) => {
    const size = measurePayload(text, {
      type: 'raw',
      settings: DEFAULT_ENGINE_SETTINGS,
      authenticated: false,
      rawEncoding: 'base64',
    })

    expect(size.bytes).toBe(bytes)
    expect(size.overLimit).toBe(false)
  })

  it('counts Base64 text of a toast as UTF-8', () => {
    const size = measurePayload('AAAA', {
      type: 'toast',
      settings: DEFAULT_ENGINE_SETTINGS,
      authenticated: false,
      rawEncoding: 'base64',
    })

    expect(size.bytes).toBe(4)
  })

  it('applies documented limits to authenticated channels when set', () => {
    const settings: EngineSettings = {
      ...DEFAULT_ENGINE_SETTINGS,
      authenticatedLimits: 'documented',
    }

    expect(measurePayload('x', { type: 'tile', settings, authenticated: true }).limit).toBe(
      DEFAULT_ENGINE_SETTINGS.maxXmlBodyBytes,
    )
  })
})

describe('findOffsetPastLimit', () => {
  it.each([
    ['fits', 'abc', 3, 3],
    ['cuts ASCII', 'abcdef', 4, 4],
    ['cuts before a character it splits', 'aø', 2, 1],
    ['counts an astral character as two code units', '😀a', 4, 2],
  ])('%s', (_name, text, limit, offset) => {
    expect(findOffsetPastLimit(text, limit)).toBe(offset)
  })
})

describe('findBase64OffsetPastLimit', () => {
  it.each([
    ['fits', 'AAAA', 3, 4],
    ['cuts at a whole group', 'AAAAAAAA', 3, 4],
    ['cuts inside a group', 'AAAAAAAA', 1, 1],
    ['cuts at no bytes', 'AAAA', 0, 0],
    ['skips whitespace', 'AA\nAA BBBB', 3, 6],
    ['ignores padding', 'AA==', 1, 4],
  ])('%s', (_name, text, limit, offset) => {
    expect(findBase64OffsetPastLimit(text, limit)).toBe(offset)
  })
})
