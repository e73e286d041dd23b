import { parseArgs } from 'node:util'

/** Settings of `wp8-emulator serve`, read from its command line. */
export interface ServeOptions {
  port: number
  /**
   * Port of the HTTPS listener for authenticated channels, 0 for any free port, or `'off'`.
   * Undefined leaves it to `EMULATOR_HTTPS_PORT`, or else to the HTTP port plus 270.
   */
  httpsPort: number | 'off' | undefined
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

const OPTIONS = {
  port: { type: 'string' },
  'https-port': { type: 'string' },
  host: { type: 'string' },
  dev: { type: 'boolean' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean' },
} as const

type OptionName = keyof typeof OPTIONS

const OPTION_LIST = Object.keys(OPTIONS)
  .map((name) => `--${name}`)
  .join(', ')

const RUN_SERVE_HINT = 'Run "wp8-emulator serve" to start the emulator.'

export const USAGE = `Usage: wp8-emulator serve [--port N] [--https-port N] [--host 127.0.0.1] [--dev] [--data-dir DIR]

Builds the emulator and serves it on this machine. It opens two TCP ports: the page and the
HTTP channel URIs on --port, and the HTTPS listener of authenticated channels on --https-port.

  --port N          TCP port of the page and the HTTP channel URIs (default ${DEFAULT_PORT}). The
                    command fails when the port is in use.
  --https-port N    TCP port of the HTTPS listener for authenticated channels, 0 for any free
                    port, or off for no listener (default: EMULATOR_HTTPS_PORT when set, else
                    --port plus 270, such as 5600 for ${DEFAULT_PORT}, or a free port when that
                    passes ${MAX_PORT}). When the port is in use, the listener takes a free port
                    and logs it.
  --host ADDRESS    Loopback address to listen on: 127.0.0.1 (default), another 127.x.x.x, ::1
                    or localhost. Other addresses are rejected.
  --dev             Serve the sources with Vite's dev server instead of a production build.
  --data-dir DIR    Folder for the local certificate authority of authenticated channels
                    (default: node_modules/.cache/wp8-emulator/data).
  --help            Print this text.

Stop the server with Ctrl+C or SIGTERM.`

/** Reads the command line after the program name, such as `serve --port 5330`. */
export function parseServeCommand(args: readonly string[]): ServeCommand {
  // Non-strict parsing returns every token, so the messages below are the command's own rather
  // than Node's parseArgs advice.
  const { values, positionals, tokens } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: OPTIONS,
  })

  for (const token of tokens) {
    if (token.kind !== 'option') {
      continue
    }
    const problem = findOptionProblem(token)
    if (problem !== undefined) {
      return { kind: 'invalid', message: problem }
    }
  }
  if (values.help === true) {
    return { kind: 'help' }
  }

  const commandProblem = findCommandProblem(positionals)
  if (commandProblem !== undefined) {
    return { kind: 'invalid', message: commandProblem }
  }
  return readServeOptions(values)
}

interface OptionToken {
  name: string
  rawName: string
  value: string | undefined
  inlineValue: boolean | undefined
}

function findOptionProblem(token: OptionToken): string | undefined {
  if (!Object.hasOwn(OPTIONS, token.name)) {
    return `Unknown option "${token.rawName}". Options: ${OPTION_LIST}.`
  }
  const { type } = OPTIONS[token.name as OptionName]
  if (type === 'boolean' && token.value !== undefined) {
    return `Unexpected value "${token.value}" for ${token.rawName}: it takes no value.`
  }
  // A string option followed by another option would take that option as its value.
  const missing =
    token.value === undefined || (token.inlineValue !== true && token.value.startsWith('--'))
  if (type === 'string' && missing) {
    return `Missing value for ${token.rawName}. Give it as ${token.rawName} VALUE.`
  }
  return undefined
}

function findCommandProblem(positionals: readonly string[]): string | undefined {
  const [command, extra] = positionals
  if (command === undefined) {
    return `Missing command. ${RUN_SERVE_HINT}`
  }
  if (command !== 'serve') {
    return `Unknown command "${command}". ${RUN_SERVE_HINT}`
  }
  if (extra !== undefined) {
    return `Unexpected argument "${extra}". The serve command takes options only, such as --port ${DEFAULT_PORT}.`
  }
  return undefined
}

function readServeOptions(values: Partial<Record<OptionName, string | boolean>>): ServeCommand {
  const portText = String(values.port ?? DEFAULT_PORT)
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port < 1 || port > MAX_PORT) {
    return {
      kind: 'invalid',
      message: `Invalid --port "${portText}": use a port number from 1 to ${MAX_PORT}.`,
    }
  }

  const httpsPort = readHttpsPort(values['https-port'])
  if (httpsPort === 'invalid') {
    return {
      kind: 'invalid',
      message: `Invalid --https-port "${String(values['https-port'])}": use a port number from 0 to ${MAX_PORT} (0 picks a free port), or off for no HTTPS listener.`,
    }
  }
  if (httpsPort === port) {
    return {
      kind: 'invalid',
      message: `Invalid --https-port "${httpsPort}": it equals --port. Give the HTTPS listener another port.`,
    }
  }

  const host = String(values.host ?? DEFAULT_HOST)
  if (!isLoopbackAddress(host)) {
    return {
      kind: 'invalid',
      message: `Invalid --host "${host}": the emulator serves this machine only. Use 127.0.0.1, another 127.x.x.x address, ::1 or localhost.`,
    }
  }

  const dataDir = values['data-dir']
  if (dataDir === '') {
    return { kind: 'invalid', message: 'Invalid --data-dir "": give a folder path.' }
  }
  return {
    kind: 'serve',
    options: {
      port,
      httpsPort,
      host,
      dev: values.dev === true,
      dataDir: typeof dataDir === 'string' ? dataDir : undefined,
    },
  }
}

function readHttpsPort(
  value: string | boolean | undefined,
): number | 'off' | undefined | 'invalid' {
  if (value === undefined) {
    return undefined
  }
  const text = String(value)
  if (text === 'off') {
    return 'off'
  }
  const port = Number(text)
  return /^\d+$/.test(text) && port <= MAX_PORT ? port : 'invalid'
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
