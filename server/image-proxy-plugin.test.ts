import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createServer as createHttpServer, request as httpRequest } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { createServer as createViteServer, preview as startVitePreview } from 'vite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createImageProxyMiddleware, imageProxyPlugin } from './image-proxy-plugin.ts'

interface ProxyReply {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

interface ProxyRequestOptions {
  method?: string
  headers?: Record<string, string>
}

/** A 1 x 1 transparent PNG. */
const SMALL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)
/** A PNG signature followed by padding: 100 KB, above the 80 KB limit. */
const LARGE_PNG = Buffer.concat([SMALL_PNG, Buffer.alloc(100 * 1024 - SMALL_PNG.length)])
const EXACT_LIMIT_PNG = Buffer.concat([SMALL_PNG, Buffer.alloc(80 * 1024 - SMALL_PNG.length)])
const TEST_TIMEOUT_MS = 300

let upstream: Server
let upstreamOrigin: string
let upstreamHeaders: IncomingHttpHeaders[]
let proxy: Server
let proxyPort: number
let logLines: string[]

beforeEach(async () => {
  upstreamHeaders = []
  upstream = createHttpServer((req, res) => {
    upstreamHeaders.push(req.headers)
    serveUpstream(req, res)
  })
  upstreamOrigin = `http://127.0.0.1:${await listen(upstream)}`

  logLines = []
  const record = (line: string) => {
    logLines.push(line)
  }
  const middleware = createImageProxyMiddleware({
    timeoutMs: TEST_TIMEOUT_MS,
    logger: { info: record, warn: record, error: record },
  })
  proxy = createHttpServer((req, res) => {
    middleware(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      res.end('not handled by the image proxy')
    })
  })
  proxyPort = await listen(proxy)
})

afterEach(async () => {
  await close(proxy)
  await close(upstream)
})

