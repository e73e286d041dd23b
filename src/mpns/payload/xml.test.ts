import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { captureMpnsError, toErrorFields } from '@/test/mpns-error'

import { isMpnsError } from '../errors'
import { parseTilePayload } from './tile'
import { parseToastPayload } from './toast'
import { parseXmlDocument } from './xml'
import type { XmlElement } from './xml'

const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'
const TOAST =
  '<wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>Hi</wp:Text1></wp:Toast></wp:Notification>'

function toBytes(...parts: Array<string | number[]>): Uint8Array {
  const chunks = parts.map((part) =>
    typeof part === 'string' ? Array.from(new TextEncoder().encode(part)) : part,
  )
  return Uint8Array.from(chunks.flat())
}

function toUtf16Le(text: string): number[] {
  return Array.from(text).flatMap((character) => {
    const code = character.charCodeAt(0)
    return [code & 0xff, code >> 8]
  })
}

function toUtf16Be(text: string): number[] {
  return toUtf16Le(text).map((_byte, index, bytes) => bytes[index ^ 1] ?? 0)
}

function findText1(root: XmlElement): XmlElement | undefined {
  return root.children[0]?.children[0]
}

function describeControlCharacter(position: string, codePoint: string): string {
  return `Malformed XML payload at ${position}: control character ${codePoint} is not allowed, because a payload may contain only tab, line feed and carriage return among the control characters. Remove it or replace it with a space.`
}

/** Parses bytes as a document, then as a toast and as a tile, rethrowing anything but an MpnsError. */
function parseEveryWay(bytes: Uint8Array): void {
  let root: XmlElement
  try {
    root = parseXmlDocument(bytes)
  } catch (error) {
    expectProtocolRejection(error)
    return
  }

  for (const parse of [parseToastPayload, parseTilePayload]) {
    try {
      const payload = parse(root, [])
      expect(JSON.parse(JSON.stringify(payload))).toEqual(payload)
    } catch (error) {
      expectProtocolRejection(error)
    }
  }
}

function expectProtocolRejection(error: unknown): void {
  if (!isMpnsError(error)) {
    throw error
  }
  expect(error.status).toBe(400)
}

const NAME = fc.constantFrom(
  'Notification',
  'Toast',
  'Tile',
  'Text1',
  'Param',
  'Sound',
  'Count',
  'BackgroundColor',
  'CycleImage1',
  'Content',
  'toast',
  'constructor',
)

const PREFIX = fc.constantFrom('wp:', 'wp:', 'n:', '', 'x:', 'a:b:')

const ATTRIBUTES = fc
  .uniqueArray(
    fc.tuple(
      fc.constantFrom(
        'xmlns:wp',
        'xmlns:n',
        'xmlns',
        'Action',
        'Id',
        'Template',
        'Version',
        'Silent',
        'IsRelative',
        'x:y',
        '__proto__',
      ),
      fc.constantFrom(
        'WPNotification',
        'Clear',
        'FlipTile',
        'CycleTile',
        '2.0',
        'true',
        '',
        "it's",
      ),
    ),
    { maxLength: 3, selector: ([name]) => name },
  )
  .map((attributes) => attributes.map(([name, value]) => ` ${name}="${value}"`).join(''))

const TEXT = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '&amp;',
    '&amp;amp;',
    '&lt;b&gt;',
    '&#233;',
    '&#x1F600;',
    '&nbsp;',
    '&',
    '<',
    ']]>',
    '<![CDATA[<x/>]]>',
    '<!-- c -->',
    '<?pi x?>',
    '#801BA1E2',
    '100',
    '4.7',
    '/P.xaml?a=1&amp;b=2',
    '\r\n  ',
  ),
)

const { element: ELEMENT } = fc.letrec((tie) => ({
  element: fc
    .record({
      prefix: PREFIX,
      name: NAME,
      attributes: ATTRIBUTES,
      content: fc.array(fc.oneof({ depthSize: 'small' }, TEXT, tie('element')), {
        maxLength: 4,
      }),
      isSelfClosing: fc.boolean(),
    })
    .map(({ prefix, name, attributes, content, isSelfClosing }) => {
      const start = `<${prefix}${name}${attributes}`
      return isSelfClosing ? `${start}/>` : `${start}>${content.join('')}</${prefix}${name}>`
    }),
}))

