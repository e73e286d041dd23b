import { describe, expect, it } from 'vitest'

import { logWarn } from '@/lib/log'
import type { TileFieldName } from '@/mpns/types'
import { loadRealWorldManifestFixtures, resolveSharedDir } from '@/test/shared-fixtures'

import type { AppDefinition, PrimaryTileTemplate } from './app-model'
import { MAX_MANIFEST_BYTES, parseAppManifest } from './manifest'

/** What one real manifest must turn into. */
interface ManifestCase {
  /** Fixture file name. */
  file: string
  name: string
  id: string
  template: PrimaryTileTemplate
  supportsWide: boolean
  defaultPage: string
  iconCount: boolean
  textField: boolean
  lockIconPath?: string
  iconPath: string
  fields: Partial<Record<TileFieldName, string>>
  /** Whether the manifest lacks ID_CAP_PUSH_NOTIFICATION, which raises a warning. */
  lacksPushCapability: boolean
}

const NO_LOCK_SCREEN = { iconCount: false, textField: false } as const

const FLIP_TEMPLATE_IMAGES = {
  SmallBackgroundImage: '/Assets/Tiles/FlipCycleTileSmall.png',
  BackgroundImage: '/Assets/Tiles/FlipCycleTileMedium.png',
} as const

const CASES: ManifestCase[] = [
  {
    file: '0x49D1__Smartfiction__WMAppManifest.xml',
    name: 'Smartfiction',
    id: 'bc04dbde-32a9-4130-8964-e7ef21116819',
    template: 'Legacy',
    supportsWide: false,
    defaultPage: '/MainPage.xaml',
    ...NO_LOCK_SCREEN,
    iconPath: '/ApplicationIcon.png',
    fields: { BackgroundImage: '/Background.png' },
    lacksPushCapability: false,
  },
  {
    file: '4xes__2048-for-Windows-Phone-8__WMAppManifest.xml',
    name: '2048',
    id: '68d2ba53-993f-4e7f-835a-b83252373fc5',
    template: 'IconicTile',
    supportsWide: false,
    defaultPage: '/MainPage.xaml',
    ...NO_LOCK_SCREEN,
    iconPath: '/ApplicationIcon.png',
    fields: {
      SmallIconImage: '/ApplicationIcon.png',
      IconImage: '/ApplicationIcon.png',
      Title: '2048',
    },
    lacksPushCapability: true,
  },
  {
    file: 'GregOnNet__WP8BookSamples__WMAppManifest.xml',
    name: 'PhoneLockScreen',
    id: '75dab648-b4ec-429d-a97c-6cca3586efd2',
    template: 'FlipTile',
    supportsWide: false,
    defaultPage: '/MainPage.xaml',
    iconCount: true,
    textField: true,
    lockIconPath: '/Assets/LockScreen/Weight-Lifter-Icon.png',
    iconPath: '/Assets/ApplicationIcon.png',
    fields: { ...FLIP_TEMPLATE_IMAGES, Title: 'LockScreen' },
    lacksPushCapability: true,
  },
  {
    file: 'KuldipSekhon__SimpleSample-Chat-wp7__WMAppManifest.xml',
    name: 'SimpleSample_Chat',
    id: '8c2899a2-0e39-47a7-9ce9-52a1164ccea0',
    template: 'Legacy',
    supportsWide: false,
    defaultPage: '/MainPage.xaml',
    ...NO_LOCK_SCREEN,
    iconPath: '/ApplicationIcon.png',
    fields: { BackgroundImage: '/Background.png', Title: 'SimpleSample_Chat' },
    lacksPushCapability: false,
  },
  {
    file: 'MKoi__BicycleAdventure__WMAppManifest.xml',
    name: 'Amazing Bicycle Adventure',
    id: 'a1bbb385-7872-4cf6-bffd-81487107056a',
    template: 'FlipTile',
    supportsWide: false,
    defaultPage: '/MainPage.xaml',
    ...NO_LOCK_SCREEN,
    iconPath: '/Assets/ABA_icon.png',
    fields: {
      SmallBackgroundImage: '/Assets/ABA_tile_small.png',
      BackgroundImage: '/Assets/ABA_tile_medium.png',
      Title: 'Bicycle Adventure',
    },
    lacksPushCapability: true,
  },
  {
    file: 'MobileFirst-Platform-Developer-Center__EventSourceNotificationsWP8__WMAppManifest.xml',
    name: 'EventSourceNotificationsWP8',
    id: '0abfff5c-f90e-4962-8f37-2099b06243fe',
    template: 'FlipTile',
    supportsWide: false,
    defaultPage: '/MainPage.xaml',
    ...NO_LOCK_SCREEN,
    iconPath: '/icon.png',
    fields: {
      SmallBackgroundImage: '/icon.png',
      BackgroundImage: '/thumbnail.png',
      Title: 'EventSourceNotificationsWP8',
    },
    lacksPushCapability: false,
  },
  {
    file: 'Redth__PushSharp__WMAppManifest.xml',
    name: 'PushSharp.ClientSample.WindowsPhone',
    id: '21fc5b7c-203c-4017-b926-11adcb1b79d5',
    template: 'Legacy',
    supportsWide: false,
    defaultPage: '/MainPage.xaml',
    ...NO_LOCK_SCREEN,
    iconPath: '/ApplicationIcon.png',
    fields: { BackgroundImage: '/Background.png', Title: 'PushSharp.ClientSample.WindowsPhone' },
    lacksPushCapability: false,
  },
  {
    file: 'RukaiYu__TinyMoneyManager.WP8__WMAppManifest.xml',
    name: 'TinyMoneyManager',
    id: 'a8729ad3-6964-4fef-9a6a-ab3eeeb61e58',
    template: 'FlipTile',
    supportsWide: false,
    defaultPage: '/MainPage.xaml',
    ...NO_LOCK_SCREEN,
    iconPath: '/ApplicationIcon.png',
    fields: {
      SmallBackgroundImage: '/Background.png',
      BackgroundImage: '/Background.png',
      Title: 'TinyMoneyManager',
    },
    lacksPushCapability: true,
  },
  {
    file: 'Umriyaev__PushNotificationExample__WMAppManifest.xml',
    name: 'PhoneApp1',
    id: 'cc89b6cd-f33d-4b73-9d79-d42dce135216',
    template: 'FlipTile',
    supportsWide: false,
    defaultPage: '/MainPage.xaml',
    ...NO_LOCK_SCREEN,
    iconPath: '/Assets/ApplicationIcon.png',
    fields: { ...FLIP_TEMPLATE_IMAGES, Title: 'PhoneApp1' },
    lacksPushCapability: false,
  },
  {
    file: 'apache__cordova-wp8__WMAppManifest.xml',
    name: 'Imported app',
    id: 'imported-app',
    template: 'Legacy',
    supportsWide: false,
    defaultPage: '/MainPage.xaml',
    ...NO_LOCK_SCREEN,
    iconPath: '/ApplicationIcon.png',
    fields: { BackgroundImage: '/Background.png', Title: 'Imported app' },
    lacksPushCapability: true,
  },
  {
    file: 'banjoh__noppawp8__WMAppManifest.xml',
    name: 'Noppa',
    id: '1d209c3f-d419-4ffd-acfd-62a01becd488',
    template: 'IconicTile',
    supportsWide: true,
    defaultPage: '/Views/MainPage.xaml',
    ...NO_LOCK_SCREEN,
    iconPath: '/Assets/ApplicationIcon.png',
    fields: {
      SmallIconImage: '/Assets/Tiles/Small.png',
      IconImage: '/Assets/Tiles/Medium.png',
      Title: 'Noppa',
    },
    lacksPushCapability: true,
  },
  {
    file: 'brianholley__livetunes__WMAppManifest.xml',
    name: 'LiveTunes',
    id: 'livetunes',
    template: 'FlipTile',
    supportsWide: false,
    defaultPage: '/MainPage.xaml',
    ...NO_LOCK_SCREEN,
    iconPath: '/ApplicationIcon.png',
    fields: {
      SmallBackgroundImage: '/Background.png',
      BackgroundImage: '/Background.png',
      Title: 'LiveTunes',
    },
    lacksPushCapability: false,
  },
  {
    file: 'hippiehunter__Baconography__WMAppManifest.xml',
    name: 'Baconography',
    id: '0fe36153-24f5-429e-a5a3-b95da0367cab',
    template: 'CycleTile',
    supportsWide: true,
    defaultPage: '/BaconographyWP8Core;component/MainPage.xaml',
    ...NO_LOCK_SCREEN,
    lockIconPath: '/Assets/DefaultLockScreen.png',
    iconPath: '/Assets/ApplicationIconSmall.png',
    fields: {
      SmallBackgroundImage: '/Assets/ApplicationIconSmall.png',
      Title: 'Baconography',
      CycleImage1: '/Assets/BaconographyPhoneIconWide.png',
      CycleImage2: '/Assets/ApplicationIcon.png',
    },
    lacksPushCapability: true,
  },
  {
    file: 'jmsferrell4Co__WPTweaker__WMAppManifest.xml',
    name: 'WPTweaker',
    id: 'b2634903-3f46-481a-b907-553ff3bdb801',
    template: 'FlipTile',
    supportsWide: true,
    defaultPage: '/MainPage.xaml',
    ...NO_LOCK_SCREEN,
    iconPath: '/Assets/ApplicationIcon.png',
    fields: {
      ...FLIP_TEMPLATE_IMAGES,
      Title: 'WPTweaker',
      WideBackgroundImage: '/Assets/Tiles/FlipCycleTileLarge.png',
    },
    lacksPushCapability: true,
  },
]

