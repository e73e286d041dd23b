import { describe, expect, it } from 'vitest'

import { TILE_FIELDS_BY_TEMPLATE } from '@/mpns/tile-fields'
import type { TileTemplate } from '@/mpns/types'

import {
  FORM_FIELDS_BY_TEMPLATE,
  changeTileTemplate,
  parseFormFields,
  writeFormFields,
} from './payload-form-model'
import type { PayloadFormFields, TileFormFields, ToastFormFields } from './payload-form-model'

const TOAST: ToastFormFields = {
  type: 'toast',
  text1: 'Build 42',
  text2: 'finished',
  param: '/Builds.xaml?id=42&view=log',
  sound: '/Assets/ding.wav',
  silent: false,
}

/** One tile per template with every element of that template set or cleared. */
const FULL_TILES: readonly TileFormFields[] = (
  ['Legacy', 'FlipTile', 'IconicTile', 'CycleTile'] as const
).map((template) => ({
  type: 'tile',
  template,
  id: '',
  elements: Object.fromEntries(
    FORM_FIELDS_BY_TEMPLATE[template].map((name, index) => [
      name,
      index === 1 ? { value: '', clear: true } : { value: sampleValue(name), clear: false },
    ]),
  ),
}))

function sampleValue(name: string): string {
  if (name === 'Count') {
    return '7'
  }
  if (name === 'BackgroundColor') {
    return '#FF1BA1E2'
  }
  return name.includes('Image') ? `/Assets/${name}.png` : `${name} text`
}

function expectFields(xml: string, type: 'toast' | 'tile'): PayloadFormFields {
  const parsed = parseFormFields(xml, type)
  if (!parsed.ok) {
    throw new Error(`Expected form fields, got: ${parsed.message}`)
  }
  return parsed.fields
}

function expectMessage(xml: string, type: 'toast' | 'tile'): string {
  const parsed = parseFormFields(xml, type)
  if (parsed.ok) {
    throw new Error(`Expected a message, got fields: ${JSON.stringify(parsed.fields)}`)
  }
  return parsed.message
}

function toastXml(inner: string): string {
  return `<wp:Notification xmlns:wp="WPNotification"><wp:Toast>${inner}</wp:Toast></wp:Notification>`
}

function tileXml(inner: string, tileAttributes = ' Template="FlipTile"'): string {
  return `<wp:Notification xmlns:wp="WPNotification" Version="2.0"><wp:Tile${tileAttributes}>${inner}</wp:Tile></wp:Notification>`
}

