import { beforeEach, describe, expect, it, vi } from 'vitest'

import { createFakeCertificateServer } from '@/test/fake-certificate-server'
import type { FakeCertificateServer } from '@/test/fake-certificate-server'

import { createCertificateClient } from './certificate-client'
import { createCertificateStore } from './certificate-store'
import type { CertificateStore } from './certificate-store'

beforeEach(() => {
  vi.spyOn(console, 'info').mockImplementation(() => undefined)
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
})

describe('createCertificateStore', () => {
  it('starts loading with an empty list', () => {
    const { store } = setUp()

    expect(store.getState().availability).toBe('loading')
    expect(store.getState().certificates).toEqual([])
    expect(store.getState().error).toBeNull()
  })

  it('loads the list sorted by service name', async () => {
    const { store } = setUp(['push.b.example', 'Push.A', 'push.a.example'])

    await store.getState().loadCertificates()

    expect(store.getState().availability).toBe('available')
    expect(toNames(store)).toEqual(['Push.A', 'push.a.example', 'push.b.example'])
  })

  it.each(['static-404', 'static-html', 'offline'] as const)(
    'is unavailable when the server is %s',
    async (mode) => {
      const { store, server } = setUp(['a.example'])
      server.mode = mode

      await store.getState().loadCertificates()

      expect(store.getState().availability).toBe('unavailable')
      expect(store.getState().certificates).toEqual([])
      expect(store.getState().error).toBeNull()
    },
  )

  it('keeps the last list on a server error', async () => {
    const { store, server } = await setUpLoaded(['a.example'])
    server.failNext({ status: 500, error: 'The certificate authority failed to start.' })

    await store.getState().loadCertificates()

    expect(store.getState().error).toBe(
      'Failed to list the certificates: The certificate authority failed to start.',
    )
    expect(toNames(store)).toEqual(['a.example'])
  })

  it('creates a certificate', async () => {
    const { store, server } = await setUpLoaded(['z.example'])

    const created = await store.getState().createCertificate('push.contoso.example')

    expect(created).toBe(true)
    expect(toNames(store)).toEqual(['push.contoso.example', 'z.example'])
    expect(store.getState().notice).toBe('Created a certificate for "push.contoso.example".')
    expect(store.getState().pendingName).toBeNull()
    expect(server.certificates.has('push.contoso.example')).toBe(true)
  })

  it('marks the request in flight', async () => {
    const { store } = await setUpLoaded()

    const creation = store.getState().createCertificate('a.example')

    expect(store.getState().pendingName).toBe('a.example')
    expect(await store.getState().deleteCertificate('a.example')).toBe(false)
    await creation
    expect(store.getState().pendingName).toBeNull()
  })

  it('replaces a certificate with the same name', async () => {
    const { store } = await setUpLoaded(['a.example', 'b.example'])
    const oldSerial = store.getState().certificates[0]?.serialNumber

    await store.getState().createCertificate('a.example')

    expect(toNames(store)).toEqual(['a.example', 'b.example'])
    expect(store.getState().certificates[0]?.serialNumber).not.toBe(oldSerial)
    expect(store.getState().notice).toBe(
      'Replaced the certificate for "a.example". The old certificate no longer works.',
    )
  })

  it('rejects an invalid name without a request', async () => {
    const { store, server } = await setUpLoaded()
    const requestsBefore = server.requests.length

    const created = await store.getState().createCertificate('push/contoso')

    expect(created).toBe(false)
    expect(store.getState().error).toBe(
      'Invalid service name "push/contoso": use only letters, digits, spaces, ".", "-" and "_".',
    )
    expect(server.requests).toHaveLength(requestsBefore)
  })

  it('shows the reason the server rejects a name', async () => {
    const { store, server } = await setUpLoaded()
    server.failNext({ status: 400, error: 'Service name "a.example" is reserved.' })

    const created = await store.getState().createCertificate('a.example')

    expect(created).toBe(false)
    expect(store.getState().error).toBe(
      'Failed to create the certificate for "a.example": Service name "a.example" is reserved.',
    )
    expect(store.getState().certificates).toEqual([])
    expect(store.getState().pendingName).toBeNull()
  })

  it('sends nothing while unavailable', async () => {
    const { store, server } = setUp()
    server.mode = 'static-404'
    await store.getState().loadCertificates()

    const created = await store.getState().createCertificate('a.example')

    expect(created).toBe(false)
    expect(server.requests.map((request) => request.method)).toEqual(['GET'])
  })

  it('deletes a certificate', async () => {
    const { store, server } = await setUpLoaded(['a.example', 'b.example'])

    const deleted = await store.getState().deleteCertificate('a.example')

    expect(deleted).toBe(true)
    expect(toNames(store)).toEqual(['b.example'])
    expect(store.getState().notice).toBe('Deleted the certificate for "a.example".')
    expect(server.certificates.has('a.example')).toBe(false)
  })

  it('keeps the row when a delete fails', async () => {
    const { store, server } = await setUpLoaded(['a.example'])
    server.failNext({ status: 403, error: 'Deleting certificates is turned off.' })

    const deleted = await store.getState().deleteCertificate('a.example')

    expect(deleted).toBe(false)
    expect(toNames(store)).toEqual(['a.example'])
    expect(store.getState().error).toBe(
      'Failed to delete the certificate for "a.example": Deleting certificates is turned off.',
    )
  })

  it('clears the error after a success', async () => {
    const { store } = await setUpLoaded()
    await store.getState().createCertificate('')

    await store.getState().createCertificate('a.example')

    expect(store.getState().error).toBeNull()
  })

  it('drops a list older than a change', async () => {
    const server = createFakeCertificateServer(['a.example'])
    const client = createCertificateClient(server.fetch)
    const store = createCertificateStore(client)
    await store.getState().loadCertificates()
    let releaseList: () => void = () => undefined
    const slowList = client.list()
    vi.spyOn(client, 'list').mockImplementationOnce(
      () => new Promise((resolve) => (releaseList = () => void slowList.then(resolve))),
    )

    const load = store.getState().loadCertificates()
    await store.getState().createCertificate('b.example')
    releaseList()
    await load

    expect(toNames(store)).toEqual(['a.example', 'b.example'])
  })
})

function setUp(serviceNames: readonly string[] = []): {
  store: CertificateStore
  server: FakeCertificateServer
} {
  const server = createFakeCertificateServer(serviceNames)
  const store = createCertificateStore(createCertificateClient(server.fetch))
  return { store, server }
}

async function setUpLoaded(serviceNames: readonly string[] = []) {
  const setup = setUp(serviceNames)
  await setup.store.getState().loadCertificates()
  return setup
}

function toNames(store: CertificateStore): string[] {
  return store.getState().certificates.map((entry) => entry.serviceName)
}
