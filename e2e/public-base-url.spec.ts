import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, connect } from 'node:net'
import type { Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { expect, test } from './fixtures'
import { sendFromOutside } from './outside-sender'
import { TOAST_HEADERS, createToastXml } from './payloads'
import { E2E_BUILD_DIR, PUBLIC_URL_PREVIEW_PORT, PUBLIC_URL_PROXY_PORT } from './ports'

const PREVIEW_ORIGIN = `http://127.0.0.1:${PUBLIC_URL_PREVIEW_PORT}`
/** Another loopback address stands for a LAN address or a reverse proxy's public name. */
const PUBLIC_URL = `http://127.0.0.2:${PUBLIC_URL_PROXY_PORT}`
const SERVER_START_TIMEOUT_MS = 30_000

let preview: ChildProcess | undefined
let proxy: Server | undefined
let dataDir: string | undefined

test.use({ baseURL: PREVIEW_ORIGIN })
test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wp8-public-url-'))
  preview = spawn(
    'node_modules/.bin/vite',
    [
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(PUBLIC_URL_PREVIEW_PORT),
      '--strictPort',
      '--bypass-lock',
      '--outDir',
      E2E_BUILD_DIR,
    ],
    {
      env: { ...process.env, EMULATOR_PUBLIC_URL: PUBLIC_URL, EMULATOR_DATA_DIR: dataDir },
      stdio: 'ignore',
    },
  )
  proxy = await startForwarder({ host: '127.0.0.2', port: PUBLIC_URL_PROXY_PORT })
  await expect
    .poll(
      () =>
        fetch(`${PREVIEW_ORIGIN}/`).then(
          (response) => response.status,
          () => 0,
        ),
      {
        timeout: SERVER_START_TIMEOUT_MS,
      },
    )
    .toBe(200)
})

test.afterAll(() => {
  preview?.kill()
  proxy?.close()
  if (dataDir !== undefined) {
    rmSync(dataDir, { recursive: true, force: true })
  }
})

test('channel URIs advertise the public base URL', async ({ phone }) => {
  const channelUri = await test.step('the app shows a URI on the public address', async () => {
    const uri = await phone.launchWithPermission('Contoso Weather', true)
    expect(uri).toMatch(new RegExp(`^${PUBLIC_URL}/throttledthirdparty/01\\.00/[\\w-]+$`))
    await phone.goStart()
    return uri
  })

  await test.step('a backend reaches it through the public address', async () => {
    const response = await sendFromOutside(channelUri, {
      headers: TOAST_HEADERS,
      body: createToastXml({ text1: 'Through the proxy', text2: 'public URL' }),
    })
    expect(response.status, response.headers['x-emulator-reason']).toBe(200)
    await expect(phone.toast).toContainText('Through the proxy')
  })

  await test.step('the endpoint describes the public base', async () => {
    const info = (await (await fetch(`${PREVIEW_ORIGIN}/__emulator/endpoint`)).json()) as {
      httpBaseUrl: string
    }
    expect(info.httpBaseUrl).toBe(PUBLIC_URL)
  })
})

/**
 * Forwards every TCP connection on `host:port` to the preview server unchanged, Host header
 * included, as a reverse proxy that keeps the public name does.
 */
function startForwarder(address: { host: string; port: number }): Promise<Server> {
  const server = createServer((incoming) => {
    const outgoing = connect({ host: '127.0.0.1', port: PUBLIC_URL_PREVIEW_PORT })
    incoming.pipe(outgoing).pipe(incoming)
    incoming.on('error', () => outgoing.destroy())
    outgoing.on('error', () => incoming.destroy())
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(address.port, address.host, () => resolve(server))
  })
}
