import { describe, expect, it } from 'vitest'

import type { TileImage } from '@/apps/app-files'
import type { AppDefinition, TileSize } from '@/apps/app-model'
import { SAMPLE_APPS } from '@/apps/sample-apps'
import type { TileState } from '@/mpns/tile-state'
import type { TileTemplate } from '@/mpns/types'

import {
  hasFlipBack,
  splitBackContent,
  toCycleTileView,
  toFlipTileView,
  toIconicBackgroundColor,
  toIconicTileView,
  toLiveTileView,
  toTileAccessibleName,
  toTileStepCount,
} from './tile-views'
import type { FlipFaceView } from './tile-views'

const ACCENT = '#0050EF'

const APP: AppDefinition = {
  ...requireFirstSampleApp(),
  assets: {
    '/assets/small.png': 'blob:small',
    '/assets/medium.png': 'blob:medium',
    '/assets/wide.png': 'blob:wide',
    '/assets/back.png': 'blob:back',
    '/assets/wideback.png': 'blob:wideback',
    '/assets/icon.png': 'blob:icon',
    '/assets/smallicon.png': 'blob:smallicon',
    '/assets/photo1.jpg': 'blob:photo1',
    '/assets/photo2.jpg': 'blob:photo2',
    'isostore:/shared/shellcontent/photo3.jpg': 'blob:photo3',
  },
}

const NONE: TileImage = { kind: 'none' }

const FULL_FLIP_FIELDS: TileState['fields'] = {
  Title: 'Oslo',
  Count: '3',
  SmallBackgroundImage: '/Assets/small.png',
  BackgroundImage: '/Assets/medium.png',
  WideBackgroundImage: '/Assets/wide.png',
  BackTitle: 'Tomorrow',
  BackContent: 'Snow',
  BackBackgroundImage: '/Assets/back.png',
  WideBackContent: 'Snow all day',
  WideBackBackgroundImage: '/Assets/wideback.png',
}

describe('toFlipTileView', () => {
  it.each<[TileSize, FlipFaceView]>([
    ['small', face({ image: file('blob:small'), title: undefined, count: 3 })],
    ['medium', face({ image: file('blob:medium'), title: 'Oslo', count: 3 })],
    ['wide', face({ image: file('blob:wide'), title: 'Oslo', count: 3 })],
  ])('draws the %s front from its own fields', (size, front) => {
    expect(toFlipTileView(input(tile('FlipTile', FULL_FLIP_FIELDS), size)).front).toEqual(front)
  })

  it.each<[TileSize, FlipFaceView | undefined]>([
    ['small', undefined],
    [
      'medium',
      face({ image: file('blob:back'), title: 'Tomorrow', contentLines: ['Snow'], glyph: false }),
    ],
    [
      'wide',
      face({
        image: file('blob:wideback'),
        title: 'Tomorrow',
        contentLines: ['Snow all day'],
        glyph: false,
      }),
    ],
  ])('draws the %s back from its own fields', (size, back) => {
    expect(toFlipTileView(input(tile('FlipTile', FULL_FLIP_FIELDS), size)).back).toEqual(back)
  })

  it.each<[string, TileState['fields'], TileSize, boolean]>([
    ['no back fields', { Title: 'Oslo' }, 'medium', false],
    ['BackContent on medium', { BackContent: 'Snow' }, 'medium', true],
    ['BackContent on wide', { BackContent: 'Snow' }, 'wide', false],
    ['WideBackContent on medium', { WideBackContent: 'Snow' }, 'medium', false],
    ['WideBackContent on wide', { WideBackContent: 'Snow' }, 'wide', true],
    ['BackTitle on wide', { BackTitle: 'Tomorrow' }, 'wide', true],
    [
      'WideBackBackgroundImage on wide',
      { WideBackBackgroundImage: '/Assets/back.png' },
      'wide',
      true,
    ],
    ['blank BackTitle', { BackTitle: '  ' }, 'medium', false],
    ['every back field on small', FULL_FLIP_FIELDS, 'small', false],
  ])('flips with %s: %s', (_case, fields, size, flips) => {
    const view = toFlipTileView(input(tile('FlipTile', fields), size))

    expect(view.back !== undefined).toBe(flips)
    expect(hasFlipBack(tile('FlipTile', fields), size)).toBe(flips)
  })

  it.each<[string, TileState['fields'], TileImage, boolean]>([
    ['an unset image field', { Title: 'Oslo' }, NONE, true],
    ['a cleared image field', { BackgroundImage: '' }, NONE, false],
    ['a package file', { BackgroundImage: '/Assets/medium.png' }, file('blob:medium'), false],
    ['a path not shipped', { BackgroundImage: '/Assets/x.png' }, missing('/Assets/x.png'), false],
    [
      'a remote image',
      { BackgroundImage: 'http://example.com/a.png' },
      { kind: 'remote', url: 'http://example.com/a.png' },
      false,
    ],
  ])('draws the medium front with %s', (_case, fields, image, glyph) => {
    const { front } = toFlipTileView(input(tile('FlipTile', fields), 'medium'))

    expect(front.image).toEqual(image)
    expect(front.showGlyph).toBe(glyph)
  })

  it.each<[string, string | undefined, number | undefined]>([
    ['0', '0', undefined],
    ['1', '1', 1],
    ['99', '99', 99],
    ['150', '150', 99],
    ['2.7', '2.7', 2],
    ['unset', undefined, undefined],
  ])('shows count %s as %j', (_case, count, displayed) => {
    const fields = count === undefined ? {} : { Count: count }

    expect(toFlipTileView(input(tile('FlipTile', fields), 'medium')).front.count).toBe(displayed)
  })

  it('keeps an unset title empty', () => {
    expect(toFlipTileView(input(tile('FlipTile', {}), 'wide')).front.title).toBe('')
  })

  it.each<[TileSize, TileSize, TileImage]>([
    ['small', 'small', file('blob:medium')],
    ['medium', 'medium', file('blob:medium')],
    ['wide', 'medium', file('blob:medium')],
  ])('draws a Legacy tile asked for %s at %s', (size, drawnSize, image) => {
    const legacy = tile('Legacy', { Title: 'Oslo', BackgroundImage: '/Assets/medium.png' })
    const view = toFlipTileView(input(legacy, size))

    expect(view.size).toBe(drawnSize)
    expect(view.front.image).toEqual(image)
  })
})

