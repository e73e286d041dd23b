import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import {
  createExpiredClientCertificate,
  createForeignClientCertificate,
} from './certificate-authority.ts'
import type { CertificateAuthority } from './certificate-authority.ts'
import {
  TEST_TOKEN,
  closeServer,
  connectFakePage,
  listen,
  readSenderReply,
  sendRequest,
  startTestEndpoint,
} from './endpoint-test-kit.ts'
import type { FakePage, SenderReply, TestEndpoint } from './endpoint-test-kit.ts'
import { loadCertificateAuthority } from './tls-credentials.ts'

interface ClientCredentials {
  cert?: string
  key?: string
  pfx?: Buffer
}

const SERVICE_NAME = 'push.contoso.example'
const AUTHENTICATED_PATH = `/unthrottledthirdparty/01.00/${TEST_TOKEN}`
/** Codes of a connection the server ended in the TLS handshake, by alert or by reset. */
const HANDSHAKE_FAILURE = /^(ERR_SSL_\w+|ECONNRESET|EPIPE)$/

let dataDir: string
let authority: CertificateAuthority
let server: TestEndpoint
let httpsPort: number
let page: FakePage
let validPem: string

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mpns-https-'))
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined }
  authority = await loadCertificateAuthority(dataDir, silent)
})

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

beforeEach(async () => {
  server = await startTestEndpoint({ dataDir, httpsPort: 0 })
  httpsPort = (await server.endpoint.ready()).httpsPort ?? 0
  page = await connectFakePage(server.port)
  validPem ??= await createCertificate(SERVICE_NAME)
})

afterEach(async () => {
  await page.close()
  await server.close()
})

describe('startHttpsListener', () => {
  it('relays a request with the certificate name', async () => {
    const reply = await sendHttps(AUTHENTICATED_PATH, splitPem(validPem))

    expect(reply.status).toBe(200)
    expect(page.requests).toHaveLength(1)
    expect(page.requests[0]?.clientCertificate).toEqual({ commonName: SERVICE_NAME })
    expect(page.requests[0]?.channelUri).toBe(`https://127.0.0.1:${httpsPort}${AUTHENTICATED_PATH}`)
  })

  it('advertises the listener in the endpoint info', async () => {
    const reply = await sendRequest(server.port, { method: 'GET', path: '/__emulator/endpoint' })

    expect(JSON.parse(reply.body.toString())).toEqual({
      httpBaseUrl: server.baseUrl,
      httpsBaseUrl: `https://127.0.0.1:${httpsPort}`,
      relayPath: '/__emulator/relay',
      relayProtocolVersion: 1,
    })
  })

  it('fails the handshake without a client certificate', async () => {
    const code = await captureHandshakeFailure({})

    expect(code).toBe('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED')
    expect(page.requests).toHaveLength(0)
    expect(server.logLines).toContain(
      '[mpns-https] Rejected a TLS handshake from 127.0.0.1: peer did not return a certificate. Authenticated channels take a client certificate created in the emulator console.',
    )
  })

  it('fails the handshake for a certificate from another authority', async () => {
    const foreign = createForeignClientCertificate(SERVICE_NAME)

    const code = await captureHandshakeFailure({
      cert: foreign.certificatePem,
      key: foreign.privateKeyPem,
    })

    expect(code).toMatch(HANDSHAKE_FAILURE)
    expect(page.requests).toHaveLength(0)
    expect(hasRejectedHandshake()).toBe(true)
  })

  it('fails the handshake for an expired certificate', async () => {
    const expired = createExpiredClientCertificate(authority, SERVICE_NAME)

    const code = await captureHandshakeFailure({
      cert: expired.certificatePem,
      key: expired.privateKeyPem,
    })

    expect(code).toMatch(HANDSHAKE_FAILURE)
    expect(page.requests).toHaveLength(0)
    expect(hasRejectedHandshake()).toBe(true)
  })

  it('answers 403 for a deleted certificate', async () => {
    const pem = await createCertificate('push.deleted.example')
    const deleted = await sendRequest(server.port, {
      method: 'DELETE',
      path: '/__emulator/certificates/push.deleted.example',
    })

    const reply = await sendHttps(AUTHENTICATED_PATH, splitPem(pem))

    expect(deleted.status).toBe(204)
    expect(reply.status).toBe(403)
    expect(reply.body.toString()).toMatch(
      /^Forbidden: the client certificate "push\.deleted\.example" \(SHA-256 [0-9A-F:]{23}\.\.\.\) is not uploaded to the emulator's developer portal: it was deleted or replaced there, or never created there\. Create a certificate for the push service in the emulator console and send with it\.$/,
    )
    expect(page.requests).toHaveLength(0)
  })

  it('answers 404 for other paths', async () => {
    const reply = await sendHttps('/index.html', splitPem(validPem))

    expect(reply.status).toBe(404)
  })

  it('checks the Host header', async () => {
    const reply = await sendHttps(AUTHENTICATED_PATH, {
      ...splitPem(validPem),
      headers: { Host: 'rebound.example' },
    })

    expect(reply.status).toBe(403)
    expect(page.requests).toHaveLength(0)
  })

  it('answers plain HTTP on its port with 401', async () => {
    const reply = await sendRequest(httpsPort, {
      path: AUTHENTICATED_PATH,
      headers: { 'X-WindowsPhone-Target': 'toast' },
      body: '<wp:Notification/>',
    })

    expect(reply.status).toBe(401)
    expect(reply.body.toString()).toBe(
      `Unauthorized: ${AUTHENTICATED_PATH.slice(0, 77)}... was sent as plain HTTP to the HTTPS port of authenticated channels. Send to the https: channel URI with the client certificate of the service.`,
    )
    expect(reply.headers['x-notificationstatus']).toBeUndefined()
    expect(page.requests).toHaveLength(0)
  })

  it('takes a free port when its port is taken', async () => {
    const blocker = createServer()
    const takenPort = await listen(blocker)

    const second = await startTestEndpoint({ dataDir, httpsPort: takenPort })
    const addresses = await second.endpoint.ready()

    expect(addresses.httpsPort).not.toBe(takenPort)
    expect(addresses.httpsPort).toBeGreaterThan(0)
    expect(second.logLines).toContain(
      `[mpns-https] Port ${takenPort} is not available (EADDRINUSE), so the HTTPS listener uses port ${addresses.httpsPort}. Set EMULATOR_HTTPS_PORT to choose another port.`,
    )
    await second.close()
    await closeServer(blocker)
  })
})

