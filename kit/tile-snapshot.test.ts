import { describe, expect, it } from 'vitest'

import { IMAGE_PROXY_PATH as SERVER_IMAGE_PROXY_PATH } from '../server/image-proxy-plugin.ts'
import { IMAGE_PROXY_PATH } from './network-stub.ts'
import { needsStepToBack, parseTileLabel, toTileMismatches, toTileSize } from './tile-snapshot.ts'
import type { TileFace, TileSnapshot } from './tile-snapshot.ts'

const MEDIUM_WIDTH_RATIO = 0.49
const WIDE_WIDTH_RATIO = 1

function snapshot(
  label: string,
  widthRatio: number,
  lines: string[] = [],
  face: { face?: TileFace; hasBack?: boolean } = {},
): TileSnapshot {
  return {
    label,
    widthRatio,
    aspectRatio: widthRatio > 0.75 ? 2 : 1,
    lines,
    face: face.face ?? 'front',
    hasBack: face.hasBack ?? false,
  }
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

  it('reads back fields from the back face', () => {
    const back = [
      snapshot('Contoso Weather, Oslo, 3', MEDIUM_WIDTH_RATIO, ['Snow, -4 °C', 'Tomorrow'], {
        face: 'back',
        hasBack: true,
      }),
    ]
    expect(
      toTileMismatches(back, {
        app: 'Contoso Weather',
        backTitle: 'Tomorrow',
        backContent: 'Snow, -4 °C',
      }),
    ).toEqual([])
    expect(toTileMismatches(back, { app: 'Contoso Weather', backTitle: 'Today' })).toEqual([
      'back title: expected "Today", the back face of the medium tile reads "Snow, -4 °C\\nTomorrow"',
    ])
  })

  it('matches no back field on the front face', () => {
    const front = [
      snapshot('Contoso Weather, Tomorrow', MEDIUM_WIDTH_RATIO, ['Tomorrow'], { hasBack: true }),
    ]
    expect(toTileMismatches(front, { app: 'Contoso Weather', backTitle: 'Tomorrow' })).toEqual([
      'back title: expected "Tomorrow", the front face of the medium tile reads "Tomorrow"',
    ])
  })

  it('says when the tile has no back', () => {
    expect(toTileMismatches(tiles, { app: 'Contoso Weather', backTitle: 'Tomorrow' })).toEqual([
      'back title: expected "Tomorrow", the front face of the wide tile reads "3\\nOslo", and it has no back at this size because a wide Flip tile turns over only with BackTitle, WideBackContent or WideBackBackgroundImage',
    ])
    const small = [snapshot('Contoso Weather', 0.23, [])]
    expect(toTileMismatches(small, { app: 'Contoso Weather', backTitle: 'Tomorrow' })).toEqual([
      'back title: expected "Tomorrow", the front face of the small tile reads "", and it has no back because a small tile never turns over',
    ])
  })

  it('names WideBackContent for a wide back', () => {
    const wideBack = [
      snapshot('Contoso Weather, Oslo', WIDE_WIDTH_RATIO, ['Snow all day', 'Tomorrow'], {
        face: 'back',
        hasBack: true,
      }),
    ]
    expect(
      toTileMismatches(wideBack, { app: 'Contoso Weather', size: 'wide', backContent: 'Snow' }),
    ).toEqual([])
    expect(
      toTileMismatches(wideBack, { app: 'Contoso Weather', size: 'wide', backContent: 'Sun' }),
    ).toEqual([
      `back content: expected "Sun", the back face of the wide tile reads "Snow all day\\nTomorrow". A wide tile's back shows WideBackContent, not BackContent, as on a phone`,
    ])
  })
})

describe('needsStepToBack', () => {
  const expected = { app: 'Contoso Weather', backTitle: 'Tomorrow' }

  it('steps a front face that has a back', () => {
    const front = snapshot('Contoso Weather, Oslo', MEDIUM_WIDTH_RATIO, ['Oslo'], { hasBack: true })
    expect(needsStepToBack([front], expected)).toBe(true)
  })

  it('keeps a back face on show', () => {
    const back = snapshot('Contoso Weather, Oslo', MEDIUM_WIDTH_RATIO, ['Tomorrow'], {
      face: 'back',
      hasBack: true,
    })
    expect(needsStepToBack([back], expected)).toBe(false)
  })

  it('keeps a tile without a back', () => {
    const front = snapshot('Contoso Weather, Oslo', MEDIUM_WIDTH_RATIO, ['Oslo'])
    expect(needsStepToBack([front], expected)).toBe(false)
  })

  it('keeps tiles when no back field is expected', () => {
    const front = snapshot('Contoso Weather, Oslo', MEDIUM_WIDTH_RATIO, ['Oslo'], { hasBack: true })
    expect(needsStepToBack([front], { app: 'Contoso Weather', title: 'Oslo' })).toBe(false)
  })

  it('ignores the tiles of other apps', () => {
    const other = snapshot('Contoso Chat', MEDIUM_WIDTH_RATIO, ['Contoso Chat'], { hasBack: true })
    expect(needsStepToBack([other], expected)).toBe(false)
  })
})

describe('IMAGE_PROXY_PATH', () => {
  it('equals the image proxy path of the dev server', () => {
    expect(IMAGE_PROXY_PATH).toBe(SERVER_IMAGE_PROXY_PATH)
  })
})
