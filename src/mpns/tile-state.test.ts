import { describe, expect, it } from 'vitest'

import { parseTilePayload } from './payload/tile'
import { parseXmlDocument } from './payload/xml'
import {
  isTemplateCompatible,
  mergeTileState,
  parseTileColor,
  toCountNumber,
  toDisplayedCount,
} from './tile-state'
import type { TileColor, TileState } from './tile-state'
import type { TilePayload, TileTemplate } from './types'
import type { SenderWarning, SenderWarningCode } from './warnings'

const FLIP: TileState = {
  template: 'FlipTile',
  fields: { Title: 'Oslo', Count: '3' },
}
const LEGACY: TileState = { template: 'Legacy', fields: { Title: 'Oslo' } }
const ICONIC: TileState = { template: 'IconicTile', fields: { Count: '5' } }

function update(template: TileTemplate, fields: TilePayload['fields']): TilePayload {
  return { template, fields }
}

/** Parses a legacy tile body from its inner elements, returning the update and warning codes. */
function parseLegacyTile(inner: string): { tile: TilePayload; codes: SenderWarningCode[] } {
  const xml = `<wp:Notification xmlns:wp="WPNotification"><wp:Tile>${inner}</wp:Tile></wp:Notification>`
  const warnings: SenderWarning[] = []
  const tile = parseTilePayload(parseXmlDocument(new TextEncoder().encode(xml)), warnings)
  return { tile, codes: warnings.map(({ code }) => code) }
}

const SHOWN: TileState = {
  template: 'Legacy',
  fields: { Title: 'Oslo', Count: '3', BackContent: 'Snow' },
}

describe('mergeTileState', () => {
  it.each<[string, TileState, TilePayload, TileState]>([
    ['keeps omitted fields', FLIP, update('FlipTile', {}), FLIP],
    [
      'sets a field',
      FLIP,
      update('FlipTile', { BackTitle: { action: 'set', value: 'Back' } }),
      {
        template: 'FlipTile',
        fields: { Title: 'Oslo', Count: '3', BackTitle: 'Back' },
      },
    ],
    [
      'replaces a field',
      FLIP,
      update('FlipTile', { Title: { action: 'set', value: 'Bergen' } }),
      { template: 'FlipTile', fields: { Title: 'Bergen', Count: '3' } },
    ],
    [
      'clears a field',
      FLIP,
      update('FlipTile', { Count: { action: 'clear' } }),
      { template: 'FlipTile', fields: { Title: 'Oslo' } },
    ],
    [
      'clears a field that is not set',
      FLIP,
      update('FlipTile', { BackContent: { action: 'clear' } }),
      FLIP,
    ],
    [
      'keeps the count for a non-number',
      FLIP,
      update('FlipTile', { Count: { action: 'set', value: 'many' } }),
      FLIP,
    ],
    [
      'sets a fractional count',
      FLIP,
      update('FlipTile', { Count: { action: 'set', value: '4.7' } }),
      { template: 'FlipTile', fields: { Title: 'Oslo', Count: '4.7' } },
    ],
    [
      'merges a legacy update into a flip tile',
      FLIP,
      update('Legacy', { Title: { action: 'set', value: 'Legacy' } }),
      { template: 'FlipTile', fields: { Title: 'Legacy', Count: '3' } },
    ],
    [
      'ignores a flip update to a legacy tile',
      LEGACY,
      update('FlipTile', { Title: { action: 'set', value: 'X' } }),
      LEGACY,
    ],
    [
      'ignores an iconic update to a flip tile',
      FLIP,
      update('IconicTile', { Count: { action: 'set', value: '9' } }),
      FLIP,
    ],
    [
      'ignores a cycle update to an iconic tile',
      ICONIC,
      update('CycleTile', { Count: { action: 'clear' } }),
      ICONIC,
    ],
  ])('%s', (_name, current, tileUpdate, expected) => {
    expect(mergeTileState(current, tileUpdate)).toEqual(expected)
  })

  it('leaves the current state unchanged', () => {
    const current: TileState = {
      template: 'FlipTile',
      fields: { Title: 'Oslo' },
    }
    mergeTileState(current, update('FlipTile', { Title: { action: 'clear' } }))

    expect(current.fields).toEqual({ Title: 'Oslo' })
  })
})