const shared = resolveSharedDir()
const fixtures = shared.dir === null ? [] : loadRealWorldManifestFixtures()

function parseFixture(file: string): { app: AppDefinition; warnings: string[] } {
  const fixture = fixtures.find(({ name }) => name === file)
  if (fixture === undefined) {
    throw new Error(`Fixture ${file} is missing from the shared folder`)
  }
  const result = parseAppManifest(fixture.xml)
  if (!result.ok) {
    throw new Error(`Failed to parse ${file}: ${result.error}`)
  }
  return result
}

function hasPushWarning(warnings: readonly string[]): boolean {
  return warnings.some((warning) => warning.includes('ID_CAP_PUSH_NOTIFICATION'))
}

const describeRealWorld = shared.dir === null ? describe.skip : describe
if (shared.dir === null) {
  // The default reporter counts skipped tests without naming them, so the reason is printed too.
  logWarn('[test]', `Skipping real-world manifest imports: ${shared.reason}`)
}
const title =
  shared.dir === null
    ? `real-world manifest imports (skipped: ${shared.reason})`
    : 'real-world manifest imports'

describeRealWorld(title, () => {
  it('has an expected result for every file', () => {
    expect(fixtures.map(({ name }) => name)).toEqual(CASES.map(({ file }) => file).sort())
  })

  it.each(CASES)('imports $file', (testCase) => {
    const { app, warnings } = parseFixture(testCase.file)

    expect(app.name).toBe(testCase.name)
    expect(app.id).toBe(testCase.id)
    expect(app.tileTemplate).toBe(testCase.template)
    expect(app.initialTile.template).toBe(testCase.template)
    expect(app.initialTile.fields).toEqual(testCase.fields)
    expect(app.supportsWide).toBe(testCase.supportsWide)
    expect(app.defaultPage).toBe(testCase.defaultPage)
    expect(app.pages).toEqual([testCase.defaultPage])
    expect(app.lockScreen.iconCount).toBe(testCase.iconCount)
    expect(app.lockScreen.textField).toBe(testCase.textField)
    expect(app.lockScreen.lockIconPath).toBe(testCase.lockIconPath)
    expect(app.iconPath).toBe(testCase.iconPath)
    expect(app.channelName).toBe(`${testCase.name.replace(/\s+/g, '')}Channel`)
    expect(app.origin).toBe('custom')
    expect(hasPushWarning(warnings)).toBe(testCase.lacksPushCapability)
  })

  it.each(CASES)('gives every image of $file a placeholder', (testCase) => {
    const { app } = parseFixture(testCase.file)
    const imagePaths = Object.values(testCase.fields).filter((value) => value.startsWith('/'))

    for (const path of [...imagePaths, testCase.iconPath]) {
      expect(app.assets[path.toLowerCase()]).toMatch(/^data:image\/svg\+xml;/)
    }
  })

  it('names the resource title it could not read', () => {
    const { warnings } = parseFixture('RukaiYu__TinyMoneyManager.WP8__WMAppManifest.xml')

    expect(warnings).toContain(
      'The app title "@AppResLib.dll,-100" refers to a string resource, which the emulator cannot read, so the app is named "TinyMoneyManager". Change the name in the form.',
    )
  })

  it('explains a native default task', () => {
    const { warnings } = parseFixture('MKoi__BicycleAdventure__WMAppManifest.xml')

    expect(warnings).toContain(
      '<DefaultTask> starts the native program "BicycleAdventure.exe" rather than a XAML page, so the emulator opens "/MainPage.xaml".',
    )
  })

  it('warns about a lock icon without a lock-screen extension', () => {
    const { warnings } = parseFixture('hippiehunter__Baconography__WMAppManifest.xml')

    expect(warnings).toContain(
      'DeviceLockImageURI is set, but without the LockScreen_Notification_IconCount or LockScreen_Notification_TextField extension the user cannot add the app to the lock screen.',
    )
  })
})

