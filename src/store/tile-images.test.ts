import { describe, expect, it, vi } from 'vitest'

import { toImageProxyUrl } from '@/apps/app-files'
import type { AppDefinition } from '@/apps/app-model'
import { SAMPLE_APPS } from '@/apps/sample-apps'
import type { TileFieldName, TileFieldUpdate, TilePayload } from '@/mpns/types'

import {
  checkRemoteTileImages,
  clearMissingImages,
  formatBlockedImageMessage,
  formatImageCheckFailureMessage,
  hasImageProxy,
  planTileImages,
} from './tile-images'
import type { ImageProxyFetcher, TileImagePlan } from './tile-images'

type Fields = Partial<Record<TileFieldName, TileFieldUpdate>>

const BASE_APP = SAMPLE_APPS[0] as AppDefinition

const APP: AppDefinition = {
  ...BASE_APP,
  assets: {
    '/assets/tiles/sun.png': '/samples/sun.png',
    'isostore:/shared/shellcontent/map.png': 'blob:map',
  },
  tileImageBaseUris: ['https://img.contoso.test/'],
}

const APP_WITHOUT_ALLOW_LIST: AppDefinition = { ...APP, tileImageBaseUris: [] }

const SUN = 'https://img.contoso.test/sun.png'
const SMALL = 'http://127.0.0.1:9000/small.png'
const LARGE = 'http://127.0.0.1:9000/large.png'

describe('planTileImages', () => {
  it.each<[string, AppDefinition, Fields, Partial<TileImagePlan>]>([
    ['no image fields', APP, { Title: set('Oslo') }, {}],
    [
      'a package path the app contains',
      APP,
      { BackgroundImage: set('/Assets/Tiles/Sun.png') },
      { local: [{ field: 'BackgroundImage', uri: '/Assets/Tiles/Sun.png' }] },
    ],
    [
      'an appdata path with backslashes',
      APP,
      { SmallBackgroundImage: set('appdata:\\Assets\\Tiles\\sun.png') },
      { local: [{ field: 'SmallBackgroundImage', uri: 'appdata:\\Assets\\Tiles\\sun.png' }] },
    ],
    [
      'an isostore path the app contains',
      APP,
      { WideBackgroundImage: set('isostore:/Shared/ShellContent/map.png') },
      { local: [{ field: 'WideBackgroundImage', uri: 'isostore:/Shared/ShellContent/map.png' }] },
    ],
    [
      'a package path the app lacks',
      APP,
      { BackBackgroundImage: set('/Assets/rain.png') },
      { missing: [{ field: 'BackBackgroundImage', uri: '/Assets/rain.png' }] },
    ],
    [
      'a remote image under a bound base URI',
      APP,
      { BackgroundImage: set(SUN) },
      { remote: [{ field: 'BackgroundImage', uri: SUN }] },
    ],
    [
      'a base URI in another letter case',
      APP,
      { IconImage: set('HTTPS://IMG.Contoso.test/a.png') },
      { remote: [{ field: 'IconImage', uri: 'HTTPS://IMG.Contoso.test/a.png' }] },
    ],
    [
      'a remote image outside the bound base URIs',
      APP,
      { BackgroundImage: set('https://cdn.example.test/a.png') },
      { blocked: [{ field: 'BackgroundImage', uri: 'https://cdn.example.test/a.png' }] },
    ],
    [
      'a remote image without an allow-list',
      APP_WITHOUT_ALLOW_LIST,
      { SmallIconImage: set(SUN) },
      { blocked: [{ field: 'SmallIconImage', uri: SUN }] },
    ],
    [
      'a remote cycle image under a bound base URI',
      APP,
      { CycleImage3: set(SUN) },
      { blocked: [{ field: 'CycleImage3', uri: SUN }] },
    ],
    [
      'a local cycle image',
      APP,
      { CycleImage9: set('/Assets/Tiles/sun.png') },
      { local: [{ field: 'CycleImage9', uri: '/Assets/Tiles/sun.png' }] },
    ],
    ['a cleared image', APP, { BackgroundImage: { action: 'clear' } }, {}],
    ['an empty image value', APP, { BackgroundImage: set('   ') }, {}],
    [
      'a value with surrounding whitespace',
      APP,
      { BackgroundImage: set(`  ${SUN}\n`) },
      { remote: [{ field: 'BackgroundImage', uri: SUN }] },
    ],
  ])('sorts %s', (_name, app, fields, expected) => {
    const plan = planTileImages(app, flipTile(fields))

    expect(plan).toEqual({ local: [], missing: [], remote: [], blocked: [], ...expected })
  })

  it('lists several images in field order', () => {
    const plan = planTileImages(
      APP,
      flipTile({
        WideBackBackgroundImage: set('/Assets/missing.png'),
        BackgroundImage: set(SUN),
        BackBackgroundImage: set('https://img.contoso.test/back.png'),
        SmallBackgroundImage: set('/Assets/Tiles/sun.png'),
      }),
    )

    expect(plan).toEqual({
      local: [{ field: 'SmallBackgroundImage', uri: '/Assets/Tiles/sun.png' }],
      missing: [{ field: 'WideBackBackgroundImage', uri: '/Assets/missing.png' }],
      remote: [
        { field: 'BackgroundImage', uri: SUN },
        { field: 'BackBackgroundImage', uri: 'https://img.contoso.test/back.png' },
      ],
      blocked: [],
    })
  })
})

