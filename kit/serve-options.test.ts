import { describe, expect, it } from 'vitest'

import { DEFAULT_PORT, parseServeCommand } from './serve-options.ts'

describe('parseServeCommand', () => {
  it('fills in the defaults', () => {
    expect(parseServeCommand(['serve'])).toEqual({
      kind: 'serve',
      options: { port: DEFAULT_PORT, host: '127.0.0.1', dev: false, dataDir: undefined },
    })
  })

  it('reads every option', () => {
    expect(
      parseServeCommand(['serve', '--port', '5530', '--host', '::1', '--dev', '--data-dir', 'x']),
    ).toEqual({
      kind: 'serve',
      options: { port: 5530, host: '::1', dev: true, dataDir: 'x' },
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

  it('rejects invalid ports', () => {
    for (const port of ['0', '65536', '-1', '80.5', 'abc', '']) {
      const command = parseServeCommand(['serve', '--port', port])
      expect(command.kind, port).toBe('invalid')
    }
  })

  it('rejects unknown commands and options', () => {
    expect(parseServeCommand([]).kind).toBe('invalid')
    expect(parseServeCommand(['start']).kind).toBe('invalid')
    expect(parseServeCommand(['serve', 'extra']).kind).toBe('invalid')
    expect(parseServeCommand(['serve', '--open']).kind).toBe('invalid')
  })

  it('rejects an empty data folder', () => {
    expect(parseServeCommand(['serve', '--data-dir', '']).kind).toBe('invalid')
  })

  it('prints help on --help', () => {
    expect(parseServeCommand(['--help'])).toEqual({ kind: 'help' })
  })
})
