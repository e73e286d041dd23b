// `wp8-emulator serve`: builds the emulator with the package's own Vite config and serves it on
// this machine, for a Playwright `webServer` entry or a tester's terminal.

import { resolve } from 'node:path'

import { serve } from './serve.ts'
import { USAGE, parseServeCommand } from './serve-options.ts'

/** The server command's own folder under the caller's node_modules/.cache. */
const DEFAULT_CACHE_DIR = resolve('node_modules/.cache/wp8-emulator')

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
  const server = await serve(options, { cacheDir: DEFAULT_CACHE_DIR })
  log(
    `wp8-emulator: serving ${options.dev ? 'the sources' : 'a production build'} at http://${formatHost(options.host)}:${options.port}/`,
  )
  await waitForStopSignal()
  log('wp8-emulator: stopping')
  await server.close()
  return 0
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
