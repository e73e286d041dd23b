import { describe, expect, it } from 'vitest'

import { completePayload } from './payload-completions'
import type { CompletionRequest } from './payload-completions'
import type { XmlPayloadType } from './payload-schema'

const TOAST_OPEN = '<wp:Notification xmlns:wp="WPNotification">\n  <wp:Toast>\n    '
const TOAST_CLOSE = '\n  </wp:Toast>\n</wp:Notification>'

/** Builds a request from text whose cursor is marked with "|". */
function at(type: XmlPayloadType, marked: string, explicit = false): CompletionRequest {
  const position = marked.indexOf('|')
  return { text: marked.replace('|', ''), position, type, explicit }
}

function tile(template: string | null, inner: string): string {
  const attribute = template === null ? '' : ` Template="${template}"`
  return `<wp:Notification xmlns:wp="WPNotification" Version="2.0">\n  <wp:Tile${attribute}>\n    ${inner}\n  </wp:Tile>\n</wp:Notification>`
}

function labels(request: CompletionRequest): string[] {
  return completePayload(request)?.options.map((option) => option.label) ?? []
}

describe('completePayload', () => {
  it.each([
    [
      'toast children',
      at('toast', `${TOAST_OPEN}<|${TOAST_CLOSE}`),
      ['wp:Text1', 'wp:Text2', 'wp:Param', 'wp:Sound'],
    ],
    [
      'toast children not yet written',
      at(
        'toast',
        `${TOAST_OPEN}<wp:Text1>a</wp:Text1>\n    <wp:|\n    <wp:Param>/p</wp:Param>${TOAST_CLOSE}`,
      ),
      ['wp:Text2', 'wp:Sound'],
    ],
    ['root of an empty toast', at('toast', '<|'), ['wp:Notification']],
    [
      'body of a toast root',
      at('toast', '<wp:Notification xmlns:wp="WPNotification">\n  <|\n</wp:Notification>'),
      ['wp:Toast'],
    ],
    [
      'body of a tile root',
      at('tile', '<wp:Notification xmlns:wp="WPNotification">\n  <|\n</wp:Notification>'),
      ['wp:Tile'],
    ],
    [
      'FlipTile elements',
      at('tile', tile('FlipTile', '<|')),
      [
        'wp:BackgroundImage',
        'wp:Count',
        'wp:Title',
        'wp:BackBackgroundImage',
        'wp:BackTitle',
        'wp:BackContent',
        'wp:SmallBackgroundImage',
        'wp:WideBackgroundImage',
        'wp:WideBackContent',
        'wp:WideBackBackgroundImage',
      ],
    ],
    [
      'IconicTile elements',
      at('tile', tile('IconicTile', '<|')),
      [
        'wp:Count',
        'wp:Title',
        'wp:IconImage',
        'wp:SmallIconImage',
        'wp:WideContent1',
        'wp:WideContent2',
        'wp:WideContent3',
        'wp:BackgroundColor',
      ],
    ],
    [
      'CycleTile elements after Title',
      at('tile', tile('CycleTile', '<wp:Title>t</wp:Title>\n    <|')),
      [
        'wp:SmallBackgroundImage',
        'wp:CycleImage1',
        'wp:CycleImage2',
        'wp:CycleImage3',
        'wp:CycleImage4',
        'wp:CycleImage5',
        'wp:CycleImage6',
        'wp:CycleImage7',
        'wp:CycleImage8',
        'wp:CycleImage9',
        'wp:Count',
      ],
    ],
    [
      'legacy tile elements',
      at('tile', tile(null, '<|')),
      [
        'wp:BackgroundImage',
        'wp:Count',
        'wp:Title',
        'wp:BackBackgroundImage',
        'wp:BackTitle',
        'wp:BackContent',
      ],
    ],
    [
      'nothing inside a text element',
      at('toast', `${TOAST_OPEN}<wp:Text1><|</wp:Text1>${TOAST_CLOSE}`),
      [],
    ],
    ['nothing inside a comment', at('toast', `${TOAST_OPEN}<!-- <| -->${TOAST_CLOSE}`), []],
    ['end tag of the open element', at('toast', `${TOAST_OPEN}<wp:Text1>Hi</|`), ['/wp:Text1']],
    ['Sound attributes', at('toast', `${TOAST_OPEN}<wp:Sound |`), ['Silent']],
    ['Silent values', at('toast', `${TOAST_OPEN}<wp:Sound Silent="|"`), ['true', 'false']],
    [
      'Tile attributes',
      at('tile', '<wp:Notification xmlns:wp="WPNotification">\n  <wp:Tile |>'),
      ['Template', 'Id'],
    ],
    [
      'Tile attributes not yet written',
      at('tile', tile('FlipTile', '').replace('<wp:Tile ', '<wp:Tile | ')),
      ['Id'],
    ],
    [
      'Template values',
      at('tile', '<wp:Notification xmlns:wp="WPNotification">\n  <wp:Tile Template="Fl|">'),
      ['FlipTile', 'IconicTile', 'CycleTile'],
    ],
    ['Action on a tile element', at('tile', tile('FlipTile', '<wp:Title A|')), ['Action']],
    [
      'Version on a tile root',
      at('tile', '<wp:Notification xmlns:wp="WPNotification" V|'),
      ['Version'],
    ],
    [
      'no Version on a toast root',
      at('toast', '<wp:Notification xmlns:wp="WPNotification" V|'),
      [],
    ],
    [
      'no Version on a legacy tile root',
      at('tile', '<wp:Notification xmlns:wp="WPNotification" |>\n<wp:Tile>'),
      [],
    ],
    ['namespace declaration on a bare root', at('toast', '<wp:Notification |'), ['xmlns:wp']],
    [
      'siblings after a misspelled end tag',
      at('toast', `${TOAST_OPEN}<wp:Text1>a</wp:Txt1>\n    <|${TOAST_CLOSE}`),
      ['wp:Text2', 'wp:Param', 'wp:Sound'],
    ],
    ['content only when asked', at('toast', `${TOAST_OPEN}|${TOAST_CLOSE}`), []],
  ])('lists %s', (_name, request, expected) => {
    expect(labels(request)).toEqual(expected)
  })

  it('lists elements with brackets when asked in content', () => {
    const request = at('toast', `${TOAST_OPEN}<wp:Text1>a</wp:Text1>\n    |${TOAST_CLOSE}`, true)

    expect(labels(request)).toEqual(['<wp:Text2>', '<wp:Param>', '<wp:Sound>'])
    expect(completePayload(request)?.options[0]?.insert).toBe('<wp:Text2></wp:Text2>')
  })

  it.each([
    [
      'an element with its end tag',
      at('toast', `${TOAST_OPEN}<wp:T|${TOAST_CLOSE}`),
      'wp:Text1></wp:Text1>',
      9,
    ],
    [
      'only the name inside a written tag',
      at('toast', `${TOAST_OPEN}<wp:T| Silent="true"/>`),
      'wp:Text1',
      8,
    ],
    [
      'a single-valued attribute whole',
      at('tile', tile('FlipTile', '<wp:Title |')),
      'Action="Clear"',
      14,
    ],
    ['an empty value for a choice', at('toast', `${TOAST_OPEN}<wp:Sound S|`), 'Silent=""', 8],
    ['a name before a written value', at('toast', `${TOAST_OPEN}<wp:Sound S|="true"`), 'Silent', 6],
    ['the end tag with its bracket', at('toast', `${TOAST_OPEN}<wp:Text1>Hi</wp|`), 'wp:Text1>', 9],
  ])('inserts %s', (_name, request, insert, cursor) => {
    const option = completePayload(request)?.options[0]

    expect(option?.insert).toBe(insert)
    expect(option?.cursor).toBe(cursor)
  })

  it('replaces the partial name around the cursor', () => {
    const request = at('toast', `${TOAST_OPEN}<wp:Te|xt${TOAST_CLOSE}`)
    const result = completePayload(request)

    expect(result?.from).toBe(request.text.indexOf('<wp:Text') + 1)
    expect(result?.to).toBe(request.text.indexOf('<wp:Text') + 'wp:Text'.length + 1)
  })

  it('writes a new root with its namespace and Version', () => {
    const option = completePayload(at('tile', '<|'))?.options[0]

    expect(option?.insert).toBe(
      '<wp:Notification xmlns:wp="WPNotification" Version="2.0"></wp:Notification>'.slice(1),
    )
  })

  it('uses the prefix the payload declares', () => {
    const text = '<n:Notification xmlns:n="WPNotification">\n  <n:Toast>\n    <|'

    expect(labels(at('toast', text))).toEqual(['n:Text1', 'n:Text2', 'n:Param', 'n:Sound'])
  })

  it('asks to reopen after an empty choice value', () => {
    const option = completePayload(
      at('tile', '<wp:Notification xmlns:wp="WPNotification">\n  <wp:Tile T|'),
    )?.options[0]

    expect(option?.label).toBe('Template')
    expect(option?.reopen).toBe(true)
  })
})
