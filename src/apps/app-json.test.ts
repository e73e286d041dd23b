import { describe, expect, it } from 'vitest'

import { APP_JSON_FORMAT, MAX_APP_JSON_LENGTH, parseAppJson, toAppJson } from './app-json'
import { GENERIC_APP_GLYPH } from './app-glyphs'
import type { AppDefinition } from './app-model'
import { parseAppManifest } from './manifest'
import { SAMPLE_APPS, findApp } from './sample-apps'

const CUSTOM_APP: AppDefinition = {
  id: 'fabrikam-news',
  name: 'Fabrikam News',
  icon: GENERIC_APP_GLYPH,
  iconPath: '/Assets/ApplicationIcon.png',
  tileTemplate: 'FlipTile',
  initialTile: { template: 'FlipTile', fields: { Title: 'Fabrikam News', Count: '' } },
  defaultPage: '/MainPage.xaml',
  pages: ['/MainPage.xaml', '/Article.xaml'],
  supportsWide: true,
  channelName: 'FabrikamNewsChannel',
  serviceName: 'news.fabrikam.example',
  assets: {
    '/assets/applicationicon.png': 'data:image/png;base64,iVBORw0KGgo=',
    'isostore:/shared/shellcontent/a.png': '/apps/fabrikam-news/isostore/a.png',
  },
  lockScreen: { iconCount: true, textField: false, lockIconPath: '/Assets/Lock.png' },
  secondaryTiles: [
    {
      navigationUri: '/Article.xaml?id=7',
      label: 'Pin article 7',
      initialTile: { template: 'FlipTile', fields: { Title: 'Article 7' } },
      supportsWide: false,
    },
  ],
  tileImageBaseUris: ['https://news.fabrikam.example/'],
  handlesRaw: false,
  origin: 'custom',
}

const FIX = 'Fix the field or export the app again.'

/** Writes an app file whose app is CUSTOM_APP with some fields replaced or removed. */
function writeAppFile(changes: Record<string, unknown>): string {
  const app: Record<string, unknown> = { ...CUSTOM_APP, ...changes }
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) {
      delete app[key]
    }
  }
  return JSON.stringify({ format: APP_JSON_FORMAT, version: 1, app })
}

describe('toAppJson', () => {
  it('writes the format, version and app', () => {
    const file: unknown = JSON.parse(toAppJson(CUSTOM_APP))

    expect(file).toEqual({ format: 'wp8-emulator-app', version: 1, app: CUSTOM_APP })
  })
})