async function createCertificate(serviceName: string): Promise<string> {
  const created = await sendRequest(server.port, {
    path: '/__emulator/certificates',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ serviceName }),
  })
  expect(created.status).toBe(201)
  const download = await sendRequest(server.port, {
    method: 'GET',
    path: `/__emulator/certificates/${serviceName}/certificate.pem`,
  })
  return download.body.toString()
}

function splitPem(pem: string): ClientCredentials {
  const keyStart = pem.indexOf('-----BEGIN PRIVATE KEY-----')
  return { cert: pem.slice(0, keyStart), key: pem.slice(keyStart) }
}

/** Sends with the credentials and returns the error code of the failed connection. */
async function captureHandshakeFailure(
  credentials: ClientCredentials,
): Promise<string | undefined> {
  const error = await sendHttps(AUTHENTICATED_PATH, credentials).then(
    () => undefined,
    (failure: unknown) => failure as NodeJS.ErrnoException,
  )
  return error === undefined ? 'no error: the request was answered' : error.code
}

function hasRejectedHandshake(): boolean {
  return server.logLines.some((line) =>
    line.startsWith('[mpns-https] Rejected a TLS handshake from'),
  )
}

function sendHttps(
  path: string,
  options: ClientCredentials & { headers?: Record<string, string> },
): Promise<SenderReply> {
  return new Promise((resolve, reject) => {
    const request = httpsRequest(
      {
        host: '127.0.0.1',
        port: httpsPort,
        method: 'POST',
        path,
        ca: authority.certificatePem,
        cert: options.cert,
        key: options.key,
        pfx: options.pfx,
        headers: options.headers,
        agent: false,
        // Node checks the server certificate against the Host header, and a test of another
        // Host must still reach the listener that rejects it.
        ...(options.headers?.Host === undefined ? {} : { checkServerIdentity: () => undefined }),
      },
      (response) => {
        readSenderReply(response).then(resolve, reject)
      },
    )
    request.on('error', reject)
    request.end('<x/>')
  })
}
