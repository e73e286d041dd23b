import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { captureMpnsError, toErrorFields } from '@/test/mpns-error'

import type { ToastPayload } from '../types'
import type { SenderWarning, SenderWarningCode } from '../warnings'
import { parseToastPayload } from './toast'
import { parseXmlDocument } from './xml'

function wrapToast(inner: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><wp:Notification xmlns:wp="WPNotification"><wp:Toast>${inner}</wp:Toast></wp:Notification>`
}

function parseToast(xml: string): { toast: ToastPayload; warnings: SenderWarning[] } {
  const warnings: SenderWarning[] = []
  const toast = parseToastPayload(parseXmlDocument(new TextEncoder().encode(xml)), warnings)
  return { toast, warnings }
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
}

const LONG_PARAM = `/Page.xaml?q=${'x'.repeat(250)}`

describe('parseToastPayload', () => {
  it.each<[string, string, ToastPayload]>([
    [
      'all four elements',
      '<wp:Text1>Build 42</wp:Text1><wp:Text2>finished</wp:Text2><wp:Param>/Builds.xaml?id=42</wp:Param><wp:Sound>/Assets/ding.wav</wp:Sound>',
      {
        text1: 'Build 42',
        text2: 'finished',
        param: '/Builds.xaml?id=42',
        sound: '/Assets/ding.wav',
        silent: false,
      },
    ],
    [
      'Text1 alone',
      '<wp:Text1>Only the title</wp:Text1>',
      { text1: 'Only the title', silent: false },
    ],
    ['Text2 alone', '<wp:Text2>Body</wp:Text2>', { text2: 'Body', silent: false }],
    [
      'elements in any order',
      '<wp:Param>?id=1</wp:Param><wp:Text2>b</wp:Text2><wp:Text1>a</wp:Text1>',
      { text1: 'a', text2: 'b', param: '?id=1', silent: false },
    ],
    [
      'whitespace between elements',
      '\n    <wp:Text1>a</wp:Text1>\n    <wp:Text2>b</wp:Text2>\n  ',
      { text1: 'a', text2: 'b', silent: false },
    ],
    [
      'an escaped ampersand in Param',
      '<wp:Text1>a</wp:Text1><wp:Param>/Page2.xaml?NavigatedFrom=Toast&amp;id=42</wp:Param>',
      {
        text1: 'a',
        param: '/Page2.xaml?NavigatedFrom=Toast&id=42',
        silent: false,
      },
    ],
    [
      'an empty Param',
      '<wp:Text1>a</wp:Text1><wp:Param></wp:Param>',
      { text1: 'a', silent: false },
    ],
    [
      'Sound with Silent="true"',
      '<wp:Text1>a</wp:Text1><wp:Sound Silent="true"/>',
      { text1: 'a', silent: true },
    ],
    [
      'Silent in another letter case',
      '<wp:Text1>a</wp:Text1><wp:Sound Silent="True"></wp:Sound>',
      { text1: 'a', silent: true },
    ],
    [
      'Sound with Silent="false"',
      '<wp:Text1>a</wp:Text1><wp:Sound Silent="false">/Assets/a.mp3</wp:Sound>',
      { text1: 'a', sound: '/Assets/a.mp3', silent: false },
    ],
    [
      'a Param with a page only',
      '<wp:Text1>a</wp:Text1><wp:Param>/Page.xaml</wp:Param>',
      { text1: 'a', param: '/Page.xaml', silent: false },
    ],
    [
      'a Param with a page and two pairs',
      '<wp:Text1>a</wp:Text1><wp:Param>/Page.xaml?k=v&amp;k2=v2</wp:Param>',
      { text1: 'a', param: '/Page.xaml?k=v&k2=v2', silent: false },
    ],
    [
      'a Param with a query only',
      '<wp:Text1>a</wp:Text1><wp:Param>?k=v</wp:Param>',
      { text1: 'a', param: '?k=v', silent: false },
    ],
    [
      'markup written as text',
      '<wp:Text1>&lt;b&gt;bold&lt;/b&gt;</wp:Text1><wp:Text2><![CDATA[<img src=x onerror=alert(1)>]]></wp:Text2>',
      { text1: '<b>bold</b>', text2: '<img src=x onerror=alert(1)>', silent: false },
    ],
    [
      'an entity escaped twice in Text1',
      '<wp:Text1>McDonald&amp;apos;s</wp:Text1>',
      { text1: 'McDonald&apos;s', silent: false },
    ],
  ])('reads %s', (_name, inner, expected) => {
    const { toast, warnings } = parseToast(wrapToast(inner))

    expect(toast).toEqual(expected)
    expect(warnings).toEqual([])
  })

  it.each<[string, string, [SenderWarningCode, string]]>([
    [
      'neither Text1 nor Text2',
      '<wp:Param>/A.xaml</wp:Param>',
      [
        'TOAST_WITHOUT_TEXT',
        'The toast has neither Text1 nor Text2, so the banner shows only the app icon. Add <wp:Text1> with a title.',
      ],
    ],
    [
      'a Param without "/" or "?"',
      '<wp:Text1>a</wp:Text1><wp:Param>Page.xaml</wp:Param>',
      [
        'PARAM_FORM',
        'Param "Page.xaml" starts with neither "/" nor "?", so a tap opens the app\'s main page. Start it with a page path such as "/MainPage.xaml" or with "?".',
      ],
    ],
    [
      'a Param over 256 characters',
      `<wp:Text1>a</wp:Text1><wp:Param>${LONG_PARAM}</wp:Param>`,
      [
        'PARAM_TOO_LONG',
        "Param is 263 characters long, over the 256-character limit, so a tap opens the app's main page. Shorten it to 256 characters or fewer.",
      ],
    ],
    [
      'a trailing ampersand in Param',
      '<wp:Text1>a</wp:Text1><wp:Param>/A.xaml?x=1&amp;</wp:Param>',
      [
        'PARAM_AMPERSAND',
        'Param "/A.xaml?x=1&" contains an "&" that is not followed by a key=value pair. Remove the extra "&" or complete the pair.',
      ],
    ],
    [
      'a doubled ampersand in Param',
      '<wp:Text1>a</wp:Text1><wp:Param>?x=1&amp;&amp;y=2</wp:Param>',
      [
        'PARAM_AMPERSAND',
        'Param "?x=1&&y=2" contains an "&" that is not followed by a key=value pair. Remove the extra "&" or complete the pair.',
      ],
    ],
    [
      'a doubly escaped ampersand in Param',
      '<wp:Text1>a</wp:Text1><wp:Param>/A.xaml?x=1&amp;amp;y=2</wp:Param>',
      [
        'PARAM_AMPERSAND',
        'Param "/A.xaml?x=1&amp;y=2" still contains an entity such as "&amp;" after XML decoding, so it was escaped twice. Escape "&" only once, as "&amp;".',
      ],
    ],
    [
      'an element that is not part of a toast',
      '<wp:Text1>a</wp:Text1>\n<wp:Text3>c</wp:Text3>',
      [
        'UNKNOWN_ELEMENT',
        'Element <wp:Text3> at line 2 is not part of a toast and was ignored. A toast takes Text1, Text2, Param and Sound.',
      ],
    ],
    [
      'a repeated Text1',
      '<wp:Text1>first</wp:Text1><wp:Text1>second</wp:Text1>',
      [
        'DUPLICATE_ELEMENT',
        'Element <wp:Text1> at line 1 appears more than once, so only the first one is used. Send it once.',
      ],
    ],
    [
      'child elements inside Text1',
      '<wp:Text1>a<wp:b/></wp:Text1>',
      [
        'UNKNOWN_ELEMENT',
        'Element <wp:Text1> at line 1 contains child elements, which were ignored. Put only text in it.',
      ],
    ],
    [
      'an unknown Silent value',
      '<wp:Text1>a</wp:Text1><wp:Sound Silent="yes"/>',
      [
        'SOUND_INVALID',
        'Sound has Silent="yes", which is neither "true" nor "false", so the toast plays its sound. Write Silent="true" to mute it.',
      ],
    ],
    [
      'text directly inside Toast',
      'stray<wp:Text1>a</wp:Text1>',
      [
        'STRAY_TEXT',
        'Text "stray" directly inside <wp:Toast> was ignored. Put text in <wp:Text1> or <wp:Text2>.',
      ],
    ],
    [
      'an attribute on Text1',
      '<wp:Text1 attribute="x">a</wp:Text1>',
      [
        'UNKNOWN_ATTRIBUTE',
        'Attribute attribute="x" on <wp:Text1> at line 1 is not part of the MPNS schema and was ignored. <wp:Text1> takes no attributes.',
      ],
    ],
    [
      'an attribute other than Silent on Sound',
      '<wp:Text1>a</wp:Text1><wp:Sound Loop="true">/a.wav</wp:Sound>',
      [
        'UNKNOWN_ATTRIBUTE',
        'Attribute Loop="true" on <wp:Sound> at line 1 is not part of the MPNS schema and was ignored. <wp:Sound> takes only Silent.',
      ],
    ],
    [
      'a namespaced attribute on Param',
      '<wp:Text1>a</wp:Text1><wp:Param wp:Kind="page">/P.xaml</wp:Param>',
      [
        'UNKNOWN_ATTRIBUTE',
        'Attribute wp:Kind="page" on <wp:Param> at line 1 is not part of the MPNS schema and was ignored. <wp:Param> takes no attributes.',
      ],
    ],
  ])('warns about %s', (_name, inner, [code, message]) => {
    const { warnings } = parseToast(wrapToast(inner))

    expect(warnings).toEqual([{ code, message }])
  })

  it.each<[string, string, SenderWarning[]]>([
    [
      'Version="2.0" on a toast',
      '<wp:Notification xmlns:wp="WPNotification" Version="2.0"><wp:Toast><wp:Text1>a</wp:Text1></wp:Toast></wp:Notification>',
      [],
    ],
    [
      'an attribute on Toast',
      '<wp:Notification xmlns:wp="WPNotification"><wp:Toast Launch="/P.xaml"><wp:Text1>a</wp:Text1></wp:Toast></wp:Notification>',
      [
        {
          code: 'UNKNOWN_ATTRIBUTE',
          message:
            'Attribute Launch="/P.xaml" on <wp:Toast> at line 1 is not part of the MPNS schema and was ignored. <wp:Toast> takes no attributes.',
        },
      ],
    ],
    [
      'an attribute on Notification',
      '<n:Notification xmlns:n="WPNotification" xml:lang="en">\n<n:Toast><n:Text1>a</n:Text1></n:Toast></n:Notification>',
      [
        {
          code: 'UNKNOWN_ATTRIBUTE',
          message:
            'Attribute xml:lang="en" on <n:Notification> at line 1 is not part of the MPNS schema and was ignored. <n:Notification> takes only Version.',
        },
      ],
    ],
    [
      'an empty self-closing toast',
      '<?xml version="1.0" encoding="utf-8"?>\r\n<wp:Notification xmlns:wp="WPNotification">\r\n  <wp:Toast />\r\n</wp:Notification>',
      [
        {
          code: 'TOAST_WITHOUT_TEXT',
          message:
            'The toast has neither Text1 nor Text2, so the banner shows only the app icon. Add <wp:Text1> with a title.',
        },
      ],
    ],
  ])('checks the envelope of %s', (_name, xml, expected) => {
    const { warnings } = parseToast(xml)

    expect(warnings).toEqual(expected)
  })

  it.each([
    [
      'another prefix',
      '<n:Notification xmlns:n="WPNotification"><n:Toast><n:Text1>Hi</n:Text1></n:Toast></n:Notification>',
    ],
    [
      'the default namespace',
      '<Notification xmlns="WPNotification"><Toast><Text1>Hi</Text1></Toast></Notification>',
    ],
    [
      'a second prefix bound on the toast',
      '<p:Notification xmlns:p="WPNotification"><q:Toast xmlns:q="WPNotification"><q:Text1>Hi</q:Text1></q:Toast></p:Notification>',
    ],
  ])('reads a toast written with %s', (_name, xml) => {
    const { toast, warnings } = parseToast(xml)

    expect(toast).toEqual({ text1: 'Hi', silent: false })
    expect(warnings).toEqual([])
  })

  it('round-trips escaped Text1 and Text2', () => {
    const xmlCharacter = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
      .filter(
        (text) =>
          text.trim() !== '' &&
          !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/u.test(text),
      )

    fc.assert(
      fc.property(xmlCharacter, xmlCharacter, (text1, text2) => {
        const { toast } = parseToast(
          wrapToast(
            `<wp:Text1>${escapeXml(text1)}</wp:Text1><wp:Text2>${escapeXml(text2)}</wp:Text2>`,
          ),
        )

        expect(toast.text1).toBe(text1)
        expect(toast.text2).toBe(text2)
      }),
      { numRuns: 200 },
    )
  })

  it('keeps the first of repeated elements', () => {
    const { toast } = parseToast(wrapToast('<wp:Text1>first</wp:Text1><wp:Text1>second</wp:Text1>'))

    expect(toast.text1).toBe('first')
  })

  it.each([
    [
      'a tile body',
      '<wp:Notification xmlns:wp="WPNotification"><wp:Tile><wp:Count>1</wp:Count></wp:Tile></wp:Notification>',
      'INVALID_PAYLOAD',
      'Mismatched payload: X-WindowsPhone-Target "toast" announces a toast, but the payload contains <wp:Tile>. Send a tile with X-WindowsPhone-Target "token", or send a <wp:Toast> payload.',
    ],
    [
      'a WNS toast',
      '<toast><visual><binding template="ToastText01"><text id="1">Hi</text></binding></visual></toast>',
      'WNS_FORMAT',
      'Invalid payload root <toast>: this is the Windows Notification Service (WNS) format for Windows Store apps, not MPNS. Send a <wp:Notification xmlns:wp="WPNotification"> payload to a Windows Phone channel URI.',
    ],
    [
      'an element in no namespace',
      '<wp:Notification xmlns:wp="WPNotification"><wp:Toast>\n<Text1>a</Text1></wp:Toast></wp:Notification>',
      'INVALID_PAYLOAD',
      'Invalid element <Text1> at line 2: it is in no namespace, but every element of an MPNS payload must be in the "WPNotification" namespace. Declare xmlns:wp="WPNotification" on the root and write <wp:Text1>.',
    ],
    [
      'unescaped markup in Text1',
      '<wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>a <b>bold</b> word</wp:Text1></wp:Toast></wp:Notification>',
      'INVALID_PAYLOAD',
      'Invalid element <b> at line 1 inside <wp:Text1>: payload elements hold text only. To show "<b>" as text, escape it as &lt;b&gt;.',
    ],
    [
      'an element in another namespace',
      '<wp:Notification xmlns:wp="WPNotification" xmlns:x="urn:x"><wp:Toast><x:Text1>a</x:Text1></wp:Toast></wp:Notification>',
      'INVALID_PAYLOAD',
      'Invalid element <x:Text1> at line 1: it is in the namespace "urn:x", but every element of an MPNS payload must be in the "WPNotification" namespace. Declare xmlns:wp="WPNotification" on the root and write <wp:Text1>.',
    ],
    [
      'a root in no namespace',
      '<Notification><Toast/></Notification>',
      'INVALID_PAYLOAD',
      'Invalid element <Notification> at line 1: it is in no namespace, but every element of an MPNS payload must be in the "WPNotification" namespace. Declare xmlns:wp="WPNotification" on the root and write <wp:Notification>.',
    ],
    [
      'another root element',
      '<wp:Toast xmlns:wp="WPNotification"><wp:Text1>a</wp:Text1></wp:Toast>',
      'INVALID_PAYLOAD',
      'Invalid root element <wp:Toast> at line 1: an MPNS payload starts with <wp:Notification xmlns:wp="WPNotification">. Wrap the toast in that element.',
    ],
    [
      'an empty notification',
      '<wp:Notification xmlns:wp="WPNotification"> </wp:Notification>',
      'INVALID_PAYLOAD',
      'Missing <wp:Toast> in <wp:Notification> at line 1: the payload carries no notification. Add one <wp:Toast> element.',
    ],
    [
      'two toasts',
      '<wp:Notification xmlns:wp="WPNotification"><wp:Toast/><wp:Toast/></wp:Notification>',
      'INVALID_PAYLOAD',
      'Invalid payload: <wp:Notification> contains 2 elements, but one POST carries exactly one notification. Send each notification in its own request.',
    ],
    [
      'another element in the notification',
      '<wp:Notification xmlns:wp="WPNotification"><wp:Badge/></wp:Notification>',
      'INVALID_PAYLOAD',
      'Invalid element <wp:Badge> at line 1 in <wp:Notification>: it must contain one <wp:Toast>. Replace the element with <wp:Toast>.',
    ],
  ])('rejects %s', (_name, xml, code, message) => {
    const error = captureMpnsError(() => parseToast(xml))

    expect(toErrorFields(error)).toEqual({
      code,
      status: 400,
      headers: [],
      message,
    })
  })
})
