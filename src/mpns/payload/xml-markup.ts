import { MpnsError } from '../errors'
import { shortenForMessage } from '../message-text'
import { isForbiddenControlCode } from './xml-encoding'

/** One-based line and column of a character in the XML text. Columns count UTF-16 code units. */
export interface TextPosition {
  line: number
  column: number
}

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
}

/** Any reference the scan lets through: the five predefined entities or a character reference. */
const CHECKED_REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g

const REFERENCE_AT = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_:][\w.:-]*);/y

const LEADING_WHITESPACE_DECLARATION = /^\s+<\?xml[\s?]/

/**
 * Deepest element nesting a payload may have. MPNS payloads use three levels (wp:Notification,
 * wp:Toast or wp:Tile, and its elements), so 32 leaves room for any sender while deep input is
 * rejected before a parser recurses into it.
 */
export const MAX_ELEMENT_DEPTH = 32

/**
 * Rejects what the XML validator lets through: whitespace before the XML declaration, DOCTYPE
 * and other declarations, unclosed comments and CDATA sections, "<" inside attribute values,
 * references other than the five predefined entities and allowed character references, and
 * elements nested deeper than MAX_ELEMENT_DEPTH. The scan is one loop without recursion.
 */
export function checkMarkup(text: string): void {
  if (LEADING_WHITESPACE_DECLARATION.test(text)) {
    throw createMarkupError(
      text,
      0,
      'whitespace comes before the XML declaration. Start the payload with "<?xml" or leave the declaration out.',
    )
  }

  const depth = { current: 0 }
  let index = 0
  while (index < text.length) {
    const character = text[index]
    if (character === '<') {
      index = skipMarkup(text, index, depth)
    } else if (character === '&') {
      index = checkReference(text, index)
    } else {
      index++
    }
  }
}

/** Replaces each predefined entity and character reference once, so `&amp;lt;` becomes `&lt;`. */
export function decodeReferences(value: string): string {
  return value.replace(CHECKED_REFERENCE, (_reference, body: string) => {
    if (body.startsWith('#x')) {
      return String.fromCodePoint(Number.parseInt(body.slice(2), 16))
    }
    if (body.startsWith('#')) {
      return String.fromCodePoint(Number.parseInt(body.slice(1), 10))
    }
    return PREDEFINED_ENTITIES[body] ?? ''
  })
}

/** Converts an index into the text to a one-based line and column. */
export function toTextPosition(text: string, index: number): TextPosition {
  const before = text.slice(0, index)
  const lineStart = before.lastIndexOf('\n') + 1
  const line = before.split('\n').length
  return { line, column: index - lineStart + 1 }
}

/** Builds the 400 error for XML that is not well-formed, naming the line and column. */
export function createMarkupError(text: string, index: number, detail: string): MpnsError {
  const { line, column } = toTextPosition(text, index)
  return new MpnsError({
    code: 'MALFORMED_PAYLOAD',
    status: 400,
    message: `Malformed XML payload at line ${line}, column ${column}: ${detail}`,
  })
}

/**
 * Returns the index after the comment, CDATA section, processing instruction or tag at the
 * index, and counts the element depth that a start or end tag changes.
 */
function skipMarkup(text: string, index: number, depth: { current: number }): number {
  if (text.startsWith('<!--', index)) {
    return skipPast(text, index, '-->', 'the comment is never closed. End it with "-->".')
  }
  if (text.startsWith('<![CDATA[', index)) {
    return skipPast(text, index, ']]>', 'the CDATA section is never closed. End it with "]]>".')
  }
  if (index > 0 && /^<\?xml[\s?]/i.test(text.slice(index, index + 6))) {
    throw createMarkupError(
      text,
      index,
      'an XML declaration comes after the start of the payload. Put "<?xml ...?>" first or leave it out.',
    )
  }
  if (text.startsWith('<?', index)) {
    return skipPast(
      text,
      index,
      '?>',
      'the processing instruction is never closed. End it with "?>".',
    )
  }
  if (text.startsWith('<!', index)) {
    const keyword = /^<!([A-Za-z]*)/.exec(text.slice(index))?.[1] ?? ''
    throw createMarkupError(
      text,
      index,
      `"<!${shortenForMessage(keyword)}" declarations are not allowed, because MPNS payloads take no DOCTYPE and no entity declarations. Remove the declaration and write the characters themselves.`,
    )
  }
  const end = skipTag(text, index)
  trackDepth(text, { start: index, end }, depth)
  return end
}

