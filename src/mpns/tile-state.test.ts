import { describe, expect, it } from 'vitest'

import { isTemplateCompatible, mergeTileState, toDisplayedCount } from './tile-state'
import type { TileState } from './tile-state'
import type { TilePayload, TileTemplate } from './types'

const FLIP: TileState = {
  template: 'FlipTile',
  fields: { Title: 'Oslo', Count: '3' },
}
const LEGACY: TileState = { template: 'Legacy', fields: { Title: 'Oslo' } }
const ICONIC: TileState = { template: 'IconicTile', fields: { Count: '5' } }

function update(template: TileTemplate, fields: TilePayload['fields']): TilePayload {
  return { template, fields }
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
  ])('shows %j as %j', (value, expected) => {
    expect(toDisplayedCount(value)).toBe(expected)
  })
})
