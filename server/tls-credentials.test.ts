import { X509Certificate } from 'node:crypto'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { LOCAL_CA_COMMON_NAME } from './certificate-authority.ts'
import { loadCertificateAuthority, loadTlsCredentials } from './tls-credentials.ts'
import type { TlsCredentials } from './tls-credentials.ts'

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '::1']

let dataDir: string
let lines: string[]
let first: TlsCredentials
const logger = {
  info: (line: string) => lines.push(line),
  warn: (line: string) => lines.push(line),
  error: (line: string) => lines.push(line),
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mpns-tls-'))
  lines = []
  first = await loadTlsCredentials(dataDir, { hosts: LOCAL_HOSTS, logger })
})

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

describe('loadTlsCredentials', () => {
  it('creates the authority and a server certificate on first run', async () => {
    const authority = new X509Certificate(first.authority.certificatePem)
    const server = new X509Certificate(first.server.certificatePem)

    expect(authority.subject).toBe(`CN=${LOCAL_CA_COMMON_NAME}`)
    expect(authority.ca).toBe(true)
    expect(server.verify(authority.publicKey)).toBe(true)
    expect(server.checkHost('localhost')).toBe('localhost')
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1')
    expect(server.checkIP('::1')).toBe('::1')
    expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1'])
    expect(lines).toEqual([
      `[mpns-https] Created the local certificate authority in ${dataDir}.`,
      '[mpns-https] Issued the HTTPS server certificate for 127.0.0.1, ::1, localhost.',
    ])
    expect((await stat(join(dataDir, 'ca-private-key.pem'))).mode & 0o777).toBe(0o600)
  })

  it('reuses the stored certificates', async () => {
    const again = await loadTlsCredentials(dataDir, { hosts: [...LOCAL_HOSTS].reverse(), logger })

    expect(again).toEqual(first)
  })

  it('issues a new server certificate when the hosts change', async () => {
    const changed = await loadTlsCredentials(dataDir, {
      hosts: [...LOCAL_HOSTS, 'emulator.lan'],
      logger,
    })

    const server = new X509Certificate(changed.server.certificatePem)
    expect(changed.authority).toEqual(first.authority)
    expect(server.checkHost('emulator.lan')).toBe('emulator.lan')
    expect(changed.server.certificatePem).not.toBe(first.server.certificatePem)
  })

  it('replaces a damaged authority and reissues the server certificate', async () => {
    await writeFile(join(dataDir, 'ca-certificate.pem'), 'not a certificate')
    lines = []

    const replaced = await loadTlsCredentials(dataDir, { hosts: LOCAL_HOSTS, logger })

    expect(replaced.authority.certificatePem).not.toBe(first.authority.certificatePem)
    expect(await readFile(join(dataDir, 'ca-certificate.pem'), 'utf8')).toBe(
      replaced.authority.certificatePem,
    )
    const authority = new X509Certificate(replaced.authority.certificatePem)
    expect(new X509Certificate(replaced.server.certificatePem).verify(authority.publicKey)).toBe(
      true,
    )
    expect(lines[0]).toMatch(
      /^\[mpns-https\] The local certificate authority in .* is unreadable \(.*\), so a new one replaces it\. Client certificates issued before no longer work: create them again in the console\.$/,
    )
    expect(await loadCertificateAuthority(dataDir, logger)).toEqual(replaced.authority)
  })
})