describe('createImageProxyMiddleware', () => {
  it('returns 204 at the probe path', async () => {
    const reply = await requestProxy('/__emulator/image-proxy')

    expect(reply.status).toBe(204)
    expect(reply.headers['cache-control']).toBe('no-store')
  })

  it('passes other paths on', async () => {
    const reply = await requestProxy('/index.html')

    expect(reply.status).toBe(404)
    expect(reply.body.toString()).toBe('not handled by the image proxy')
  })

  it('returns a small image with its headers', async () => {
    const reply = await requestImage(`${upstreamOrigin}/small.png`)

    expect(reply.status).toBe(200)
    expect(reply.body.equals(SMALL_PNG)).toBe(true)
    expect(reply.headers['content-type']).toBe('image/png')
    expect(reply.headers['content-length']).toBe(String(SMALL_PNG.length))
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
  })

  it('returns an image of exactly 80 KB', async () => {
    const reply = await requestImage(`${upstreamOrigin}/exact-limit.png`)

    expect(reply.status).toBe(200)
    expect(reply.body.length).toBe(80 * 1024)
  })

  it('drops parameters from the content type', async () => {
    const reply = await requestImage(`${upstreamOrigin}/with-parameters.png`)

    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('image/png')
  })

  it('sends headers without a body for HEAD', async () => {
    const reply = await requestImage(`${upstreamOrigin}/small.png`, { method: 'HEAD' })

    expect(reply.status).toBe(200)
    expect(reply.headers['content-length']).toBe(String(SMALL_PNG.length))
    expect(reply.body.length).toBe(0)
  })

  it.each([
    ['one redirect', '/redirect/1'],
    ['three redirects', '/redirect/3'],
  ])('follows %s', async (_name, path) => {
    const reply = await requestImage(`${upstreamOrigin}${path}`)

    expect(reply.status).toBe(200)
    expect(reply.body.equals(SMALL_PNG)).toBe(true)
  })

  it.each([
    [
      'a 100 KB image with Content-Length',
      '/large.png',
      413,
      'is larger than 80 KB, the limit for remote tile images.',
    ],
    [
      'a 100 KB image without Content-Length',
      '/large-chunked.png',
      413,
      'is larger than 80 KB, the limit for remote tile images.',
    ],
    [
      'a response that never starts',
      '/slow-headers.png',
      504,
      'timed out after 0.3 seconds, the limit for remote tile images.',
    ],
    [
      'a body that never ends',
      '/slow-body.png',
      504,
      'timed out after 0.3 seconds, the limit for remote tile images.',
    ],
    [
      'an HTML page',
      '/page.html',
      415,
      'was served with content type "text/html; charset=utf-8", not an image type.',
    ],
    [
      'a response without a content type',
      '/untyped',
      415,
      'was served with no content type, not an image type.',
    ],
    ['a 404', '/missing.png', 502, 'The image server answered HTTP 404 for'],
    [
      'four redirects',
      '/redirect/4',
      502,
      'redirected more than 3 times, so the download stopped.',
    ],
    [
      'a redirect to ftp',
      '/redirect-to-ftp',
      502,
      'with the Location "ftp://127.0.0.1/a.png", which is not an http or https URL.',
    ],
    [
      'a redirect without Location',
      '/redirect-without-location',
      502,
      'with the Location "", which is not an http or https URL.',
    ],
  ])('rejects %s', async (_name, path, status, reason) => {
    const reply = await requestImage(`${upstreamOrigin}${path}`)

    expect(reply.status).toBe(status)
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(reply.body.toString()).toContain(reason)
    expect(reply.headers['x-emulator-reason']).toBe(reply.body.toString())
  })

  it('names the image URL in the reason', async () => {
    const url = `${upstreamOrigin}/large.png`

    const reply = await requestImage(url)

    expect(reply.body.toString()).toBe(
      `The image "${url}" is larger than 80 KB, the limit for remote tile images.`,
    )
  })

  it('reports a refused connection as 502', async () => {
    const closed = createHttpServer()
    const port = await listen(closed)
    await close(closed)

    const reply = await requestImage(`http://127.0.0.1:${port}/a.png`)

    expect(reply.status).toBe(502)
    expect(reply.body.toString()).toBe(
      `Failed to download the image "http://127.0.0.1:${port}/a.png": ECONNREFUSED.`,
    )
  })

  it.each([
    ['a missing url', '/__emulator/image', 'The url query parameter is missing'],
    ['an empty url', '/__emulator/image?url=', 'The url query parameter is missing'],
    ['a relative url', imagePath('/a.png'), 'Image URL "/a.png" is not a valid absolute URL.'],
    [
      'an ftp url',
      imagePath('ftp://127.0.0.1/a.png'),
      'uses ftp:, but remote tile images must use http or https.',
    ],
    [
      'a file url',
      imagePath('file:///etc/hostname'),
      'uses file:, but remote tile images must use http or https.',
    ],
    [
      'a url with credentials',
      imagePath('http://user:secret@127.0.0.1/a.png'),
      'contains a user name or password, which the image proxy never sends',
    ],
  ])('rejects %s with 400', async (_name, path, reason) => {
    const reply = await requestProxy(path)

    expect(reply.status).toBe(400)
    expect(reply.body.toString()).toContain(reason)
    expect(upstreamHeaders).toEqual([])
  })

  it('escapes non-ASCII in the reason header', async () => {
    const reply = await requestProxy(imagePath('ftp://bjørn.example/a.png'))

    expect(reply.body.toString()).toBe(
      'Image URL "ftp://bjørn.example/a.png" uses ftp:, but remote tile images must use http or https.',
    )
    expect(reply.headers['x-emulator-reason']).toBe(
      'Image URL "ftp://bj\\u00F8rn.example/a.png" uses ftp:, but remote tile images must use http or https.',
    )
  })

  it('rejects a cross-origin request', async () => {
    const reply = await requestImage(`${upstreamOrigin}/small.png`, {
      headers: { Origin: 'http://evil.example' },
    })

    expect(reply.status).toBe(403)
    expect(reply.body.toString()).toBe(
      `The image proxy serves only pages from http://127.0.0.1:${proxyPort}, and this request came from "http://evil.example".`,
    )
    expect(upstreamHeaders).toEqual([])
  })

  it('serves a request from its own origin', async () => {
    const reply = await requestImage(`${upstreamOrigin}/small.png`, {
      headers: { Origin: `http://127.0.0.1:${proxyPort}`, 'Sec-Fetch-Site': 'same-origin' },
    })

    expect(reply.status).toBe(200)
  })

  it('rejects a cross-site request without Origin', async () => {
    const reply = await requestImage(`${upstreamOrigin}/small.png`, {
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    })

    expect(reply.status).toBe(403)
    expect(reply.body.toString()).toContain('this request came from a page that is "cross-site"')
  })

  it.each([
    ['a public host name', 'rebound.example:5173'],
    ['a private address', '192.168.1.20:5173'],
    ['a host name that ends in 127.0.0.1', 'evil127.0.0.1.example'],
  ])('rejects a Host header with %s', async (_name, host) => {
    const reply = await requestImage(`${upstreamOrigin}/small.png`, { headers: { Host: host } })

    expect(reply.status).toBe(403)
    expect(reply.body.toString()).toBe(
      `The image proxy serves only requests addressed to a loopback host such as 127.0.0.1 or localhost, and this one was addressed to "${host}".`,
    )
  })

  it('rejects a probe from another host name', async () => {
    const reply = await requestProxy('/__emulator/image-proxy', {
      headers: { Host: 'rebound.example' },
    })

    expect(reply.status).toBe(403)
  })

  it.each([['localhost:5173'], ['app.localhost'], ['[::1]:5173'], ['127.0.0.2']])(
    'serves a request addressed to %s',
    async (host) => {
      const reply = await requestImage(`${upstreamOrigin}/small.png`, { headers: { Host: host } })

      expect(reply.status).toBe(200)
    },
  )

  it('rejects POST with 405', async () => {
    const reply = await requestImage(`${upstreamOrigin}/small.png`, { method: 'POST' })

    expect(reply.status).toBe(405)
    expect(reply.body.toString()).toBe(
      'The image proxy accepts only GET and HEAD requests, not POST.',
    )
  })

  it('forwards no cookie or credential', async () => {
    await requestImage(`${upstreamOrigin}/small.png`, {
      headers: { Cookie: 'session=1', Authorization: 'Bearer token', Referer: 'http://x.test/' },
    })

    const [headers] = upstreamHeaders
    expect(headers?.cookie).toBeUndefined()
    expect(headers?.authorization).toBeUndefined()
    expect(headers?.referer).toBeUndefined()
    expect(headers?.accept).toBe('image/*')
  })

  it('logs one line per image without the query', async () => {
    await requestImage(`${upstreamOrigin}/small.png?token=secret`)
    await requestImage(`${upstreamOrigin}/large.png`)

    expect(logLines).toHaveLength(2)
    expect(logLines[0]).toMatch(
      new RegExp(
        `^\\[image-proxy\\] 200 ${SMALL_PNG.length} B \\d+ ms ${upstreamOrigin}/small\\.png\\?\\.\\.\\.$`,
      ),
    )
    expect(logLines[0]).not.toContain('secret')
    expect(logLines[1]).toMatch(/^\[image-proxy\] 413 0 B \d+ ms .*\/large\.png: The image /)
  })
})