const FIELD = fc
  .record({
    name: fc.constantFrom(
      'Text1',
      'Text2',
      'Param',
      'Sound',
      'BackgroundImage',
      'Count',
      'Title',
      'BackContent',
      'WideBackContent',
      'IconImage',
      'WideContent1',
      'BackgroundColor',
      'CycleImage1',
      'CycleImage9',
      'Content',
    ),
    attributes: fc.constantFrom(
      '',
      '',
      ' Action="Clear"',
      ' Action="clear"',
      ' Silent="true"',
      ' IsRelative="true"',
    ),
    text: TEXT,
  })
  .map(({ name, attributes, text }) => `<wp:${name}${attributes}>${text}</wp:${name}>`)

/** Documents shaped like MPNS payloads, so most of them reach the toast and tile parsers. */
const MPNS_DOCUMENT = fc
  .record({
    version: fc.constantFrom('', ' Version="2.0"'),
    kind: fc.constantFrom('Toast', 'Tile'),
    attributes: fc.constantFrom(
      '',
      ' Template="FlipTile"',
      ' Template="IconicTile"',
      ' Template="CycleTile"',
      ' Template="Wide"',
      ' Id="/P.xaml?a=1&amp;b=2"',
      ' attribute="FlipTile"',
    ),
    fields: fc.array(FIELD, { maxLength: 8 }),
    separator: fc.constantFrom('', '\n  '),
  })
  .map(({ version, kind, attributes, fields, separator }) => {
    const body = `<wp:${kind}${attributes}>${fields.join(separator)}</wp:${kind}>`
    const xml = `<wp:Notification xmlns:wp="WPNotification"${version}>${body}</wp:Notification>`
    return new TextEncoder().encode(xml)
  })

const DOCUMENT = fc
  .record({
    bom: fc.constantFrom('', '\uFEFF'),
    declaration: fc.constantFrom(
      '',
      '<?xml version="1.0" encoding="utf-8"?>',
      "<?xml version='1.0' encoding='UTF-8'?>\n",
      ' <?xml version="1.0"?>',
      '<?xml version="1.0" encoding="utf-16"?>',
    ),
    root: ELEMENT.map((element) =>
      element.replace(/^<([^\s/>]+)/, '<$1 xmlns:wp="WPNotification"'),
    ),
  })
  .map(({ bom, declaration, root }) => new TextEncoder().encode(bom + declaration + root))

