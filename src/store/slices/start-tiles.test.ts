import { describe, expect, it } from 'vitest'

import type { AppDefinition, TileSize } from '@/apps/app-model'
import { findApp } from '@/apps/sample-apps'

import {
  createPrimaryStartTile,
  createSecondaryStartTile,
  listSecondaryTileIds,
  moveStartTile,
  nextTileSize,
  pinStartTile,
  resizeStartTile,
  supportsWideTile,
  unpinAppTiles,
  unpinStartTile,
} from './start-tiles'
import type { StartTile } from './start-tiles'

const TILES: readonly StartTile[] = ['a', 'b', 'c', 'd'].map(createPrimaryStartTile)

function keysOf(tiles: readonly StartTile[]): string {
  return tiles.map((tile) => tile.key).join('')
}

describe('nextTileSize', () => {
  it.each([
    ['medium', true, 'small'],
    ['small', true, 'wide'],
    ['wide', true, 'medium'],
    ['medium', false, 'small'],
    ['small', false, 'medium'],
    ['wide', false, 'medium'],
  ] satisfies Array<[TileSize, boolean, TileSize]>)(
    'turns %s into the next size (wide allowed: %s)',
    (size, supportsWide, next) => {
      expect(nextTileSize(size, supportsWide)).toBe(next)
    },
  )
})

describe('moveStartTile', () => {
  it.each([
    ['a later', 'a', 2, 'bcad'],
    ['d to the front', 'd', 0, 'dabc'],
    ['b one later', 'b', 2, 'acbd'],
    ['c one earlier', 'c', 1, 'acbd'],
    ['a past the end, to the end', 'a', 9, 'bcda'],
    ['d before the start, to the front', 'd', -3, 'dabc'],
    ['b to a fractional index', 'b', 2.7, 'acbd'],
  ])('moves %s', (_case, key, toIndex, order) => {
    expect(keysOf(moveStartTile(TILES, key, toIndex))).toBe(order)
  })

  it('returns the same list for an unknown key', () => {
    expect(moveStartTile(TILES, 'x', 0)).toBe(TILES)
  })

  it('returns the same list when the tile stays', () => {
    expect(moveStartTile(TILES, 'b', 1)).toBe(TILES)
  })
})

describe('pinStartTile', () => {
  it('appends a new tile at the end', () => {
    expect(keysOf(pinStartTile(TILES, createPrimaryStartTile('e')))).toBe('abcde')
  })

  it('keeps the list when the key is pinned', () => {
    expect(pinStartTile(TILES, { ...createPrimaryStartTile('b'), size: 'wide' })).toBe(TILES)
  })
})

describe('unpinStartTile', () => {
  it('removes the tile with the key', () => {
    expect(keysOf(unpinStartTile(TILES, 'c'))).toBe('abd')
  })

  it('keeps the list for an unknown key', () => {
    expect(unpinStartTile(TILES, 'x')).toBe(TILES)
  })
})

describe('unpinAppTiles', () => {
  it('removes the primary and secondary tiles of one app', () => {
    const tiles = [
      createPrimaryStartTile('a'),
      createSecondaryStartTile('a', '/Page.xaml?id=1'),
      createPrimaryStartTile('b'),
      createSecondaryStartTile('b', '/Page.xaml?id=1'),
    ]

    expect(unpinAppTiles(tiles, 'a').map((tile) => tile.key)).toEqual(['b', 'b/Page.xaml?id=1'])
  })
})

describe('resizeStartTile', () => {
  it('changes only the tile with the key', () => {
    const resized = resizeStartTile(TILES, 'b', 'wide')

    expect(resized.map((tile) => tile.size)).toEqual(['medium', 'wide', 'medium', 'medium'])
  })

  it('keeps the list when the size is unchanged', () => {
    expect(resizeStartTile(TILES, 'b', 'medium')).toBe(TILES)
  })
})

describe('supportsWideTile', () => {
  const app: AppDefinition = {
    ...(findApp('contoso-weather') as AppDefinition),
    supportsWide: false,
    secondaryTiles: [
      {
        navigationUri: '/Wide.xaml',
        label: 'Pin wide',
        initialTile: { template: 'FlipTile', fields: {} },
        supportsWide: true,
      },
      {
        navigationUri: '/Narrow.xaml',
        label: 'Pin narrow',
        initialTile: { template: 'FlipTile', fields: {} },
        supportsWide: false,
      },
    ],
  }

  it.each([
    ['the primary tile, from the manifest', createPrimaryStartTile(app.id), false],
    ['a secondary tile created wide', createSecondaryStartTile(app.id, '/Wide.xaml'), true],
    ['a secondary tile created narrow', createSecondaryStartTile(app.id, '/Narrow.xaml'), false],
    ['a secondary tile no offer names', createSecondaryStartTile(app.id, '/Other.xaml'), false],
  ])('reads %s', (_case, tile, supportsWide) => {
    expect(supportsWideTile(app, tile)).toBe(supportsWide)
  })
})

describe('listSecondaryTileIds', () => {
  it('lists sorted navigation URIs per app with secondary tiles', () => {
    const tiles = [
      createPrimaryStartTile('a'),
      createSecondaryStartTile('b', '/Page.xaml?id=2'),
      createSecondaryStartTile('a', '/Page.xaml?id=9'),
      createSecondaryStartTile('b', '/Page.xaml?id=1'),
      createPrimaryStartTile('c'),
    ]

    expect(listSecondaryTileIds(tiles)).toEqual({
      a: ['/Page.xaml?id=9'],
      b: ['/Page.xaml?id=1', '/Page.xaml?id=2'],
    })
    expect(Object.keys(listSecondaryTileIds(tiles))).toEqual(['a', 'b'])
  })

  it('lists nothing without secondary tiles', () => {
    expect(listSecondaryTileIds(TILES)).toEqual({})
  })
})