describe('imageProxyPlugin', () => {
  let root: string

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'image-proxy-'))
  })

  afterEach(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('serves images from the Vite dev server', async () => {
    const server = await createViteServer({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [imageProxyPlugin({ timeoutMs: TEST_TIMEOUT_MS })],
      server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    })
    try {
      await server.listen()
      const port = (server.httpServer?.address() as AddressInfo).port

      expect((await requestProxy('/__emulator/image-proxy', {}, port)).status).toBe(204)
      const reply = await requestImage(`${upstreamOrigin}/small.png`, {}, port)
      expect(reply.status).toBe(200)
      expect(reply.body.equals(SMALL_PNG)).toBe(true)
    } finally {
      await server.close()
    }
  })

  it('serves images from the Vite preview server', async () => {
    await mkdir(join(root, 'dist'))
    const server = await startVitePreview({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [imageProxyPlugin({ timeoutMs: TEST_TIMEOUT_MS })],
      preview: { host: '127.0.0.1', port: 0 },
    })
    try {
      const port = (server.httpServer.address() as AddressInfo).port

      expect((await requestProxy('/__emulator/image-proxy', {}, port)).status).toBe(204)
      const reply = await requestImage(`${upstreamOrigin}/large.png`, {}, port)
      expect(reply.status).toBe(413)
    } finally {
      await server.close()
    }
  })
})

function serveUpstream(req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? '/').split('?')[0] ?? '/'
  const redirect = /^\/redirect\/(\d+)$/.exec(path)
  if (redirect) {
    const remaining = Number(redirect[1])
    const location = remaining > 1 ? `/redirect/${remaining - 1}` : '/small.png'
    res.writeHead(302, { Location: location })
    res.end()
    return
  }

  switch (path) {
    case '/small.png':
      sendPng(res, SMALL_PNG)
      return
    case '/large.png':
      sendPng(res, LARGE_PNG)
      return
    case '/exact-limit.png':
      sendPng(res, EXACT_LIMIT_PNG)
      return
    case '/with-parameters.png':
      res.writeHead(200, { 'Content-Type': 'image/png; name="a.png"' })
      res.end(SMALL_PNG)
      return
    case '/large-chunked.png':
      sendInChunks(res, LARGE_PNG)
      return
    default:
      serveUpstreamFailure(path, res)
  }
}

function serveUpstreamFailure(path: string, res: ServerResponse): void {
  switch (path) {
    case '/slow-headers.png':
      // Sends no response, and closing the server ends the connection.
      return
    case '/slow-body.png':
      res.writeHead(200, { 'Content-Type': 'image/png' })
      res.write(SMALL_PNG)
      return
    case '/page.html':
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      res.end('<!doctype html><title>Not an image</title>')
      return
    case '/untyped':
      res.writeHead(200)
      res.end(SMALL_PNG)
      return
    case '/redirect-to-ftp':
      res.writeHead(302, { Location: 'ftp://127.0.0.1/a.png' })
      res.end()
      return
    case '/redirect-without-location':
      res.writeHead(302)
      res.end()
      return
    default:
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      res.end('not found')
  }
}

function sendPng(res: ServerResponse, body: Buffer): void {
  res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': body.length })
  res.end(body)
}

/** Sends the body in 8 KB chunks with chunked transfer encoding, so no length is declared. */
function sendInChunks(res: ServerResponse, body: Buffer): void {
  res.writeHead(200, { 'Content-Type': 'image/png' })
  for (let offset = 0; offset < body.length; offset += 8192) {
    res.write(body.subarray(offset, offset + 8192))
  }
  res.end()
}

function imagePath(url: string): string {
  return `/__emulator/image?url=${encodeURIComponent(url)}`
}

function requestImage(
  url: string,
  options: ProxyRequestOptions = {},
  port = proxyPort,
): Promise<ProxyReply> {
  return requestProxy(imagePath(url), options, port)
}

function requestProxy(
  path: string,
  options: ProxyRequestOptions = {},
  port = proxyPort,
): Promise<ProxyReply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        )
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.end()
  })
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

function close(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}
