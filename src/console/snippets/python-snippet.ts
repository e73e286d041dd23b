import { readHeader } from '@/mpns/request'

import { PRINTED_RESPONSE_HEADERS, splitBodyLines } from './snippet-request'
import type { SnippetBody, SnippetRequest } from './snippet-request'
import { quoteSingleQuoted } from './string-literals'

/** Writes the request as a Python 3 script that sends it with urllib.request. */
export function createPythonSnippet(request: SnippetRequest): string {
  const lines = [
    '# Python 3.9 or later, standard library only.',
    ...(request.body.encoding === 'base64' ? ['import base64'] : []),
    'import urllib.error',
    'import urllib.request',
    '',
    `channel_uri = ${quoteSingleQuoted(request.url)}`,
    ...formatBody(request.body),
    `request = urllib.request.Request(channel_uri, data=body, method=${quoteSingleQuoted(request.method)})`,
  ]
  for (const [name, value] of request.headers) {
    lines.push(`request.add_header(${quoteSingleQuoted(name)}, ${quoteSingleQuoted(value)})`)
  }
  if (readHeader(request.headers, 'Content-Type') === undefined) {
    lines.push(
      '# urllib adds Content-Type: application/x-www-form-urlencoded to a body sent without one.',
      '# The emulator does not check the Content-Type of raw notifications.',
    )
  }
  lines.push(
    '',
    'try:',
    '    response = urllib.request.urlopen(request, timeout=30)',
    'except urllib.error.HTTPError as error:',
    '    # urlopen raises HTTPError for 4xx and 5xx statuses, and the error carries the response.',
    '    response = error',
    '',
    "print('HTTP', response.status, response.reason)",
    `for name in (${PRINTED_RESPONSE_HEADERS.map(quoteSingleQuoted).join(', ')}):`,
    '    value = response.headers.get(name)',
    '    if value is not None:',
    "        print(f'{name}: {value}')",
    "print(response.read().decode('utf-8'))",
    '',
  )
  return lines.join('\n')
}

function formatBody(body: SnippetBody): string[] {
  if (body.encoding === 'base64') {
    return [`body = base64.b64decode(${quoteSingleQuoted(body.base64)})`]
  }
  const lines = splitBodyLines(body.text)
  if (lines === null) {
    return [`body = ${quoteSingleQuoted(body.text)}.encode('utf-8')`]
  }
  return [
    "body = '\\n'.join([",
    ...lines.map((line) => `    ${quoteSingleQuoted(line)},`),
    "]).encode('utf-8')",
  ]
}
