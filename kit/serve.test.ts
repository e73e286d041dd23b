import { mkdtempSync, rmSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, describe, expect, it, vi } from 'vitest'

import { serve } from './serve.ts'

/** Time allowed for a production build of the emulator and the server start, in milliseconds. */
const SERVE_TIMEOUT_MS = 120_000

/** Time allowed for creating the local certificate authority and starting HTTPS, in milliseconds. */
const HTTPS_START_TIMEOUT_MS = 30_000

const folder = mkdtempSync(join(tmpdir(), 'wp8-serve-'))
const savedEnvironment = {
  EMULATOR_DATA_DIR: process.env.EMULATOR_DATA_DIR,
  EMULATOR_HTTPS_PORT: process.env.EMULATOR_HTTPS_PORT,
}

afterAll(() => {
  Object.assign(process.env, savedEnvironment)
  for (const [name, value] of Object.entries(savedEnvironment)) {
    if (value === undefined) {
      delete process.env[name]
    }
  }
  rmSync(folder, { recursive: true, force: true })
})

describe('serve', () => {
  it(
    'listens on both ports quietly',
    async () => {
      const port = await findFreePort()
      const httpsPort = await findFreePort()
      const output = captureConsole()

      const server = await serve(
        { port, httpsPort, host: '127.0.0.1', dev: false, dataDir: join(folder, 'data') },
        { cacheDir: folder },
      )
      try {
        const page = await fetch(`http://127.0.0.1:${port}/`)
        expect(page.status).toBe(200)
        // The HTTPS listener starts after the preview server, once its certificates exist.
        await vi.waitFor(async () => expect(await canConnect(httpsPort)).toBe(true), {
          timeout: HTTPS_START_TIMEOUT_MS,
          interval: 200,
        })
        expect(output.text()).toContain(`https://127.0.0.1:${httpsPort}`)
        expect(output.text()).not.toContain('chunks are larger than')
      } finally {
        await server.close()
        output.restore()
      }
    },
    SERVE_TIMEOUT_MS,
  )
})

/** Silences the console and records what Vite's logger prints to it until `restore`. */
function captureConsole(): { text: () => string; restore: () => void } {
  const spies = (['log', 'info', 'warn', 'error'] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation(() => undefined),
  )
  return {
    text: () => spies.flatMap((spy) => spy.mock.calls.flat().map(String)).join('\n'),
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  }
}

async function findFreePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
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
