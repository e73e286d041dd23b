import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import {
  loadEndpointInfo,
  readChannelUriBases,
  resetEndpointInfo,
  toInPageChannelFetch,
} from './endpoint-info'

const INFO = {
  httpBaseUrl: 'http://127.0.0.2:8080',
  httpsBaseUrl: 'https://127.0.0.2:8443',
  relayPath: '/__emulator/relay',
  relayProtocolVersion: 1,
}

beforeEach(() => {
  resetEndpointInfo()
  vi.spyOn(console, 'info').mockImplementation(() => undefined)
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('loadEndpointInfo', () => {
  it('reads the bases the server advertises', async () => {
    await loadEndpointInfo(() => Promise.resolve(Response.json(INFO)))

    expect(readChannelUriBases()).toEqual({
      http: 'http://127.0.0.2:8080',
      https: 'https://127.0.0.2:8443',
    })
  })

  it('derives the https base when the listener is off', async () => {
    await loadEndpointInfo(() => Promise.resolve(Response.json({ ...INFO, httpsBaseUrl: null })))

    expect(readChannelUriBases()?.https).toBe('https://127.0.0.2:8080')
  })

  it.each([
    ['a 404', () => Promise.resolve(new Response('Not Found', { status: 404 }))],
    ['an HTML page', () => Promise.resolve(new Response('<!doctype html>', { status: 200 }))],
    ['JSON of another shape', () => Promise.resolve(Response.json({ httpBaseUrl: 5 }))],
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch'))],
  ])('falls back to the page origin after %s', async (_name, fetchInfo) => {
    expect(await loadEndpointInfo(fetchInfo)).toBeNull()
    expect(readChannelUriBases()).toBeUndefined()
  })

  it('fetches once', async () => {
    const fetchInfo = vi.fn(() => Promise.resolve(Response.json(INFO)))

    await loadEndpointInfo(fetchInfo)
    await loadEndpointInfo(fetchInfo)

    expect(fetchInfo).toHaveBeenCalledTimes(1)
  })
})

describe('toInPageChannelFetch', () => {
  it('keeps a URI on the page origin', () => {
    const uri = 'http://127.0.0.1:5173/throttledthirdparty/01.00/AQabc'

    expect(toInPageChannelFetch(uri, 'http://127.0.0.1:5173')).toEqual({ url: uri, headers: [] })
  })

  it('moves another origin onto the page and names it in a header', () => {
    const uri = 'https://127.0.0.1:5443/unthrottledthirdparty/01.00/AQabc?x=1'

    expect(toInPageChannelFetch(uri, 'http://127.0.0.1:5173')).toEqual({
      url: 'http://127.0.0.1:5173/unthrottledthirdparty/01.00/AQabc?x=1',
      headers: [['X-Emulator-Channel-Uri', uri]],
    })
  })
})
