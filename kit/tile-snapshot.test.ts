import { describe, expect, it } from 'vitest'

import { IMAGE_PROXY_PATH as SERVER_IMAGE_PROXY_PATH } from '../server/image-proxy-plugin.ts'
import { IMAGE_PROXY_PATH } from './network-stub.ts'
import { parseTileLabel, toTileMismatches, toTileSize } from './tile-snapshot.ts'
import type { TileSnapshot } from './tile-snapshot.ts'

function snapshot(label: string, widthRatio: number, lines: string[] = []): TileSnapshot {
  return { label, widthRatio, aspectRatio: widthRatio > 0.75 ? 2 : 1, lines }
}

describe('parseTileLabel', () => {
  it('reads a tile with only the app name', () => {
    expect(parseTileLabel('Contoso Chat', 'Contoso Chat', undefined)).toEqual({
      title: 'Contoso Chat',
      count: 0,
    })
  })

  it('reads the title and the count', () => {
    expect(parseTileLabel('Contoso Weather, Oslo, 3', 'Contoso Weather', undefined)).toEqual({
      title: 'Oslo',
      count: 3,
    })
  })

  it('reads a secondary tile', () => {
    expect(
      parseTileLabel(
        'Contoso Weather, Oslo, /Forecast.xaml?city=Oslo',
        'Contoso Weather',
        '/Forecast.xaml?city=Oslo',
      ),
    ).toEqual({ title: 'Oslo', count: 0 })
  })

  it('keeps secondary tiles apart from the primary tile', () => {
    const label = 'Contoso Weather, Oslo, /Forecast.xaml?city=Oslo'
    expect(parseTileLabel(label, 'Contoso Weather', undefined)).toBeUndefined()
  })

  it('rejects another app whose name starts alike', () => {
    expect(parseTileLabel('Contoso Chat Copy', 'Contoso Chat', undefined)).toBeUndefined()
  })
})

describe('toTileSize', () => {
  it('tells the three sizes apart by width', () => {
    expect(toTileSize(snapshot('a', 0.23))).toBe('small')
    expect(toTileSize(snapshot('a', 0.49))).toBe('medium')
    expect(toTileSize(snapshot('a', 1))).toBe('wide')
  })
})

describe('toTileMismatches', () => {
  const tiles = [
    snapshot('Contoso Weather, Oslo, 3', 1, ['3', 'Oslo']),
    snapshot('Contoso Chat', 0.49, ['Contoso Chat']),
  ]

  it('accepts a matching tile', () => {
    expect(
      toTileMismatches(tiles, { app: 'Contoso Weather', size: 'wide', title: 'Oslo', count: 3 }),
    ).toEqual([])
  })

  it('names each differing field', () => {
    expect(
      toTileMismatches(tiles, { app: 'Contoso Weather', size: 'small', title: 'Bergen', count: 0 }),
    ).toEqual([
      'size: expected small, got wide',
      'title: expected "Bergen", got "Oslo"',
      'count: expected 0, got 3',
    ])
  })

  it('lists the tiles when none belongs to the app', () => {
    expect(toTileMismatches(tiles, { app: 'Fabrikam Scores' })).toEqual([
      'Start shows no tile of Fabrikam Scores. Its tiles are [Contoso Weather, Oslo, 3; Contoso Chat]',
    ])
  })

  it('reads back fields from the face on show', () => {
    const back = [snapshot('Contoso Weather, Oslo, 3', 0.49, ['Snow, -4 °C', 'Tomorrow'])]
    expect(
      toTileMismatches(back, {
        app: 'Contoso Weather',
        backTitle: 'Tomorrow',
        backContent: 'Snow, -4 °C',
      }),
    ).toEqual([])
    expect(toTileMismatches(tiles, { app: 'Contoso Weather', backTitle: 'Tomorrow' })).toEqual([
      'back title: expected "Tomorrow", the face on show reads "3\\nOslo"',
    ])
  })
})

describe('IMAGE_PROXY_PATH', () => {
  it('equals the image proxy path of the dev server', () => {
    expect(IMAGE_PROXY_PATH).toBe(SERVER_IMAGE_PROXY_PATH)
  })
})
