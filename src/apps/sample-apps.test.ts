import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import type { TileState } from '@/mpns/tile-state'
import type { TileFieldName } from '@/mpns/types'

import { toAppFileKey } from './app-model'
import type { AppDefinition } from './app-model'
import { SAMPLE_APPS, findApp, toSampleAssetUrl } from './sample-apps'

const PUBLIC_FOLDER = fileURLToPath(new URL('../../public', import.meta.url))

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** Largest total size of the sample images, in bytes, so the repository stays small. */
const MAX_SAMPLE_ASSET_BYTES = 300 * 1024

/** WXGA size each tile field's image is drawn for, as width and height. */
const FIELD_IMAGE_SIZES: Partial<Record<TileFieldName, readonly [number, number]>> = {
  SmallBackgroundImage: [159, 159],
  BackgroundImage: [336, 336],
  WideBackgroundImage: [691, 336],
  IconImage: [130, 202],
  SmallIconImage: [70, 110],
  CycleImage1: [691, 336],
  CycleImage2: [691, 336],
  CycleImage3: [691, 336],
  CycleImage4: [691, 336],
  CycleImage5: [691, 336],
}

/** The WP7 standard tile is 173 pixels square. */
const LEGACY_IMAGE_SIZES: Partial<Record<TileFieldName, readonly [number, number]>> = {
  BackgroundImage: [173, 173],
}

/** Files no initial tile names, which payloads can name. */
const EXTRA_FILES: ReadonlyArray<
  readonly [appId: string, path: string, width: number, height: number]
> = [
  ['contoso-photos', '/Assets/Tiles/AlbumSmall.png', 159, 159],
  ['contoso-photos', 'isostore:/Shared/ShellContent/Photo6.png', 691, 336],
  ['contoso-photos', 'isostore:/Shared/ShellContent/Photo9.png', 691, 336],
  ['fabrikam-scores', '/Images/back.png', 173, 173],
]

function readPngSize(url: string): [number, number] {
  const bytes = readFileSync(join(PUBLIC_FOLDER, url))
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE)
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
}

function getSampleApp(appId: string): AppDefinition {
  const app = findApp(appId)
  if (app === undefined) {
    throw new Error(`Sample app ${appId} not found`)
  }
  return app
}

function listTiles(app: AppDefinition): TileState[] {
  return [app.initialTile, ...app.secondaryTiles.map((offer) => offer.initialTile)]
}

/** Lists the image fields of an app's tiles with the URL they resolve to and their WXGA size. */
function listTileImages(
  app: AppDefinition,
): Array<{ label: string; url: string | undefined; size: readonly [number, number] }> {
  return listTiles(app).flatMap((tile) =>
    (Object.entries(tile.fields) as Array<[TileFieldName, string]>).flatMap(([field, path]) => {
      const sizes = tile.template === 'Legacy' ? LEGACY_IMAGE_SIZES : FIELD_IMAGE_SIZES
      const size = sizes[field]
      if (size === undefined) {
        return []
      }
      return [{ label: `${app.id} ${field} ${path}`, url: app.assets[toAppFileKey(path)], size }]
    }),
  )
}

function sumFileSizes(folder: string): number {
  return readdirSync(folder).reduce((total, name) => {
    const path = join(folder, name)
    return total + (statSync(path).isDirectory() ? sumFileSizes(path) : statSync(path).size)
  }, 0)
}

