import { describe, expect, it } from 'vitest'

import { toAppJson } from '@/apps/app-json'
import { findApp } from '@/apps/sample-apps'

import {
  MAX_IMAGE_FILE_BYTES,
  buildAppFromForm,
  checkAppFileSize,
  createBlankForm,
  importAppJson,
  importManifest,
  sortManifestFiles,
  toFileReadFailure,
  toImageDataUrl,
  toInstallAppForm,
  toTileTemplate,
  withFormName,
} from './install-app-model'
import type { InstallAppForm } from './install-app-model'

const MANIFEST = `<?xml version="1.0" encoding="utf-8"?>
<Deployment xmlns="http://schemas.microsoft.com/windowsphone/2012/deployment" AppPlatformVersion="8.0">
  <App xmlns="" ProductID="{0abfff5c-f90e-4962-8f37-2099b06243fe}" Title="Litware Mail">
    <IconPath IsRelative="true" IsResource="false">Assets\\ApplicationIcon.png</IconPath>
    <Capabilities><Capability Name="ID_CAP_PUSH_NOTIFICATION" /></Capabilities>
    <Tasks><DefaultTask Name="_default" NavigationPage="Views\\Inbox.xaml" /></Tasks>
    <Tokens><PrimaryToken TokenID="LitwareMailToken" TaskName="_default">
      <TemplateIconic>
        <SmallImageURI>Assets\\Tiles\\IconicTileSmall.png</SmallImageURI>
        <IconImageURI>Assets\\Tiles\\IconicTileMediumLarge.png</IconImageURI>
        <Title>Mail</Title>
        <BackgroundColor>#FF1BA1E2</BackgroundColor>
        <HasLarge>True</HasLarge>
        <LargeContent1>Anna</LargeContent1>
      </TemplateIconic>
    </PrimaryToken></Tokens>
  </App>
</Deployment>`

const TYPED_FORM: InstallAppForm = {
  ...createBlankForm(),
  name: 'Adventure Works',
  channelName: 'AdventureWorksChannel',
}

function importOrThrow() {
  const result = importManifest(MANIFEST, new Map())
  if (!result.ok) {
    throw new Error(result.error)
  }
  return result
}

function buildOrThrow(form: InstallAppForm, imported?: Parameters<typeof buildAppFromForm>[1]) {
  const result = buildAppFromForm(form, imported)
  if (!result.ok) {
    throw new Error(result.errors.join(' '))
  }
  return result.app
}

describe('withFormName', () => {
  it('moves a default channel name along', () => {
    const form = withFormName(withFormName(createBlankForm(), 'Contoso'), 'Contoso Bank')

    expect(form.channelName).toBe('ContosoBankChannel')
  })

  it('keeps a channel name the user typed', () => {
    const form = withFormName({ ...TYPED_FORM, channelName: 'Mine' }, 'Other')

    expect(form).toMatchObject({ name: 'Other', channelName: 'Mine' })
  })
})

describe('sortManifestFiles', () => {
  it('picks WMAppManifest.xml and the images', () => {
    const manifest = { name: 'WMAppManifest.xml', size: 2_000 }
    const files = [
      { name: 'AppManifest.xml', size: 300 },
      { name: 'Icon.PNG', size: 1_000 },
      manifest,
      { name: 'notes.txt', size: 10 },
      { name: 'photo.jpg', size: MAX_IMAGE_FILE_BYTES + 1 },
    ]

    expect(sortManifestFiles(files)).toEqual({
      ok: true,
      manifest,
      images: [{ name: 'Icon.PNG', size: 1_000 }],
      warnings: [
        '"AppManifest.xml" is not a PNG, JPEG or GIF image, so it is ignored.',
        '"notes.txt" is not a PNG, JPEG or GIF image, so it is ignored.',
        '"photo.jpg" is larger than 512 KB, so it is ignored. Tile images are far smaller.',
      ],
    })
  })

  it('takes the only .xml file whatever its name', () => {
    const result = sortManifestFiles([{ name: 'manifest copy.XML', size: 10 }])

    expect(result).toMatchObject({ ok: true, manifest: { name: 'manifest copy.XML' } })
  })

  it.each([
    [
      [{ name: 'a.png', size: 1 }],
      "The chosen files include no .xml file. Choose WMAppManifest.xml from the project's Properties folder, with its images if you have them.",
    ],
    [
      [
        { name: 'a.xml', size: 1 },
        { name: 'b.xml', size: 1 },
      ],
      "The chosen files include 2 .xml files. Choose WMAppManifest.xml from the project's Properties folder, with its images if you have them.",
    ],
    [
      [{ name: 'WMAppManifest.xml', size: 600 * 1024 }],
      'Invalid WMAppManifest.xml: "WMAppManifest.xml" is larger than 512 KB. Choose the manifest from the project\'s Properties folder.',
    ],
  ])('rejects %j', (files, error) => {
    expect(sortManifestFiles(files)).toEqual({ ok: false, error })
  })
})

