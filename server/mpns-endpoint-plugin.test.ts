import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { createServer as createViteServer, preview as startVitePreview } from 'vite'
import type { ViteDevServer } from 'vite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'

import { TEST_TOKEN, connectFakePage, sendRawRequest, sendRequest } from './endpoint-test-kit.ts'
import { mpnsEndpointPlugin } from './mpns-endpoint-plugin.ts'

const CHANNEL_PATH = `/throttledthirdparty/01.00/${TEST_TOKEN}`

let root: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mpns-plugin-'))
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('mpnsEndpointPlugin', () => {
  it('relays channel requests from the Vite dev server', async () => {
    const server = await startDevServer()
    try {
      const port = readPort(server)
      const page = await connectFakePage(port)

      const reply = await sendRequest(port, { path: CHANNEL_PATH, body: '<x/>' })

      expect(reply.status).toBe(200)
      expect(page.requests[0]?.channelUri).toBe(`http://127.0.0.1:${port}${CHANNEL_PATH}`)
      await page.close()
    } finally {
      await server.close()
    }
  })

  it('answers channel URIs before Vite’s own middleware', async () => {
    const server = await startDevServer()
    try {
      const port = readPort(server)

      const foreignHost = await sendRequest(port, {
        path: CHANNEL_PATH,
        headers: { Host: 'rebound.example' },
      })
      const preflight = await sendRequest(port, { method: 'OPTIONS', path: CHANNEL_PATH })
      const fragment = await sendRawRequest(
        port,
        Buffer.from(
          `POST /throttledthirdparty/01.00/AQ#x HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
        ),
      )

      expect(foreignHost.status).toBe(403)
      expect(foreignHost.headers['x-emulator-reason']).toContain(
        'addressed to host "rebound.example"',
      )
      expect(preflight.status).toBe(503)
      expect(preflight.headers['x-emulator-reason']).toContain(
        'no emulator page has this channel open',
      )
      expect(fragment).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
      expect(fragment).toContain('Malformed channel URI: its token "AQ#x"')
    } finally {
      await server.close()
    }
  })

  it('leaves the HMR WebSocket to Vite', async () => {
    const server = await startDevServer({ hmr: true })
    try {
      const port = readPort(server)
      const url = `ws://127.0.0.1:${port}/?token=${server.config.webSocketToken}`
      const socket = new WebSocket(url, 'vite-hmr', {
        origin: `http://127.0.0.1:${port}`,
      })

      const connected = await new Promise<string>((resolve, reject) => {
        socket.once('message', (data: Buffer) => resolve(data.toString()))
        socket.once('error', reject)
      })

      expect(JSON.parse(connected)).toMatchObject({ type: 'connected' })
      socket.close()
    } finally {
      await server.close()
    }
  })

  it('stops the HTTPS listener with the dev server', async () => {
    const server = await startDevServer({ httpsPort: 0 })
    const port = readPort(server)
    const info = await sendRequest(port, { method: 'GET', path: '/__emulator/endpoint' })
    const { httpsBaseUrl } = JSON.parse(info.body.toString()) as { httpsBaseUrl: string }
    const httpsPort = Number(new URL(httpsBaseUrl).port)

    expect(await canConnect(httpsPort)).toBe(true)
    await server.close()

    await expect.poll(() => canConnect(httpsPort)).toBe(false)
  })

  it('serves the endpoint info from the Vite preview server', async () => {
    await mkdir(join(root, 'dist'))
    const server = await startVitePreview({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [
        mpnsEndpointPlugin({ env: {}, httpsPort: 'off', dataDir: join(root, '.emulator') }),
      ],
      preview: { host: '127.0.0.1', port: 0 },
    })
    try {
      const port = (server.httpServer.address() as AddressInfo).port

      const info = await sendRequest(port, { method: 'GET', path: '/__emulator/endpoint' })
      const channel = await sendRequest(port, { path: CHANNEL_PATH, body: '<x/>' })

      expect(JSON.parse(info.body.toString())).toEqual({
        httpBaseUrl: `http://127.0.0.1:${port}`,
        httpsBaseUrl: null,
        relayPath: '/__emulator/relay',
        relayProtocolVersion: 1,
      })
      expect(channel.status).toBe(503)
    } finally {
      await server.close()
    }
  })

  it('lets Vite serve the page under the public host', async () => {
    const server = await startDevServer({ publicUrl: 'http://emulator.lan:8080' })
    try {
      const port = readPort(server)

      const page = await sendRequest(port, {
        method: 'GET',
        path: '/',
        headers: { Host: 'emulator.lan:8080' },
      })

      expect(page.body.toString()).not.toContain('Blocked request')
    } finally {
      await server.close()
    }
  })
})

async function startDevServer(
  options: { hmr?: boolean; httpsPort?: number | 'off'; publicUrl?: string } = {},
): Promise<ViteDevServer> {
  const server = await createViteServer({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [
      mpnsEndpointPlugin({
        env: {},
        httpsPort: options.httpsPort ?? 'off',
        dataDir: join(root, '.emulator'),
        ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
      }),
    ],
    server: { host: '127.0.0.1', port: 0, hmr: options.hmr ?? false, watch: null },
  })
  await server.listen()
  return server
}

function readPort(server: ViteDevServer): number {
  return (server.httpServer?.address() as AddressInfo).port
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}