/** Builds a WP8 manifest around the given App attributes and inner XML. */
function buildManifest(options: { appAttributes?: string; inner?: string } = {}): string {
  const appAttributes =
    options.appAttributes ??
    'ProductID="{11111111-2222-3333-4444-555555555555}" Title="Fabrikam News"'
  const inner =
    options.inner ??
    `<Tasks><DefaultTask Name="_default" NavigationPage="MainPage.xaml" /></Tasks>
    <Tokens><PrimaryToken TokenID="FabrikamNewsToken" TaskName="_default">
      <TemplateFlip><Title>Fabrikam News</Title></TemplateFlip>
    </PrimaryToken></Tokens>`
  return `<?xml version="1.0" encoding="utf-8"?>
<Deployment xmlns="http://schemas.microsoft.com/windowsphone/2012/deployment" AppPlatformVersion="8.0">
  <App xmlns="" ${appAttributes}>
    ${inner}
  </App>
</Deployment>`
}

function parseOrThrow(xml: string, files?: ReadonlyMap<string, string>) {
  const result = parseAppManifest(xml, files)
  if (!result.ok) {
    throw new Error(`Expected a parsed app, got: ${result.error}`)
  }
  return result
}

const CHOOSE = "Choose the WMAppManifest.xml from the project's Properties folder."

