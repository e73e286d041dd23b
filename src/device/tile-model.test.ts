import { describe, expect, it } from 'vitest'

import type { TileState } from '@/mpns/tile-state'

import {
  hasFlipBack,
  pickFlipDelayMs,
  toIconicBackgroundColor,
  toTileAccessibleName,
  toTileImageUrl,
} from './tile-model'

const ACCENT = '#0050EF'

function flipTile(fields: TileState['fields']): TileState {
  return { template: 'FlipTile', fields }
}

describe('toTileAccessibleName', () => {
  it.each([
    ['title equal to the app name', { Title: 'Contoso Weather' }, 'Contoso Weather'],
    ['no title', {}, 'Contoso Weather'],
    ['cleared title', { Title: '' }, 'Contoso Weather'],
    ['blank title', { Title: '   ' }, 'Contoso Weather'],
    ['other title', { Title: 'Oslo' }, 'Contoso Weather, Oslo'],
    ['title and count', { Title: 'Oslo', Count: '3' }, 'Contoso Weather, Oslo, 3'],
    ['count only', { Title: 'Contoso Weather', Count: '12' }, 'Contoso Weather, 12'],
    ['count 0', { Count: '0' }, 'Contoso Weather'],
    ['count above 99', { Count: '150' }, 'Contoso Weather, 99'],
    ['fractional count', { Count: '2.7' }, 'Contoso Weather, 2'],
    ['count not a number', { Count: 'many' }, 'Contoso Weather'],
  ] satisfies Array<[string, TileState['fields'], string]>)(
    'names a tile with %s',
    (_case, fields, name) => {
      expect(toTileAccessibleName('Contoso Weather', flipTile(fields))).toBe(name)
    },
  )
})

describe('toTileImageUrl', () => {
  it.each([
    ['https://example.com/a.png', 'https://example.com/a.png'],
    [' http://example.com/a.png ', 'http://example.com/a.png'],
    ['/Assets/Tiles/FlipCycleTileMedium.png', undefined],
    ['isostore:/Shared/ShellContent/a.png', undefined],
    ['appdata:/Assets/a.png', undefined],
    [undefined, undefined],
  ])('resolves %j to %j', (uri, url) => {
    expect(toTileImageUrl(uri)).toBe(url)
  })
})

describe('toIconicBackgroundColor', () => {
  it.each([
    ['#FF008A00', '#008A00'],
    ['#ffa4c400', '#A4C400'],
    ['#80008A00', ACCENT],
    ['#00000000', ACCENT],
    ['#008a00', '#008A00'],
    ['red', ACCENT],
    [undefined, ACCENT],
  ])('maps %j to %s', (argb, color) => {
    expect(toIconicBackgroundColor(argb, ACCENT)).toBe(color)
  })
})

describe('hasFlipBack', () => {
  it.each([
    [{ Title: 'Oslo', Count: '3' }, false],
    [{ BackTitle: 'Tomorrow' }, true],
    [{ BackContent: 'Snow' }, true],
    [{ BackBackgroundImage: '/Assets/back.png' }, true],
    [{ BackTitle: ' ' }, false],
  ] satisfies Array<[TileState['fields'], boolean]>)('returns %s for %j', (fields, expected) => {
    expect(hasFlipBack(flipTile(fields))).toBe(expected)
  })
})

describe('pickFlipDelayMs', () => {
  it('stays between 4 and 7 seconds', () => {
    expect(pickFlipDelayMs(() => 0)).toBe(4_000)
    expect(pickFlipDelayMs(() => 0.5)).toBe(5_500)
    expect(pickFlipDelayMs(() => 0.999_999)).toBe(7_000)
  })
})
