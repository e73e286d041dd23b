import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { captureMpnsError, toErrorFields } from '@/test/mpns-error'

import type { TileFieldName, TilePayload } from '../types'
import type { SenderWarning, SenderWarningCode } from '../warnings'
import { parseTilePayload } from './tile'
import { parseXmlDocument } from './xml'

const V2 = ' Version="2.0"'

function wrapTile(notificationAttributes: string, tileAttributes: string, inner: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><wp:Notification xmlns:wp="WPNotification"${notificationAttributes}><wp:Tile${tileAttributes}>${inner}</wp:Tile></wp:Notification>`
}

function parseTile(xml: string): { tile: TilePayload; warnings: SenderWarning[] } {
  const warnings: SenderWarning[] = []
  const tile = parseTilePayload(parseXmlDocument(new TextEncoder().encode(xml)), warnings)
  return { tile, warnings }
}

function warning(code: SenderWarningCode, message: string): SenderWarning {
  return { code, message }
}

function set(value: string): { action: 'set'; value: string } {
  return { action: 'set', value }
}

const CLEAR = { action: 'clear' } as const

const MISSING_VERSION = (template: string): SenderWarning =>
  warning(
    'VERSION_MISSING',
    `Template "${template}" is sent without Version="2.0" on <wp:Notification>. The tile is updated anyway, but add Version="2.0" as the Windows Phone 8 templates specify.`,
  )

describe('parseTilePayload', () => {
  it.each<[string, string, TilePayload, SenderWarning[]]>([
    [
      'a legacy tile',
      wrapTile(
        '',
        '',
        '<wp:BackgroundImage>/a.png</wp:BackgroundImage><wp:Count>3</wp:Count><wp:Title>Oslo</wp:Title><wp:BackBackgroundImage>/b.png</wp:BackBackgroundImage><wp:BackTitle>Tomorrow</wp:BackTitle><wp:BackContent>Snow</wp:BackContent>',
      ),
      {
        template: 'Legacy',
        fields: {
          BackgroundImage: set('/a.png'),
          Count: set('3'),
          Title: set('Oslo'),
          BackBackgroundImage: set('/b.png'),
          BackTitle: set('Tomorrow'),
          BackContent: set('Snow'),
        },
      },
      [],
    ],
    [
      'Version 2.0 without a template',
      wrapTile(V2, '', '<wp:Title>Oslo</wp:Title>'),
      { template: 'Legacy', fields: { Title: set('Oslo') } },
      [
        warning(
          'VERSION_WITHOUT_TEMPLATE',
          'The payload has Version="2.0" but <wp:Tile> has no Template attribute, so it is treated as a legacy tile. Add Template="FlipTile", "IconicTile" or "CycleTile".',
        ),
      ],
    ],
    [
      'a flip tile with Version 2.0',
      wrapTile(
        V2,
        ' Template="FlipTile"',
        '<wp:SmallBackgroundImage>/s.png</wp:SmallBackgroundImage><wp:WideBackgroundImage>/w.png</wp:WideBackgroundImage><wp:WideBackContent>Wide</wp:WideBackContent><wp:WideBackBackgroundImage>/wb.png</wp:WideBackBackgroundImage><wp:Title>Flip</wp:Title>',
      ),
      {
        template: 'FlipTile',
        fields: {
          SmallBackgroundImage: set('/s.png'),
          WideBackgroundImage: set('/w.png'),
          WideBackContent: set('Wide'),
          WideBackBackgroundImage: set('/wb.png'),
          Title: set('Flip'),
        },
      },
      [],
    ],
    [
      'a flip tile without Version',
      wrapTile('', ' Template="FlipTile"', '<wp:Count>1</wp:Count>'),
      { template: 'FlipTile', fields: { Count: set('1') } },
      [MISSING_VERSION('FlipTile')],
    ],
    [
      'an iconic tile with Version 2.0',
      wrapTile(
        V2,
        ' Template="IconicTile"',
        '<wp:IconImage>/i.png</wp:IconImage><wp:SmallIconImage>/si.png</wp:SmallIconImage><wp:WideContent1>one</wp:WideContent1><wp:WideContent2>two</wp:WideContent2><wp:WideContent3>three</wp:WideContent3><wp:BackgroundColor>#FF1BA1E2</wp:BackgroundColor><wp:Count>7</wp:Count><wp:Title>Mail</wp:Title>',
      ),
      {
        template: 'IconicTile',
        fields: {
          IconImage: set('/i.png'),
          SmallIconImage: set('/si.png'),
          WideContent1: set('one'),
          WideContent2: set('two'),
          WideContent3: set('three'),
          BackgroundColor: set('#FF1BA1E2'),
          Count: set('7'),
          Title: set('Mail'),
        },
      },
      [],
    ],
    [
      'an iconic tile without Version',
      wrapTile('', ' Template="IconicTile"', '<wp:Title>Mail</wp:Title>'),
      { template: 'IconicTile', fields: { Title: set('Mail') } },
      [MISSING_VERSION('IconicTile')],
    ],
    [
      'a cycle tile with Version 2.0',
      wrapTile(
        V2,
        ' Template="CycleTile"',
        '<wp:SmallBackgroundImage>/s.png</wp:SmallBackgroundImage><wp:CycleImage1>/1.png</wp:CycleImage1><wp:CycleImage9>/9.png</wp:CycleImage9><wp:Count>2</wp:Count><wp:Title>Photos</wp:Title>',
      ),
      {
        template: 'CycleTile',
        fields: {
          SmallBackgroundImage: set('/s.png'),
          CycleImage1: set('/1.png'),
          CycleImage9: set('/9.png'),
          Count: set('2'),
          Title: set('Photos'),
        },
      },
      [],
    ],
    [
      'a cycle tile without Version',
      wrapTile('', ' Template="CycleTile"', '<wp:CycleImage2>/2.png</wp:CycleImage2>'),
      { template: 'CycleTile', fields: { CycleImage2: set('/2.png') } },
      [MISSING_VERSION('CycleTile')],
    ],
    [
      'a secondary tile Id',
      wrapTile(
        '',
        ' Id="/Details.xaml?item=7&amp;view=&quot;full&quot;"',
        '<wp:Count>4</wp:Count>',
      ),
      {
        template: 'Legacy',
        id: '/Details.xaml?item=7&view="full"',
        fields: { Count: set('4') },
      },
      [],
    ],
    [
      'elements in any order with whitespace',
      wrapTile(
        V2,
        ' Template="FlipTile"',
        '\n  <wp:Title>T</wp:Title>\n  <wp:BackgroundImage>/a.png</wp:BackgroundImage>\n',
      ),
      {
        template: 'FlipTile',
        fields: { Title: set('T'), BackgroundImage: set('/a.png') },
      },
      [],
    ],
    [
      'Action="Clear" on empty elements',
      wrapTile('', '', '<wp:Count Action="Clear"></wp:Count><wp:Title Action="Clear"/>'),
      { template: 'Legacy', fields: { Count: CLEAR, Title: CLEAR } },
      [],
    ],
    [
      'Action="Clear" with a value',
      wrapTile('', '', '<wp:Title Action="Clear">Kept?</wp:Title>'),
      { template: 'Legacy', fields: { Title: CLEAR } },
      [
        warning(
          'CLEAR_WITH_VALUE',
          'Element <wp:Title> at line 1 has Action="Clear" and a value, so it is cleared and the value is ignored. Send either the value or Action="Clear".',
        ),
      ],
    ],
    [
      'Action="clear" in lower case',
      wrapTile('', '', '<wp:BackTitle Action="clear"/>'),
      { template: 'Legacy', fields: { BackTitle: CLEAR } },
      [
        warning(
          'ACTION_NOT_CLEAR',
          'Element <wp:BackTitle> at line 1 has Action="clear", which is read as Action="Clear". Write it as Action="Clear".',
        ),
      ],
    ],
    [
      'another Action value',
      wrapTile('', '', '<wp:Title Action="Reset">T</wp:Title>'),
      { template: 'Legacy', fields: { Title: set('T') } },
      [
        warning(
          'ACTION_NOT_CLEAR',
          'Element <wp:Title> at line 1 has Action="Reset", which is not "Clear", so the attribute was ignored. Use Action="Clear" or leave it out.',
        ),
      ],
    ],
    [
      'an empty element without Clear',
      wrapTile('', '', '<wp:Title>T</wp:Title><wp:BackContent></wp:BackContent>'),
      { template: 'Legacy', fields: { Title: set('T') } },
      [
        warning(
          'EMPTY_ELEMENT',
          'Element <wp:BackContent> at line 1 is empty, so the tile keeps its previous BackContent. Write <wp:BackContent Action="Clear"></wp:BackContent> to clear it.',
        ),
      ],
    ],
    [
      'an element foreign to the template',
      wrapTile(
        V2,
        ' Template="FlipTile"',
        '<wp:CycleImage1>/1.png</wp:CycleImage1><wp:Count>1</wp:Count>',
      ),
      { template: 'FlipTile', fields: { Count: set('1') } },
      [
        warning(
          'FOREIGN_ELEMENT',
          'Element <wp:CycleImage1> at line 1 does not belong to the FlipTile template and was ignored. Send it only with a template that takes it.',
        ),
      ],
    ],
    [
      'a flip element in a legacy tile',
      wrapTile('', '', '<wp:WideBackContent>w</wp:WideBackContent>'),
      { template: 'Legacy', fields: {} },
      [
        warning(
          'FOREIGN_ELEMENT',
          'Element <wp:WideBackContent> at line 1 does not belong to the Legacy template and was ignored. Send it only with a template that takes it.',
        ),
      ],
    ],
    [
      'an unknown element',
      wrapTile('', '', '<wp:Titel>T</wp:Titel>'),
      { template: 'Legacy', fields: {} },
      [
        warning(
          'UNKNOWN_ELEMENT',
          'Element <wp:Titel> at line 1 is not a tile element and was ignored. Check its spelling.',
        ),
      ],
    ],
    [
      'a Count that is not a number',
      wrapTile('', '', '<wp:Count>many</wp:Count>'),
      { template: 'Legacy', fields: { Count: set('many') } },
      [
        warning(
          'COUNT_NOT_NUMBER',
          'Count "many" is not a number, so the tile keeps its previous count. Send a whole number from 0 to 99.',
        ),
      ],
    ],
    [
      'a repeated element',
      wrapTile('', '', '<wp:Title>first</wp:Title><wp:Title>second</wp:Title>'),
      { template: 'Legacy', fields: { Title: set('first') } },
      [
        warning(
          'DUPLICATE_ELEMENT',
          'Element <wp:Title> at line 1 appears more than once, so only the first one is used. Send it once.',
        ),
      ],
    ],
    [
      'an empty Id',
      wrapTile('', ' Id=""', '<wp:Title>T</wp:Title>'),
      { template: 'Legacy', fields: { Title: set('T') } },
      [
        warning(
          'EMPTY_TILE_ID',
          'The Id attribute of <wp:Tile> is empty, so the update goes to the application tile. Leave Id out for the application tile.',
        ),
      ],
    ],
    [
      'text directly inside Tile',
      wrapTile('', '', 'loose<wp:Title>T</wp:Title>'),
      { template: 'Legacy', fields: { Title: set('T') } },
      [
        warning(
          'STRAY_TEXT',
          'Text "loose" directly inside <wp:Tile> was ignored. Put text in elements such as <wp:Title>.',
        ),
      ],
    ],
    [
      'a bogus attribute named "attribute" on Tile',
      wrapTile(
        '',
        ' attribute="FlipTile"',
        '<wp:Count Action="Clear" /><wp:Title>Board 7</wp:Title><wp:BackTitle>Updated</wp:BackTitle>',
      ),
      {
        template: 'Legacy',
        fields: { Count: CLEAR, Title: set('Board 7'), BackTitle: set('Updated') },
      },
      [
        warning(
          'UNKNOWN_ATTRIBUTE',
          'Attribute attribute="FlipTile" on <wp:Tile> at line 1 is not part of the MPNS schema and was ignored. <wp:Tile> takes only Id and Template.',
        ),
      ],
    ],
    [
      'IsRelative on image elements',
      wrapTile(
        V2,
        ' Template="FlipTile"',
        '\n<wp:BackgroundImage IsRelative="true">/4.png</wp:BackgroundImage><wp:BackBackgroundImage Action="Clear" IsRelative="true"/>',
      ),
      {
        template: 'FlipTile',
        fields: { BackgroundImage: set('/4.png'), BackBackgroundImage: CLEAR },
      },
      [
        warning(
          'UNKNOWN_ATTRIBUTE',
          'Attribute IsRelative="true" on <wp:BackgroundImage> at line 2 is not part of the MPNS schema and was ignored. <wp:BackgroundImage> takes only Action.',
        ),
        warning(
          'UNKNOWN_ATTRIBUTE',
          'Attribute IsRelative="true" on <wp:BackBackgroundImage> at line 2 is not part of the MPNS schema and was ignored. <wp:BackBackgroundImage> takes only Action.',
        ),
      ],
    ],
    [
      'an unknown attribute on Notification',
      wrapTile(' Version="2.0" Priority="high"', ' Template="CycleTile"', '<wp:Title>T</wp:Title>'),
      { template: 'CycleTile', fields: { Title: set('T') } },
      [
        warning(
          'UNKNOWN_ATTRIBUTE',
          'Attribute Priority="high" on <wp:Notification> at line 1 is not part of the MPNS schema and was ignored. <wp:Notification> takes only Version.',
        ),
      ],
    ],
    [
      'child elements inside a tile element',
      wrapTile('', '', '<wp:Title>T<wp:b>x</wp:b></wp:Title>'),
      { template: 'Legacy', fields: { Title: set('T') } },
      [
        warning(
          'UNKNOWN_ELEMENT',
          'Element <wp:Title> at line 1 contains child elements, which were ignored. Put only text in it.',
        ),
      ],
    ],
    [
      'an unknown element with single-quoted attributes',
      "<?xml version='1.0' encoding='utf-8'?><wp:Notification xmlns:wp='WPNotification'><wp:Tile><wp:Title>MyGame!</wp:Title><wp:Content>don't forget</wp:Content></wp:Tile></wp:Notification>",
      { template: 'Legacy', fields: { Title: set('MyGame!') } },
      [
        warning(
          'UNKNOWN_ELEMENT',
          'Element <wp:Content> at line 1 is not a tile element and was ignored. Check its spelling.',
        ),
      ],
    ],
    [
      'a cycle tile that clears elements with values',
      wrapTile(
        '',
        ' Template="CycleTile"',
        '<wp:SmallBackgroundImage>/s.png</wp:SmallBackgroundImage><wp:CycleImage1 Action="Clear">http://img.example.com/1.jpg</wp:CycleImage1><wp:Count Action="Clear">0</wp:Count>',
      ),
      {
        template: 'CycleTile',
        fields: { SmallBackgroundImage: set('/s.png'), CycleImage1: CLEAR, Count: CLEAR },
      },
      [
        MISSING_VERSION('CycleTile'),
        warning(
          'CLEAR_WITH_VALUE',
          'Element <wp:CycleImage1> at line 1 has Action="Clear" and a value, so it is cleared and the value is ignored. Send either the value or Action="Clear".',
        ),
        warning(
          'CLEAR_WITH_VALUE',
          'Element <wp:Count> at line 1 has Action="Clear" and a value, so it is cleared and the value is ignored. Send either the value or Action="Clear".',
        ),
      ],
    ],
    [
      'a tile written with another prefix',
      '<t:Notification xmlns:t="WPNotification" Version="2.0"><t:Tile Template="IconicTile"><t:Count>5</t:Count></t:Tile></t:Notification>',
      { template: 'IconicTile', fields: { Count: set('5') } },
      [],
    ],
  ])('reads %s', (_name, xml, expectedTile, expectedWarnings) => {
    const { tile, warnings } = parseTile(xml)

    expect(tile).toEqual(expectedTile)
    expect(warnings).toEqual(expectedWarnings)
  })

  it('reads every FlipTile element', () => {
    const names: TileFieldName[] = [
      'SmallBackgroundImage',
      'WideBackgroundImage',
      'WideBackBackgroundImage',
      'WideBackContent',
      'BackgroundImage',
      'Count',
      'Title',
      'BackBackgroundImage',
      'BackTitle',
      'BackContent',
    ]
    const inner = names.map((name, index) => `<wp:${name}>${index}</wp:${name}>`).join('\n')
    const { tile, warnings } = parseTile(wrapTile(V2, ' Template="FlipTile"', inner))

    expect(tile.fields).toEqual(
      Object.fromEntries(names.map((name, index) => [name, set(String(index))])),
    )
    expect(warnings).toEqual([])
  })

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9])('reads CycleImage%i', (index) => {
    const name = `CycleImage${index}`
    const inner = `<wp:${name}>/Assets/${index}.png</wp:${name}>`
    const { tile, warnings } = parseTile(wrapTile(V2, ' Template="CycleTile"', inner))

    expect(tile.fields).toEqual({ [name]: set(`/Assets/${index}.png`) })
    expect(warnings).toEqual([])
  })

  it.each([['0'], ['1'], ['99'], [' 7 '], ['007'], ['+5']])('accepts Count %j', (count) => {
    const { tile, warnings } = parseTile(wrapTile('', '', `<wp:Count>${count}</wp:Count>`))

    expect(tile.fields.Count).toEqual(set(count))
    expect(warnings).toEqual([])
  })

  it.each<[string, SenderWarning]>([
    [
      '100',
      warning(
        'COUNT_OUT_OF_RANGE',
        'Count "100" is above 99, so the badge shows 99. Send a whole number from 0 to 99.',
      ),
    ],
    [
      '9'.repeat(400),
      warning(
        'COUNT_OUT_OF_RANGE',
        `Count "${'9'.repeat(77)}..." is above 99, so the badge shows 99. Send a whole number from 0 to 99.`,
      ),
    ],
    [
      '-3',
      warning(
        'COUNT_OUT_OF_RANGE',
        'Count "-3" is below 0, so the badge is hidden. Send a whole number from 0 to 99.',
      ),
    ],
    [
      '4.7',
      warning(
        'COUNT_OUT_OF_RANGE',
        'Count "4.7" is not a whole number, so it is rounded down and the badge shows 4. Send a whole number from 0 to 99.',
      ),
    ],
    [
      '0.5',
      warning(
        'COUNT_OUT_OF_RANGE',
        'Count "0.5" is not a whole number, so it is rounded down and the badge is hidden. Send a whole number from 0 to 99.',
      ),
    ],
    [
      '150.5',
      warning(
        'COUNT_OUT_OF_RANGE',
        'Count "150.5" is not a whole number, so it is rounded down and the badge shows 99. Send a whole number from 0 to 99.',
      ),
    ],
    [
      '3 new',
      warning(
        'COUNT_NOT_NUMBER',
        'Count "3 new" is not a number, so the tile keeps its previous count. Send a whole number from 0 to 99.',
      ),
    ],
    [
      '0x10',
      warning(
        'COUNT_NOT_NUMBER',
        'Count "0x10" is not a number, so the tile keeps its previous count. Send a whole number from 0 to 99.',
      ),
    ],
  ])('warns about Count %j', (count, expected) => {
    const { tile, warnings } = parseTile(wrapTile('', '', `<wp:Count>${count}</wp:Count>`))

    expect(tile.fields.Count).toEqual(set(count))
    expect(warnings).toEqual([expected])
  })

  it.each([['#FF1BA1E2'], ['#ff008a00'], ['#1BA1E2'], [' #FF000000 ']])(
    'accepts BackgroundColor %j',
    (color) => {
      const inner = `<wp:BackgroundColor>${color}</wp:BackgroundColor>`
      const { tile, warnings } = parseTile(wrapTile(V2, ' Template="IconicTile"', inner))

      expect(tile.fields.BackgroundColor).toEqual(set(color))
      expect(warnings).toEqual([])
    },
  )

  it.each<[string, string]>([
    [
      'color',
      'BackgroundColor "color" is not a hex colour such as #FF1BA1E2, so the tile shows the accent colour. Write it as #AARRGGBB or #RRGGBB.',
    ],
    [
      '#FFF',
      'BackgroundColor "#FFF" is not a hex colour such as #FF1BA1E2, so the tile shows the accent colour. Write it as #AARRGGBB or #RRGGBB.',
    ],
    [
      'FF1BA1E2',
      'BackgroundColor "FF1BA1E2" is not a hex colour such as #FF1BA1E2, so the tile shows the accent colour. Write it as #AARRGGBB or #RRGGBB.',
    ],
    [
      '#GG1BA1E2',
      'BackgroundColor "#GG1BA1E2" is not a hex colour such as #FF1BA1E2, so the tile shows the accent colour. Write it as #AARRGGBB or #RRGGBB.',
    ],
    [
      '#801ba1e2',
      'BackgroundColor "#801ba1e2" is not fully opaque (alpha 80), so the tile shows the accent colour. Use alpha FF, as in #FF1BA1E2.',
    ],
    [
      '#00000000',
      'BackgroundColor "#00000000" is not fully opaque (alpha 00), so the tile shows the accent colour. Use alpha FF, as in #FF000000.',
    ],
  ])('warns about BackgroundColor %j', (color, message) => {
    const inner = `<wp:BackgroundColor>${color}</wp:BackgroundColor>`
    const { tile, warnings } = parseTile(wrapTile(V2, ' Template="IconicTile"', inner))

    expect(tile.fields.BackgroundColor).toEqual(set(color))
    expect(warnings).toEqual([warning('BACKGROUND_COLOR_INVALID', message)])
  })

  it('round-trips escaped Id and Title', () => {
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
      .filter(
        (value) => value.trim() !== '' && !/[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF]/u.test(value),
      )
    const escape = (value: string): string =>
      value
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')

    fc.assert(
      fc.property(text, text, (id, title) => {
        const xml = wrapTile('', ` Id="${escape(id)}"`, `<wp:Title>${escape(title)}</wp:Title>`)
        const { tile } = parseTile(xml)

        expect(tile.id).toBe(id)
        expect(tile.fields.Title).toEqual(set(title))
      }),
      { numRuns: 200 },
    )
  })

  it.each([
    [
      'an unknown template',
      wrapTile(V2, ' Template="WideTile"', '<wp:Title>T</wp:Title>'),
      'INVALID_PAYLOAD',
      'Unknown tile template "WideTile" at line 1: Windows Phone 8 knows FlipTile, IconicTile and CycleTile. Use one of them, or leave Template out for a legacy tile.',
    ],
    [
      'a template in another letter case',
      wrapTile(V2, ' Template="fliptile"', '<wp:Title>T</wp:Title>'),
      'INVALID_PAYLOAD',
      'Unknown tile template "fliptile" at line 1: Windows Phone 8 knows FlipTile, IconicTile and CycleTile. Use one of them, or leave Template out for a legacy tile.',
    ],
    [
      'a toast body',
      '<wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>a</wp:Text1></wp:Toast></wp:Notification>',
      'INVALID_PAYLOAD',
      'Mismatched payload: X-WindowsPhone-Target "token" announces a tile, but the payload contains <wp:Toast>. Send a toast with X-WindowsPhone-Target "toast", or send a <wp:Tile> payload.',
    ],
    [
      'a WNS tile',
      '<tile><visual><binding template="TileSquareText01"><text id="1">1</text></binding></visual></tile>',
      'WNS_FORMAT',
      'Invalid payload root <tile>: this is the Windows Notification Service (WNS) format for Windows Store apps, not MPNS. Send a <wp:Notification xmlns:wp="WPNotification"> payload to a Windows Phone channel URI.',
    ],
    [
      'a tile element in no namespace',
      '<wp:Notification xmlns:wp="WPNotification"><wp:Tile><Count>1</Count></wp:Tile></wp:Notification>',
      'INVALID_PAYLOAD',
      'Invalid element <Count> at line 1: it is in no namespace, but every element of an MPNS payload must be in the "WPNotification" namespace. Declare xmlns:wp="WPNotification" on the root and write <wp:Count>.',
    ],
  ])('rejects %s', (_name, xml, code, message) => {
    const error = captureMpnsError(() => parseTile(xml))

    expect(toErrorFields(error)).toEqual({
      code,
      status: 400,
      headers: [],
      message,
    })
  })
})
