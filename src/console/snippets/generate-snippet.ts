import type { SentRequest } from '@/mpns/http-format'

import { createCSharpSnippet } from './csharp-snippet'
import { createCurlSnippet } from './curl-snippet'
import { createMpnsPackageSnippet } from './mpns-package-snippet'
import { createNodeFetchSnippet } from './node-fetch-snippet'
import { createPowerShellSnippet } from './powershell-snippet'
import { createPythonSnippet } from './python-snippet'
import { toSnippetRequest } from './snippet-request'
import type { SnippetRequest } from './snippet-request'
import type { SnippetLanguage } from './snippet-languages'

const GENERATORS: Readonly<Record<SnippetLanguage, (request: SnippetRequest) => string>> = {
  curl: createCurlSnippet,
  'node-fetch': createNodeFetchSnippet,
  'node-mpns': createMpnsPackageSnippet,
  python: createPythonSnippet,
  powershell: createPowerShellSnippet,
  csharp: createCSharpSnippet,
}

/**
 * Writes the console's request as source text that sends it in the given language. The body
 * is `bodyBytes` where present, as for a Base64 raw payload, and `body` as UTF-8 otherwise.
 */
export function generateSnippet(
  language: SnippetLanguage,
  request: SentRequest & { bodyBytes?: Uint8Array },
): string {
  return GENERATORS[language](toSnippetRequest(request))
}
