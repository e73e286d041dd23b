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

const VALIDATOR_MESSAGES: ReadonlyArray<{
  pattern: RegExp
  describe: (match: MessageGroups) => string
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
    pattern: /^Invalid space after '<'\.$/,
    describe: () =>
      'a space follows "<". Write the element name right after "<", or write a literal "<" in text as "&lt;".',
  },
  {
    pattern: /^Attribute '(.*?)' is an invalid name\.$/,
    describe: (match) => `"${match[1]}" is not a valid attribute name. Correct or remove it.`,
  },
  {
    pattern: /^(?:Attribute '(.+?)' is without value|boolean attribute '(.+?)' is not allowed)\.$/,
    describe: (match) => {
      const name = match[1] ?? match[2] ?? ''
      return `the attribute "${name}" has no value. Write it as ${name}="value".`
    },
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
  const rule = VALIDATOR_MESSAGES.find(({ pattern }) => pattern.test(msg))
  const match = rule?.pattern.exec(msg)
  const groups = match?.map((group) => (group === undefined ? group : shortenForMessage(group)))
  const fallback = shortenForMessage(msg, 200)
  const detail =
    rule !== undefined && groups !== undefined
      ? rule.describe(groups)
      : `${fallback.charAt(0).toLowerCase()}${fallback.slice(1)} Fix the XML before sending.`
  const position =
    col !== undefined && Number.isFinite(col) ? `line ${line}, column ${col}` : `line ${line}`

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
