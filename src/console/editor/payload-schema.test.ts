import { describe, expect, it } from 'vitest'

import { createPayloadSchema, readTileTemplate } from './payload-schema'

describe('readTileTemplate', () => {
  it.each([
    ['no Tile element', '<wp:Notification xmlns:wp="WPNotification">', undefined],
    ['a Tile without Template', '<wp:Tile Id="/a.xaml">', 'Legacy'],
    ['FlipTile', '<wp:Tile Template="FlipTile">', 'FlipTile'],
    ['IconicTile in single quotes', "<wp:Tile Id='/b' Template='IconicTile'>", 'IconicTile'],
    ['CycleTile in the default namespace', '<Tile Template="CycleTile">', 'CycleTile'],
    ['an unknown template', '<wp:Tile Template="FlipTileX">', undefined],
    ['a TileX element only', '<wp:TileX Template="FlipTile">', undefined],
  ])('reads %s', (_name, text, template) => {
    expect(readTileTemplate(text)).toBe(template)
  })
})

describe('createPayloadSchema', () => {
  it.each([
    ['FlipTile', ['xmlns:wp', 'Version']],
    ['Legacy', ['xmlns:wp']],
    [undefined, ['xmlns:wp', 'Version']],
  ] as const)('offers root attributes for %s tiles', (template, attributes) => {
    const root = createPayloadSchema('tile', template).elements.get('Notification')

    expect(root?.attributes.map((attribute) => attribute.name)).toEqual(attributes)
  })

  it('offers every tile element for an unknown template', () => {
    const tile = createPayloadSchema('tile', undefined).elements.get('Tile')

    expect(tile?.children).toContain('CycleImage9')
    expect(tile?.children).toContain('BackgroundColor')
    expect(tile?.children).toContain('WideBackContent')
  })

  it('offers Action="Clear" on tile elements only', () => {
    const tile = createPayloadSchema('tile', 'IconicTile')
    const toast = createPayloadSchema('toast', undefined)

    expect(tile.elements.get('Count')?.attributes.map((attribute) => attribute.name)).toEqual([
      'Action',
    ])
    expect(toast.elements.get('Text1')?.attributes).toEqual([])
  })
})
