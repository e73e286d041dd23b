import { describe, expect, it } from 'vitest'

import type { TileSize } from '@/apps/app-model'
import type { StartTile } from '@/store/slices/start-tiles'

import {
  countStartRows,
  findDropIndex,
  placeStartTiles,
  toStartCell,
  toTileOrigin,
} from './start-layout'
import type { StartCell } from './start-layout'

/** Builds tiles named a, b, c… of the given sizes, in that Start order. */
function tilesOf(sizes: readonly TileSize[]): StartTile[] {
  return sizes.map((size, index) => {
    const key = String.fromCharCode(97 + index)
    return { key, appId: key, size }
  })
}

/** Writes each placed tile as `row,column`, in Start order. */
function placesOf(sizes: readonly TileSize[]): string[] {
  return placeStartTiles(tilesOf(sizes)).map((tile) => `${tile.row},${tile.column}`)
}

describe('placeStartTiles', () => {
  it.each([
    ['no tiles', [], []],
    ['two medium tiles side by side', ['medium', 'medium'], ['0,0', '0,2']],
    ['a medium tile in the next block row', ['medium', 'medium', 'medium'], ['0,0', '0,2', '2,0']],
    ['a wide tile across the row', ['wide', 'medium'], ['0,0', '2,0']],
    [
      'a later medium tile in the hole a wide tile left',
      ['medium', 'wide', 'medium'],
      ['0,0', '2,0', '0,2'],
    ],
    [
      'small tiles filling their block first',
      ['small', 'small', 'small', 'small', 'small'],
      ['0,0', '0,1', '1,0', '1,1', '0,2'],
    ],
    ['a medium tile beside a started block', ['small', 'medium'], ['0,0', '0,2']],
    ['a small tile back in the first block', ['small', 'medium', 'small'], ['0,0', '0,2', '0,1']],
    ['a small tile below a wide one', ['wide', 'small'], ['0,0', '2,0']],
    ['a wide tile below a half-full row', ['small', 'wide', 'small'], ['0,0', '2,0', '0,1']],
    [
      'small tiles beside a medium one',
      ['medium', 'small', 'small', 'medium'],
      ['0,0', '0,2', '0,3', '2,0'],
    ],
  ] satisfies Array<[string, TileSize[], string[]]>)('places %s', (_case, sizes, places) => {
    expect(placesOf(sizes)).toEqual(places)
  })

  it.each([
    ['small', 1, 1],
    ['medium', 2, 2],
    ['wide', 2, 4],
  ] satisfies Array<[TileSize, number, number]>)('spans a %s tile', (size, rows, columns) => {
    const [tile] = placeStartTiles(tilesOf([size]))

    expect(tile?.rowSpan).toBe(rows)
    expect(tile?.columnSpan).toBe(columns)
  })

  it('keeps each tile key and app', () => {
    const tiles: StartTile[] = [
      { key: 'app/Page.xaml', appId: 'app', navigationUri: '/Page.xaml', size: 'small' },
    ]

    expect(placeStartTiles(tiles)).toEqual([
      { ...tiles[0], row: 0, column: 0, rowSpan: 1, columnSpan: 1 },
    ])
  })
})

describe('countStartRows', () => {
  it.each([
    ['no tiles', [], 0],
    ['one small tile', ['small'], 1],
    ['three small tiles', ['small', 'small', 'small'], 2],
    ['a medium and a wide tile', ['medium', 'wide'], 4],
  ] satisfies Array<[string, TileSize[], number]>)('counts %s', (_case, sizes, rows) => {
    expect(countStartRows(placeStartTiles(tilesOf(sizes)))).toBe(rows)
  })
})

describe('toStartCell', () => {
  it.each([
    ['the first cell', 0, 0, '0,0'],
    ['a gutter, as the cell before it', 105, 105, '0,0'],
    ['the second column', 111, 0, '0,1'],
    ['the third row', 50, 230, '2,0'],
    ['right of the grid, as the last column', 1000, 50, '0,3'],
    ['above and left of the grid, as the first cell', -5, -5, '0,0'],
  ])('maps a point in %s', (_case, x, y, cell) => {
    const { row, column } = toStartCell({ x, y })

    expect(`${row},${column}`).toBe(cell)
  })
})

describe('toTileOrigin', () => {
  it('measures from the first cell in 111 px steps', () => {
    expect(toTileOrigin({ row: 2, column: 3 })).toEqual({ x: 333, y: 222 })
  })
})

describe('findDropIndex', () => {
  // a and b are medium tiles side by side, c and d small tiles below a.
  const placed = placeStartTiles(tilesOf(['medium', 'medium', 'small', 'small']))

  it.each([
    ['a over b', 'a', { row: 0, column: 3 }, 1],
    ['b over a', 'b', { row: 1, column: 1 }, 0],
    ['a over itself', 'a', { row: 1, column: 1 }, 0],
    ['d over c', 'd', { row: 2, column: 0 }, 2],
    ['a below every tile', 'a', { row: 5, column: 0 }, 3],
    ['c over the empty cell beside d', 'c', { row: 2, column: 3 }, 2],
  ] satisfies Array<[string, string, StartCell, number]>)('moves %s', (_case, key, cell, index) => {
    expect(findDropIndex(placed, key, cell)).toBe(index)
  })
})
