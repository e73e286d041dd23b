import { readHeader } from '@/mpns/request'

import type { SnippetRequest } from './snippet-request'
import { quoteShell } from './string-literals'

/**
 * Writes the request as a curl command for a POSIX shell. `-i` prints the status line and every
 * response header before the body, the MPNS status headers among them.
 */
export function createCurlSnippet(request: SnippetRequest): string {
  const comments = ['# POSIX shell (bash, zsh) with curl 7.43 or later, for --data-raw.']
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
  // --data-raw sends the text as it is: unlike --data-binary, it never reads a file for a leading "@".
  options.push(`--data-raw ${quoteShell(request.body)}`)
  return `${comments.join('\n')}\n${options.join(' \\\n  ')}\n`
}
