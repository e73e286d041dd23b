import { describe, expect, it } from 'vitest'

import { captureMpnsError, toErrorFields } from '@/test/mpns-error'

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

function findText1(root: XmlElement): XmlElement | undefined {
  return root.children[0]?.children[0]
}

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
      'Malformed XML payload at line 2, column 5 (byte offset 9): control character U+0001 is not allowed in XML, which permits only tab, line feed and carriage return. Remove it or replace it with a space.',
    ],
    [
      'a zero byte',
      toBytes('<r>a', [0x00], '</r>'),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload at line 1, column 5 (byte offset 4): control character U+0000 is not allowed in XML, which permits only tab, line feed and carriage return. Remove it or replace it with a space.',
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
      'Malformed XML payload at line 1, column 4: the character reference "&#1;" names a character that XML 1.0 does not allow. Remove it.',
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
      "Malformed XML payload at line 1, column 10: attribute 'a' is repeated. Fix the XML before sending.",
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
      'elements nested 200 deep',
      toBytes('<r>'.repeat(200), '</r>'.repeat(200)),
      'MALFORMED_PAYLOAD',
      'Malformed XML payload: the XML parser rejected it (Maximum nested tags exceeded). Fix the XML before sending.',
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
})
