// Starts the emulator's server for `wp8-emulator serve`: a production build served by Vite's
// preview server, or the sources served by Vite's dev server.

import { existsSync, readFileSync } from 'node:fs'
import { createServer as createNetServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { build, createServer, preview } from 'vite'
import type { InlineConfig } from 'vite'

import type { ServeOptions } from './serve-options.ts'

export interface ServeSettings {
  /** Folder of the builds, Vite's caches and the default data folder, one set per port. */
  cacheDir: string
}

/** A started server. */
export interface RunningServer {
  close(): Promise<void>
}

const PACKAGE_NAME = 'wp8-mpns-emulator'

/**
 * Starts the emulator on this machine and resolves once its HTTP server listens. The HTTPS
 * listener of authenticated channels starts shortly after, once its certificates exist. It sets
 * EMULATOR_DATA_DIR, and EMULATOR_HTTPS_PORT when `httpsPort` is given, in this process's
 * environment, because the endpoint plugin reads them when the Vite config loads.
 */
export async function serve(
  options: ServeOptions,
  settings: ServeSettings,
): Promise<RunningServer> {
  process.env.EMULATOR_DATA_DIR = resolve(options.dataDir ?? join(settings.cacheDir, 'data'))
  if (options.httpsPort !== undefined) {
    process.env.EMULATOR_HTTPS_PORT = String(options.httpsPort)
  }
  return startServer(findPackageRoot(), options, settings.cacheDir)
}

async function startServer(
  packageRoot: string,
  options: ServeOptions,
  cacheDir: string,
): Promise<RunningServer> {
  const base: InlineConfig = {
    root: packageRoot,
    configFile: join(packageRoot, 'vite.config.ts'),
    // The root tsconfig.json references the example project, which the package leaves out, and
    // Vite fails on a missing reference. The app's own settings are all the transform needs.
    tsconfig: join(packageRoot, 'tsconfig.app.json'),
    // Each port gets its own folders, so two servers never share a build or Vite's cache.
    cacheDir: join(cacheDir, `vite-${options.port}`),
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
  const outDir = join(cacheDir, `build-${options.port}`)
  const started = Date.now()
  await build({
    ...base,
    logLevel: 'warn',
    // A tester cannot act on Vite's advice about chunks over 500 kB, so it is left out of their
    // test output. The project's own e2e suite checks the size of the script loaded at start.
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: Number.POSITIVE_INFINITY },
  })
  process.stdout.write(
    `wp8-emulator: built the emulator into ${outDir} in ${Date.now() - started} ms\n`,
  )
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
