// `wp8-emulator serve`: builds the emulator with the package's own Vite config and serves it on
// this machine, for a Playwright `webServer` entry or a tester's terminal.

import { existsSync, readFileSync } from 'node:fs'
import { createServer as createNetServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { build, createServer, preview } from 'vite'
import type { InlineConfig } from 'vite'

import { USAGE, parseServeCommand } from './serve-options.ts'
import type { ServeOptions } from './serve-options.ts'

const PACKAGE_NAME = 'wp8-mpns-emulator'

/** The server command's own folder under the caller's node_modules/.cache. */
const CACHE_DIR = resolve('node_modules/.cache/wp8-emulator')

interface RunningServer {
  close(): Promise<void>
}

async function main(): Promise<number> {
  const command = parseServeCommand(process.argv.slice(2))
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (command.kind === 'invalid') {
    process.stderr.write(`wp8-emulator: ${command.message}\n\n${USAGE}\n`)
    return 2
  }

  const { options } = command
  // The endpoint plugin reads its data folder and HTTPS port when the config loads, so they are
  // set first.
  process.env.EMULATOR_DATA_DIR = resolve(options.dataDir ?? join(CACHE_DIR, 'data'))
  if (options.httpsPort !== undefined) {
    process.env.EMULATOR_HTTPS_PORT = String(options.httpsPort)
  }
  const server = await startServer(findPackageRoot(), options)
  log(
    `wp8-emulator: serving ${options.dev ? 'the sources' : 'a production build'} at http://${formatHost(options.host)}:${options.port}/`,
  )
  await waitForStopSignal()
  log('wp8-emulator: stopping')
  await server.close()
  return 0
}

async function startServer(packageRoot: string, options: ServeOptions): Promise<RunningServer> {
  const base: InlineConfig = {
    root: packageRoot,
    configFile: join(packageRoot, 'vite.config.ts'),
    // The root tsconfig.json references the example project, which the package leaves out, and
    // Vite fails on a missing reference. The app's own settings are all the transform needs.
    tsconfig: join(packageRoot, 'tsconfig.app.json'),
    // Each port gets its own folders, so two servers never share a build or Vite's cache.
    cacheDir: join(CACHE_DIR, `vite-${options.port}`),
    clearScreen: false,
  }
  const listen = { port: options.port, host: options.host, strictPort: true }

  if (options.dev) {
    const server = await createServer({ ...base, server: listen })
    await server.listen()
    return { close: () => server.close() }
  }

  // The build replaces the folder a running server on this port would serve from, so a taken
  // port fails before the build rather than after it.
  await checkPortIsFree(options.port, options.host)
  const outDir = join(CACHE_DIR, `build-${options.port}`)
  const started = Date.now()
  await build({
    ...base,
    logLevel: 'warn',
    // A tester cannot act on Vite's advice about chunks over 500 kB, so it is left out of their
    // test output. The project's own e2e suite checks the size of the script loaded at start.
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: Number.POSITIVE_INFINITY },
  })
  log(`wp8-emulator: built the emulator into ${outDir} in ${Date.now() - started} ms`)
  const server = await preview({ ...base, build: { outDir }, preview: { ...listen, open: false } })
  return { close: () => server.close() }
}

/** Rejects with Vite's wording when something already listens on the port. */
async function checkPortIsFree(port: number, host: string): Promise<void> {
  await new Promise<void>((resolvePromise, reject) => {
    const probe = createNetServer()
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} is already in use`) : error),
    )
    probe.listen(port, host, () => probe.close(() => resolvePromise()))
  })
}

/** Finds the emulator package's folder, which contains its vite.config.ts, sources and index.html. */
function findPackageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const manifest = join(folder, 'package.json')
    if (existsSync(manifest) && readPackageName(manifest) === PACKAGE_NAME) {
      return folder
    }
    const parent = dirname(folder)
    if (parent === folder) {
      throw new Error(
        `Failed to find the ${PACKAGE_NAME} package above ${fileURLToPath(import.meta.url)}. Reinstall it.`,
      )
    }
    folder = parent
  }
}

function readPackageName(manifestPath: string): unknown {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name?: unknown }
  return manifest.name
}

function waitForStopSignal(): Promise<void> {
  return new Promise((resolvePromise) => {
    const stop = () => resolvePromise()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host
}

function log(line: string): void {
  process.stdout.write(`${line}\n`)
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error: unknown) => {
    process.stderr.write(`wp8-emulator: failed to serve the emulator: ${describeFailure(error)}\n`)
    process.exit(1)
  },
)

/**
 * Describes why serving failed: the message alone for a port in use, which is an expected
 * failure, and the stack trace for anything else.
 */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error)
  }
  if (/already in use/i.test(error.message)) {
    return `${error.message}. Stop the server on that port or pass another --port.`
  }
  return error.stack ?? error.message
}
