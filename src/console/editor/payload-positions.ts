/** A range of the text in UTF-16 offsets, `to` excluded. */
export interface TextRange {
  from: number
  to: number
}

/** "at line 3, column 14" or "at line 3", as the engine's messages place a problem. */
const POSITION_IN_MESSAGE = /at line (\d+)(?:, column (\d+))?/

/** "<wp:Count> at line 5", as warnings name the element they are about. */
const ELEMENT_AT_LINE = /<([^<>\s]+)> at line (\d+)/

/**
 * Finds the range a message of the engine points at: the character at its line and column, the
 * element it names on its line, or the whole line. Returns null when the message gives no line.
 */
export function locateInText(text: string, message: string): TextRange | null {
  const element = ELEMENT_AT_LINE.exec(message)
  const position = POSITION_IN_MESSAGE.exec(message)
  if (position === null) {
    return null
  }

  const line = Number(position[1])
  const column = position[2] === undefined ? undefined : Number(position[2])
  if (column !== undefined) {
    return locateColumn(text, line, column)
  }
  const elementOnLine = element !== null && element[2] === position[1] ? element[1] : undefined
  return (
    (elementOnLine === undefined ? null : findTagOnLine(text, line, elementOnLine)) ??
    locateLine(text, line)
  )
}

/**
 * Finds the first start tag whose local name matches `localNamePattern` (a regular expression
 * source), or the first start tag of any element when it is null. Returns the start of the text
 * when there is no such tag.
 */
export function locateStartTag(text: string, localNamePattern: string | null): TextRange {
  const name = localNamePattern ?? '[\\w.-]+'
  const tag = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])[^<>]*>?`).exec(text)
  if (tag === null) {
    return { from: 0, to: Math.min(text.length, firstLineEnd(text)) }
  }
  return { from: tag.index, to: tag.index + tag[0].length }
}

/** Returns the line's range without its leading whitespace, empty at its end when it is blank. */
export function locateLine(text: string, line: number): TextRange {
  const { start, end } = findLineBounds(text, line)
  const indent = /^\s*/.exec(text.slice(start, end))?.[0].length ?? 0
  return { from: Math.min(start + indent, end), to: end }
}

/** Converts an offset to a one-based line and column. */
export function toLineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const lineStart = before.lastIndexOf('\n') + 1
  return { line: before.split('\n').length, column: offset - lineStart + 1 }
}

/**
 * Returns the range from a one-based line and column to the end of the tag or name that starts
 * there, clamped to the line. A column past the line's end gives an empty range at its end.
 */
function locateColumn(text: string, line: number, column: number): TextRange {
  const { start, end } = findLineBounds(text, line)
  const from = Math.min(start + column - 1, end)
  const rest = text.slice(from, end)
  const token = rest.startsWith('<') ? /^<[^<>]*>?/.exec(rest) : /^[^\s<>"'=]+/.exec(rest)
  const length = token?.[0].length ?? Math.min(1, rest.length)
  return { from, to: from + length }
}

function findTagOnLine(text: string, line: number, name: string): TextRange | null {
  const { start, end } = findLineBounds(text, line)
  const index = text.slice(start, end).indexOf(`<${name}`)
  if (index === -1) {
    return null
  }
  const tagEnd = text.indexOf('>', start + index)
  const to = tagEnd === -1 || tagEnd > end ? end : tagEnd + 1
  return { from: start + index, to }
}

/**
 * Returns the offsets of a one-based line's first character and of its end. A line past the
 * end of the text is read as the last line.
 */
function findLineBounds(text: string, line: number): { start: number; end: number } {
  let start = 0
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', start)
    if (next === -1) {
      break
    }
    start = next + 1
  }
  const newline = text.indexOf('\n', start)
  return { start, end: newline === -1 ? text.length : newline }
}

function firstLineEnd(text: string): number {
  const newline = text.indexOf('\n')
  return newline === -1 ? text.length : newline
}
