import { MpnsError } from '../errors'
import { shortenForMessage } from '../message-text'

/** The error fast-xml-parser's XMLValidator reports for XML that is not well-formed. */
export interface ValidatorError {
  msg: string
  line: number
  /** Missing at runtime when the validator cannot place the error. */
  col: number | undefined
}

/** Capture groups of a validator message, each shortened for quoting in a message. */
type MessageGroups = ReadonlyArray<string | undefined>

/** The validated document and the index its error points at, when the validator gave a column. */
interface ErrorSite {
  text: string
  index: number | undefined
}

const VALIDATOR_MESSAGES: ReadonlyArray<{
  pattern: RegExp
  describe: (match: MessageGroups, site: ErrorSite) => string
}> = [
  {
    pattern:
      /^Expected closing tag '(.+?)' \(opened in line (\d+), col (\d+)\) instead of closing tag '(.+?)'\.$/,
    describe: (match) =>
      `expected </${match[1]}> (opened at line ${match[2]}, column ${match[3]}) but found </${match[4]}>. Close every element before sending.`,
  },
  {
    pattern: /^Unclosed tag '(.+?)'\.$/,
    describe: (match) => `<${match[1]}> is never closed. Close every element before sending.`,
  },
  {
    pattern: /^Closing tag '(.+?)' has not been opened\.$/,
    describe: (match) =>
      `</${match[1]}> has no matching start tag. Remove it or add the start tag.`,
  },
  {
    pattern: /^Start tag expected\.$/,
    describe: () => 'the payload contains no element. Send a <wp:Notification> document.',
  },
  {
    pattern: /^Multiple possible root nodes found\.$/,
    describe: () =>
      'a second root element follows the first. Put everything inside one <wp:Notification> element.',
  },
  {
    pattern: /^Extra text at the end$/,
    describe: () => 'text follows the root element. Remove everything after the closing root tag.',
  },
  {
    pattern: /^Attribute '(.+?)' is repeated\.$/,
    describe: (match) =>
      `the attribute "${match[1]}" appears more than once on one element. Keep one of them.`,
  },
  {
    pattern: /^Tag '(.*?)' is an invalid name\.$/,
    describe: (match) =>
      `"${match[1]}" is not a valid element name. Start names with a letter or "_", and write a literal "<" in text as "&lt;".`,
  },
  {
    // fast-xml-parser 5.12 reports this for any "<" or "</" without a name, whatever follows.
    pattern: /^Invalid space after '<'\.$/,
    describe: (_match, site) => describeMissingTagName(site),
  },
  {
    pattern: /^Attribute '(.*?)' is an invalid name\.$/,
    describe: (match) => `"${match[1]}" is not a valid attribute name. Correct or remove it.`,
  },
  {
    // fast-xml-parser 5.12 also reports this for a value written without quotes.
    pattern: /^Attribute '(.+?)' is without value\.$/,
    describe: (match, site) => describeAttributeWithoutQuotes(match[1] ?? '', site),
  },
  {
    pattern: /^boolean attribute '(.+?)' is not allowed\.$/,
    describe: (match) => describeMissingValue(match[1] ?? ''),
  },
  {
    pattern: /^Attribute '(.+?)' has no space in starting\.$/,
    describe: (match) =>
      `the attribute "${match[1]}" directly follows the previous one. Put a space between attributes.`,
  },
  {
    pattern: /^Attributes for '(.+?)' have open quote\.$/,
    describe: (match) =>
      `an attribute value of <${match[1]}> has no closing quote. Close every quoted value.`,
  },
  {
    pattern: /^Closing tag '(.+?)' doesn't have proper closing\.$/,
    describe: (match) => `</${match[1]}> does not end with ">". Close every tag with ">".`,
  },
  {
    pattern: /^Closing tag '(.+?)' can't have attributes or invalid starting\.$/,
    describe: (match) =>
      `</${match[1]}> contains more than the element name. Write the end tag as </${match[1]}>.`,
  },
  {
    pattern: /^XML declaration allowed only at the start of the document\.$/,
    describe: () =>
      'an XML declaration comes after the start of the payload. Put "<?xml ...?>" first or leave it out.',
  },
  {
    pattern: /^char '(.+?)' is not expected\.$/s,
    describe: (match) =>
      `the character "${match[1]}" is not expected here. Check the markup around it.`,
  },
]

/** Names of the characters that can follow a "<" without an element name, other than ">" and "/". */
const CHARACTER_NAMES: Readonly<Record<string, string>> = {
  ' ': 'a space',
  '\t': 'a tab',
  '\n': 'a line break',
  '\r': 'a line break',
}

/**
 * fast-xml-parser 5 reports a document that ends with elements still open as the JSON list of
 * those elements, placed at line 1, column 1.
 */
