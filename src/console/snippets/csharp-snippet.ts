import { PRINTED_RESPONSE_HEADERS, splitBodyLines } from './snippet-request'
import type { SnippetBody, SnippetRequest } from './snippet-request'
import { quoteCSharp } from './string-literals'

/**
 * Headers that HttpClient accepts only on HttpContent.Headers: it rejects them on
 * HttpRequestMessage.Headers (.NET 6 and later).
 */
const CONTENT_HEADER_NAMES: ReadonlySet<string> = new Set([
  'allow',
  'content-disposition',
  'content-encoding',
  'content-language',
  'content-length',
  'content-location',
  'content-md5',
  'content-range',
  'content-type',
  'expires',
  'last-modified',
])

/**
 * Writes the request as a C# top-level program that sends it with HttpClient.
 * NOTE: tests compare this text only; no .NET SDK has compiled or run it.
 */
export function createCSharpSnippet(request: SnippetRequest): string {
  const requestHeaders = request.headers.filter(([name]) => !isContentHeader(name))
  const contentHeaders = request.headers.filter(([name]) => isContentHeader(name))
  const lines = [
    '// .NET 6 or later: dotnet new console, then replace Program.cs with this file.',
    'using System.Text;',
    '',
    `var channelUri = ${quoteCSharp(request.url)};`,
    ...formatBody(request.body),
    '',
    'using var client = new HttpClient();',
    `using var request = new HttpRequestMessage(new HttpMethod(${quoteCSharp(request.method)}), channelUri);`,
    ...requestHeaders.map(
      ([name, value]) =>
        `request.Headers.TryAddWithoutValidation(${quoteCSharp(name)}, ${quoteCSharp(value)});`,
    ),
    '// ByteArrayContent sends the bytes and headers as given; StringContent would add a charset.',
    request.body.encoding === 'base64'
      ? 'request.Content = new ByteArrayContent(body);'
      : 'request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));',
  ]
  if (contentHeaders.length > 0) {
    lines.push(
      '// Content-Type belongs to the content: HttpRequestMessage.Headers does not accept it.',
    )
  }
  lines.push(
    ...contentHeaders.map(
      ([name, value]) =>
        `request.Content.Headers.TryAddWithoutValidation(${quoteCSharp(name)}, ${quoteCSharp(value)});`,
    ),
    '',
    '// SendAsync throws only when no response arrives; 4xx and 5xx responses are returned.',
    'using var response = await client.SendAsync(request);',
    'Console.WriteLine($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");',
    `foreach (var name in new[] { ${PRINTED_RESPONSE_HEADERS.map(quoteCSharp).join(', ')} })`,
    '{',
    '    if (response.Headers.TryGetValues(name, out var values))',
    '    {',
    '        Console.WriteLine($"{name}: {string.Join(", ", values)}");',
    '    }',
    '}',
    'Console.WriteLine(await response.Content.ReadAsStringAsync());',
    '',
  )
  return lines.join('\n')
}

function isContentHeader(name: string): boolean {
  return CONTENT_HEADER_NAMES.has(name.toLowerCase())
}

function formatBody(body: SnippetBody): string[] {
  if (body.encoding === 'base64') {
    return [`var body = Convert.FromBase64String(${quoteCSharp(body.base64)});`]
  }
  const lines = splitBodyLines(body.text)
  if (lines === null) {
    return [`var body = ${quoteCSharp(body.text)};`]
  }
  const quoted = lines.map((line) => `    ${quoteCSharp(line)}`)
  return ['var body = string.Join(', '    "\\n",', `${quoted.join(',\n')});`]
}
