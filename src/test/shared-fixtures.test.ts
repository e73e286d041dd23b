import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import {
  loadClientRequestFixtures,
  loadRealWorldPayloadFixtures,
  resolveSharedDir,
} from './shared-fixtures'

const VALID_FIXTURE = {
  library: 'mpns@2.1.3',
  call: 'mpns.sendRaw(uri, { payload: "hi" }, cb)',
  method: 'POST',
  path: '/throttledthirdparty/01.00/AQtoken',
  headers: [
    ['Content-Type', 'text/xml'],
    ['X-NotificationClass', '3'],
  ],
  body: 'hi',
  bodyBase64: 'AP9oaQ==',
}

const REAL_WORLD_FIXTURE = {
  source_url: 'https://example.org/sender.js',
  language: 'JavaScript',
  headers: { 'X-WindowsPhone-Target': 'toast', 'Content-Type': 'text/xml', Accept: '*/*' },
  body: 'Café',
  notes: 'A made-up request.',
  how_obtained: 'written for this test',
}

let sharedDir = ''

function writeFixture(name: string, value: unknown): void {
  const folder = join(sharedDir, 'fixtures', 'mpns-client-requests')
  mkdirSync(folder, { recursive: true })
  writeFileSync(join(folder, name), JSON.stringify(value))
}

function writeRealWorldFixture(name: string, value: unknown): void {
  const folder = join(sharedDir, 'fixtures', 'real-world', 'payloads')
  mkdirSync(folder, { recursive: true })
  writeFileSync(join(folder, name), JSON.stringify(value))
}