describe('clearMissingImages', () => {
  it('clears missing images and keeps the rest', () => {
    const update = flipTile({ Title: set('Oslo'), BackgroundImage: set('/Assets/rain.png') })

    const cleared = clearMissingImages(update, [
      { field: 'BackgroundImage', uri: '/Assets/rain.png' },
    ])

    expect(cleared.fields).toEqual({ Title: set('Oslo'), BackgroundImage: { action: 'clear' } })
    expect(update.fields.BackgroundImage).toEqual(set('/Assets/rain.png'))
  })

  it('returns the same update without missing images', () => {
    const update = flipTile({ Title: set('Oslo') })

    expect(clearMissingImages(update, [])).toBe(update)
  })
})

describe('formatBlockedImageMessage', () => {
  it.each<[string, AppDefinition, TileFieldName, string]>([
    [
      'no allow-list',
      APP_WITHOUT_ALLOW_LIST,
      'BackgroundImage',
      `MessageBadContent: BackgroundImage names the remote image "${SUN}", but the app bound its channel to tiles without a list of allowed base URIs, so the tile is unchanged.`,
    ],
    [
      'a cycle image',
      APP,
      'CycleImage1',
      `MessageBadContent: CycleImage1 names the remote image "${SUN}", but cycle tile images must be local files, so the tile is unchanged.`,
    ],
  ])('explains %s', (_name, app, field, expected) => {
    expect(formatBlockedImageMessage(app, { field, uri: SUN })).toBe(expected)
  })

  it('lists the bound base URIs', () => {
    const text = formatBlockedImageMessage(APP, {
      field: 'IconImage',
      uri: 'https://cdn.example.test/a.png',
    })

    expect(text).toBe(
      'MessageBadContent: IconImage names the remote image "https://cdn.example.test/a.png", which starts with none of the base URIs the app bound (https://img.contoso.test/), so the tile is unchanged.',
    )
  })
})

describe('formatImageCheckFailureMessage', () => {
  it('names the field of the failed image', () => {
    const text = formatImageCheckFailureMessage(
      [
        { field: 'BackgroundImage', uri: SMALL },
        { field: 'WideBackgroundImage', uri: LARGE },
      ],
      { url: LARGE, reason: 'The image is larger than 80 KB.' },
    )

    expect(text).toBe(
      'Tile update dropped because the remote image in WideBackgroundImage failed: The image is larger than 80 KB. The tile keeps its look.',
    )
  })
})