describe('SAMPLE_APPS', () => {
  it('keeps the two original apps as they were', () => {
    const weather = getSampleApp('contoso-weather')
    const chat = getSampleApp('contoso-chat')

    expect(weather.name).toBe('Contoso Weather')
    expect(weather.channelName).toBe('ContosoWeatherChannel')
    expect(weather.defaultPage).toBe('/MainPage.xaml')
    expect(chat.name).toBe('Contoso Chat')
    expect(chat.channelName).toBe('ContosoChatChannel')
    expect(chat.defaultPage).toBe('/MainPage.xaml')
  })

  it('uses unique ids, names and channel names', () => {
    for (const key of ['id', 'name', 'channelName'] as const) {
      const values = SAMPLE_APPS.map((app) => app[key])
      expect(new Set(values).size).toBe(values.length)
    }
  })

  it('covers every tile template', () => {
    expect(SAMPLE_APPS.map((app) => [app.id, app.tileTemplate, app.supportsWide])).toEqual([
      ['contoso-weather', 'FlipTile', true],
      ['contoso-chat', 'IconicTile', true],
      ['contoso-photos', 'CycleTile', true],
      ['fabrikam-scores', 'Legacy', false],
      ['woodgrove-stocks', 'FlipTile', false],
    ])
  })

  it('gives the chat app lock-screen status', () => {
    expect(getSampleApp('contoso-chat').lockScreen).toEqual({
      iconCount: true,
      textField: true,
      lockIconPath: '/Assets/LockScreen/LockIcon.png',
    })
  })

  it('offers weather tiles for two cities', () => {
    const weather = getSampleApp('contoso-weather')

    expect(weather.secondaryTiles.map((offer) => offer.navigationUri)).toEqual([
      '/CityPage.xaml?city=Oslo',
      '/CityPage.xaml?city=Bergen',
    ])
    expect(weather.secondaryTiles.map((offer) => offer.label)).toEqual([
      'Pin Oslo to Start',
      'Pin Bergen to Start',
    ])
    expect(weather.secondaryTiles.map((offer) => offer.supportsWide)).toEqual([true, false])
    expect(weather.pages).toContain('/CityPage.xaml')
  })

  it('binds the legacy app without an allow-list', () => {
    for (const app of SAMPLE_APPS) {
      const expected = app.id === 'fabrikam-scores' ? [] : ['http://', 'https://']
      expect(app.tileImageBaseUris).toEqual(expected)
    }
  })

  it('lets the stock ticker handle raw notifications', () => {
    expect(getSampleApp('woodgrove-stocks').handlesRaw).toBe(true)
  })

  it('matches every template of a tile to the app', () => {
    for (const app of SAMPLE_APPS) {
      for (const tile of listTiles(app)) {
        expect(tile.template).toBe(app.tileTemplate)
      }
    }
  })

  it('keys assets by normalised path', () => {
    for (const app of SAMPLE_APPS) {
      for (const key of Object.keys(app.assets)) {
        expect(toAppFileKey(key)).toBe(key)
      }
    }
  })

  it('ships every image a tile names at its size', () => {
    const images = SAMPLE_APPS.flatMap((app) => listTileImages(app))

    expect(images.map(({ label, url }) => [label, url === undefined])).toEqual(
      images.map(({ label }) => [label, false]),
    )
    expect(images.map(({ label, url }) => [label, readPngSize(url ?? '')])).toEqual(
      images.map(({ label, size }) => [label, size]),
    )
  })

  it('ships the app icons and the lock icon', () => {
    const icons = SAMPLE_APPS.map((app) => {
      const url = app.assets[toAppFileKey(app.iconPath ?? '')]
      return [app.id, readPngSize(url ?? '')]
    })
    expect(icons).toEqual(
      SAMPLE_APPS.map((app) => [app.id, app.tileTemplate === 'Legacy' ? [62, 62] : [100, 100]]),
    )

    const chat = getSampleApp('contoso-chat')
    const lockUrl = chat.assets[toAppFileKey(chat.lockScreen.lockIconPath ?? '')]
    expect(readPngSize(lockUrl ?? '')).toEqual([38, 38])
  })

  it.each(EXTRA_FILES)('ships %s %s', (appId, path, width, height) => {
    const url = getSampleApp(appId).assets[toAppFileKey(path)]

    expect(url).toBe(toSampleAssetUrl(appId, path))
    expect(readPngSize(url ?? '')).toEqual([width, height])
  })

  it('keeps the images small', () => {
    expect(sumFileSizes(join(PUBLIC_FOLDER, 'apps'))).toBeLessThan(MAX_SAMPLE_ASSET_BYTES)
  })
})

describe('toSampleAssetUrl', () => {
  it.each([
    ['/Assets/Tiles/FlipCycleTileSmall.png', '/apps/a/Assets/Tiles/FlipCycleTileSmall.png'],
    ['Background.png', '/apps/a/Background.png'],
    ['isostore:/Shared/ShellContent/Photo6.png', '/apps/a/isostore/Shared/ShellContent/Photo6.png'],
    ['isostore:Shared/ShellContent/x.png', '/apps/a/isostore/Shared/ShellContent/x.png'],
  ])('maps %s', (path, url) => {
    expect(toSampleAssetUrl('a', path)).toBe(url)
  })
})

describe('findApp', () => {
  it('returns undefined for an unknown id', () => {
    expect(findApp('no-such-app')).toBeUndefined()
  })
})
