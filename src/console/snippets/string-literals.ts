/**
 * Code points written as escapes rather than literally: C0 and C1 controls, DEL, the line and
 * paragraph separators and the byte order mark. Editors and terminals hide or reinterpret them,
 * so a copied snippet would not show or keep them. Other non-ASCII text stays literal.
 */
const ESCAPED_CODE_POINT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/

/** Single-quote characters that PowerShell treats as `'` inside a single-quoted string. */
const POWERSHELL_SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/g

/** Characters that end or change a PowerShell double-quoted string unless escaped with a backtick. */
const POWERSHELL_DOUBLE_QUOTE_SPECIALS = new Set(['`', '"', '$', '\u201c', '\u201d', '\u201e'])

const C_STYLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
}

const POWERSHELL_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '`n',
  '\r': '`r',
  '\t': '`t',
  '\u0000': '`0',
}

/**
 * Quotes text as one POSIX shell word. Inside single quotes every byte is literal, so only the
 * quote itself needs the close, escaped quote, reopen sequence `'\''`.
 */
export function quoteShell(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`
}

/**
 * Quotes text as a single-quoted JavaScript or Python string literal. Both languages read the
 * escapes used here (`\\`, `\'`, `\n`, `\r`, `\t` and `\uNNNN`) the same way.
 */
export function quoteSingleQuoted(text: string): string {
  let quoted = ''
  for (const character of text) {
    quoted += C_STYLE_ESCAPES[character] ?? escapeCStyle(character, "'")
  }
  return `'${quoted}'`
}

/** Quotes text as a C# regular string literal. */
export function quoteCSharp(text: string): string {
  let quoted = ''
  for (const character of text) {
    if (character === '\u0000') {
      quoted += '\\0'
    } else {
      quoted += C_STYLE_ESCAPES[character] ?? escapeCStyle(character, '"')
    }
  }
  return `"${quoted}"`
}

/**
 * Quotes text as a PowerShell string. Text without control characters becomes a single-quoted
 * string, which is literal apart from doubled quotes. Other text becomes a double-quoted string
 * with backtick escapes, and `$([char]0xNNNN)` for code points that have no escape.
 */
export function quotePowerShell(text: string): string {
  if (!ESCAPED_CODE_POINT.test(text)) {
    return `'${text.replace(POWERSHELL_SINGLE_QUOTES, (quote) => quote + quote)}'`
  }

  let quoted = ''
  for (const character of text) {
    const escape = POWERSHELL_ESCAPES[character]
    if (escape !== undefined) {
      quoted += escape
    } else if (POWERSHELL_DOUBLE_QUOTE_SPECIALS.has(character)) {
      quoted += `\`${character}`
    } else if (ESCAPED_CODE_POINT.test(character)) {
      quoted += `$([char]0x${toHex(character)})`
    } else {
      quoted += character
    }
  }
  return `"${quoted}"`
}

/** Escapes one character for a C-style literal delimited by `quote`, or returns it unchanged. */
function escapeCStyle(character: string, quote: string): string {
  if (character === quote) {
    return `\\${quote}`
  }
  if (!ESCAPED_CODE_POINT.test(character)) {
    return character
  }
  return `\\u${toHex(character)}`
}

/** Returns the four hex digits of a code point in the Basic Multilingual Plane. */
function toHex(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0
  return codePoint.toString(16).toUpperCase().padStart(4, '0')
}