describe('splitBackContent', () => {
  it.each<[string, string | undefined, string[]]>([
    ['unset', undefined, []],
    ['empty', '', []],
    ['one line', 'Snow', ['Snow']],
    ['LF breaks', 'a\nb\nc', ['a', 'b', 'c']],
    ['CRLF and CR breaks', 'a\r\nb\rc', ['a', 'b', 'c']],
    ['four lines', 'a\nb\nc\nd', ['a', 'b', 'c']],
    ['a blank middle line', 'a\n\nc', ['a', '', 'c']],
    ['a long line', 'x'.repeat(80), ['x'.repeat(80)]],
    ['markup', '<b>x</b>', ['<b>x</b>']],
  ])('splits %s', (_case, content, lines) => {
    expect(splitBackContent(content)).toEqual(lines)
  })
})

describe('toIconicTileView', () => {
  const fields: TileState['fields'] = {
    Title: 'Mail',
    Count: '5',
    IconImage: '/Assets/icon.png',
    SmallIconImage: '/Assets/smallicon.png',
    BackgroundColor: '#FF008A00',
  }

  it.each<[string, TileSize, TileState['fields'], Partial<ReturnType<typeof toIconicTileView>>]>([
    ['small', 'small', fields, { layout: 'icon', icon: file('blob:smallicon'), title: undefined }],
    ['medium', 'medium', fields, { layout: 'icon', icon: file('blob:icon'), title: 'Mail' }],
    ['wide without content', 'wide', fields, { layout: 'icon', icon: file('blob:icon') }],
    [
      'wide with blank content',
      'wide',
      { ...fields, WideContent1: ' ', WideContent3: '' },
      { layout: 'icon', icon: file('blob:icon'), contentRows: [] },
    ],
    [
      'wide with WideContent2 only',
      'wide',
      { ...fields, WideContent2: 'Lunch?' },
      { layout: 'content', icon: file('blob:smallicon'), contentRows: ['', 'Lunch?', ''] },
    ],
    [
      'wide with three rows',
      'wide',
      { ...fields, WideContent1: 'Ana', WideContent2: 'Lunch?', WideContent3: 'At noon' },
      { layout: 'content', title: 'Mail', count: 5, contentRows: ['Ana', 'Lunch?', 'At noon'] },
    ],
  ])('lays out the %s tile', (_case, size, tileFields, expected) => {
    const view = toIconicTileView(input(tile('IconicTile', tileFields), size))

    expect(view).toMatchObject(expected)
    expect(view.count).toBe(5)
    expect(view.backgroundColor).toBe('#008A00')
  })

  it.each<[string, string | undefined, string]>([
    ['opaque ARGB', '#FF008A00', '#008A00'],
    ['lower-case ARGB', '#ffa4c400', '#A4C400'],
    ['alpha below FF', '#80008A00', ACCENT],
    ['transparent', '#00000000', ACCENT],
    ['RGB', '#008a00', '#008A00'],
    ['spaces around', ' #FF008A00 ', '#008A00'],
    ['a colour name', 'red', ACCENT],
    ['unset', undefined, ACCENT],
  ])('fills with %s', (_case, argb, color) => {
    expect(toIconicBackgroundColor(argb, ACCENT)).toBe(color)
    const fields = argb === undefined ? {} : { BackgroundColor: argb }
    expect(toIconicTileView(input(tile('IconicTile', fields), 'medium')).backgroundColor).toBe(
      color,
    )
  })
})

