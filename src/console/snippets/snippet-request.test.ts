import { describe, expect, it } from 'vitest'

import { buildConsoleRequest } from '@/store/console-request'
import { SNIPPET_CHANNEL_URI } from '@/test/snippet-requests'

import { createCurlSnippet } from './curl-snippet'
import { readBodyBytes, toSnippetRequest } from './snippet-request'

function createRawRequest(payload: string, rawEncoding: 'text' | 'base64' = 'text') {
  return buildConsoleRequest(
    { notificationType: 'raw', notificationClass: '3', messageId: '', payload, rawEncoding },
    SNIPPET_CHANNEL_URI,
  )
}

describe('toSnippetRequest', () => {
  it('keeps UTF-8 bytes as text', () => {
    expect(toSnippetRequest(createRawRequest('Tromsø')).body).toEqual({
      encoding: 'text',
      text: 'Tromsø',
    })
  })

  it('keeps a leading byte order mark', () => {
    const body = toSnippetRequest(createRawRequest('77u/SGk=', 'base64')).body

    expect(body).toEqual({ encoding: 'text', text: '\ufeffHi' })
    expect([...readBodyBytes(body)]).toEqual([0xef, 0xbb, 0xbf, 0x48, 0x69])
  })

  it('writes bytes that are not UTF-8 as Base64', () => {
    const body = toSnippetRequest(createRawRequest('/wAB', 'base64')).body

    expect(body).toEqual({ encoding: 'base64', base64: '/wAB' })
    expect([...readBodyBytes(body)]).toEqual([0xff, 0x00, 0x01])
  })

  it('sends lone surrogates as U+FFFD', () => {
    expect(toSnippetRequest(createRawRequest('a\ud800b')).body).toEqual({
      encoding: 'text',
      text: 'a\ufffdb',
    })
  })

  it('uses printf in curl for a NUL', () => {
    const snippet = createCurlSnippet(toSnippetRequest(createRawRequest('a\u0000b', 'text')))

    expect(snippet).toContain("printf 'a\\000b' | curl -sS -i")
    expect(snippet).toContain('--data-binary @-')
    expect(snippet).not.toContain('--data-raw')
  })
})
