import { PRINTED_RESPONSE_HEADERS, splitBodyLines } from './snippet-request'
import type { SnippetBody, SnippetRequest } from './snippet-request'
import { quotePowerShell } from './string-literals'

/**
 * Writes the request as a PowerShell 7 script that sends it with Invoke-WebRequest. The body
 * goes as UTF-8 bytes, because the encoding PowerShell picks for a string body differs between
 * versions.
 * NOTE: tests compare this text only; no PowerShell has run it.
 */
export function createPowerShellSnippet(request: SnippetRequest): string {
  const contentType = request.headers.find(([name]) => name.toLowerCase() === 'content-type')
  const otherHeaders = request.headers.filter((header) => header !== contentType)
  const parameters = ['  Uri = $channelUri', `  Method = ${quotePowerShell(request.method)}`]
  if (contentType !== undefined) {
    parameters.push(`  ContentType = ${quotePowerShell(contentType[1])}`)
  }
  parameters.push(
    ...formatHeaders(otherHeaders),
    request.body.encoding === 'base64'
      ? '  Body = $body'
      : '  Body = [System.Text.Encoding]::UTF8.GetBytes($body)',
    '  SkipHttpErrorCheck = $true',
  )

  const lines = [
    '#Requires -Version 7.0',
    '# SkipHttpErrorCheck, new in PowerShell 7, keeps Invoke-WebRequest from throwing on 4xx and',
    '# 5xx statuses, so the script can print the headers and body that explain them.',
    `$channelUri = ${quotePowerShell(request.url)}`,
    ...formatBody(request.body),
  ]
  if (contentType === undefined) {
    lines.push(
      '# Invoke-WebRequest adds Content-Type: application/x-www-form-urlencoded to a POST without one.',
      '# The emulator does not check the Content-Type of raw notifications.',
    )
  }
  lines.push(
    '$request = @{',
    ...parameters,
    '}',
    '$response = Invoke-WebRequest @request',
    '',
    '"HTTP $($response.StatusCode) $($response.StatusDescription)"',
    `foreach ($name in ${PRINTED_RESPONSE_HEADERS.map(quotePowerShell).join(', ')}) {`,
    '  if ($response.Headers.ContainsKey($name)) {',
    '    "${name}: $($response.Headers[$name])"',
    '  }',
    '}',
    '$response.Content',
    '',
  )
  return lines.join('\n')
}

function formatHeaders(headers: readonly (readonly [string, string])[]): string[] {
  if (headers.length === 0) {
    return []
  }
  return [
    '  Headers = [ordered]@{',
    ...headers.map(([name, value]) => `    ${quotePowerShell(name)} = ${quotePowerShell(value)}`),
    '  }',
  ]
}

function formatBody(body: SnippetBody): string[] {
  if (body.encoding === 'base64') {
    return [`$body = [System.Convert]::FromBase64String(${quotePowerShell(body.base64)})`]
  }
  const lines = splitBodyLines(body.text)
  if (lines === null) {
    return [`$body = ${quotePowerShell(body.text)}`]
  }
  // Joined with "`n" rather than written as a here-string, whose line breaks follow the file's.
  return ['$body = @(', ...lines.map((line) => `  ${quotePowerShell(line)}`), ') -join "`n"']
}
