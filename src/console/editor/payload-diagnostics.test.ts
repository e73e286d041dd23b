import { describe, expect, it } from 'vitest'

import { DEFAULT_ENGINE_SETTINGS } from '@/mpns/engine'
import { AUTHENTICATED_MAX_BODY_BYTES } from '@/mpns/request'
import { PAYLOAD_TEMPLATES } from '@/mpns/templates'
import type { EngineSettings, NotificationType } from '@/mpns/types'

import { diagnosePayload } from './payload-diagnostics'
import type { PayloadDiagnostic } from './payload-diagnostics'
import { findOffsetPastLimit, measurePayload } from './payload-size'

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
