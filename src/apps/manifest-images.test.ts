import { describe, expect, it } from 'vitest'

import { createPlaceholderImage, resolveManifestImages, toPackagePath } from './manifest-images'
import type { ImageReference } from './manifest-images'

const MEDIUM: ImageReference = {
  source: 'BackgroundImageURI',
  path: '/Assets/Tiles/FlipCycleTileMedium.png',
  role: 'medium-tile',
}

function decodeSvg(dataUrl: string): string {
  const prefix = 'data:image/svg+xml;charset=utf-8,'
  expect(dataUrl.startsWith(prefix)).toBe(true)
  return decodeURIComponent(dataUrl.slice(prefix.length))
}

describe('toPackagePath', () => {
  it.each([
    ['Assets\\Tiles\\Small.png', '/Assets/Tiles/Small.png'],
    ['ApplicationIcon.png', '/ApplicationIcon.png'],
    ['  /Assets/A.png ', '/Assets/A.png'],
    ['//Assets//A.png', '/Assets//A.png'],
  ])('turns %j into %j', (path, expected) => {
    expect(toPackagePath(path)).toBe(expected)
  })
})

describe('resolveManifestImages', () => {
  it('prefers the longest matching file name', () => {
    const files = new Map([
      ['FlipCycleTileMedium.png', 'blob:short'],
      ['Assets/Tiles/FlipCycleTileMedium.png', 'blob:long'],
      ['OtherMedium.png', 'blob:other'],
    ])

    const { assets, warnings } = resolveManifestImages([MEDIUM], files)

    expect(assets).toEqual({ '/assets/tiles/flipcycletilemedium.png': 'blob:long' })
    expect(warnings).toEqual([
      'The manifest names no image "FlipCycleTileMedium.png", so that file is not used.',
      'The manifest names no image "OtherMedium.png", so that file is not used.',
    ])
  })

  it('does not match a name that only ends the same way', () => {
    const { assets } = resolveManifestImages([MEDIUM], new Map([['Medium.png', 'blob:x']]))

    expect(assets['/assets/tiles/flipcycletilemedium.png']).toMatch(/^data:image\/svg\+xml;/)
  })

  it('warns once for a path named twice', () => {
    const small: ImageReference = { ...MEDIUM, source: 'SmallImageURI', role: 'small-tile' }

    const { assets, warnings } = resolveManifestImages([MEDIUM, small], new Map())

    expect(Object.keys(assets)).toEqual(['/assets/tiles/flipcycletilemedium.png'])
    expect(warnings).toEqual([
      'No image file was chosen for BackgroundImageURI "/Assets/Tiles/FlipCycleTileMedium.png", so a placeholder shows in its place. Choose "FlipCycleTileMedium.png" together with the manifest to see the real image.',
    ])
  })
})

describe('createPlaceholderImage', () => {
  it.each([
    ['wide-tile', 691, 336],
    ['medium-tile', 336, 336],
    ['small-tile', 159, 159],
    ['iconic-icon', 130, 202],
    ['iconic-small-icon', 70, 110],
    ['lock-icon', 38, 38],
  ] as const)('draws a %s at %i x %i', (role, width, height) => {
    const svg = decodeSvg(createPlaceholderImage('Tile.png', role))

    expect(svg).toContain(`width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`)
    expect(svg).toContain('>Tile.png</text>')
  })

  it('escapes markup in the file name', () => {
    const svg = decodeSvg(createPlaceholderImage('<b>&.png', 'medium-tile'))

    expect(svg).toContain('>&lt;b&gt;&amp;.png</text>')
  })

  it('draws icons as an outline on transparency', () => {
    const svg = decodeSvg(createPlaceholderImage('Lock.png', 'lock-icon'))

    expect(svg).toContain('fill="none" stroke="#fff"')
  })

  it('squeezes a long name into the width', () => {
    const svg = decodeSvg(createPlaceholderImage('AVeryLongTileImageFileName.png', 'small-tile'))

    expect(svg).toContain('textLength="143" lengthAdjust="spacingAndGlyphs"')
  })
})