function trackDepth(
  text: string,
  tag: { start: number; end: number },
  depth: { current: number },
): void {
  if (text[tag.start + 1] === '/') {
    depth.current = Math.max(0, depth.current - 1)
    return
  }
  if (text.startsWith('/>', tag.end - 2)) {
    return
  }

  depth.current++
  if (depth.current > MAX_ELEMENT_DEPTH) {
    throw createMarkupError(
      text,
      tag.start,
      `elements are nested more than ${MAX_ELEMENT_DEPTH} levels deep. An MPNS payload needs three levels (<wp:Notification>, <wp:Toast> or <wp:Tile>, and its elements), so remove the extra nesting.`,
    )
  }
}

function skipPast(text: string, index: number, terminator: string, detail: string): number {
  const end = text.indexOf(terminator, index + 2)
  if (end === -1) {
    throw createMarkupError(text, index, detail)
  }
  return end + terminator.length
}

/** Scans a start or end tag, checking references and "<" inside quoted attribute values. */
function skipTag(text: string, index: number): number {
  let quote: string | null = null
  let position = index + 1

  while (position < text.length) {
    const character = text[position]
    if (quote === null && character === '>') {
      return position + 1
    }
    if (quote === null && (character === '"' || character === "'")) {
      quote = character
    } else if (character === quote) {
      quote = null
    } else if (quote !== null && character === '<') {
      throw createMarkupError(
        text,
        position,
        'an attribute value contains "<". Write it as "&lt;".',
      )
    } else if (quote !== null && character === '&') {
      position = checkReference(text, position)
      continue
    }
    position++
  }

  // An unterminated tag is left to the validator, which names the tag.
  return position
}

/** Checks the reference that starts at the index and returns the index after it. */
function checkReference(text: string, index: number): number {
  REFERENCE_AT.lastIndex = index
  const match = REFERENCE_AT.exec(text)
  const body = match?.[1]
  if (match === null || body === undefined) {
    throw createMarkupError(
      text,
      index,
      'an "&" does not start an entity reference. Write a literal ampersand as "&amp;".',
    )
  }

  if (body.startsWith('#')) {
    checkCharacterReference(text, index, match[0])
  } else if (!Object.hasOwn(PREDEFINED_ENTITIES, body)) {
    throw createMarkupError(
      text,
      index,
      `the entity "${shortenForMessage(match[0])}" is not defined. XML predefines only &amp; &lt; &gt; &quot; and &apos;, so write the character itself or a character reference such as &#233;.`,
    )
  }

  return index + match[0].length
}

function checkCharacterReference(text: string, index: number, reference: string): void {
  const codePoint = reference.startsWith('&#x')
    ? Number.parseInt(reference.slice(3, -1), 16)
    : Number.parseInt(reference.slice(2, -1), 10)
  if (isForbiddenControlCode(codePoint)) {
    throw createMarkupError(
      text,
      index,
      `the character reference "${shortenForMessage(reference)}" names a control character, but a payload may contain only tab, line feed and carriage return among the control characters. Remove it.`,
    )
  }
  if (isXmlCharacter(codePoint)) {
    return
  }

  throw createMarkupError(
    text,
    index,
    `the character reference "${shortenForMessage(reference)}" names a character that XML 1.0 does not allow. Remove it.`,
  )
}

/** Tells whether a code point matches the Char production of XML 1.0. */
function isXmlCharacter(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  )
}