describe('toCycleTileView', () => {
  const fields: TileState['fields'] = {
    Title: 'Photos',
    Count: '2',
    SmallBackgroundImage: '/Assets/small.png',
    CycleImage1: '/Assets/photo1.jpg',
    CycleImage3: 'isostore:/Shared/ShellContent/photo3.jpg',
    CycleImage4: 'https://example.com/remote.jpg',
    CycleImage9: '/Assets/photo2.jpg',
  }

  it('shows a static SmallBackgroundImage on the small tile', () => {
    expect(toCycleTileView(input(tile('CycleTile', fields), 'small'))).toEqual({
      template: 'cycle',
      size: 'small',
      images: [file('blob:small')],
      title: undefined,
      count: 2,
      cycles: false,
    })
  })

  it.each<TileSize>(['medium', 'wide'])('cycles the set images on the %s tile', (size) => {
    expect(toCycleTileView(input(tile('CycleTile', fields), size))).toEqual({
      template: 'cycle',
      size,
      images: [
        file('blob:photo1'),
        file('blob:photo3'),
        missing('https://example.com/remote.jpg'),
        file('blob:photo2'),
      ],
      title: 'Photos',
      count: 2,
      cycles: true,
    })
  })

  it.each<[string, TileState['fields'], number, boolean]>([
    ['no images', { Title: 'Photos' }, 0, false],
    ['one image', { CycleImage2: '/Assets/photo1.jpg' }, 1, false],
    ['a cleared image', { CycleImage1: '', CycleImage2: '/Assets/photo1.jpg' }, 1, false],
    ['two images', { CycleImage1: '/Assets/photo1.jpg', CycleImage2: '/Assets/x.jpg' }, 2, true],
  ])('handles %s', (_case, tileFields, imageCount, cycles) => {
    const view = toCycleTileView(input(tile('CycleTile', tileFields), 'medium'))

    expect(view.images).toHaveLength(imageCount)
    expect(view.cycles).toBe(cycles)
  })

  it('resolves a remote SmallBackgroundImage as missing', () => {
    const remote = tile('CycleTile', { SmallBackgroundImage: 'http://example.com/s.png' })

    expect(toCycleTileView(input(remote, 'small')).images).toEqual([
      missing('http://example.com/s.png'),
    ])
  })
})

describe('toLiveTileView', () => {
  it.each<[TileTemplate, string]>([
    ['FlipTile', 'flip'],
    ['Legacy', 'flip'],
    ['IconicTile', 'iconic'],
    ['CycleTile', 'cycle'],
  ])('draws %s as a %s tile', (template, expected) => {
    expect(toLiveTileView(input(tile(template, {}), 'medium')).template).toBe(expected)
  })
})

describe('toTileStepCount', () => {
  it.each<[string, TileState, TileSize, number]>([
    ['Flip with a back', tile('FlipTile', { BackTitle: 'Back' }), 'medium', 2],
    ['Flip with a back, small', tile('FlipTile', { BackTitle: 'Back' }), 'small', 1],
    ['Flip without a back', tile('FlipTile', { Title: 'Front' }), 'medium', 1],
    ['Iconic', tile('IconicTile', { WideContent1: 'Row' }), 'wide', 1],
    [
      'Cycle with three images',
      tile('CycleTile', {
        CycleImage1: '/Assets/photo1.jpg',
        CycleImage2: '/Assets/photo2.jpg',
        CycleImage5: '/Assets/photo1.jpg',
      }),
      'wide',
      3,
    ],
    ['Cycle with one image', tile('CycleTile', { CycleImage1: '/Assets/photo1.jpg' }), 'wide', 1],
  ])('counts %s', (_case, state, size, count) => {
    expect(toTileStepCount(toLiveTileView(input(state, size)))).toBe(count)
  })
})

describe('toTileAccessibleName', () => {
  it.each<[string, TileState['fields'], string]>([
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
  ])('names a tile with %s', (_case, fields, name) => {
    expect(toTileAccessibleName('Contoso Weather', tile('FlipTile', fields))).toBe(name)
  })
})

interface FaceOptions {
  image: TileImage
  title?: string | undefined
  count?: number | undefined
  contentLines?: string[]
  glyph?: boolean
}

function face({
  image,
  title,
  count,
  contentLines = [],
  glyph = false,
}: FaceOptions): FlipFaceView {
  return { image, title, count, contentLines, showGlyph: glyph }
}

function input(state: TileState, size: TileSize) {
  return { app: APP, tile: state, size, accentColor: ACCENT }
}

function tile(template: TileTemplate, fields: TileState['fields']): TileState {
  return { template, fields }
}

function file(url: string): TileImage {
  return { kind: 'file', url }
}

function missing(path: string): TileImage {
  return { kind: 'missing', path }
}

function requireFirstSampleApp(): AppDefinition {
  const app = SAMPLE_APPS[0]
  if (app === undefined) {
    throw new Error('The sample app list is empty.')
  }
  return app
}
