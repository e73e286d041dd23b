import { describe, expect, it } from 'vitest'

import { captureMpnsError, toErrorFields } from '@/test/mpns-error'

import type { TilePayload } from '../types'
import { parseTilePayload } from './tile'
import { parseXmlDocument } from './xml'

const V2 = ' Version="2.0"'

function wrapTile(notificationAttributes: string, tileAttributes: string, inner: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><wp:Notification xmlns:wp="WPNotification"${notificationAttributes}><wp:Tile${tileAttributes}>${inner}</wp:Tile></wp:Notification>`
}

function parseTile(xml: string): { tile: TilePayload; warnings: string[] } {
  const warnings: string[] = []
  const tile = parseTilePayload(parseXmlDocument(new TextEncoder().encode(xml)), warnings)
  return { tile, warnings }
}

function set(value: string): { action: 'set'; value: string } {
  return { action: 'set', value }
}

const CLEAR = { action: 'clear' } as const

const MISSING_VERSION = (template: string): string =>
  `Template "${template}" is sent without Version="2.0" on <wp:Notification>. The tile is updated anyway, but add Version="2.0" as the Windows Phone 8 templates specify.`

describe('parseTilePayload', () => {
  it.each<[string, string, TilePayload, string[]]>([
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
        'The payload has Version="2.0" but <wp:Tile> has no Template attribute, so it is treated as a legacy tile. Add Template="FlipTile", "IconicTile" or "CycleTile".',
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
        ' Template="FlipTile" attribute="Id"',
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
        'Element <wp:Title> at line 1 has Action="Clear" and a value, so it is cleared and the value is ignored. Send either the value or Action="Clear".',
      ],
    ],
    [
      'Action="clear" in lower case',
      wrapTile('', '', '<wp:BackTitle Action="clear"/>'),
      { template: 'Legacy', fields: { BackTitle: CLEAR } },
      [
        'Element <wp:BackTitle> at line 1 has Action="clear", which is read as Action="Clear". Write it as Action="Clear".',
      ],
    ],
    [
      'another Action value',
      wrapTile('', '', '<wp:Title Action="Reset">T</wp:Title>'),
      { template: 'Legacy', fields: { Title: set('T') } },
      [
        'Element <wp:Title> at line 1 has Action="Reset", which is not "Clear", so the attribute was ignored. Use Action="Clear" or leave it out.',
      ],
    ],
    [
      'an empty element without Clear',
      wrapTile('', '', '<wp:Title>T</wp:Title><wp:BackContent></wp:BackContent>'),
      { template: 'Legacy', fields: { Title: set('T') } },
      [
        'Element <wp:BackContent> at line 1 is empty, so the tile keeps its previous BackContent. Write <wp:BackContent Action="Clear"></wp:BackContent> to clear it.',
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
        'Element <wp:CycleImage1> at line 1 does not belong to the FlipTile template and was ignored. Send it only with a template that takes it.',
      ],
    ],
    [
      'a flip element in a legacy tile',
      wrapTile('', '', '<wp:WideBackContent>w</wp:WideBackContent>'),
      { template: 'Legacy', fields: {} },
      [
        'Element <wp:WideBackContent> at line 1 does not belong to the Legacy template and was ignored. Send it only with a template that takes it.',
      ],
    ],
    [
      'an unknown element',
      wrapTile('', '', '<wp:Titel>T</wp:Titel>'),
      { template: 'Legacy', fields: {} },
      ['Element <wp:Titel> at line 1 is not a tile element and was ignored. Check its spelling.'],
    ],
    [
      'a Count that is not a number',
      wrapTile('', '', '<wp:Count>many</wp:Count>'),
      { template: 'Legacy', fields: { Count: set('many') } },
      [
        'Count "many" is not a number, so the tile keeps its previous count. Send a whole number from 0 to 99.',
      ],
    ],
    [
      'a repeated element',
      wrapTile('', '', '<wp:Title>first</wp:Title><wp:Title>second</wp:Title>'),
      { template: 'Legacy', fields: { Title: set('first') } },
      [
        'Element <wp:Title> at line 1 appears more than once, so only the first one is used. Send it once.',
      ],
    ],
    [
      'an empty Id',
      wrapTile('', ' Id=""', '<wp:Title>T</wp:Title>'),
      { template: 'Legacy', fields: { Title: set('T') } },
      [
        'The Id attribute of <wp:Tile> is empty, so the update goes to the application tile. Leave Id out for the application tile.',
      ],
    ],
    [
      'text directly inside Tile',
      wrapTile('', '', 'loose<wp:Title>T</wp:Title>'),
      { template: 'Legacy', fields: { Title: set('T') } },
      [
        'Text "loose" directly inside <wp:Tile> was ignored. Put text in elements such as <wp:Title>.',
      ],
    ],
  ])('reads %s', (_name, xml, expectedTile, expectedWarnings) => {
    const { tile, warnings } = parseTile(xml)

    expect(tile).toEqual(expectedTile)
    expect(warnings).toEqual(expectedWarnings)
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