describe('parseAppJson', () => {
  it.each(SAMPLE_APPS.map((app) => [app.id, app] as const))('round-trips %s', (_id, app) => {
    expect(parseAppJson(toAppJson(app))).toEqual({ ok: true, app })
  })

  it('round-trips a custom app', () => {
    expect(parseAppJson(toAppJson(CUSTOM_APP))).toEqual({ ok: true, app: CUSTOM_APP })
  })

  it('round-trips an imported manifest with placeholders', () => {
    const manifest = parseAppManifest(
      '<Deployment><App Title="Litware"><IconPath>Assets\\Icon.png</IconPath></App></Deployment>',
    )
    if (!manifest.ok) {
      throw new Error(manifest.error)
    }

    expect(parseAppJson(toAppJson(manifest.app))).toEqual({ ok: true, app: manifest.app })
  })

  it('keeps a sample app its origin', () => {
    const result = parseAppJson(toAppJson(findApp('fabrikam-scores') ?? CUSTOM_APP))

    expect(result).toMatchObject({ ok: true, app: { origin: 'sample' } })
  })

  it.each([
    [
      'a file over the size cap',
      ' '.repeat(MAX_APP_JSON_LENGTH + 1),
      'Invalid app JSON: the file is larger than 8 MB. Use smaller images in the app.',
    ],
    [
      'text that is not JSON',
      '{"format": ',
      'Invalid app JSON: the file is not JSON (Unexpected end of JSON input). Choose a file the emulator exported.',
    ],
    [
      'a JSON array',
      '[]',
      'Invalid app JSON: the file has no "format": "wp8-emulator-app", so the emulator did not export it. Choose an app file the emulator exported.',
    ],
    [
      'another format',
      '{"format": "wp8-emulator-handset", "version": 1, "app": {}}',
      'Invalid app JSON: the file has no "format": "wp8-emulator-app", so the emulator did not export it. Choose an app file the emulator exported.',
    ],
    [
      'a newer version',
      '{"format": "wp8-emulator-app", "version": 2, "app": {}}',
      'Invalid app JSON: the file has version 2, written by a newer emulator, but this one reads only version 1. Update the emulator.',
    ],
    [
      'a version that is not a number',
      '{"format": "wp8-emulator-app", "version": "1", "app": {}}',
      `Invalid app JSON: "version" must be 1. ${FIX}`,
    ],
    [
      'no app',
      '{"format": "wp8-emulator-app", "version": 1}',
      `Invalid app JSON: app must be an object. ${FIX}`,
    ],
  ])('rejects %s', (_case, text, error) => {
    expect(parseAppJson(text)).toEqual({ ok: false, error })
  })

  it.each([
    [
      { id: 'Fabrikam News' },
      'app.id must be lower-case letters, digits and inner hyphens, at most 64',
    ],
    [{ id: '-news' }, 'app.id must be lower-case letters, digits and inner hyphens, at most 64'],
    [{ name: '   ' }, 'app.name must be a string of 1 to 256 characters'],
    [{ name: 7 }, 'app.name must be a string of 1 to 256 characters'],
    [
      { icon: { viewBox: '0 0 48 48', path: 'M0 0"/><script>' } },
      'app.icon.path must be SVG path data of commands and numbers only',
    ],
    [
      { icon: { viewBox: 'auto', path: 'M0 0z' } },
      'app.icon.viewBox must be four numbers, as in an SVG viewBox',
    ],
    [
      { tileTemplate: 'WideTile' },
      'app.tileTemplate must be one of "Legacy", "FlipTile", "IconicTile", "CycleTile"',
    ],
    [
      { initialTile: { template: 'IconicTile', fields: {} } },
      'app.initialTile.template must equal "FlipTile"',
    ],
    [
      { initialTile: { template: 'FlipTile', fields: { Subtitle: 'x' } } },
      'app.initialTile.fields.Subtitle is not a tile field name',
    ],
    [
      { initialTile: { template: 'FlipTile', fields: { Count: 3 } } },
      'app.initialTile.fields.Count must be a string of at most 4096 characters',
    ],
    [
      { defaultPage: 'MainPage.xaml' },
      'app.defaultPage must be a page path that starts with "/" and has no query',
    ],
    [{ pages: ['/Article.xaml'] }, 'app.pages must include the default page "/MainPage.xaml"'],
    [{ pages: '/MainPage.xaml' }, 'app.pages must be an array of at most 64 entries'],
    [
      { pages: ['/MainPage.xaml', '/A.xaml?x=1'] },
      'app.pages[1] must be a page path that starts with "/" and has no query',
    ],
    [{ supportsWide: 'yes' }, 'app.supportsWide must be true or false'],
    [{ channelName: undefined }, 'app.channelName must be a string of 1 to 256 characters'],
    [{ serviceName: '' }, 'app.serviceName must be a string of 1 to 256 characters'],
    [
      { assets: { '/a.png': 'blob:http://127.0.0.1:5173/1b2c' } },
      'app.assets["/a.png"] must be an image data: URL or a path under /apps/',
    ],
    [
      { assets: { '/a.png': 'https://cdn.example.com/a.png' } },
      'app.assets["/a.png"] must be an image data: URL or a path under /apps/',
    ],
    [
      { assets: { '/a.png': '/apps/../secrets.png' } },
      'app.assets["/a.png"] must be an image data: URL or a path under /apps/',
    ],
    [
      { assets: { '/a.png': 'data:text/html,<script>alert(1)</script>' } },
      'app.assets["/a.png"] must be an image data: URL or a path under /apps/',
    ],
    [
      { assets: { '/Assets/A.png': 'data:image/png;base64,AA==' } },
      'app.assets["/Assets/A.png"] must be written as "/assets/a.png"',
    ],
    [
      { lockScreen: { iconCount: 'true', textField: false } },
      'app.lockScreen.iconCount must be true or false',
    ],
    [
      {
        secondaryTiles: [
          CUSTOM_APP.secondaryTiles[0],
          { ...CUSTOM_APP.secondaryTiles[0], label: 'Again' },
        ],
      },
      'app.secondaryTiles must not repeat the navigation URI "/Article.xaml?id=7"',
    ],
    [
      { secondaryTiles: [{ ...CUSTOM_APP.secondaryTiles[0], navigationUri: 'Article.xaml' }] },
      'app.secondaryTiles[0].navigationUri must be a navigation URI that starts with "/"',
    ],
    [
      { tileImageBaseUris: ['ftp://files.example.com/'] },
      'app.tileImageBaseUris[0] must be an http:// or https:// URI prefix',
    ],
    [{ handlesRaw: undefined }, 'app.handlesRaw must be true or false'],
    [{ origin: 'store' }, 'app.origin must be one of "sample", "custom"'],
  ])('rejects app field %j', (changes, problem) => {
    expect(parseAppJson(writeAppFile(changes))).toEqual({
      ok: false,
      error: `Invalid app JSON: ${problem}. ${FIX}`,
    })
  })

  it('drops fields it does not know', () => {
    const result = parseAppJson(writeAppFile({ installedAt: 12 }))

    expect(result).toEqual({ ok: true, app: CUSTOM_APP })
  })
})
