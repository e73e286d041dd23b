import { readHeader } from '@/mpns/request'

import { readBodyBytes } from './snippet-request'
import type { SnippetRequest } from './snippet-request'
import { quoteShell } from './string-literals'

/** Byte values that printf writes as they are: printable ASCII apart from `\`, `%` and `'`. */
const PRINTF_LITERAL = /^[\x20-\x24\x26\x28-\x5b\x5d-\x7e]$/

/**
 * Writes the request as a curl command for a POSIX shell. `-i` prints the status line and every
 * response header before the body, the MPNS status headers among them.
 */
export function createCurlSnippet(request: SnippetRequest): string {
  const { body } = request
  const sendsText = body.encoding === 'text' && !body.text.includes('\u0000')
  const comments = [
    sendsText
      ? '# POSIX shell (bash, zsh) with curl 7.43 or later, for --data-raw.'
      : '# POSIX shell (bash, zsh) with curl and printf.',
  ]
  const options = [`curl -sS -i ${quoteShell(request.url)}`]
  if (request.method !== 'POST') {
    options.push(`--request ${quoteShell(request.method)}`)
  }
  for (const [name, value] of request.headers) {
    options.push(`-H ${quoteShell(`${name}: ${value}`)}`)
  }
  if (readHeader(request.headers, 'Content-Type') === undefined) {
    comments.push(
      '# The empty Content-Type header keeps curl from adding its form type to a request that has none.',
    )
    options.push(`-H ${quoteShell('Content-Type:')}`)
  }

  let pipe = ''
  if (body.encoding === 'text' && sendsText) {
    // --data-raw sends the text as it is: unlike --data-binary, it never reads a file for a leading "@".
    options.push(`--data-raw ${quoteShell(body.text)}`)
  } else {
    // A command-line argument cannot contain a NUL byte, and bytes that are not UTF-8 text do not
    // survive a paste, so printf writes them from octal escapes and curl reads them from stdin.
    comments.push(
      "# printf writes the body's bytes from octal escapes, and curl reads them from stdin.",
    )
    pipe = `printf ${quoteShell(toPrintfFormat(readBodyBytes(body)))} | `
    options.push('--data-binary @-')
  }
  return `${comments.join('\n')}\n${pipe}${options.join(' \\\n  ')}\n`
}

/** Writes bytes as a printf format that outputs exactly them. */
function toPrintfFormat(bytes: Uint8Array): string {
  let format = ''
  for (const byte of bytes) {
    const character = String.fromCharCode(byte)
    format += PRINTF_LITERAL.test(character) ? character : `\\${byte.toString(8).padStart(3, '0')}`
  }
  return format
}
