import { describe, expect, it } from 'vitest'

import { RAW_REQUEST, TILE_REQUEST, TOAST_REQUEST } from '@/test/snippet-requests'

import { createCSharpSnippet } from './csharp-snippet'
import { toSnippetRequest } from './snippet-request'

const CSHARP_TOAST = [
  '// .NET 6 or later: dotnet new console, then replace Program.cs with this file.',
  'using System.Text;',
  '',
  'var channelUri = "http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb";',
  'var body = string.Join(',
  '    "\\n",',
  '    "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>",',
  '    "<wp:Notification xmlns:wp=\\"WPNotification\\"><wp:Toast><wp:Text1>Contoso</wp:Text1><wp:Text2>Hello</wp:Text2><wp:Param>/MainPage.xaml?a=1&amp;b=2</wp:Param></wp:Toast></wp:Notification>");',
  '',
  'using var client = new HttpClient();',
  'using var request = new HttpRequestMessage(new HttpMethod("POST"), channelUri);',
  'request.Headers.TryAddWithoutValidation("X-WindowsPhone-Target", "toast");',
  'request.Headers.TryAddWithoutValidation("X-NotificationClass", "2");',
  '// ByteArrayContent sends the bytes and headers as given; StringContent would add a charset.',
  'request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));',
  '// Content-Type belongs to the content: HttpRequestMessage.Headers does not accept it.',
  'request.Content.Headers.TryAddWithoutValidation("Content-Type", "text/xml");',
  '',
  '// SendAsync throws only when no response arrives; 4xx and 5xx responses are returned.',
  'using var response = await client.SendAsync(request);',
  'Console.WriteLine($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");',
  'foreach (var name in new[] { "X-NotificationStatus", "X-DeviceConnectionStatus", "X-SubscriptionStatus", "X-MessageID", "X-Emulator-Reason" })',
  '{',
  '    if (response.Headers.TryGetValues(name, out var values))',
  '    {',
  '        Console.WriteLine($"{name}: {string.Join(", ", values)}");',
  '    }',
  '}',
  'Console.WriteLine(await response.Content.ReadAsStringAsync());',
  '',
].join('\n')

const CSHARP_TILE = [
  '// .NET 6 or later: dotnet new console, then replace Program.cs with this file.',
  'using System.Text;',
  '',
  'var channelUri = "http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb";',
  'var body = "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?><wp:Notification xmlns:wp=\\"WPNotification\\" Version=\\"2.0\\"><wp:Tile Template=\\"FlipTile\\"><wp:Title>Tromsø</wp:Title><wp:Count>7</wp:Count><wp:BackContent>Don\'t \\"panic\\": it’s −4 °C, $5 `now`</wp:BackContent><wp:BackTitle Action=\\"Clear\\"></wp:BackTitle></wp:Tile></wp:Notification>";',
  '',
  'using var client = new HttpClient();',
  'using var request = new HttpRequestMessage(new HttpMethod("POST"), channelUri);',
  'request.Headers.TryAddWithoutValidation("X-WindowsPhone-Target", "token");',
  'request.Headers.TryAddWithoutValidation("X-NotificationClass", "11");',
  'request.Headers.TryAddWithoutValidation("X-MessageID", "1b4e28ba-2fa1-11d2-883f-0016d3cca427");',
  '// ByteArrayContent sends the bytes and headers as given; StringContent would add a charset.',
  'request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));',
  '// Content-Type belongs to the content: HttpRequestMessage.Headers does not accept it.',
  'request.Content.Headers.TryAddWithoutValidation("Content-Type", "text/xml");',
  '',
  '// SendAsync throws only when no response arrives; 4xx and 5xx responses are returned.',
  'using var response = await client.SendAsync(request);',
  'Console.WriteLine($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");',
  'foreach (var name in new[] { "X-NotificationStatus", "X-DeviceConnectionStatus", "X-SubscriptionStatus", "X-MessageID", "X-Emulator-Reason" })',
  '{',
  '    if (response.Headers.TryGetValues(name, out var values))',
  '    {',
  '        Console.WriteLine($"{name}: {string.Join(", ", values)}");',
  '    }',
  '}',
  'Console.WriteLine(await response.Content.ReadAsStringAsync());',
  '',
].join('\n')

const CSHARP_RAW = [
  '// .NET 6 or later: dotnet new console, then replace Program.cs with this file.',
  'using System.Text;',
  '',
  'var channelUri = "http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb";',
  'var body = string.Join(',
  '    "\\n",',
  '    "city=Tromsø\\r",',
  '    "temperature=-4",',
  '    "");',
  '',
  'using var client = new HttpClient();',
  'using var request = new HttpRequestMessage(new HttpMethod("POST"), channelUri);',
  '// ByteArrayContent sends the bytes and headers as given; StringContent would add a charset.',
  'request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));',
  '',
  '// SendAsync throws only when no response arrives; 4xx and 5xx responses are returned.',
  'using var response = await client.SendAsync(request);',
  'Console.WriteLine($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");',
  'foreach (var name in new[] { "X-NotificationStatus", "X-DeviceConnectionStatus", "X-SubscriptionStatus", "X-MessageID", "X-Emulator-Reason" })',
  '{',
  '    if (response.Headers.TryGetValues(name, out var values))',
  '    {',
  '        Console.WriteLine($"{name}: {string.Join(", ", values)}");',
  '    }',
  '}',
  'Console.WriteLine(await response.Content.ReadAsStringAsync());',
  '',
].join('\n')

describe('createCSharpSnippet', () => {
  it.each([
    ['a toast', TOAST_REQUEST, CSHARP_TOAST],
    ['a tile with non-ASCII text and quotes', TILE_REQUEST, CSHARP_TILE],
    ['a raw body', RAW_REQUEST, CSHARP_RAW],
  ])('writes %s', (_name, request, expected) => {
    expect(createCSharpSnippet(toSnippetRequest(request))).toBe(expected)
  })
})