describe('payload form model', () => {
  it('lists the elements each template takes', () => {
    for (const template of Object.keys(TILE_FIELDS_BY_TEMPLATE) as TileTemplate[]) {
      expect([...FORM_FIELDS_BY_TEMPLATE[template]].sort()).toEqual(
        [...TILE_FIELDS_BY_TEMPLATE[template]].sort(),
      )
    }
  })

  it('round-trips a toast', () => {
    expect(expectFields(writeFormFields(TOAST), 'toast')).toEqual(TOAST)
  })

  it('round-trips a silent toast', () => {
    const silent: ToastFormFields = { ...TOAST, sound: '', silent: true }
    const xml = writeFormFields(silent)

    expect(xml).toContain('<wp:Sound Silent="true"></wp:Sound>')
    expect(expectFields(xml, 'toast')).toEqual(silent)
  })

  it.each(FULL_TILES.map((tile) => [tile.template, tile] as const))(
    'round-trips a %s tile',
    (_template, tile) => {
      expect(expectFields(writeFormFields(tile), 'tile')).toEqual(tile)
    },
  )

  it.each(FULL_TILES.map((tile) => [tile.template, tile] as const))(
    'writes the same XML after a %s round trip',
    (_template, tile) => {
      const xml = writeFormFields(tile)
      expect(writeFormFields(expectFields(xml, 'tile'))).toBe(xml)
    },
  )

  it('writes Version for a template tile', () => {
    const xml = writeFormFields({
      type: 'tile',
      template: 'FlipTile',
      id: '',
      elements: { Title: { value: 'Oslo', clear: false } },
    })

    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<wp:Notification xmlns:wp="WPNotification" Version="2.0">',
        '  <wp:Tile Template="FlipTile">',
        '    <wp:Title>Oslo</wp:Title>',
        '  </wp:Tile>',
        '</wp:Notification>',
      ].join('\n'),
    )
  })

  it('writes a legacy tile without Template or Version', () => {
    const xml = writeFormFields({
      type: 'tile',
      template: 'Legacy',
      id: '',
      elements: { Count: { value: '2', clear: false } },
    })

    expect(xml).toContain('<wp:Notification xmlns:wp="WPNotification">')
    expect(xml).toContain('  <wp:Tile>')
    expect(xml).not.toContain('Template=')
  })

  it('omits empty fields', () => {
    const xml = writeFormFields({ ...TOAST, text2: '', param: '', sound: '' })

    expect(xml).toContain('<wp:Text1>Build 42</wp:Text1>')
    expect(xml).not.toContain('Text2')
    expect(xml).not.toContain('Param')
    expect(xml).not.toContain('Sound')
  })

  it('escapes field text and reads it back unescaped', () => {
    const text = 'Tom & Jerry <live> "tonight"'
    const xml = writeFormFields({ ...TOAST, text1: text })

    expect(xml).toContain('<wp:Text1>Tom &amp; Jerry &lt;live&gt; &quot;tonight&quot;</wp:Text1>')
    expect(expectFields(xml, 'toast')).toMatchObject({ text1: text })
  })

  it('escapes a tile Id and reads it back', () => {
    const tile: TileFormFields = {
      type: 'tile',
      template: 'FlipTile',
      id: '/CityPage.xaml?city=Oslo&unit="C"',
      elements: {},
    }
    const xml = writeFormFields(tile)

    expect(xml).toContain(
      'Id="/CityPage.xaml?city=Oslo&amp;unit=&quot;C&quot;" Template="FlipTile"',
    )
    expect(expectFields(xml, 'tile')).toEqual(tile)
  })

  it('reads Action="Clear" as a cleared field', () => {
    const fields = expectFields(
      tileXml('<wp:Title>Oslo</wp:Title><wp:BackContent Action="Clear"/>'),
      'tile',
    )

    expect(fields).toEqual({
      type: 'tile',
      template: 'FlipTile',
      id: '',
      elements: {
        Title: { value: 'Oslo', clear: false },
        BackContent: { value: '', clear: true },
      },
    })
  })

  it('writes a cleared field as Action="Clear"', () => {
    const xml = writeFormFields({
      type: 'tile',
      template: 'IconicTile',
      id: '',
      elements: { WideContent2: { value: 'ignored', clear: true } },
    })

    expect(xml).toContain('<wp:WideContent2 Action="Clear"></wp:WideContent2>')
    expect(xml).not.toContain('ignored')
  })

  it('reads a tile Id and a prefix other than wp', () => {
    const fields = expectFields(
      '<n:Notification xmlns:n="WPNotification"><n:Tile Id="/Inbox.xaml?acct=work"><n:Count>4</n:Count></n:Tile></n:Notification>',
      'tile',
    )

    expect(fields).toEqual({
      type: 'tile',
      template: 'Legacy',
      id: '/Inbox.xaml?acct=work',
      elements: { Count: { value: '4', clear: false } },
    })
  })

  it('gives empty fields for an empty payload', () => {
    expect(expectFields('  \n', 'toast')).toEqual({
      type: 'toast',
      text1: '',
      text2: '',
      param: '',
      sound: '',
      silent: false,
    })
  })

  it('keeps a raw body as it is', () => {
    const body = '<not xml & fine>'
    expect(parseFormFields(body, 'raw')).toEqual({ ok: true, fields: { type: 'raw', body } })
    expect(writeFormFields({ type: 'raw', body })).toBe(body)
  })

  it('moves kept fields to another template', () => {
    const flip: TileFormFields = {
      type: 'tile',
      template: 'FlipTile',
      id: '/CityPage.xaml?city=Oslo',
      elements: {
        Title: { value: 'Oslo', clear: false },
        BackContent: { value: 'Snow', clear: false },
      },
    }

    expect(changeTileTemplate(flip, 'IconicTile')).toEqual({
      type: 'tile',
      template: 'IconicTile',
      id: '/CityPage.xaml?city=Oslo',
      elements: { Title: { value: 'Oslo', clear: false } },
    })
  })

  it.each([
    ['malformed XML', 'toast', toastXml('<wp:Text1>Oslo</wp:Text2>'), /Malformed XML payload/],
    ['an unknown toast element', 'toast', toastXml('<wp:Text3>x</wp:Text3>'), /<wp:Text3>/],
    ['an unknown tile element', 'tile', tileXml('<wp:Subtitle>x</wp:Subtitle>'), /<wp:Subtitle>/],
    [
      'an element of another template',
      'tile',
      tileXml('<wp:CycleImage1>/a.png</wp:CycleImage1>'),
      /does not belong to the FlipTile template/,
    ],
    [
      'a repeated element',
      'tile',
      tileXml('<wp:Title>A</wp:Title><wp:Title>B</wp:Title>'),
      /more than once/,
    ],
    [
      'an unknown attribute',
      'tile',
      tileXml('<wp:Title Lang="en">A</wp:Title>'),
      /Attribute Lang="en"/,
    ],
    [
      'Action="Clear" with a value',
      'tile',
      tileXml('<wp:Title Action="Clear">A</wp:Title>'),
      /Action="Clear" and a value/,
    ],
    ['another Action', 'tile', tileXml('<wp:Title Action="Reset">A</wp:Title>'), /Action="Reset"/],
    ['stray text', 'toast', toastXml('hello<wp:Text1>A</wp:Text1>'), /Text "hello"/],
    ['a tile sent as a toast', 'toast', tileXml('<wp:Title>A</wp:Title>'), /Mismatched payload/],
    ['an unknown template', 'tile', tileXml('', ' Template="WideTile"'), /Unknown tile template/],
  ] as const)('rejects %s with the engine message', (_case, type, xml, message) => {
    expect(expectMessage(xml, type)).toMatch(message)
  })
})
