import { describe, expect, it, vi } from 'vitest'

import {
  resolveLocalTileImage,
  resolveTileImage,
  toImageProxyUrl,
  toTileImageSource,
} from './app-files'
import type { TileImage } from './app-files'
import type { AppDefinition } from './app-model'
import { SAMPLE_APPS } from './sample-apps'

const APP: AppDefinition = {
  ...requireFirstSampleApp(),
  assets: {
    '/assets/tiles/flipcycletilemedium.png': 'blob:medium',
    '/assets/back.png': 'blob:back',
    'isostore:/shared/shellcontent/photo.jpg': 'blob:photo',
    'isostore:/private/secret.png': 'blob:private',
  },
}

describe('resolveTileImage', () => {
  it.each<[string, string | undefined, TileImage]>([
    ['absent', undefined, { kind: 'none' }],
    ['empty', '', { kind: 'none' }],
    ['blank', '   ', { kind: 'none' }],
    ['package path', '/Assets/Tiles/FlipCycleTileMedium.png', file('blob:medium')],
    ['relative path', 'Assets/back.png', file('blob:back')],
    ['backslashes', '\\Assets\\back.png', file('blob:back')],
    ['appdata path', 'appdata:/Assets/back.png', file('blob:back')],
    ['ShellContent path', 'isostore:/Shared/ShellContent/photo.jpg', file('blob:photo')],
    ['ShellContent in other case', 'ISOSTORE:/shared/SHELLCONTENT/Photo.JPG', file('blob:photo')],
    [
      'isostore outside ShellContent',
      'isostore:/Private/secret.png',
      missing('isostore:/Private/secret.png'),
    ],
    ['package path not shipped', '/Assets/none.png', missing('/Assets/none.png')],
    ['http URL', 'http://example.com/a.png', remote('http://example.com/a.png')],
    ['https URL with spaces', ' https://example.com/a.png ', remote('https://example.com/a.png')],
    ['HTTPS in capitals', 'HTTPS://example.com/a.png', remote('HTTPS://example.com/a.png')],
    ['ftp URL', 'ftp://example.com/a.png', missing('ftp://example.com/a.png')],
    ['data URL', 'data:image/png;base64,AAAA', missing('data:image/png;base64,AAAA')],
    ['ms-appx URI', 'ms-appx:///Assets/back.png', missing('ms-appx:///Assets/back.png')],
  ])('resolves %s', (_case, uri, expected) => {
    expect(resolveTileImage(APP, uri)).toEqual(expected)
  })
})

describe('resolveLocalTileImage', () => {
  it.each<[string, string | undefined, TileImage]>([
    ['remote URL as missing', 'https://example.com/a.png', missing('https://example.com/a.png')],
    ['package path as a file', '/Assets/back.png', file('blob:back')],
    ['absent as none', undefined, { kind: 'none' }],
  ])('resolves a %s', (_case, uri, expected) => {
    expect(resolveLocalTileImage(APP, uri)).toEqual(expected)
  })
})

describe('toImageProxyUrl', () => {
  it.each([
    ['http://example.com/a.png', '/__emulator/image?url=http%3A%2F%2Fexample.com%2Fa.png'],
    [
      'https://example.com/a b.png?x=1&y="2"',
      '/__emulator/image?url=https%3A%2F%2Fexample.com%2Fa%20b.png%3Fx%3D1%26y%3D%222%22',
    ],
  ])('encodes %s', (url, expected) => {
    expect(toImageProxyUrl(url)).toBe(expected)
  })
})

describe('toTileImageSource', () => {
  it.each<[TileImage, string | undefined]>([
    [{ kind: 'none' }, undefined],
    [missing('/Assets/none.png'), undefined],
    [file('blob:back'), 'blob:back'],
    [
      remote('https://example.com/a.png'),
      '/__emulator/image?url=https%3A%2F%2Fexample.com%2Fa.png',
    ],
  ])('maps %j to %j', (image, expected) => {
    expect(toTileImageSource(image)).toBe(expected)
  })
})

function file(url: string): TileImage {
  return { kind: 'file', url }
}

function missing(path: string): TileImage {
  return { kind: 'missing', path }
}

function remote(url: string): TileImage {
  return { kind: 'remote', url }
}

function requireFirstSampleApp(): AppDefinition {
  const app = SAMPLE_APPS[0]
  if (app === undefined) {
    throw new Error('The sample app list is empty.')
  }
  return app
}

describe('markImageProxyMissing', () => {
  it('makes remote images load from their own URL', async () => {
    // A fresh module, so the flag this test sets stays out of the other tests.
    vi.resetModules()
    const files = await import('./app-files')
    const image = { kind: 'remote', url: 'http://127.0.0.1:9000/a.png' } as const

    expect(files.toTileImageSource(image)).toBe(files.toImageProxyUrl(image.url))
    files.markImageProxyMissing()
    expect(files.toTileImageSource(image)).toBe(image.url)
  })
})
