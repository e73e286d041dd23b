import { beforeEach, describe, expect, it, vi } from 'vitest'

import { FAKE_EXPIRES_AT, createFakeCertificateServer } from '@/test/fake-certificate-server'

import {
  CertificateRequestError,
  createCertificateClient,
  toCertificateDownloadPath,
  validateServiceName,
} from './certificate-client'

beforeEach(() => {
  vi.spyOn(console, 'info').mockImplementation(() => undefined)
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})

describe('validateServiceName', () => {
  it.each(['push.contoso.example', 'a', 'Contoso Push_Service-2', 'x'.repeat(64)])(
    'accepts %j',
    (name) => {
      expect(validateServiceName(name)).toBeNull()
    },
  )

  it.each([
    ['', 'Missing service name. Enter the name the app passes when it opens its channel.'],
    [
      'x'.repeat(65),
      'Invalid service name "xxxxxxxxxxxxxxxxxxxx…": it has 65 characters and the limit is 64. Shorten it.',
    ],
    [
      'push/contoso',
      'Invalid service name "push/contoso": use only letters, digits, spaces, ".", "-" and "_".',
    ],
    [
      'café.example',
      'Invalid service name "café.example": use only letters, digits, spaces, ".", "-" and "_".',
    ],
    [
      '<b>x</b>',
      'Invalid service name "<b>x</b>": use only letters, digits, spaces, ".", "-" and "_".',
    ],
  ])('rejects %j', (name, message) => {
    expect(validateServiceName(name)).toBe(message)
  })
})

describe('createCertificateClient', () => {
  it('lists the certificates', async () => {
    const server = createFakeCertificateServer(['b.example', 'a.example'])
    const client = createCertificateClient(server.fetch)

    const result = await client.list()

    expect(result.availability).toBe('available')
    const listed = result.availability === 'available' ? result.certificates : []
    expect(listed.map((entry) => entry.serviceName)).toEqual(['a.example', 'b.example'])
    expect(server.requests).toEqual([
      { method: 'GET', path: '/__emulator/certificates', body: undefined },
    ])
  })

  it.each(['static-404', 'static-html', 'offline'] as const)(
    'reports %s as unavailable',
    async (mode) => {
      const server = createFakeCertificateServer()
      server.mode = mode

      const result = await createCertificateClient(server.fetch).list()

      expect(result).toEqual({ availability: 'unavailable' })
    },
  )

  it('rejects a list in another shape', async () => {
    const client = createCertificateClient(() =>
      Promise.resolve(Response.json({ certificates: [{ serviceName: 'a.example' }] })),
    )

    await expect(client.list()).rejects.toThrow(
      'Failed to list the certificates: the server sent a list in an unexpected shape. Restart the dev or preview server.',
    )
  })

  it('reports a server error while listing', async () => {
    const server = createFakeCertificateServer()
    server.failNext({ status: 500 })

    await expect(createCertificateClient(server.fetch).list()).rejects.toThrow(
      'Failed to list the certificates: the server returned 500.',
    )
  })

  it('posts the service name', async () => {
    const server = createFakeCertificateServer()

    const certificate = await createCertificateClient(server.fetch).create('push.contoso.example')

    expect(certificate.serviceName).toBe('push.contoso.example')
    expect(certificate.expiresAt).toBe(FAKE_EXPIRES_AT)
    expect(server.requests).toEqual([
      {
        method: 'POST',
        path: '/__emulator/certificates',
        body: { serviceName: 'push.contoso.example' },
      },
    ])
  })

  it('shows the server sentence of a rejection', async () => {
    const server = createFakeCertificateServer()
    server.failNext({ status: 403, error: 'Certificates are issued only to the page origin.' })

    const creation = createCertificateClient(server.fetch).create('push.contoso.example')

    await expect(creation).rejects.toBeInstanceOf(CertificateRequestError)
    await expect(creation).rejects.toThrow(
      'Failed to create the certificate for "push.contoso.example": Certificates are issued only to the page origin.',
    )
  })

  it('explains a network failure while creating', async () => {
    const server = createFakeCertificateServer()
    server.mode = 'offline'

    await expect(createCertificateClient(server.fetch).create('a.example')).rejects.toThrow(
      'Failed to create the certificate for "a.example": the server did not respond (TypeError: Failed to fetch). Check that npm start or npm run preview is running.',
    )
  })

  it('deletes by the encoded service name', async () => {
    const server = createFakeCertificateServer(['Contoso Push'])

    await createCertificateClient(server.fetch).delete('Contoso Push')

    expect(server.requests).toEqual([
      { method: 'DELETE', path: '/__emulator/certificates/Contoso%20Push', body: undefined },
    ])
    expect(server.certificates.size).toBe(0)
  })

  it('reports a delete the server rejects', async () => {
    const server = createFakeCertificateServer()

    await expect(createCertificateClient(server.fetch).delete('gone.example')).rejects.toThrow(
      'Failed to delete the certificate for "gone.example": No certificate for "gone.example".',
    )
  })
})

describe('toCertificateDownloadPath', () => {
  it.each([
    [
      'push.contoso.example',
      'pem',
      '/__emulator/certificates/push.contoso.example/certificate.pem',
    ],
    ['Contoso Push', 'pfx', '/__emulator/certificates/Contoso%20Push/certificate.pfx'],
  ] as const)('builds the %s %s path', (name, format, path) => {
    expect(toCertificateDownloadPath(name, format)).toBe(path)
  })
})