describe('mergeTileState with parsed payloads', () => {
  it.each<[string, string, TileState['fields'], SenderWarningCode[]]>([
    [
      'an omitted field keeps its value',
      '<wp:Title>Bergen</wp:Title>',
      { Title: 'Bergen', Count: '3', BackContent: 'Snow' },
      [],
    ],
    [
      'Action="Clear" resets a field',
      '<wp:BackContent Action="Clear"/>',
      { Title: 'Oslo', Count: '3' },
      [],
    ],
    [
      'Action="Clear" wins over content',
      '<wp:Title Action="Clear">Bergen</wp:Title>',
      { Count: '3', BackContent: 'Snow' },
      ['CLEAR_WITH_VALUE'],
    ],
    [
      'an empty element keeps the previous value',
      '<wp:Title></wp:Title><wp:BackContent/>',
      SHOWN.fields,
      ['EMPTY_ELEMENT', 'EMPTY_ELEMENT'],
    ],
    [
      'a Count that is not a number keeps the previous count',
      '<wp:Count>lots</wp:Count>',
      SHOWN.fields,
      ['COUNT_NOT_NUMBER'],
    ],
    [
      'a Count above 99 is stored as sent',
      '<wp:Count>250</wp:Count>',
      { ...SHOWN.fields, Count: '250' },
      ['COUNT_OUT_OF_RANGE'],
    ],
    [
      'a fractional Count is stored as sent',
      '<wp:Count>7.9</wp:Count>',
      { ...SHOWN.fields, Count: '7.9' },
      ['COUNT_OUT_OF_RANGE'],
    ],
    [
      'Count 0 is stored and hides the badge',
      '<wp:Count>0</wp:Count>',
      { ...SHOWN.fields, Count: '0' },
      [],
    ],
  ])('%s', (_name, inner, expectedFields, expectedCodes) => {
    const { tile, codes } = parseLegacyTile(inner)

    expect(mergeTileState(SHOWN, tile).fields).toEqual(expectedFields)
    expect(codes).toEqual(expectedCodes)
  })

  it.each<[string, number | undefined]>([
    ['<wp:Count>1</wp:Count>', 1],
    ['<wp:Count>99</wp:Count>', 99],
    ['<wp:Count>0</wp:Count>', undefined],
    ['<wp:Count>250</wp:Count>', 99],
    ['<wp:Count>7.9</wp:Count>', 7],
    ['<wp:Count>lots</wp:Count>', 3],
    ['<wp:Count Action="Clear"/>', undefined],
    ['<wp:Title>Bergen</wp:Title>', 3],
  ])('shows the badge after %s as %j', (inner, expected) => {
    const merged = mergeTileState(SHOWN, parseLegacyTile(inner).tile)

    expect(toDisplayedCount(merged.fields.Count)).toBe(expected)
  })
})

describe('isTemplateCompatible', () => {
  it.each<[TileTemplate, TileTemplate, boolean]>([
    ['FlipTile', 'FlipTile', true],
    ['FlipTile', 'Legacy', true],
    ['Legacy', 'Legacy', true],
    ['Legacy', 'FlipTile', false],
    ['IconicTile', 'IconicTile', true],
    ['IconicTile', 'Legacy', false],
    ['CycleTile', 'FlipTile', false],
  ])('tile %s, update %s: %s', (tileTemplate, updateTemplate, expected) => {
    expect(isTemplateCompatible(tileTemplate, updateTemplate)).toBe(expected)
  })
})

describe('toDisplayedCount', () => {
  it.each<[string | undefined, number | undefined]>([
    [undefined, undefined],
    ['', undefined],
    ['0', undefined],
    ['0.9', undefined],
    ['-3', undefined],
    ['1', 1],
    [' 7 ', 7],
    ['4.7', 4],
    ['99', 99],
    ['100', 99],
    ['12345', 99],
    ['abc', undefined],
    ['3abc', undefined],
    ['0x10', undefined],
    ['1e3', undefined],
    ['NaN', undefined],
    ['Infinity', undefined],
    ['9'.repeat(400), 99],
    [`-${'9'.repeat(400)}`, undefined],
  ])('shows %j as %j', (value, expected) => {
    expect(toDisplayedCount(value)).toBe(expected)
  })
})

describe('toCountNumber', () => {
  it.each<[string, number | undefined]>([
    ['3', 3],
    [' +4 ', 4],
    ['-2', -2],
    ['.5', 0.5],
    ['5.', 5],
    ['9'.repeat(400), Infinity],
    ['', undefined],
    ['1e3', undefined],
    ['1,5', undefined],
    ['٣', undefined],
  ])('reads %j as %j', (value, expected) => {
    expect(toCountNumber(value)).toBe(expected)
  })
})

describe('parseTileColor', () => {
  it.each<[string, TileColor | undefined]>([
    ['#FF1BA1E2', { alpha: 255, rgb: '#1BA1E2' }],
    ['#801ba1e2', { alpha: 128, rgb: '#1BA1E2' }],
    ['#00000000', { alpha: 0, rgb: '#000000' }],
    ['#1ba1e2', { alpha: 255, rgb: '#1BA1E2' }],
    ['  #FF008A00\n', { alpha: 255, rgb: '#008A00' }],
    ['#FFF', undefined],
    ['#FF1BA1E', undefined],
    ['#FF1BA1E2FF', undefined],
    ['FF1BA1E2', undefined],
    ['#GG1BA1E2', undefined],
    ['color', undefined],
    ['', undefined],
  ])('reads %j', (value, expected) => {
    expect(parseTileColor(value)).toEqual(expected)
  })
})