describe('importManifest', () => {
  it('fills the form from the manifest', () => {
    const result = importOrThrow()

    expect(result.form).toEqual({
      name: 'Litware Mail',
      tileTemplate: 'IconicTile',
      supportsWide: true,
      channelName: 'LitwareMailChannel',
      serviceName: '',
      lockScreenIconCount: false,
      lockScreenTextField: false,
    })
    expect(result.warnings).toHaveLength(3)
  })

  it('passes a manifest error on', () => {
    expect(importManifest('<Deployment />', new Map())).toEqual({
      ok: false,
      error:
        "Invalid WMAppManifest.xml: no <App> element inside <Deployment>. Choose the WMAppManifest.xml from the project's Properties folder.",
    })
  })
})

describe('importAppJson', () => {
  it('fills the form from an app file', () => {
    const chat = findApp('contoso-chat')
    const result = importAppJson(chat === undefined ? '' : toAppJson(chat))

    expect(result).toMatchObject({
      ok: true,
      form: { name: 'Contoso Chat', tileTemplate: 'IconicTile', lockScreenIconCount: true },
      warnings: [],
    })
  })

  it('passes a JSON error on', () => {
    expect(importAppJson('[]')).toMatchObject({ ok: false })
  })
})

describe('buildAppFromForm', () => {
  it('asks for the name and channel name', () => {
    expect(buildAppFromForm(createBlankForm())).toEqual({
      ok: false,
      errors: [
        'Enter the app name.',
        'Enter the channel name the app passes to HttpNotificationChannel.',
      ],
    })
  })

  it('rejects a name over 256 characters', () => {
    const result = buildAppFromForm({ ...TYPED_FORM, name: 'a'.repeat(257) })

    expect(result).toEqual({
      ok: false,
      errors: [`"${'a'.repeat(40)}…" is longer than 256 characters. Shorten it.`],
    })
  })

  it('builds a typed-in app with defaults', () => {
    const app = buildOrThrow({ ...TYPED_FORM, serviceName: '  push.example.com ' })

    expect(app).toMatchObject({
      id: 'adventure-works',
      name: 'Adventure Works',
      tileTemplate: 'FlipTile',
      initialTile: { template: 'FlipTile', fields: { Title: 'Adventure Works' } },
      defaultPage: '/MainPage.xaml',
      pages: ['/MainPage.xaml'],
      supportsWide: false,
      channelName: 'AdventureWorksChannel',
      serviceName: 'push.example.com',
      assets: {},
      lockScreen: { iconCount: false, textField: false },
      secondaryTiles: [],
      tileImageBaseUris: ['http://', 'https://'],
      handlesRaw: true,
      origin: 'custom',
    })
    expect(app.iconPath).toBeUndefined()
  })

  it('keeps what the manifest declared', () => {
    const { app: imported, form } = importOrThrow()

    const app = buildOrThrow({ ...form, lockScreenIconCount: true }, imported)

    expect(app).toEqual({ ...imported, lockScreen: { iconCount: true, textField: false } })
  })

  it('keeps the fields a new template shows', () => {
    const { app: imported, form } = importOrThrow()

    const app = buildOrThrow({ ...form, tileTemplate: 'FlipTile' }, imported)

    expect(app.initialTile).toEqual({ template: 'FlipTile', fields: { Title: 'Mail' } })
  })

  it('never makes a legacy tile wide', () => {
    const app = buildOrThrow({ ...TYPED_FORM, tileTemplate: 'Legacy', supportsWide: true })

    expect(app.supportsWide).toBe(false)
  })

  it('installs an imported sample as a custom app', () => {
    const weather = findApp('contoso-weather')
    const app = buildOrThrow(
      weather === undefined ? TYPED_FORM : toInstallAppForm(weather),
      weather,
    )

    expect(app).toEqual({ ...weather, origin: 'custom' })
  })
})

describe('checkAppFileSize', () => {
  it('accepts a small file', () => {
    expect(checkAppFileSize({ name: 'a.json', size: 100 })).toBeUndefined()
  })

  it('rejects a file over 8 MB', () => {
    expect(checkAppFileSize({ name: 'a.json', size: 9 * 1024 * 1024 })).toBe(
      'Invalid app JSON: "a.json" is larger than 8 MB. Use smaller images in the app.',
    )
  })
})

describe('toImageDataUrl', () => {
  it.each([
    ['data:application/octet-stream;base64,AAAA', 'a.PNG', 'data:image/png;base64,AAAA'],
    ['data:;base64,AAAA', 'b.jpeg', 'data:image/jpeg;base64,AAAA'],
    ['data:image/png;base64,AAAA', 'c.png', 'data:image/png;base64,AAAA'],
    ['data:image/gif;base64,AAAA', 'd.txt', 'data:image/gif;base64,AAAA'],
  ])('retypes %s named %s', (dataUrl, fileName, expected) => {
    expect(toImageDataUrl(dataUrl, fileName)).toBe(expected)
  })
})

describe('toTileTemplate', () => {
  it.each([
    ['IconicTile', 'IconicTile'],
    ['Legacy', 'Legacy'],
    ['Unknown', 'FlipTile'],
  ])('reads %s as %s', (value, template) => {
    expect(toTileTemplate(value)).toBe(template)
  })
})

describe('toFileReadFailure', () => {
  it('names the file and the reason', () => {
    expect(toFileReadFailure('x.png', new Error('NotReadableError'))).toEqual({
      ok: false,
      error: 'Failed to read "x.png": NotReadableError. Choose the file again.',
    })
  })
})
