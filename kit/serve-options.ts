import { parseArgs } from 'node:util'

/** Settings of `wp8-emulator serve`, read from its command line. */
export interface ServeOptions {
  port: number
  host: string
  /** Serves the sources with Vite's dev server instead of a production build. */
  dev: boolean
  /** Folder of the local certificate authority and service certificates, when given. */
  dataDir: string | undefined
}

export type ServeCommand =
  { kind: 'serve'; options: ServeOptions } | { kind: 'help' } | { kind: 'invalid'; message: string }

/** Port served when `--port` is left out. */
export const DEFAULT_PORT = 5330

const DEFAULT_HOST = '127.0.0.1'
const MAX_PORT = 65_535

export const USAGE = `Usage: wp8-emulator serve [--port N] [--host 127.0.0.1] [--dev] [--data-dir DIR]

Builds the emulator and serves it on this machine, with channel URIs that take HTTP POSTs.

  --port N        TCP port to listen on (default ${DEFAULT_PORT}). The command fails when the
                  port is in use.
  --host ADDRESS  Loopback address to listen on: 127.0.0.1 (default), another 127.x.x.x, ::1
                  or localhost. Other addresses are rejected.
  --dev           Serve the sources with Vite's dev server instead of a production build.
  --data-dir DIR  Folder for the local certificate authority of authenticated channels
                  (default: node_modules/.cache/wp8-emulator/data).
  --help          Print this text.

Stop the server with Ctrl+C or SIGTERM.`

/** Reads the command line after the program name, such as `serve --port 5330`. */
export function parseServeCommand(args: readonly string[]): ServeCommand {
  let parsed
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        dev: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    })
  } catch (error) {
    return { kind: 'invalid', message: error instanceof Error ? error.message : String(error) }
  }

  const { values, positionals } = parsed
  if (values.help) {
    return { kind: 'help' }
  }
  if (positionals.length !== 1 || positionals[0] !== 'serve') {
    const commandText = positionals.length === 0 ? 'no command' : `"${positionals.join(' ')}"`
    return {
      kind: 'invalid',
      message: `Unknown command: ${commandText}. The only command is serve.`,
    }
  }

  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port)
  if (!/^\d+$/.test(values.port ?? String(DEFAULT_PORT)) || port < 1 || port > MAX_PORT) {
    return {
      kind: 'invalid',
      message: `Invalid --port "${values.port}": use a port number from 1 to ${MAX_PORT}.`,
    }
  }
  const host = values.host ?? DEFAULT_HOST
  if (!isLoopbackAddress(host)) {
    return {
      kind: 'invalid',
      message: `Invalid --host "${host}": the emulator serves this machine only. Use 127.0.0.1, another 127.x.x.x address, ::1 or localhost.`,
    }
  }
  if (values['data-dir'] === '') {
    return { kind: 'invalid', message: 'Invalid --data-dir "": give a folder path.' }
  }
  return { kind: 'serve', options: { port, host, dev: values.dev, dataDir: values['data-dir'] } }
}

function isLoopbackAddress(host: string): boolean {
  if (host === 'localhost' || host === '::1') {
    return true
  }
  const octets = host.split('.')
  return (
    octets.length === 4 &&
    octets[0] === '127' &&
    octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255)
  )
}