describe('shared fixtures', () => {
  beforeEach(() => {
    sharedDir = mkdtempSync(join(tmpdir(), 'mpns-shared-'))
    vi.stubEnv('CI', 'false')
  })

  afterEach(() => {
    vi.unstubAllEnvs()
    rmSync(sharedDir, { recursive: true, force: true })
  })

  it('uses MPNS_SHARED_DIR when set', () => {
    vi.stubEnv('MPNS_SHARED_DIR', sharedDir)

    expect(resolveSharedDir()).toEqual({ dir: sharedDir })
  })

  it('defaults to the shared folder beside the repository', () => {
    vi.stubEnv('MPNS_SHARED_DIR', '')
    const result = resolveSharedDir()
    const expected = fileURLToPath(new URL('../../../shared', import.meta.url))
    const located = result.dir === null ? result.reason : result.dir

    expect(located).toContain(expected)
  })

  it('returns the reason when the folder is missing', () => {
    const missing = join(sharedDir, 'absent')
    vi.stubEnv('MPNS_SHARED_DIR', missing)

    expect(resolveSharedDir()).toEqual({
      dir: null,
      reason: `shared fixtures not found at ${missing}. MPNS_SHARED_DIR names a missing folder, so point it at the shared folder.`,
    })
  })

  it('throws in CI when the folder is missing', () => {
    const missing = join(sharedDir, 'absent')
    vi.stubEnv('MPNS_SHARED_DIR', missing)
    vi.stubEnv('CI', 'true')

    expect(() => resolveSharedDir()).toThrow(
      `Shared fixtures not found at ${missing}: the shared folder is required in CI. Check it out there or set MPNS_SHARED_DIR.`,
    )
  })

  it('loads fixtures sorted by name with their body bytes', () => {
    vi.stubEnv('MPNS_SHARED_DIR', sharedDir)
    writeFixture('b-second.json', VALID_FIXTURE)
    writeFixture('a-first.json', { ...VALID_FIXTURE, method: 'GET' })
    writeFixture('README.md', 'not a fixture')

    const fixtures = loadClientRequestFixtures()

    expect(fixtures.map(({ name }) => name)).toEqual(['a-first', 'b-second'])
    expect(fixtures[1]).toEqual({
      name: 'b-second',
      library: 'mpns@2.1.3',
      call: 'mpns.sendRaw(uri, { payload: "hi" }, cb)',
      method: 'POST',
      path: '/throttledthirdparty/01.00/AQtoken',
      headers: [
        ['Content-Type', 'text/xml'],
        ['X-NotificationClass', '3'],
      ],
      body: Uint8Array.from([0x00, 0xff, 0x68, 0x69]),
    })
  })

  it.each([
    [
      'a missing field',
      { ...VALID_FIXTURE, path: undefined },
      'Invalid fixture broken.json: "path" must be a string',
    ],
    [
      'headers that are not a list',
      { ...VALID_FIXTURE, headers: {} },
      'Invalid fixture broken.json: "headers" must be an array',
    ],
    [
      'a header that is not a pair',
      { ...VALID_FIXTURE, headers: [['Content-Type']] },
      'Invalid fixture broken.json: header 0 must be a [name, value] pair of strings',
    ],
    [
      'a value that is not an object',
      [1, 2],
      'Invalid fixture broken.json: "library" must be a string',
    ],
    ['null', null, 'Invalid fixture broken.json: expected a JSON object'],
  ])('rejects %s', (_name, value, message) => {
    vi.stubEnv('MPNS_SHARED_DIR', sharedDir)
    writeFixture('broken.json', value)

    expect(() => loadClientRequestFixtures()).toThrow(message)
  })

  it('loads real-world requests with the UTF-8 bytes of their body', () => {
    vi.stubEnv('MPNS_SHARED_DIR', sharedDir)
    writeRealWorldFixture('02-second.json', REAL_WORLD_FIXTURE)
    writeRealWorldFixture('01-first.json', { ...REAL_WORLD_FIXTURE, body: 'x' })
    writeRealWorldFixture('README.md', 'not a fixture')

    const fixtures = loadRealWorldPayloadFixtures()

    expect(fixtures.map(({ name }) => name)).toEqual(['01-first', '02-second'])
    expect(fixtures[1]).toEqual({
      name: '02-second',
      sourceUrl: 'https://example.org/sender.js',
      headers: [
        ['X-WindowsPhone-Target', 'toast'],
        ['Content-Type', 'text/xml'],
        ['Accept', '*/*'],
      ],
      body: Uint8Array.from([0x43, 0x61, 0x66, 0xc3, 0xa9]),
      notes: 'A made-up request.',
    })
  })

  it('prefers body_base64 over the body text', () => {
    vi.stubEnv('MPNS_SHARED_DIR', sharedDir)
    writeRealWorldFixture('01-bom.json', { ...REAL_WORLD_FIXTURE, body_base64: '77u/aGk=' })

    expect(loadRealWorldPayloadFixtures()[0]?.body).toEqual(
      Uint8Array.from([0xef, 0xbb, 0xbf, 0x68, 0x69]),
    )
  })

  it.each([
    [
      'headers that are not an object',
      { ...REAL_WORLD_FIXTURE, headers: [['Accept', '*/*']] },
      'Invalid fixture broken.json: "headers" must be an object',
    ],
    [
      'a header value that is not a string',
      { ...REAL_WORLD_FIXTURE, headers: { 'Content-Length': 12 } },
      'Invalid fixture broken.json: header "Content-Length" must be a string',
    ],
    [
      'body_base64 that is not a string',
      { ...REAL_WORLD_FIXTURE, body_base64: 7 },
      'Invalid fixture broken.json: "body_base64" must be a string',
    ],
    [
      'a missing body',
      { ...REAL_WORLD_FIXTURE, body: undefined },
      'Invalid fixture broken.json: "body" must be a string',
    ],
  ])('rejects a real-world request with %s', (_name, value, message) => {
    vi.stubEnv('MPNS_SHARED_DIR', sharedDir)
    writeRealWorldFixture('broken.json', value)

    expect(() => loadRealWorldPayloadFixtures()).toThrow(message)
  })
})
