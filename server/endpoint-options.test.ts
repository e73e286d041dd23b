import { describe, expect, it } from 'vitest'

import { createEndpointAddresses, isLoopbackHost } from './endpoint-addresses.ts'
import { readEndpointSettings } from './endpoint-options.ts'
import type { EndpointSettings } from './endpoint-options.ts'

const DEFAULT_SETTINGS = readEndpointSettings({ env: {} })

describe('readEndpointSettings', () => {
  it('uses the defaults without options or variables', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      publicUrl: undefined,
      publicHttpsUrl: undefined,
      httpsPort: 'default',
      dataDir: '.emulator',
      relayTimeoutMs: 10_000,
      callbackHosts: [],
      callbackTimeoutMs: 10_000,
    })
  })

  it('reads the environment variables', () => {
    const settings = readEndpointSettings({
      env: {
        EMULATOR_PUBLIC_URL: 'http://Emulator.LAN:5173/',
        EMULATOR_PUBLIC_HTTPS_URL: 'https://emulator.lan',
        EMULATOR_HTTPS_PORT: '6443',
        EMULATOR_DATA_DIR: '/var/tmp/emulator',
        EMULATOR_RELAY_TIMEOUT_MS: '2500',
        EMULATOR_CALLBACK_HOSTS: ' Backend.example, [::2] ,,',
      },
    })

    expect(settings).toEqual({
      publicUrl: 'http://emulator.lan:5173',
      publicHttpsUrl: 'https://emulator.lan',
      httpsPort: 6443,
      dataDir: '/var/tmp/emulator',
      relayTimeoutMs: 2500,
      callbackHosts: ['backend.example', '::2'],
      callbackTimeoutMs: 10_000,
    })
  })

  it.each([['off'], ['OFF'], [' off ']])('turns the HTTPS listener off for %j', (value) => {
    expect(readEndpointSettings({ env: { EMULATOR_HTTPS_PORT: value } }).httpsPort).toBe('off')
  })

  it('prefers options to variables', () => {
    const settings = readEndpointSettings({
      publicUrl: 'http://127.0.0.1:9000',
      httpsPort: 'off',
      relayTimeoutMs: 50,
      env: {
        EMULATOR_PUBLIC_URL: 'http://emulator.lan',
        EMULATOR_HTTPS_PORT: '6443',
        EMULATOR_RELAY_TIMEOUT_MS: '9',
      },
    })

    expect(settings.publicUrl).toBe('http://127.0.0.1:9000')
    expect(settings.httpsPort).toBe('off')
    expect(settings.relayTimeoutMs).toBe(50)
  })

  it.each([
    [
      'EMULATOR_PUBLIC_URL',
      'emulator.lan',
      'Invalid EMULATOR_PUBLIC_URL "emulator.lan": it is not an absolute URL.',
    ],
    ['EMULATOR_PUBLIC_URL', 'ftp://emulator.lan', 'its scheme is ftp, not http or https.'],
    ['EMULATOR_PUBLIC_URL', 'http://emulator.lan/push', 'it must have no path, query or fragment.'],
    [
      'EMULATOR_PUBLIC_URL',
      'http://user:secret@emulator.lan',
      'it contains a user name or password.',
    ],
    ['EMULATOR_PUBLIC_HTTPS_URL', 'http://emulator.lan', 'its scheme is http, not https.'],
    [
      'EMULATOR_HTTPS_PORT',
      'https',
      'Invalid EMULATOR_HTTPS_PORT "https": use a port number from 0 to 65535',
    ],
    ['EMULATOR_HTTPS_PORT', '70000', 'Invalid EMULATOR_HTTPS_PORT "70000"'],
    [
      'EMULATOR_RELAY_TIMEOUT_MS',
      '0',
      'Invalid EMULATOR_RELAY_TIMEOUT_MS "0": use a whole number of milliseconds above 0',
    ],
    ['EMULATOR_RELAY_TIMEOUT_MS', 'soon', 'Invalid EMULATOR_RELAY_TIMEOUT_MS "soon"'],
  ])('rejects %s=%j', (name, value, message) => {
    expect(() => readEndpointSettings({ env: { [name]: value } })).toThrow(message)
  })
})

describe('createEndpointAddresses', () => {
  it('advertises the bound address and the HTTPS port', () => {
    const addresses = createEndpointAddresses({
      settings: DEFAULT_SETTINGS,
      http: { address: '127.0.0.1', port: 5173 },
      httpsPort: 5443,
    })

    expect(addresses.httpBaseUrl).toBe('http://127.0.0.1:5173')
    expect(addresses.httpsBaseUrl).toBe('https://127.0.0.1:5443')
    expect([...addresses.allowedHosts].sort()).toEqual([
      '127.0.0.1:5173',
      '127.0.0.1:5443',
      '[::1]:5173',
      '[::1]:5443',
      'localhost:5173',
      'localhost:5443',
    ])
  })

  it('writes an IPv6 address in brackets', () => {
    const addresses = createEndpointAddresses({
      settings: DEFAULT_SETTINGS,
      http: { address: '::1', port: 4173 },
      httpsPort: null,
    })

    expect(addresses.httpBaseUrl).toBe('http://[::1]:4173')
    expect(addresses.httpsBaseUrl).toBeNull()
  })

  it('allows the hosts of the public URLs', () => {
    const settings: EndpointSettings = {
      ...DEFAULT_SETTINGS,
      publicUrl: 'http://emulator.lan',
      publicHttpsUrl: 'https://secure.emulator.lan:8443',
    }

    const addresses = createEndpointAddresses({
      settings,
      http: { address: '127.0.0.1', port: 5173 },
      httpsPort: 5443,
      configuredHost: 'mybox.local',
    })

    expect(addresses.httpBaseUrl).toBe('http://emulator.lan')
    expect(addresses.httpsBaseUrl).toBe('https://secure.emulator.lan:8443')
    for (const host of [
      'emulator.lan',
      'emulator.lan:5173',
      'secure.emulator.lan:8443',
      'secure.emulator.lan:5443',
      'mybox.local:5173',
    ]) {
      expect(addresses.allowedHosts.has(host)).toBe(true)
    }
    expect(addresses.allowedHosts.has('rebound.example:5173')).toBe(false)
  })

  it('advertises an IPv4 address for a wildcard address', () => {
    const addresses = createEndpointAddresses({
      settings: DEFAULT_SETTINGS,
      http: { address: '0.0.0.0', port: 5173 },
      httpsPort: null,
    })

    expect(addresses.httpBaseUrl).toMatch(/^http:\/\/\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}:5173$/)
    expect(addresses.httpBaseUrl).not.toBe('http://0.0.0.0:5173')
  })
})

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['192.168.1.20', false],
    ['127.0.0.1.example', false],
    ['localhost.example', false],
  ])('classifies %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected)
  })
})