describe('parseXmlDocument', () => {
  it.each([
    ['no declaration', toBytes(TOAST)],
    ['lower-case utf-8 declaration', toBytes(DECLARATION, TOAST)],
    ['upper-case UTF-8 declaration', toBytes('<?xml version="1.0" encoding="UTF-8"?>', TOAST)],
    ['single-quoted declaration', toBytes("<?xml version='1.0' encoding='utf-8'?>", TOAST)],
    ['newline after the declaration', toBytes(DECLARATION, '\n', TOAST, '\n')],
    ['UTF-8 byte order mark', toBytes([0xef, 0xbb, 0xbf], DECLARATION, TOAST)],
    ['byte order mark without declaration', toBytes([0xef, 0xbb, 0xbf], TOAST)],
  ])('accepts %s', (_name, body) => {
    const root = parseXmlDocument(body)

    expect(root.namespaceUri).toBe('WPNotification')
    expect(root.localName).toBe('Notification')
    expect(findText1(root)?.text).toBe('Hi')
  })

  it.each([
    ['prefix wp', '<wp:Notification xmlns:wp="WPNotification"><wp:Toast/></wp:Notification>', 'wp'],
    ['another prefix', '<n:Notification xmlns:n="WPNotification"><n:Toast/></n:Notification>', 'n'],
    ['default namespace', '<Notification xmlns="WPNotification"><Toast/></Notification>', null],
  ])('resolves the namespace by URI with %s', (_name, xml, prefix) => {
    const root = parseXmlDocument(toBytes(xml))

    expect(root).toMatchObject({
      namespaceUri: 'WPNotification',
      localName: 'Notification',
      prefix,
    })
    expect(root.children[0]).toMatchObject({
      namespaceUri: 'WPNotification',
      localName: 'Toast',
    })
  })

  it('honours nested namespace declarations', () => {
    const xml =
      '<a:Notification xmlns:a="WPNotification" xmlns="urn:outer">' +
      '<a:Toast xmlns:a="urn:inner"><a:Text1/></a:Toast>' +
      '<Tile/><Tile xmlns=""/><a:Tile/></a:Notification>'
    const root = parseXmlDocument(toBytes(xml))
    const namespaces = root.children.map((child) => child.namespaceUri)

    expect(namespaces).toEqual(['urn:inner', 'urn:outer', null, 'WPNotification'])
    expect(root.children[0]?.children[0]?.namespaceUri).toBe('urn:inner')
  })

  it('resolves attribute namespaces and leaves out declarations', () => {
    const xml =
      '<wp:Tile xmlns:wp="WPNotification" xmlns:x="urn:x" Id="/A.xaml" x:Extra="1" xml:lang="en"/>'
    const root = parseXmlDocument(toBytes(xml))

    expect(root.attributes).toEqual([
      { namespaceUri: null, localName: 'Id', prefix: null, value: '/A.xaml' },
      { namespaceUri: 'urn:x', localName: 'Extra', prefix: 'x', value: '1' },
      {
        namespaceUri: 'http://www.w3.org/XML/1998/namespace',
        localName: 'lang',
        prefix: 'xml',
        value: 'en',
      },
    ])
  })

  it.each([
    ['the ampersand entity once', '&amp;lt; &amp;amp;', '&lt; &amp;'],
    ['all predefined entities', '&lt;&gt;&amp;&quot;&apos;', '<>&"\''],
    ['decimal and hex character references', '&#233;&#xE9;&#x1F600;', 'éé\u{1F600}'],
    ['CDATA literally', '<![CDATA[a &amp; <b>]]>', 'a &amp; <b>'],
    ['text around CDATA and comments', 'a<!-- note -->b<![CDATA[c]]>d', 'abcd'],
    ['surrounding whitespace exactly', '  two  spaces\t', '  two  spaces\t'],
    ['non-ASCII text', 'Café 日本 🎉', 'Café 日本 🎉'],
  ])('decodes %s', (_name, content, expected) => {
    const root = parseXmlDocument(toBytes(`<r><t>${content}</t></r>`))

    expect(root.children[0]?.text).toBe(expected)
  })

  it('decodes references in attribute values once', () => {
    const root = parseXmlDocument(toBytes('<t Id="/P.xaml?a=1&amp;b=&quot;2&quot;&amp;amp;"/>'))

    expect(root.attributes[0]?.value).toBe('/P.xaml?a=1&b="2"&amp;')
  })

  it('normalizes whitespace in attribute values', () => {
    const root = parseXmlDocument(toBytes('<t Id="a\tb\r\nc&#10;d"/>'))

    expect(root.attributes[0]?.value).toBe('a b c\nd')
  })

  it('reads CRLF line ends', () => {
    const xml = `${DECLARATION}\r\n<r>\r\n  <t>a\r\nb</t>\r\n</r>\r\n<!-- end -->\r\n`
    const root = parseXmlDocument(toBytes(xml))

    expect(root.line).toBe(2)
    expect(root.children[0]).toMatchObject({ text: 'a\nb', line: 3 })
  })

  it('ignores whitespace between elements and keeps lines', () => {
    const xml = `${DECLARATION}\n<wp:Notification xmlns:wp="WPNotification">\n  <wp:Toast>\n    <wp:Text2>b</wp:Text2>\n    <wp:Text1>a</wp:Text1>\n  </wp:Toast>\n</wp:Notification>\n`
    const root = parseXmlDocument(toBytes(xml))
    const toast = root.children[0]

    expect(root.text).toBe('')
    expect(toast?.text).toBe('')
    expect(toast?.children.map((child) => [child.localName, child.text, child.line])).toEqual([
      ['Text2', 'b', 4],
      ['Text1', 'a', 5],
    ])
    expect(root.line).toBe(2)
  })

  it('keeps names that are JavaScript object keys', () => {
    const root = parseXmlDocument(
      toBytes('<r><constructor __proto__="1">x</constructor><toString/></r>'),
    )

    expect(root.children.map((child) => child.localName)).toEqual(['constructor', 'toString'])
    expect(root.children[0]?.attributes[0]).toMatchObject({
      localName: '__proto__',
      value: '1',
    })
  })

  it.each([
    [
      'UTF-16 little-endian byte order mark',
      toBytes([0xff, 0xfe], toUtf16Le(TOAST)),
      'INVALID_ENCODING',
      'Invalid encoding at byte offset 0: the payload starts with a UTF-16 byte order mark. Encode the XML as UTF-8 before sending.',
    ],
    [
      'UTF-16 big-endian byte order mark',
      toBytes([0xfe, 0xff, 0x00, 0x3c]),
      'INVALID_ENCODING',
      'Invalid encoding at byte offset 0: the payload starts with a UTF-16 byte order mark. Encode the XML as UTF-8 before sending.',
    ],
    [
      'UTF-16 without byte order mark',
      toBytes(toUtf16Le(TOAST)),
      'INVALID_ENCODING',
      'Invalid encoding at byte offset 0: the payload looks like UTF-16 without a byte order mark (a zero byte beside "<"). Encode the XML as UTF-8 before sending.',
    ],
    [
      'a Latin-1 byte',
      toBytes('<r>caf', [0xe9], '</r>'),
      'INVALID_ENCODING',
      'Invalid UTF-8 in the payload at byte offset 6: the sequence that starts with byte 0xE9 is not valid UTF-8. Encode the XML as UTF-8 before sending.',
    ],
    [
      'an overlong encoding',
      toBytes('<r>', [0xc0, 0xaf], '</r>'),
      'INVALID_ENCODING',
      'Invalid UTF-8 in the payload at byte offset 3: the sequence that starts with byte 0xC0 is not valid UTF-8. Encode the XML as UTF-8 before sending.',
    ],
    [
      'a sequence cut off at the end',
      toBytes([0xef, 0xbb, 0xbf], '<r/>', [0xe6, 0x97]),
      'INVALID_ENCODING',
      'Invalid UTF-8 in the payload at byte offset 7: the sequence that starts with byte 0xE6 is not valid UTF-8. Encode the XML as UTF-8 before sending.',
    ],
    [
      'a declared UTF-16 encoding',
      toBytes('<?xml version="1.0" encoding="utf-16"?>', TOAST),
      'INVALID_ENCODING',
      'Invalid encoding "utf-16" in the XML declaration at byte offset 30: MPNS payloads must be UTF-8. Encode the XML as UTF-8 and declare encoding="utf-8".',
    ],
    [
      'a declared Latin-1 encoding after a byte order mark',
      toBytes([0xef, 0xbb, 0xbf], "<?xml version='1.0' encoding='ISO-8859-1'?><r/>"),
      'INVALID_ENCODING',
      'Invalid encoding "ISO-8859-1" in the XML declaration at byte offset 33: MPNS payloads must be UTF-8. Encode the XML as UTF-8 and declare encoding="utf-8".',
    ],
    [
      'the control character U+0001',
      toBytes('<r>\n<t>é\u0001</t></r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 2, column 5 (byte offset 9): control character U+0001 is not allowed, because a payload may contain only tab, line feed and carriage return among the control characters. Remove it or replace it with a space.',
    ],
    [
      'a zero byte',
      toBytes('<r>a', [0x00], '</r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 5 (byte offset 4): control character U+0000 is not allowed, because a payload may contain only tab, line feed and carriage return among the control characters. Remove it or replace it with a space.',
    ],
    [
      'whitespace before the declaration',
      toBytes('\n ', DECLARATION, TOAST),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 1: whitespace comes before the XML declaration. Start the payload with "<?xml" or leave the declaration out.',
    ],
    [
      'a DOCTYPE',
      toBytes(DECLARATION, '\n<!DOCTYPE r [<!ENTITY x "boom">]>\n<r>&x;</r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 2, column 1: "<!DOCTYPE" declarations are not allowed, because MPNS payloads take no DOCTYPE and no entity declarations. Remove the declaration and write the characters themselves.',
    ],
    [
      'an entity declaration',
      toBytes('<!ENTITY x "boom"><r/>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 1: "<!ENTITY" declarations are not allowed, because MPNS payloads take no DOCTYPE and no entity declarations. Remove the declaration and write the characters themselves.',
    ],
    [
      'an HTML entity',
      toBytes('<r>a&nbsp;b</r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 5: the entity "&nbsp;" is not defined. XML predefines only &amp; &lt; &gt; &quot; and &apos;, so write the character itself or a character reference such as &#233;.',
    ],
    [
      'a long undefined entity, quoted shortened',
      toBytes(`<r>&${'x'.repeat(500)};</r>`),
      'MALFORMED_PAYLOAD',
      `Malformed XML payload at line 1, column 4: the entity "&${'x'.repeat(76)}..." is not defined. XML predefines only &amp; &lt; &gt; &quot; and &apos;, so write the character itself or a character reference such as &#233;.`,
    ],
    [
      'a bare ampersand',
      toBytes('<r>\n  Tom & Jerry</r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 2, column 7: an "&" does not start an entity reference. Write a literal ampersand as "&amp;".',
    ],
    [
      'a bare ampersand in an attribute',
      toBytes('<r a="1 & 2"/>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 9: an "&" does not start an entity reference. Write a literal ampersand as "&amp;".',
    ],
    [
      'a reference to a control character',
      toBytes('<r>&#1;</r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 4: the character reference "&#1;" names a control character, but a payload may contain only tab, line feed and carriage return among the control characters. Remove it.',
    ],
    [
      'a reference to a noncharacter',
      toBytes('<r>\n  &#xFFFE;</r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 2, column 3: the character reference "&#xFFFE;" names a character that XML 1.0 does not allow. Remove it.',
    ],
    [
      '"<" in an attribute value',
      toBytes('<r a="1 < 2"/>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 9: an attribute value contains "<". Write it as "&lt;".',
    ],
    [
      'a body that ends with two elements open',
      toBytes(
        '<?xml version="1.0"?>\n<wp:Notification xmlns:wp="WPNotification">\n  <wp:Toast><wp:Text1>Hi</wp:Text1>',
      ),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 3, column 36: the payload ends while <wp:Toast> (inside <wp:Notification>) is still open. Close every element before sending, and check that the whole body was sent.',
    ],
    [
      'an unclosed comment',
      toBytes('<r><!-- note </r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 4: the comment is never closed. End it with "-->".',
    ],
    [
      'an unclosed CDATA section',
      toBytes('<r><![CDATA[ text </r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 4: the CDATA section is never closed. End it with "]]>".',
    ],
    [
      'a mismatched closing tag',
      toBytes(
        '<wp:Notification xmlns:wp="WPNotification">\n<wp:Toast>\n<wp:Text1>Hel</wp:Toast>\n</wp:Notification>',
      ),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 3, column 14: expected </wp:Text1> (opened at line 3, column 1) but found </wp:Toast>. Close every element before sending.',
    ],
    [
      'an unclosed root',
      toBytes(DECLARATION, '\n<wp:Notification xmlns:wp="WPNotification">'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 2, column 1: <wp:Notification> is never closed. Close every element before sending.',
    ],
    [
      'a closing tag without a start tag',
      toBytes('<r/></t>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 5: </t> has no matching start tag. Remove it or add the start tag.',
    ],
    [
      'two root elements',
      toBytes('<r></r>\n<s></s>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 2, column 3: a second root element follows the first. Put everything inside one <wp:Notification> element.',
    ],
    [
      'a second self-closing root',
      toBytes('<r/>\n<!-- c --><s/>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 2, column 11: a second root element follows the first. Put everything inside one <wp:Notification> element.',
    ],
    [
      'text after the root',
      toBytes('<r></r>tail'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 8: text follows the root element. Remove everything after the closing root tag.',
    ],
    [
      'text after a self-closing root',
      toBytes('<r/> tail'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 6: text follows the root element. Remove everything after the closing root tag.',
    ],
    [
      'a document without elements',
      toBytes(DECLARATION),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1: the payload contains no element. Send a <wp:Notification> document.',
    ],
    [
      'a repeated attribute',
      toBytes('<r a="1" a="2"/>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 10: the attribute "a" appears more than once on one element. Keep one of them.',
    ],
    [
      'an invalid element name',
      toBytes('<r>\n<1a/></r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 2, column 4: "1a" is not a valid element name. Start names with a letter or "_", and write a literal "<" in text as "&lt;".',
    ],
    [
      'a literal "<" in text',
      toBytes('<r>a < b</r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 7: a space follows "<". Write the element name right after "<", or write a literal "<" in text as "&lt;".',
    ],
    [
      'a literal "<" before a tab',
      toBytes('<r>a <\tb</r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 7: a tab follows "<". Write the element name right after "<", or write a literal "<" in text as "&lt;".',
    ],
    [
      'a literal "<" at the end of a line',
      toBytes('<r>a <\nb</r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 7: a line break follows "<". Write the element name right after "<", or write a literal "<" in text as "&lt;".',
    ],
    [
      'a literal "<" before CRLF',
      toBytes('<r>\r\na <\r\nb</r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 2, column 4: a line break follows "<". Write the element name right after "<", or write a literal "<" in text as "&lt;".',
    ],
    [
      'a "<" at the end of the body',
      toBytes('<r>a <'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 7: the payload ends right after "<". Complete the tag and check that the whole body was sent.',
    ],
    [
      'an empty tag',
      toBytes('<r><></r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 5: ">" follows "<". Write the element name right after "<", or write a literal "<" in text as "&lt;".',
    ],
    [
      'an end tag cut at the end of a line',
      toBytes('<wp:Notification xmlns:wp="WPNotification">\n<wp:Text1>Hi</\n</wp:Notification>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 2, column 15: a line break follows "</". Write the element name right after "</".',
    ],
    [
      'an end tag cut at the end of the body',
      toBytes('<r><wp:Text1>Hi</'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 18: the payload ends right after "</". Complete the tag and check that the whole body was sent.',
    ],
    [
      'a space after "</"',
      toBytes('<r>x</ r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 7: a space follows "</". Write the element name right after "</".',
    ],
    [
      'an end tag without a name',
      toBytes('<r>x</>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 7: ">" follows "</". Write the element name right after "</".',
    ],
    [
      'a "/" after "</"',
      toBytes('<r>x<//>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 7: "/" follows "</". Write the element name right after "</".',
    ],
    [
      'an invalid attribute name',
      toBytes('<r 1a="x"/>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 4: "1a" is not a valid attribute name. Correct or remove it.',
    ],
    [
      'an attribute without a value',
      toBytes('<r Silent/>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 4: the attribute "Silent" has no value. Write it as Silent="value".',
    ],
    [
      'an unquoted attribute value',
      toBytes('<r foo=bar/>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 4: the attribute "foo" has a value without quotes, but attribute values must be quoted. Write it as foo="bar".',
    ],
    [
      'an unquoted value between quoted ones',
      toBytes('<r a="1"\n  foo = bar x="2"></r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 2, column 3: the attribute "foo" has a value without quotes, but attribute values must be quoted. Write it as foo="bar".',
    ],
    [
      'an unquoted value with a double quote',
      toBytes('<r foo=a"b"c></r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 4: the attribute "foo" has a value without quotes, but attribute values must be quoted. Write it as foo=\'a"b"c\'.',
    ],
    [
      'an "=" without a value',
      toBytes('<r foo=/>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 4: the attribute "foo" has no value. Write it as foo="value".',
    ],
    [
      'an "=" before the next attribute',
      toBytes('<r foo= x="2"/>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 4: the attribute "foo" has no value. Write it as foo="value".',
    ],
    [
      'attributes without a space between them',
      toBytes('<r a="1"b="2"/>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 9: the attribute "b" directly follows the previous one. Put a space between attributes.',
    ],
    [
      'an attribute value without a closing quote',
      toBytes('<r a="1/>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 3: an attribute value of <r> has no closing quote. Close every quoted value.',
    ],
    [
      'an end tag with an attribute',
      toBytes('<r>\n<t/></r x="1">'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 2, column 5: </r> contains more than the element name. Write the end tag as </r>.',
    ],
    [
      'an end tag without ">"',
      toBytes('<r a="1"></r'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 13: </r> does not end with ">". Close every tag with ">".',
    ],
    [
      'an XML declaration inside the document',
      toBytes('<r>\n  <?xml version="1.0"?></r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 2, column 3: an XML declaration comes after the start of the payload. Put "<?xml ...?>" first or leave it out.',
    ],
    [
      'an undeclared prefix',
      toBytes('<r>\n<wp:Toast/></r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 2, column 1: the namespace prefix "wp" of the element "wp:Toast" is not declared. Declare it, for example xmlns:wp="WPNotification".',
    ],
    [
      'a name with two colons',
      toBytes('<a:b:c xmlns:a="x"/>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 1: the element name "a:b:c" is not a valid qualified name. Use at most one ":" between a prefix and a local name.',
    ],
    [
      'elements nested 33 deep',
      toBytes('<r>\n', '<r>'.repeat(32), '</r>'.repeat(33)),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 2, column 94: elements are nested more than 32 levels deep. An MPNS payload needs three levels (<wp:Notification>, <wp:Toast> or <wp:Tile>, and its elements), so remove the extra nesting.',
    ],
    [
      'elements nested 100,000 deep',
      toBytes('<a>'.repeat(100_000), '</a>'.repeat(100_000)),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 97: elements are nested more than 32 levels deep. An MPNS payload needs three levels (<wp:Notification>, <wp:Toast> or <wp:Tile>, and its elements), so remove the extra nesting.',
    ],
    [
      'unclosed elements nested 100,000 deep',
      toBytes('<a x="1">'.repeat(100_000)),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 289: elements are nested more than 32 levels deep. An MPNS payload needs three levels (<wp:Notification>, <wp:Toast> or <wp:Tile>, and its elements), so remove the extra nesting.',
    ],
  ])('rejects %s', (_name, body, code, message) => {
    const error = captureMpnsError(() => parseXmlDocument(body))

    expect(toErrorFields(error)).toEqual({
      code,
      status: 400,
      headers: [],
      message,
    })
  })

  it.each([
    ['tab, line feed and carriage return', '\t\n\r'],
    ['a no-break space after the C1 range', '\u00A0'],
    ['U+FFFD', '\uFFFD'],
    ['a private-use character', '\uE000'],
    ['the last code point', '\u{10FFFF}'],
    ['a byte order mark inside the text', '\uFEFF'],
    ['a line separator', '\u2028'],
  ])('accepts %s in text', (_name, text) => {
    const root = parseXmlDocument(toBytes(`<r>${text}</r>`))

    expect(root.text).toBe(text.replace(/\r/g, '\n'))
  })

  it.each([
    ['U+0000', [0x00], 'U+0000'],
    ['U+0008 backspace', [0x08], 'U+0008'],
    ['U+000B vertical tab', [0x0b], 'U+000B'],
    ['U+000C form feed', [0x0c], 'U+000C'],
    ['U+000E shift out', [0x0e], 'U+000E'],
    ['U+001F unit separator', [0x1f], 'U+001F'],
    ['U+007F delete', [0x7f], 'U+007F'],
    ['U+0080, the first C1 control', [0xc2, 0x80], 'U+0080'],
    ['U+0085 next line', [0xc2, 0x85], 'U+0085'],
    ['U+009F, the last C1 control', [0xc2, 0x9f], 'U+009F'],
  ])('rejects control character %s with its byte offset', (_name, bytes, codePoint) => {
    const error = captureMpnsError(() => parseXmlDocument(toBytes('<r>a', bytes, '</r>')))

    expect(toErrorFields(error)).toEqual({
      code: 'MALFORMED_PAYLOAD',
      status: 400,
      headers: [],
      message: describeControlCharacter('line 1, column 5 (byte offset 4)', codePoint),
    })
  })

  it.each([
    [
      'in an attribute value after a byte order mark',
      toBytes([0xef, 0xbb, 0xbf], '<r Id="/P.xaml?', [0x1b], '"/>'),
      describeControlCharacter('line 1, column 16 (byte offset 18)', 'U+001B'),
    ],
    [
      'after multi-byte characters on a later line',
      toBytes('<r>\n日本', [0xc2, 0x81], '</r>'),
      describeControlCharacter('line 2, column 3 (byte offset 10)', 'U+0081'),
    ],
    [
      'in the XML declaration',
      toBytes('<?xml version="1.0"', [0x07], '?><r/>'),
      describeControlCharacter('line 1, column 20 (byte offset 19)', 'U+0007'),
    ],
    [
      'U+FFFE',
      toBytes('<r>a', [0xef, 0xbf, 0xbe], '</r>'),
      'Malformed XML payload at line 1, column 5 (byte offset 4): character U+FFFE is not allowed, because XML 1.0 excludes U+FFFE and U+FFFF. Remove it.',
    ],
    [
      'U+FFFF',
      toBytes('<r>\n', [0xef, 0xbf, 0xbf], '</r>'),
      'Malformed XML payload at line 2, column 1 (byte offset 4): character U+FFFF is not allowed, because XML 1.0 excludes U+FFFE and U+FFFF. Remove it.',
    ],
  ])('rejects a forbidden character %s', (_name, body, message) => {
    const error = captureMpnsError(() => parseXmlDocument(body))

    expect(toErrorFields(error)).toEqual({
      code: 'MALFORMED_PAYLOAD',
      status: 400,
      headers: [],
      message,
    })
  })

  it.each([
    ['DEL', '&#127;'],
    ['next line', '&#x85;'],
    ['a C0 control in hex', '&#x1b;'],
  ])('rejects a character reference to %s', (_name, reference) => {
    const error = captureMpnsError(() => parseXmlDocument(toBytes(`<r>${reference}</r>`)))

    expect(toErrorFields(error)).toEqual({
      code: 'MALFORMED_PAYLOAD',
      status: 400,
      headers: [],
      message: `Malformed XML payload at line 1, column 4: the character reference "${reference}" names a control character, but a payload may contain only tab, line feed and carriage return among the control characters. Remove it.`,
    })
  })

  it.each([
    ['a surrogate', '&#xD800;'],
    ['a code point above U+10FFFF', '&#x110000;'],
    ['a huge decimal number', '&#99999999999999999999;'],
  ])('rejects a character reference to %s', (_name, reference) => {
    const error = captureMpnsError(() => parseXmlDocument(toBytes(`<r>${reference}</r>`)))

    expect(error.message).toBe(
      `Malformed XML payload at line 1, column 4: the character reference "${reference}" names a character that XML 1.0 does not allow. Remove it.`,
    )
  })

  it.each([
    [
      'an encoded surrogate',
      toBytes('<r>', [0xed, 0xa0, 0x80], '</r>'),
      'Invalid UTF-8 in the payload at byte offset 3: the sequence that starts with byte 0xED is not valid UTF-8. Encode the XML as UTF-8 before sending.',
    ],
    [
      'UTF-16 big-endian without byte order mark',
      toBytes(toUtf16Be(TOAST)),
      'Invalid encoding at byte offset 0: the payload looks like UTF-16 without a byte order mark (a zero byte beside "<"). Encode the XML as UTF-8 before sending.',
    ],
    [
      'UTF-16 without byte order mark after indentation',
      toBytes(toUtf16Le(`  ${TOAST}`)),
      'Invalid encoding at byte offset 0: the payload looks like UTF-16 without a byte order mark (a zero byte beside " "). Encode the XML as UTF-8 before sending.',
    ],
    [
      'a UTF-16 byte order mark after a UTF-8 one',
      toBytes([0xef, 0xbb, 0xbf, 0xff, 0xfe], toUtf16Le(TOAST)),
      'Invalid UTF-8 in the payload at byte offset 3: the sequence that starts with byte 0xFF is not valid UTF-8. Encode the XML as UTF-8 before sending.',
    ],
    [
      'a declared UTF-16 encoding in a single-quoted declaration',
      toBytes("<?xml version='1.0' encoding='UTF-16'?>", TOAST),
      'Invalid encoding "UTF-16" in the XML declaration at byte offset 30: MPNS payloads must be UTF-8. Encode the XML as UTF-8 and declare encoding="utf-8".',
    ],
  ])('rejects %s', (_name, body, message) => {
    const error = captureMpnsError(() => parseXmlDocument(body))

    expect(toErrorFields(error)).toEqual({
      code: 'INVALID_ENCODING',
      status: 400,
      headers: [],
      message,
    })
  })

  it.each([
    ['a byte order mark and a space', toBytes([0xef, 0xbb, 0xbf], ' ', DECLARATION, TOAST)],
    ['a tab', toBytes('\t', DECLARATION, TOAST)],
    ['a carriage return and line feed', toBytes('\r\n', DECLARATION, TOAST)],
  ])('rejects whitespace before the declaration: %s', (_name, body) => {
    const error = captureMpnsError(() => parseXmlDocument(body))

    expect(error.message).toBe(
      'Malformed XML payload at line 1, column 1: whitespace comes before the XML declaration. Start the payload with "<?xml" or leave the declaration out.',
    )
  })

  it.each([
    ['mixed-case Utf-8', '<?xml version="1.0" encoding="Utf-8"?>'],
    ['a standalone declaration', '<?xml version="1.0" encoding="utf-8" standalone="yes"?>'],
    ['no encoding', '<?xml version="1.0"?>'],
  ])('accepts a declaration with %s', (_name, declaration) => {
    const root = parseXmlDocument(toBytes(declaration, TOAST))

    expect(findText1(root)?.text).toBe('Hi')
  })

  it('accepts elements nested 32 deep', () => {
    const root = parseXmlDocument(toBytes('<r>'.repeat(32), 'deep', '</r>'.repeat(32)))
    let innermost = root
    for (let level = 1; level < 32; level++) {
      innermost = innermost.children[0] ?? innermost
    }

    expect(innermost.text).toBe('deep')
    expect(innermost.children).toEqual([])
  })

  it('ignores closed elements in the depth', () => {
    const siblings = '<e/><f></f>'.repeat(100)
    const root = parseXmlDocument(toBytes('<r>'.repeat(31), siblings, '</r>'.repeat(31)))

    expect(root.localName).toBe('r')
  })

  it('returns markup in text as characters', () => {
    const root = parseXmlDocument(
      toBytes('<r><t>&lt;img src=x onerror="alert(1)"&gt;<![CDATA[<script>x</script>]]></t></r>'),
    )
    const text = root.children[0]

    expect(text?.text).toBe('<img src=x onerror="alert(1)"><script>x</script>')
    expect(text?.children).toEqual([])
  })

  it('throws only MpnsError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(() => parseEveryWay(bytes)).not.toThrow()
      }),
      { numRuns: 300 },
    )
  })

  it('throws only MpnsError on random XML', () => {
    fc.assert(
      fc.property(DOCUMENT, (bytes) => {
        expect(() => parseEveryWay(bytes)).not.toThrow()
      }),
      { numRuns: 400 },
    )
  })

  it('throws only MpnsError on MPNS-shaped XML', () => {
    fc.assert(
      fc.property(MPNS_DOCUMENT, (bytes) => {
        expect(() => parseEveryWay(bytes)).not.toThrow()
      }),
      { numRuns: 400 },
    )
  })

  it('throws only MpnsError on damaged XML', () => {
    const damaged = fc
      .tuple(
        fc.oneof(DOCUMENT, MPNS_DOCUMENT),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom(0, 1, 2),
      )
      .map(([bytes, position, byte, operation]) => {
        const index = bytes.length === 0 ? 0 : position % bytes.length
        const values = Array.from(bytes)
        values.splice(index, operation === 1 ? 0 : 1, ...(operation === 2 ? [] : [byte]))
        return Uint8Array.from(values)
      })

    fc.assert(
      fc.property(damaged, (bytes) => {
        expect(() => parseEveryWay(bytes)).not.toThrow()
      }),
      { numRuns: 400 },
    )
  })
})
