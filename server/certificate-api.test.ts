import { X509Certificate, createPrivateKey } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSecureContext } from 'node:tls'

import forge from 'node-forge'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { LOCAL_CA_COMMON_NAME } from './certificate-authority.ts'
import { sendRequest, startTestEndpoint } from './endpoint-test-kit.ts'
import type { SenderReply, TestEndpoint } from './endpoint-test-kit.ts'
import { CERTIFICATE_REGISTRY_FILE } from './mpns-endpoint.ts'

interface ListedCertificate {
  serviceName: string
  serialNumber: string
  fingerprintSha256: string
  createdAt: string
  expiresAt: string
}

const DAY_MS = 24 * 60 * 60 * 1000
const CERT_BAG = forge.pki.oids.certBag as string
const KEY_BAG = forge.pki.oids.pkcs8ShroudedKeyBag as string

let dataDir: string
let server: TestEndpoint

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mpns-certificates-'))
  server = await startTestEndpoint({ dataDir })
})

afterAll(async () => {
  await server.close()
  await rm(dataDir, { recursive: true, force: true })
})

describe('createCertificateApi', () => {
  it('creates a certificate for a service', async () => {
    const before = Date.now()

    const reply = await createCertificate('push.contoso.example')

    expect(reply.status).toBe(201)
    expect(reply.headers.location).toBe('/__emulator/certificates/push.contoso.example')
    const entry = JSON.parse(reply.body.toString()) as ListedCertificate
    expect(Object.keys(entry).sort()).toEqual([
      'createdAt',
      'expiresAt',
      'fingerprintSha256',
      'serialNumber',
      'serviceName',
    ])
    expect(entry.serviceName).toBe('push.contoso.example')
    expect(entry.serialNumber).toMatch(/^[0-9A-F]{32}$/)
    expect(entry.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(Date.parse(entry.createdAt)).toBeGreaterThanOrEqual(before - 1000)
    expect(Date.parse(entry.expiresAt) - Date.parse(entry.createdAt)).toBeGreaterThan(364 * DAY_MS)
    expect(Date.parse(entry.expiresAt) - Date.parse(entry.createdAt)).toBeLessThan(366 * DAY_MS)
  })

  it('lists certificates sorted by service name', async () => {
    await createCertificate('zeta service')
    await createCertificate('alpha_service')

    const reply = await sendRequest(server.port, {
      method: 'GET',
      path: '/__emulator/certificates',
    })

    const { certificates } = JSON.parse(reply.body.toString()) as {
      certificates: ListedCertificate[]
    }
    expect(certificates.map((entry) => entry.serviceName)).toEqual([
      'alpha_service',
      'push.contoso.example',
      'zeta service',
    ])
    expect(reply.headers['cache-control']).toBe('no-store')
  })

  it('downloads the certificate and key as PEM', async () => {
    const entry = await createEntry('push.pem.example')

    const reply = await sendRequest(server.port, {
      method: 'GET',
      path: '/__emulator/certificates/push.pem.example/certificate.pem',
    })

    expect(reply.status).toBe(200)
    expect(reply.headers['content-disposition']).toBe('attachment; filename="push.pem.example.pem"')
    const pem = reply.body.toString()
    expect(pem.indexOf('-----BEGIN CERTIFICATE-----')).toBe(0)
    const certificate = new X509Certificate(pem)
    expect(certificate.subject).toBe('CN=push.pem.example')
    expect(certificate.issuer).toBe(`CN=${LOCAL_CA_COMMON_NAME}`)
    expect(certificate.fingerprint256).toBe(entry.fingerprintSha256)
    expect(certificate.serialNumber).toBe(entry.serialNumber)
    expect(certificate.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2'])
    expect(
      certificate.checkPrivateKey(
        createPrivateKey(pem.slice(pem.indexOf('-----BEGIN PRIVATE KEY-----'))),
      ),
    ).toBe(true)
    const parsed = forge.pki.certificateFromPem(pem)
    expect(parsed.getExtension('keyUsage')).toMatchObject({
      digitalSignature: true,
      keyEncipherment: true,
      keyCertSign: false,
    })
  })

  it('downloads PKCS#12 with no password', async () => {
    const entry = await createEntry('push.pfx.example')

    const reply = await sendRequest(server.port, {
      method: 'GET',
      path: '/__emulator/certificates/push.pfx.example/certificate.pfx',
    })

    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('application/x-pkcs12')
    expect(reply.headers['content-disposition']).toBe('attachment; filename="push.pfx.example.pfx"')
    const pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(reply.body.toString('binary')), '')
    const certificates = pfx.getBags({ bagType: CERT_BAG })[CERT_BAG] ?? []
    const subjects = certificates.map(
      (bag) => (bag.cert?.subject.getField('CN') as { value: string } | undefined)?.value,
    )
    expect(subjects).toEqual(['push.pfx.example', LOCAL_CA_COMMON_NAME])
    expect(pfx.getBags({ bagType: KEY_BAG })[KEY_BAG]).toHaveLength(1)
    const leafPem = forge.pki.certificateToPem(
      certificates[0]?.cert ?? forge.pki.createCertificate(),
    )
    expect(new X509Certificate(leafPem).fingerprint256).toBe(entry.fingerprintSha256)
    expect(() => createSecureContext({ pfx: reply.body })).not.toThrow()
  })

  it('replaces the certificate of an existing name', async () => {
    const first = await createEntry('push.replaced.example')

    const second = await createEntry('push.replaced.example')

    const listed = await listCertificates()
    const matching = listed.filter((entry) => entry.serviceName === 'push.replaced.example')
    expect(matching).toEqual([second])
    expect(second.fingerprintSha256).not.toBe(first.fingerprintSha256)
  })

  it('deletes a certificate', async () => {
    await createEntry('push.deleted.example')

    const deleted = await sendRequest(server.port, {
      method: 'DELETE',
      path: '/__emulator/certificates/push.deleted.example',
    })
    const again = await sendRequest(server.port, {
      method: 'DELETE',
      path: '/__emulator/certificates/push.deleted.example',
    })
    const download = await sendRequest(server.port, {
      method: 'GET',
      path: '/__emulator/certificates/push.deleted.example/certificate.pem',
    })

    expect(deleted.status).toBe(204)
    expect((await listCertificates()).map((entry) => entry.serviceName)).not.toContain(
      'push.deleted.example',
    )
    expect(again.status).toBe(404)
    expect(JSON.parse(again.body.toString())).toEqual({
      error:
        'No client certificate for service "push.deleted.example". Create one with POST /__emulator/certificates.',
    })
    expect(download.status).toBe(404)
  })

  it('decodes a service name with a space in the path', async () => {
    await createEntry('push with space')

    const reply = await sendRequest(server.port, {
      method: 'GET',
      path: '/__emulator/certificates/push%20with%20space/certificate.pem',
    })

    expect(reply.status).toBe(200)
    expect(reply.headers['content-disposition']).toBe('attachment; filename="push with space.pem"')
  })

  it.each([
    ['an empty name', ''],
    ['a name over 64 characters', 'a'.repeat(65)],
    ['a slash', 'push/contoso'],
    ['a non-ASCII letter', 'pushé'],
    ['a leading space', ' push'],
    ['a trailing space', 'push '],
  ])('rejects %s with 400', async (_name, serviceName) => {
    const reply = await createCertificate(serviceName)

    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body.toString())).toEqual({
      error: `Invalid service name "${serviceName}": use 1 to 64 ASCII letters, digits, spaces, ".", "-" or "_", with no space at the start or end, such as push.contoso.example.`,
    })
  })

  it('accepts a name of exactly 64 characters', async () => {
    const reply = await createCertificate('a'.repeat(64))

    expect(reply.status).toBe(201)
  })

  it.each([
    ['a body that is not JSON', 'serviceName=push', 'The request body is not JSON: '],
    [
      'a body without serviceName',
      '{"name":"push"}',
      'The request body has no serviceName string.',
    ],
  ])('rejects %s with 400', async (_name, body, error) => {
    const reply = await sendRequest(server.port, { path: '/__emulator/certificates', body })

    expect(reply.status).toBe(400)
    expect((JSON.parse(reply.body.toString()) as { error: string }).error).toContain(error)
  })

  it('serves the local CA certificate', async () => {
    const reply = await sendRequest(server.port, {
      method: 'GET',
      path: '/__emulator/certificates/ca.pem',
    })

    const certificate = new X509Certificate(reply.body.toString())
    expect(reply.status).toBe(200)
    expect(certificate.subject).toBe(`CN=${LOCAL_CA_COMMON_NAME}`)
    expect(certificate.ca).toBe(true)
  })

  it.each([
    ['another Origin', { Origin: 'http://evil.example' }],
    ['a cross-site fetch', { 'Sec-Fetch-Site': 'cross-site' }],
    ['another Host', { Host: 'rebound.example' }],
  ])('rejects %s with 403', async (_name, headers) => {
    const reply = await sendRequest(server.port, {
      path: '/__emulator/certificates',
      headers,
      body: JSON.stringify({ serviceName: 'push.forged.example' }),
    })

    expect(reply.status).toBe(403)
    expect((JSON.parse(reply.body.toString()) as { error: string }).error).toMatch(/^Forbidden: /)
    expect((await listCertificates()).map((entry) => entry.serviceName)).not.toContain(
      'push.forged.example',
    )
  })

  it('answers 405 for PUT', async () => {
    const reply = await sendRequest(server.port, {
      method: 'PUT',
      path: '/__emulator/certificates',
      body: '{}',
    })

    expect(reply.status).toBe(405)
    expect(reply.headers.allow).toBe('GET, POST')
  })

  it('reads a damaged registry as empty and logs it', async () => {
    await writeFile(join(dataDir, CERTIFICATE_REGISTRY_FILE), '{"version": 1, "certificates": [')

    const listed = await listCertificates()
    const created = await createCertificate('push.after-damage.example')

    expect(listed).toEqual([])
    expect(server.logLines.filter((line) => line.includes('is damaged (not JSON:'))).toHaveLength(1)
    expect(created.status).toBe(201)
    expect((await listCertificates()).map((entry) => entry.serviceName)).toEqual([
      'push.after-damage.example',
    ])
  })
})

function createCertificate(serviceName: string): Promise<SenderReply> {
  return sendRequest(server.port, {
    path: '/__emulator/certificates',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ serviceName }),
  })
}

async function createEntry(serviceName: string): Promise<ListedCertificate> {
  const reply = await createCertificate(serviceName)
  expect(reply.status).toBe(201)
  return JSON.parse(reply.body.toString()) as ListedCertificate
}

async function listCertificates(): Promise<ListedCertificate[]> {
  const reply = await sendRequest(server.port, { method: 'GET', path: '/__emulator/certificates' })
  return (JSON.parse(reply.body.toString()) as { certificates: ListedCertificate[] }).certificates
}
