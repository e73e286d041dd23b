import type { ServiceCertificate } from '../store/certificate-client'

/** How the fake responds: as the dev server, as a static host (404 or index.html), or not at all. */
export type FakeServerMode = 'running' | 'static-404' | 'static-html' | 'offline'

/** One request the fake received, with its body parsed when it was JSON. */
export interface RecordedRequest {
  method: string
  path: string
  body: unknown
}

/** A failure the fake returns for the next request instead of handling it. */
export interface PlannedFailure {
  status: number
  /** The `error` sentence of the JSON body. Without it, the body is empty. */
  error?: string
}

/** An in-memory certificate API behind a `fetch`-compatible function, for unit tests. */
export interface FakeCertificateServer {
  fetch: typeof fetch
  requests: RecordedRequest[]
  mode: FakeServerMode
  /** Certificates by service name. */
  certificates: Map<string, ServiceCertificate>
  failNext: (failure: PlannedFailure) => void
}

/** Issue time of every fake certificate: 2025-06-01 12:00 UTC. */
export const FAKE_CREATED_AT = '2025-06-01T12:00:00.000Z'
/** Expiry of every fake certificate: one year after issue. */
export const FAKE_EXPIRES_AT = '2026-06-01T12:00:00.000Z'

const LIST_PATH = '/__emulator/certificates'

/** Creates a fake certificate API holding the given service names. */
export function createFakeCertificateServer(
  serviceNames: readonly string[] = [],
): FakeCertificateServer {
  let serial = 0
  const failures: PlannedFailure[] = []
  const server: FakeCertificateServer = {
    requests: [],
    mode: 'running',
    certificates: new Map(),
    failNext: (failure) => failures.push(failure),
    fetch: (input, init) => {
      const method = init?.method ?? 'GET'
      const path = toPath(input)
      const bodyText = typeof init?.body === 'string' ? init.body : ''
      const body: unknown = bodyText === '' ? undefined : JSON.parse(bodyText)
      server.requests.push({ method, path, body })

      if (server.mode === 'offline') {
        return Promise.reject(new TypeError('Failed to fetch'))
      }
      return Promise.resolve(respond(method, path, bodyText))
    },
  }
  for (const name of serviceNames) {
    issue(name)
  }
  return server

  function respond(method: string, path: string, bodyText: string): Response {
    if (server.mode === 'static-404') {
      return new Response('Not Found', { status: 404 })
    }
    if (server.mode === 'static-html') {
      return new Response('<!doctype html><title>Emulator</title>', { status: 200 })
    }
    const failure = failures.shift()
    if (failure !== undefined) {
      const body = failure.error === undefined ? null : JSON.stringify({ error: failure.error })
      return new Response(body, { status: failure.status })
    }
    return route(method, path, bodyText)
  }

  function route(method: string, path: string, bodyText: string): Response {
    if (method === 'GET' && path === LIST_PATH) {
      const certificates = [...server.certificates.values()].sort((a, b) =>
        a.serviceName < b.serviceName ? -1 : 1,
      )
      return Response.json({ certificates })
    }
    if (method === 'POST' && path === LIST_PATH) {
      const { serviceName } = JSON.parse(bodyText) as { serviceName: string }
      return Response.json(issue(serviceName), { status: 201 })
    }
    const name = decodeURIComponent(path.slice(LIST_PATH.length + 1))
    if (method === 'DELETE' && server.certificates.delete(name)) {
      return new Response(null, { status: 204 })
    }
    return Response.json({ error: `No certificate for "${name}".` }, { status: 404 })
  }

  function issue(serviceName: string): ServiceCertificate {
    serial += 1
    const certificate = {
      serviceName,
      serialNumber: `${serial.toString(16).padStart(4, '0')}a1b2c3d4e5f60718293a4b5c`,
      fingerprintSha256: `${'ab'.repeat(31)}${serial.toString(16).padStart(2, '0')}`,
      createdAt: FAKE_CREATED_AT,
      expiresAt: FAKE_EXPIRES_AT,
    }
    server.certificates.set(serviceName, certificate)
    return certificate
  }
}

function toPath(input: RequestInfo | URL): string {
  if (typeof input === 'string') {
    return input
  }
  return input instanceof URL ? input.href : input.url
}
