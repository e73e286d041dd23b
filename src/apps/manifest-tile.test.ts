import { describe, expect, it } from 'vitest'

import { readPrimaryTile } from './manifest-tile'
import type { ManifestTile } from './manifest-tile'
import { parseManifestXml } from './manifest-xml'

function readTile(templateXml: string): ManifestTile {
  const parsed = parseManifestXml(
    `<App><Tokens><PrimaryToken TokenID="T">${templateXml}</PrimaryToken></Tokens></App>`,
  )
  if (!parsed.ok) {
    throw new Error(parsed.error)
  }
  return readPrimaryTile(parsed.root, 'Fabrikam')
}

describe('readPrimaryTile', () => {
  it('maps every Flip element to its tile field', () => {
    const tile = readTile(`<TemplateFlip>
      <SmallImageURI IsRelative="true" IsResource="false">Assets\\Tiles\\FlipCycleTileSmall.png</SmallImageURI>
      <Count>5</Count>
      <BackgroundImageURI>Assets\\Tiles\\FlipCycleTileMedium.png</BackgroundImageURI>
      <Title>Front</Title>
      <BackContent>Back text</BackContent>
      <BackBackgroundImageURI>Assets\\Back.png</BackBackgroundImageURI>
      <BackTitle>Back</BackTitle>
      <LargeBackgroundImageURI>Assets\\Tiles\\FlipCycleTileLarge.png</LargeBackgroundImageURI>
      <LargeBackContent>Wide back text</LargeBackContent>
      <LargeBackBackgroundImageURI>Assets\\WideBack.png</LargeBackBackgroundImageURI>
      <DeviceLockImageURI>Assets\\Lock.png</DeviceLockImageURI>
      <HasLarge>True</HasLarge>
    </TemplateFlip>`)

    expect(tile.template).toBe('FlipTile')
    expect(tile.fields).toEqual({
      SmallBackgroundImage: '/Assets/Tiles/FlipCycleTileSmall.png',
      Count: '5',
      BackgroundImage: '/Assets/Tiles/FlipCycleTileMedium.png',
      Title: 'Front',
      BackContent: 'Back text',
      BackBackgroundImage: '/Assets/Back.png',
      BackTitle: 'Back',
      WideBackgroundImage: '/Assets/Tiles/FlipCycleTileLarge.png',
      WideBackContent: 'Wide back text',
      WideBackBackgroundImage: '/Assets/WideBack.png',
    })
    expect(tile.supportsWide).toBe(true)
    expect(tile.lockIconPath).toBe('/Assets/Lock.png')
    expect(tile.images.map(({ role }) => role)).toEqual([
      'small-tile',
      'medium-tile',
      'medium-tile',
      'wide-tile',
      'wide-tile',
      'lock-icon',
    ])
    expect(tile.warnings).toEqual([])
  })

  it('maps every Iconic element to its tile field', () => {
    const tile = readTile(`<TemplateIconic>
      <SmallImageURI>Assets\\Tiles\\IconicTileSmall.png</SmallImageURI>
      <Count>3</Count>
      <IconImageURI>Assets\\Tiles\\IconicTileMediumLarge.png</IconImageURI>
      <Title>Chat</Title>
      <Message></Message>
      <BackgroundColor>#FF1BA1E2</BackgroundColor>
      <HasLarge>true</HasLarge>
      <LargeContent1>Anna</LargeContent1>
      <LargeContent2>Lunch?</LargeContent2>
      <LargeContent3>12:30</LargeContent3>
    </TemplateIconic>`)

    expect(tile.template).toBe('IconicTile')
    expect(tile.fields).toEqual({
      SmallIconImage: '/Assets/Tiles/IconicTileSmall.png',
      Count: '3',
      IconImage: '/Assets/Tiles/IconicTileMediumLarge.png',
      Title: 'Chat',
      BackgroundColor: '#FF1BA1E2',
      WideContent1: 'Anna',
      WideContent2: 'Lunch?',
      WideContent3: '12:30',
    })
    expect(tile.images.map(({ role }) => role)).toEqual(['iconic-small-icon', 'iconic-icon'])
    expect(tile.supportsWide).toBe(true)
  })

  it('maps both spellings of the Cycle photo elements', () => {
    const tile = readTile(`<TemplateCycle>
      <SmallImageURI>Assets\\Small.png</SmallImageURI>
      <Title>Photos</Title>
      <Photo01ImageURI>Assets\\One.png</Photo01ImageURI>
      <Photo2ImageURI>Assets\\Two.png</Photo2ImageURI>
      <Photo09ImageURI>Assets\\Nine.png</Photo09ImageURI>
      <Photo03ImageURI>
      </Photo03ImageURI>
      <HasLarge>False</HasLarge>
    </TemplateCycle>`)

    expect(tile.template).toBe('CycleTile')
    expect(tile.fields).toEqual({
      SmallBackgroundImage: '/Assets/Small.png',
      Title: 'Photos',
      CycleImage1: '/Assets/One.png',
      CycleImage2: '/Assets/Two.png',
      CycleImage9: '/Assets/Nine.png',
    })
    expect(tile.supportsWide).toBe(false)
  })

  it('reads the WP7 tile as a legacy tile that cannot be wide', () => {
    const tile = readTile(`<TemplateType5>
      <BackgroundImageURI IsRelative="true" IsResource="false">Background.png</BackgroundImageURI>
      <Count>0</Count>
      <Title>Scores</Title>
      <HasLarge>true</HasLarge>
    </TemplateType5>`)

    expect(tile.template).toBe('Legacy')
    expect(tile.fields).toEqual({ BackgroundImage: '/Background.png', Title: 'Scores' })
    expect(tile.images).toEqual([
      { source: 'BackgroundImageURI', path: '/Background.png', role: 'legacy-tile' },
    ])
    expect(tile.supportsWide).toBe(false)
    expect(tile.warnings).toEqual([
      '<HasLarge> inside <TemplateType5> is not a tile property, so it is ignored.',
    ])
  })

  it.each([
    [
      'a Count that is not a whole number',
      '<Count>lots</Count>',
      {},
      'Count "lots" is not a whole number, so the tile shows no count.',
    ],
    [
      'an empty Title',
      '<Title>\n  </Title>',
      {},
      'The primary tile has an empty <Title>, so it shows no title. The Store required one; set it in the manifest.',
    ],
    [
      'a resource Title',
      '<Title>@AppResLib.dll,-200</Title>',
      { Title: 'Fabrikam' },
      'The tile title "@AppResLib.dll,-200" refers to a string resource, which the emulator cannot read, so the tile shows "Fabrikam".',
    ],
    [
      'a template parameter in the Title',
      '<Title>$safeprojectname$</Title>',
      { Title: 'Fabrikam' },
      'The tile title "$safeprojectname$" is a Visual Studio template parameter that was never filled in, so the tile shows "Fabrikam".',
    ],
    [
      'HasLarge that is not a boolean',
      '<HasLarge>yes</HasLarge>',
      {},
      'HasLarge "yes" is not true or false, so the tile cannot be wide.',
    ],
    [
      'a remote image URL',
      '<BackgroundImageURI>http://example.com/a.png</BackgroundImageURI>',
      { BackgroundImage: 'http://example.com/a.png' },
      'BackgroundImageURI "http://example.com/a.png" is a remote URL, but a manifest names files in the app package. Put the image in the project and name its path.',
    ],
    [
      'an unknown element',
      '<WideContent1>x</WideContent1>',
      {},
      '<WideContent1> inside <TemplateFlip> is not a tile property, so it is ignored.',
    ],
  ])('warns about %s', (_case, elementXml, fields, warning) => {
    const tile = readTile(`<TemplateFlip>${elementXml}</TemplateFlip>`)

    expect(tile.fields).toEqual(fields)
    expect(tile.warnings).toEqual([warning])
  })

  it.each([
    ['#FF1BA1E2', { BackgroundColor: '#FF1BA1E2' }, []],
    ['#1ba1e2', { BackgroundColor: '#1ba1e2' }, []],
    [
      ' #FF1BA1E2 ',
      {},
      [
        'BackgroundColor "#FF1BA1E2" has whitespace around it, which makes the phone ignore it, so the tile uses the accent colour. Remove the whitespace.',
      ],
    ],
    [
      'blue',
      {},
      ['BackgroundColor "blue" is not #RRGGBB or #AARRGGBB, so the tile uses the accent colour.'],
    ],
  ])('reads BackgroundColor %j', (color, fields, warnings) => {
    const tile = readTile(
      `<TemplateIconic><BackgroundColor>${color}</BackgroundColor></TemplateIconic>`,
    )

    expect(tile.fields).toEqual(fields)
    expect(tile.warnings).toEqual(warnings)
  })

  it('ignores a Message on an Iconic tile with a warning', () => {
    const tile = readTile('<TemplateIconic><Message>Hello</Message></TemplateIconic>')

    expect(tile.fields).toEqual({})
    expect(tile.warnings).toEqual([
      '<Message> "Hello" has no counterpart on an Iconic tile, so it is ignored.',
    ])
  })
})