describe('parseAppManifest', () => {
  it.each([
    ['an empty file', '', `Invalid WMAppManifest.xml: the file is empty. ${CHOOSE}`],
    [
      'a byte order mark alone',
      '\uFEFF  \n',
      `Invalid WMAppManifest.xml: the file is empty. ${CHOOSE}`,
    ],
    [
      'a file over the size cap',
      `<Deployment>${' '.repeat(MAX_MANIFEST_BYTES)}</Deployment>`,
      `Invalid WMAppManifest.xml: the file is larger than 512 KB, far more than a manifest holds. ${CHOOSE}`,
    ],
    [
      'multi-byte text over the size cap',
      `<Deployment>${'é'.repeat(MAX_MANIFEST_BYTES / 2 + 1)}</Deployment>`,
      `Invalid WMAppManifest.xml: the file is larger than 512 KB, far more than a manifest holds. ${CHOOSE}`,
    ],
    [
      'plain text',
      'not a manifest',
      "Invalid WMAppManifest.xml: the XML is not well-formed at line 1, column 1: char 'n' is not expected. Fix the file or choose the manifest Visual Studio generated.",
    ],
    [
      'an unclosed element',
      '<Deployment>\n  <App Title="x">\n</Deployment>',
      "Invalid WMAppManifest.xml: the XML is not well-formed at line 3, column 1: Expected closing tag 'App' (opened in line 2, col 3) instead of closing tag 'Deployment'. Fix the file or choose the manifest Visual Studio generated.",
    ],
    [
      'a declaration without a root element',
      '<?xml version="1.0" encoding="utf-8"?>\n<!-- nothing -->',
      'Invalid WMAppManifest.xml: the XML is not well-formed at line 1: Start tag expected. Fix the file or choose the manifest Visual Studio generated.',
    ],
    [
      'an entity declaration',
      '<!DOCTYPE Deployment [<!ENTITY a "aaaa">]><Deployment><App Title="&a;"/></Deployment>',
      'Invalid WMAppManifest.xml: it contains a DOCTYPE or ENTITY declaration, which no Windows Phone manifest has. Remove the declaration or choose the manifest Visual Studio generated.',
    ],
    [
      'another root element',
      '<Package><Applications /></Package>',
      `Invalid WMAppManifest.xml: the root element is <Package>, not <Deployment>. ${CHOOSE}`,
    ],
    [
      'no App element',
      '<Deployment AppPlatformVersion="8.0"><DefaultLanguage code="en-US" /></Deployment>',
      `Invalid WMAppManifest.xml: no <App> element inside <Deployment>. ${CHOOSE}`,
    ],
    [
      'two root elements',
      '<Deployment><App /></Deployment><Deployment />',
      "Invalid WMAppManifest.xml: the file must hold exactly one root element, <Deployment>. Choose the manifest from the project's Properties folder.",
    ],
  ])('rejects %s', (_case, xml, error) => {
    expect(parseAppManifest(xml)).toEqual({ ok: false, error })
  })

  it('accepts odd letter case and a leading byte order mark', () => {
    const xml = `\uFEFF<deployment><APP title="Odd Case"><tasks><defaulttask navigationpage="Home.xaml" /></tasks>
      <tokens><primarytoken tokenid="OddToken"><templateflip><title>Odd</title><haslarge>TRUE</haslarge></templateflip></primarytoken></tokens>
      <capabilities><capability name="id_cap_push_notification" /></capabilities></APP></deployment>`

    const { app, warnings } = parseOrThrow(xml)

    expect(app.name).toBe('Odd Case')
    expect(app.defaultPage).toBe('/Home.xaml')
    expect(app.initialTile).toEqual({ template: 'FlipTile', fields: { Title: 'Odd' } })
    expect(app.supportsWide).toBe(true)
    expect(warnings).toEqual([])
  })

  it('decodes character references in attributes and text', () => {
    const xml = buildManifest({
      appAttributes: 'Title="Tom &amp; Jerry&#x21;"',
      inner:
        '<Tokens><PrimaryToken><TemplateFlip><Title>A &lt;b&gt; &#233;</Title></TemplateFlip></PrimaryToken></Tokens>',
    })

    const { app } = parseOrThrow(xml)

    expect(app.name).toBe('Tom & Jerry!')
    expect(app.id).toBe('tom-jerry')
    expect(app.initialTile.fields.Title).toBe('A <b> é')
  })

  it('falls back to a FlipTile without a primary token', () => {
    const xml = buildManifest({
      inner: '<Capabilities><Capability Name="ID_CAP_PUSH_NOTIFICATION"/></Capabilities>',
    })

    const { app, warnings } = parseOrThrow(xml)

    expect(app.initialTile).toEqual({ template: 'FlipTile', fields: { Title: 'Fabrikam News' } })
    expect(warnings).toEqual([
      'The manifest has no <Tokens><PrimaryToken>, so the primary tile is a FlipTile titled "Fabrikam News". Pick the tile template in the form.',
      'The manifest has no <Tasks><DefaultTask>, so the app opens at "/MainPage.xaml".',
    ])
  })

  it('falls back to a FlipTile for an unknown template', () => {
    const xml = buildManifest({
      inner:
        '<Tokens><PrimaryToken TokenID="T"><TemplateType6><Title>x</Title></TemplateType6></PrimaryToken></Tokens>',
    })

    const { app, warnings } = parseOrThrow(xml)

    expect(app.tileTemplate).toBe('FlipTile')
    expect(warnings[0]).toBe(
      'The manifest has no TemplateFlip, TemplateIconic, TemplateCycle or TemplateType5, so the primary tile is a FlipTile titled "Fabrikam News". Pick the tile template in the form.',
    )
  })

  it('names an untitled app after its token', () => {
    const xml = buildManifest({
      appAttributes: 'ProductID="{}"',
      inner:
        '<Tokens><PrimaryToken TokenID="ContosoNotesToken"><TemplateFlip /></PrimaryToken></Tokens>',
    })

    const { app, warnings } = parseOrThrow(xml)

    expect(app.name).toBe('ContosoNotes')
    expect(app.id).toBe('contosonotes')
    expect(app.channelName).toBe('ContosoNotesChannel')
    expect(warnings[0]).toBe(
      '<App> has no Title, so the app is named "ContosoNotes". Change the name in the form.',
    )
  })

  it('derives the id from the ProductID GUID', () => {
    const { app } = parseOrThrow(buildManifest())

    expect(app.id).toBe('11111111-2222-3333-4444-555555555555')
    expect(app.channelName).toBe('FabrikamNewsChannel')
    expect(app.tileImageBaseUris).toEqual(['http://', 'https://'])
    expect(app.handlesRaw).toBe(true)
    expect(app.secondaryTiles).toEqual([])
  })

  it('warns when the push capability is missing', () => {
    const { warnings } = parseOrThrow(buildManifest())

    expect(warnings).toEqual([
      'The manifest does not declare ID_CAP_PUSH_NOTIFICATION, which a phone app needs to use push notifications; the emulator opens its channel anyway. Add <Capability Name="ID_CAP_PUSH_NOTIFICATION" /> to <Capabilities>.',
    ])
  })

  it('reads the lock-screen extensions', () => {
    const xml = buildManifest({
      inner: `<Tokens><PrimaryToken><TemplateIconic><DeviceLockImageURI>Assets\\Lock.png</DeviceLockImageURI></TemplateIconic></PrimaryToken></Tokens>
        <Extensions>
          <Extension ExtensionName="LockScreen_Notification_IconCount" ConsumerID="{111DFF24-AA15-4A96-8006-2BFF8122084F}" TaskID="_default" />
          <Extension ExtensionName="lockscreen_notification_textfield" ConsumerID="{111DFF24-AA15-4A96-8006-2BFF8122084F}" TaskID="_default" />
        </Extensions>`,
    })

    const { app } = parseOrThrow(xml, new Map([['Lock.png', 'data:image/png;base64,AA==']]))

    expect(app.lockScreen).toEqual({
      iconCount: true,
      textField: true,
      lockIconPath: '/Assets/Lock.png',
    })
    expect(app.assets['/assets/lock.png']).toBe('data:image/png;base64,AA==')
  })

  it('warns about an icon count without a lock icon', () => {
    const xml = buildManifest({
      inner: `<Tokens><PrimaryToken><TemplateFlip /></PrimaryToken></Tokens>
        <Extensions><Extension ExtensionName="LockScreen_Notification_IconCount" /></Extensions>`,
    })

    const { warnings } = parseOrThrow(xml)

    expect(warnings).toContain(
      'The manifest declares LockScreen_Notification_IconCount but no DeviceLockImageURI, so the lock screen shows the count without an icon. Set DeviceLockImageURI to a 38 x 38 PNG of white pixels on transparency.',
    )
  })

  it('uses supplied image files', () => {
    const xml = buildManifest({
      inner: `<IconPath>Assets\\ApplicationIcon.png</IconPath>
        <Tokens><PrimaryToken><TemplateFlip>
          <SmallImageURI>Assets\\Tiles\\FlipCycleTileSmall.png</SmallImageURI>
          <BackgroundImageURI>Assets\\Tiles\\FlipCycleTileMedium.png</BackgroundImageURI>
        </TemplateFlip></PrimaryToken></Tokens>`,
    })
    const files = new Map([
      ['applicationicon.PNG', 'blob:icon'],
      ['FlipCycleTileSmall.png', 'blob:small'],
      ['Tiles/FlipCycleTileMedium.png', 'blob:medium'],
    ])

    const { app, warnings } = parseOrThrow(xml, files)

    expect(app.iconPath).toBe('/Assets/ApplicationIcon.png')
    expect(app.assets).toEqual({
      '/assets/applicationicon.png': 'blob:icon',
      '/assets/tiles/flipcycletilesmall.png': 'blob:small',
      '/assets/tiles/flipcycletilemedium.png': 'blob:medium',
    })
    expect(warnings.filter((warning) => warning.includes('image'))).toEqual([])
  })
})
