import { PRINTED_RESPONSE_HEADERS, splitBodyLines } from './snippet-request'
import type { SnippetBody, SnippetRequest } from './snippet-request'
import { quoteSingleQuoted } from './string-literals'

/** Writes the request as an ES module for Node.js that sends it with the built-in fetch. */
export function createNodeFetchSnippet(request: SnippetRequest): string {
  const headerLines = request.headers.map(
    ([name, value]) => `    [${quoteSingleQuoted(name)}, ${quoteSingleQuoted(value)}],`,
  )
  return [
    '// Node.js 18 or later. Save as send.mjs and run: node send.mjs',
    `const channelUri = ${quoteSingleQuoted(request.url)}`,
    ...formatBody(request.body),
    '',
    'const response = await fetch(channelUri, {',
    `  method: ${quoteSingleQuoted(request.method)},`,
    headerLines.length === 0
      ? '  headers: [],'
      : ['  headers: [', ...headerLines, '  ],'].join('\n'),
    ...formatBodyOption(request.body),
    '})',
    '',
    'console.log(`HTTP ${response.status} ${response.statusText}`)',
    `for (const name of [${PRINTED_RESPONSE_HEADERS.map(quoteSingleQuoted).join(', ')}]) {`,
    '  const value = response.headers.get(name)',
    '  if (value !== null) {',
    '    console.log(`${name}: ${value}`)',
    '  }',
    '}',
    'console.log(await response.text())',
    '',
  ].join('\n')
}

function formatBody(body: SnippetBody): string[] {
  if (body.encoding === 'base64') {
    return [`const body = Buffer.from(${quoteSingleQuoted(body.base64)}, 'base64')`]
  }
  const lines = splitBodyLines(body.text)
  if (lines === null) {
    return [`const body = ${quoteSingleQuoted(body.text)}`]
  }
  return [
    'const body = [',
    ...lines.map((line) => `  ${quoteSingleQuoted(line)},`),
    "].join('\\n')",
  ]
}

function formatBodyOption(body: SnippetBody): string[] {
  if (body.encoding === 'base64') {
    return ['  body,']
  }
  return [
    '  // Bytes, not a string: fetch adds Content-Type: text/plain to a string body.',
    '  body: new TextEncoder().encode(body),',
  ]
}