const UNCLOSED_AT_END = /^Invalid '\[(.*)\]' found\.$/s

/**
 * Builds the 400 error for a validator error, in plain words with its line and column. `text`
 * is the document, used to place errors that the validator reports without a usable position.
 */
export function createValidatorError(error: ValidatorError, text: string): MpnsError {
  const unclosed = UNCLOSED_AT_END.exec(error.msg)
  if (unclosed) {
    return createUnclosedAtEndError(unclosed[1] ?? '', text)
  }

  const { msg, line, col } = error
  const hasColumn = col !== undefined && Number.isFinite(col)
  const site = { text, index: hasColumn ? findValidatorIndex(text, line, col) : undefined }
  const rule = VALIDATOR_MESSAGES.find(({ pattern }) => pattern.test(msg))
  const match = rule?.pattern.exec(msg)
  const groups = match?.map((group) => (group === undefined ? group : shortenForMessage(group)))
  const fallback = shortenForMessage(msg, 200)
  const detail =
    rule !== undefined && groups !== undefined
      ? rule.describe(groups, site)
      : `${fallback.charAt(0).toLowerCase()}${fallback.slice(1)} Fix the XML before sending.`
  const position = hasColumn ? `line ${line}, column ${col}` : `line ${line}`

  return new MpnsError({
    code: 'MALFORMED_PAYLOAD',
    status: 400,
    message: `Malformed XML payload at ${position}: ${detail}`,
  })
}

function createUnclosedAtEndError(openTagList: string, text: string): MpnsError {
  const openTags = [...openTagList.matchAll(/"([^"]*)"/g)].map(
    (match) => `<${shortenForMessage(match[1] ?? '')}>`,
  )
  const lines = text.split('\n')
  const line = lines.length
  const column = (lines[lines.length - 1] ?? '').length + 1
  const innermost = openTags[openTags.length - 1] ?? 'an element'
  const others =
    openTags.length > 1 ? ` (inside ${openTags.slice(0, -1).reverse().join(', ')})` : ''

  return new MpnsError({
    code: 'MALFORMED_PAYLOAD',
    status: 400,
    message: `Malformed XML payload at line ${line}, column ${column}: the payload ends while ${innermost}${others} is still open. Close every element before sending, and check that the whole body was sent.`,
  })
}

/**
 * Converts the validator's one-based line and column back to an index into the text. The
 * validator starts a line after each "\n", and its column for an error at the end of the text
 * is one past the last character.
 */
function findValidatorIndex(text: string, line: number, column: number): number {
  const linesBefore = text.split(/(?<=\n)/).slice(0, line - 1)
  return linesBefore.join('').length + column - 1
}

/**
 * Describes the character after a "<" or "</" that has no element name. The validator's column
 * points at that character.
 */
function describeMissingTagName({ text, index }: ErrorSite): string {
  if (index === undefined) {
    return 'an element name is missing after "<". Write the element name right after "<", or write a literal "<" in text as "&lt;".'
  }

  const opener = text.startsWith('</', index - 2) ? '</' : '<'
  const character = text[index]
  if (character === undefined) {
    return `the payload ends right after "${opener}". Complete the tag and check that the whole body was sent.`
  }

  const named = CHARACTER_NAMES[character] ?? `"${character}"`
  const literal = opener === '<' ? ', or write a literal "<" in text as "&lt;"' : ''
  return `${named} follows "${opener}". Write the element name right after "${opener}"${literal}.`
}

/**
 * Describes an attribute with "=" but no quoted value after it. `name` is shortened for the
 * message, and the validator points at the start of the name in the text.
 */
function describeAttributeWithoutQuotes(name: string, { text, index }: ErrorSite): string {
  const value = index === undefined ? '' : readUnquotedValue(text, index)
  if (value === '') {
    return describeMissingValue(name)
  }

  const quote = value.includes('"') ? "'" : '"'
  return `the attribute "${name}" has a value without quotes, but attribute values must be quoted. Write it as ${name}=${quote}${shortenForMessage(value)}${quote}.`
}

function describeMissingValue(name: string): string {
  return `the attribute "${name}" has no value. Write it as ${name}="value".`
}

/**
 * Reads the unquoted value after the attribute name at the index, up to whitespace or the end
 * of the tag, or returns '' when none follows.
 */
function readUnquotedValue(text: string, nameIndex: number): string {
  const attribute = /[^\s=]*\s*=(\s*)([^\s>]*?)\/?(?=[\s>]|$)/y
  attribute.lastIndex = nameIndex
  const [, spaceAfterEquals = '', value = ''] = attribute.exec(text) ?? []

  // In `a= b="1"` the text after the space is the next attribute, not a value of "a".
  return spaceAfterEquals !== '' && value.includes('=') ? '' : value
}