describe('checkRemoteTileImages', () => {
  it('returns ok when every image passes', async () => {
    const fetcher = createProxyFetcher()

    const check = await checkRemoteTileImages([SMALL, SMALL], fetcher)

    expect(check).toEqual({ outcome: 'ok' })
    expect(fetcher.mock.calls.map(([path]) => path)).toEqual([
      '/__emulator/image-proxy',
      toImageProxyUrl(SMALL),
    ])
  })

  it('returns the first failure in URL order', async () => {
    const fetcher = createProxyFetcher({
      [LARGE]: failedImage(413, 'The image is larger than 80 KB.'),
      [SUN]: failedImage(504, 'Downloading the image timed out.'),
    })

    const check = await checkRemoteTileImages([SMALL, SUN, LARGE], fetcher)

    expect(check).toEqual({
      outcome: 'failed',
      url: SUN,
      reason: 'Downloading the image timed out.',
    })
  })

  it('falls back to the reason header and the status', async () => {
    const fetcher = createProxyFetcher({
      [SMALL]: () => new Response('', { status: 502, headers: { 'X-Emulator-Reason': 'Bad.' } }),
      [LARGE]: () => new Response('', { status: 500 }),
    })

    expect(await checkRemoteTileImages([SMALL], fetcher)).toEqual({
      outcome: 'failed',
      url: SMALL,
      reason: 'Bad.',
    })
    expect(await checkRemoteTileImages([LARGE], fetcher)).toEqual({
      outcome: 'failed',
      url: LARGE,
      reason: 'HTTP 500.',
    })
  })

  it('reports an unreachable proxy as a failure', async () => {
    const fetcher = createProxyFetcher({
      [SMALL]: () => {
        throw new TypeError('Failed to fetch')
      },
    })

    const check = await checkRemoteTileImages([SMALL], fetcher)

    expect(check).toEqual({
      outcome: 'failed',
      url: SMALL,
      reason: 'The image proxy could not be reached (TypeError: Failed to fetch).',
    })
  })

  it.each([
    ['404 from static hosting', () => new Response('Not found', { status: 404 })],
    ['a fallback page', () => new Response('<!doctype html>', { status: 200 })],
  ])('returns proxy-missing on %s', async (_name, probe) => {
    const fetcher = createProxyFetcher({}, probe)

    const check = await checkRemoteTileImages([SMALL, LARGE], fetcher)

    expect(check).toEqual({ outcome: 'proxy-missing' })
    expect(fetcher).toHaveBeenCalledTimes(1)
  })
})

describe('hasImageProxy', () => {
  it('asks the server once per fetcher', async () => {
    const fetcher = createProxyFetcher()

    expect(await hasImageProxy(fetcher)).toBe(true)
    expect(await hasImageProxy(fetcher)).toBe(true)
    expect(fetcher).toHaveBeenCalledTimes(1)
  })

  it('asks again after a failed request', async () => {
    let attempts = 0
    const fetcher = vi.fn<ImageProxyFetcher>(() => {
      attempts += 1
      return attempts === 1
        ? Promise.reject(new TypeError('Failed to fetch'))
        : Promise.resolve(new Response(null, { status: 204 }))
    })

    expect(await hasImageProxy(fetcher)).toBe(false)
    expect(await hasImageProxy(fetcher)).toBe(true)
    expect(fetcher).toHaveBeenCalledTimes(2)
  })
})

function set(value: string): TileFieldUpdate {
  return { action: 'set', value }
}

function flipTile(fields: Fields): TilePayload {
  return { template: 'FlipTile', fields }
}

function failedImage(status: number, reason: string): () => Response {
  return () => new Response(reason, { status, headers: { 'Content-Type': 'text/plain' } })
}

/**
 * Creates a fake page fetch for the image proxy: the probe returns 204 unless replaced, and an
 * image returns a PNG unless `images` names a response for its URL.
 */
function createProxyFetcher(
  images: Record<string, () => Response> = {},
  probe: () => Response = () => new Response(null, { status: 204 }),
) {
  return vi.fn<ImageProxyFetcher>((path) => {
    if (path === '/__emulator/image-proxy') {
      return Promise.resolve(probe())
    }
    const url = new URL(path, 'http://127.0.0.1').searchParams.get('url') ?? ''
    const respond = images[url] ?? (() => new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47])))
    try {
      return Promise.resolve(respond())
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)))
    }
  })
}
