import { describe, expect, it } from 'vitest'

import { DEFAULT_PORT, USAGE, parseServeCommand } from './serve-options.ts'

const OPTION_LIST = '--port, --https-port, --host, --dev, --data-dir, --help'

describe('parseServeCommand', () => {
  it('fills in the defaults', () => {
    expect(parseServeCommand(['serve'])).toEqual({
      kind: 'serve',
      options: {
        port: DEFAULT_PORT,
        httpsPort: undefined,
        host: '127.0.0.1',
        dev: false,
        dataDir: undefined,
      },
    })
  })

  it('reads every option', () => {
    expect(
      parseServeCommand([
        'serve',
        '--port',
        '5530',
        '--https-port',
        '5531',
        '--host',
        '::1',
        '--dev',
        '--data-dir',
        'x',
      ]),
    ).toEqual({
      kind: 'serve',
      options: { port: 5530, httpsPort: 5531, host: '::1', dev: true, dataDir: 'x' },
    })
  })

  it.each([
    ['5600', 5600],
    ['0', 0],
    ['off', 'off'],
  ])('reads --https-port %s', (value, httpsPort) => {
    expect(parseServeCommand(['serve', `--https-port=${value}`])).toMatchObject({
      kind: 'serve',
      options: { httpsPort },
    })
  })

  it('accepts loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', '127.255.255.254', 'localhost', '::1']) {
      expect(parseServeCommand(['serve', '--host', host]).kind, host).toBe('serve')
    }
  })

  it('rejects hosts off this machine', () => {
    for (const host of ['0.0.0.0', '192.168.1.5', '::', 'example.com', '127.0.0.256', '127.1']) {
      const command = parseServeCommand(['serve', '--host', host])
      expect(command, host).toMatchObject({ kind: 'invalid' })
      const message = command.kind === 'invalid' ? command.message : ''
      expect(message, host).toContain(`--host "${host}"`)
    }
  })

  it.each(['0', '65536', '-1', '80.5', 'abc', ''])('rejects --port "%s"', (port) => {
    expect(parseServeCommand(['serve', '--port', port])).toEqual({
      kind: 'invalid',
      message: `Invalid --port "${port}": use a port number from 1 to 65535.`,
    })
  })

  it.each(['65536', '-1', 'on', ''])('rejects --https-port "%s"', (port) => {
    expect(parseServeCommand(['serve', '--https-port', port])).toEqual({
      kind: 'invalid',
      message: `Invalid --https-port "${port}": use a port number from 0 to 65535 (0 picks a free port), or off for no HTTPS listener.`,
    })
  })

  it('rejects an HTTPS port equal to the HTTP port', () => {
    expect(parseServeCommand(['serve', '--port', '5530', '--https-port', '5530'])).toEqual({
      kind: 'invalid',
      message:
        'Invalid --https-port "5530": it equals --port. Give the HTTPS listener another port.',
    })
  })

  it.each([
    [[], 'Missing command. Run "wp8-emulator serve" to start the emulator.'],
    [['--port', '5530'], 'Missing command. Run "wp8-emulator serve" to start the emulator.'],
    [['start'], 'Unknown command "start". Run "wp8-emulator serve" to start the emulator.'],
    [
      ['serve', 'extra'],
      'Unexpected argument "extra". The serve command takes options only, such as --port 5330.',
    ],
    [['serve', '--bogus'], `Unknown option "--bogus". Options: ${OPTION_LIST}.`],
    [['serve', '-p', '5530'], `Unknown option "-p". Options: ${OPTION_LIST}.`],
    [['serve', '--port'], 'Missing value for --port. Give it as --port VALUE.'],
    [['serve', '--port', '--dev'], 'Missing value for --port. Give it as --port VALUE.'],
    [['serve', '--data-dir'], 'Missing value for --data-dir. Give it as --data-dir VALUE.'],
    [['serve', '--dev=yes'], 'Unexpected value "yes" for --dev: it takes no value.'],
    [['serve', '--data-dir', ''], 'Invalid --data-dir "": give a folder path.'],
  ])('rejects %j', (args, message) => {
    expect(parseServeCommand(args)).toEqual({ kind: 'invalid', message })
  })

  it('prints help on --help', () => {
    expect(parseServeCommand(['--help'])).toEqual({ kind: 'help' })
    expect(parseServeCommand(['serve', '--help'])).toEqual({ kind: 'help' })
  })

  it('names both ports in the help', () => {
    expect(USAGE).toContain('It opens two TCP ports')
    for (const option of OPTION_LIST.split(', ')) {
      expect(USAGE, option).toContain(`  ${option}`)
    }
  })
})
