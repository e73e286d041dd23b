import { describe, expect, it } from 'vitest'

import { RAW_REQUEST, TILE_REQUEST, TOAST_REQUEST } from '@/test/snippet-requests'

import { createPowerShellSnippet } from './powershell-snippet'
import { toSnippetRequest } from './snippet-request'

const POWERSHELL_TOAST = [
  '#Requires -Version 7.0',
  '# SkipHttpErrorCheck, new in PowerShell 7, keeps Invoke-WebRequest from throwing on 4xx and',
  '# 5xx statuses, so the script can print the headers and body that explain them.',
  "$channelUri = 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb'",
  '$body = @(',
  '  \'<?xml version="1.0" encoding="utf-8"?>\'',
  '  \'<wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>Contoso</wp:Text1><wp:Text2>Hello</wp:Text2><wp:Param>/MainPage.xaml?a=1&amp;b=2</wp:Param></wp:Toast></wp:Notification>\'',
  ') -join "`n"',
  '$request = @{',
  '  Uri = $channelUri',
  "  Method = 'POST'",
  "  ContentType = 'text/xml'",
  '  Headers = [ordered]@{',
  "    'X-WindowsPhone-Target' = 'toast'",
  "    'X-NotificationClass' = '2'",
  '  }',
  '  Body = [System.Text.Encoding]::UTF8.GetBytes($body)',
  '  SkipHttpErrorCheck = $true',
  '}',
  '$response = Invoke-WebRequest @request',
  '',
  '"HTTP $($response.StatusCode) $($response.StatusDescription)"',
  "foreach ($name in 'X-NotificationStatus', 'X-DeviceConnectionStatus', 'X-SubscriptionStatus', 'X-MessageID', 'X-Emulator-Reason') {",
  '  if ($response.Headers.ContainsKey($name)) {',
  '    "${name}: $($response.Headers[$name])"',
  '  }',
  '}',
  '$response.Content',
  '',
].join('\n')

const POWERSHELL_TILE = [
  '#Requires -Version 7.0',
  '# SkipHttpErrorCheck, new in PowerShell 7, keeps Invoke-WebRequest from throwing on 4xx and',
  '# 5xx statuses, so the script can print the headers and body that explain them.',
  "$channelUri = 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb'",
  '$body = \'<?xml version="1.0" encoding="utf-8"?><wp:Notification xmlns:wp="WPNotification" Version="2.0"><wp:Tile Template="FlipTile"><wp:Title>Tromsø</wp:Title><wp:Count>7</wp:Count><wp:BackContent>Don\'\'t "panic": it’’s −4 °C, $5 `now`</wp:BackContent><wp:BackTitle Action="Clear"></wp:BackTitle></wp:Tile></wp:Notification>\'',
  '$request = @{',
  '  Uri = $channelUri',
  "  Method = 'POST'",
  "  ContentType = 'text/xml'",
  '  Headers = [ordered]@{',
  "    'X-WindowsPhone-Target' = 'token'",
  "    'X-NotificationClass' = '11'",
  "    'X-MessageID' = '1b4e28ba-2fa1-11d2-883f-0016d3cca427'",
  '  }',
  '  Body = [System.Text.Encoding]::UTF8.GetBytes($body)',
  '  SkipHttpErrorCheck = $true',
  '}',
  '$response = Invoke-WebRequest @request',
  '',
  '"HTTP $($response.StatusCode) $($response.StatusDescription)"',
  "foreach ($name in 'X-NotificationStatus', 'X-DeviceConnectionStatus', 'X-SubscriptionStatus', 'X-MessageID', 'X-Emulator-Reason') {",
  '  if ($response.Headers.ContainsKey($name)) {',
  '    "${name}: $($response.Headers[$name])"',
  '  }',
  '}',
  '$response.Content',
  '',
].join('\n')

const POWERSHELL_RAW = [
  '#Requires -Version 7.0',
  '# SkipHttpErrorCheck, new in PowerShell 7, keeps Invoke-WebRequest from throwing on 4xx and',
  '# 5xx statuses, so the script can print the headers and body that explain them.',
  "$channelUri = 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb'",
  '$body = @(',
  '  "city=Tromsø`r"',
  "  'temperature=-4'",
  "  ''",
  ') -join "`n"',
  '# Invoke-WebRequest adds Content-Type: application/x-www-form-urlencoded to a POST without one.',
  '# The emulator does not check the Content-Type of raw notifications.',
  '$request = @{',
  '  Uri = $channelUri',
  "  Method = 'POST'",
  '  Body = [System.Text.Encoding]::UTF8.GetBytes($body)',
  '  SkipHttpErrorCheck = $true',
  '}',
  '$response = Invoke-WebRequest @request',
  '',
  '"HTTP $($response.StatusCode) $($response.StatusDescription)"',
  "foreach ($name in 'X-NotificationStatus', 'X-DeviceConnectionStatus', 'X-SubscriptionStatus', 'X-MessageID', 'X-Emulator-Reason') {",
  '  if ($response.Headers.ContainsKey($name)) {',
  '    "${name}: $($response.Headers[$name])"',
  '  }',
  '}',
  '$response.Content',
  '',
].join('\n')

describe('createPowerShellSnippet', () => {
  it.each([
    ['a toast', TOAST_REQUEST, POWERSHELL_TOAST],
    ['a tile with non-ASCII text and quotes', TILE_REQUEST, POWERSHELL_TILE],
    ['a raw body', RAW_REQUEST, POWERSHELL_RAW],
  ])('writes %s', (_name, request, expected) => {
    expect(createPowerShellSnippet(toSnippetRequest(request))).toBe(expected)
  })
})
