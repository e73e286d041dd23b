import type { IncomingMessage, ServerResponse } from 'node:http'

import { shortenForMessage } from '../src/mpns/message-text.ts'
import { issueClientCertificate, toPkcs12 } from './certificate-authority.ts'
import type { CertificateAuthority } from './certificate-authority.ts'
import { toCertificateEntry } from './certificate-registry.ts'
import type { CertificateRecord, CertificateRegistry } from './certificate-registry.ts'
import type { EndpointLogger } from './endpoint-options.ts'
import { sendJson, sendJsonError } from './json-response.ts'
import { readRequestBody } from './request-body.ts'

/** Options of createCertificateApi. */
export interface CertificateApiOptions {
  registry: CertificateRegistry
  /** Loads the local certificate authority, creating it on first use. */
  loadAuthority: () => Promise<CertificateAuthority>
  logger: EndpointLogger
}

/** Handles one request under CERTIFICATES_PATH, after the caller has checked Host and Origin. */
export type CertificateApiHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
) => Promise<void>

/** Path of the certificate list in the console, which plays the developer portal where services upload certificates. */
export const CERTIFICATES_PATH = '/__emulator/certificates'

/** Service names a certificate may have: 1 to 64 ASCII letters, digits, spaces, ".", "-" and "_". */
const SERVICE_NAME = /^[A-Za-z0-9._-](?:[A-Za-z0-9 ._-]{0,62}[A-Za-z0-9._-])?$/
const MAX_JSON_BODY_BYTES = 4096
const CA_FILE_NAME = 'wp8-mpns-emulator-ca.pem'
const LOG_PREFIX = '[mpns-certificates]'

/** Tells whether a path belongs to the certificate API. */
export function isCertificateApiPath(pathname: string): boolean {
  return pathname === CERTIFICATES_PATH || pathname.startsWith(`${CERTIFICATES_PATH}/`)
}

/**
 * Creates the handler of the certificate API: list, create, download as PEM or PKCS#12, and
 * delete client certificates, and download the local CA certificate that senders trust.
 */
export function createCertificateApi(options: CertificateApiOptions): CertificateApiHandler {
  return async (req, res, pathname) => {
    const parts = pathname.slice(CERTIFICATES_PATH.length).split('/').slice(1)
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? '')

    if (parts.length === 0 || (parts.length === 1 && parts[0] === '')) {
      await handleCollection(req, res, { method, options })
      return
    }
    if (parts.length === 1 && parts[0] === 'ca.pem' && method === 'GET') {
      const authority = await options.loadAuthority()
      sendFile(res, {
        body: Buffer.from(authority.certificatePem),
        type: 'application/x-pem-file',
        fileName: CA_FILE_NAME,
      })
      return
    }

    const serviceName = decodeServiceName(parts[0] ?? '')
    if (serviceName === undefined) {
      sendJsonError(
        res,
        400,
        `Invalid service name "${shortenForMessage(parts[0] ?? '')}" in the path: it is not valid percent-encoding. Encode the name with encodeURIComponent.`,
      )
      return
    }
    if (parts.length === 1) {
      await handleCertificate(res, { method, serviceName, options })
      return
    }
    if (parts.length === 2 && (parts[1] === 'certificate.pem' || parts[1] === 'certificate.pfx')) {
      await handleDownload(res, { method, serviceName, format: parts[1], options })
      return
    }
    sendJsonError(
      res,
      404,
      `No certificate API path "${shortenForMessage(pathname)}". Use ${CERTIFICATES_PATH}, ${CERTIFICATES_PATH}/<service name> or ${CERTIFICATES_PATH}/<service name>/certificate.pem or .pfx.`,
    )
  }
}

async function handleCollection(
  req: IncomingMessage,
  res: ServerResponse,
  context: { method: string; options: CertificateApiOptions },
): Promise<void> {
  if (context.method === 'GET') {
    const records = await context.options.registry.list()
    sendJson(res, 200, { certificates: records.map(toCertificateEntry) })
    return
  }
  if (context.method !== 'POST') {
    sendMethodNotAllowed(res, { method: context.method, allowed: 'GET, POST' })
    return
  }

  const serviceName = await readServiceName(req)
  if ('error' in serviceName) {
    sendJsonError(res, 400, serviceName.error)
    return
  }
  const record = await createCertificate(serviceName.value, context.options)
  sendJson(res, 201, toCertificateEntry(record), {
    Location: `${CERTIFICATES_PATH}/${encodeURIComponent(record.serviceName)}`,
  })
}

async function handleCertificate(
  res: ServerResponse,
  context: { method: string; serviceName: string; options: CertificateApiOptions },
): Promise<void> {
  if (context.method !== 'DELETE') {
    sendMethodNotAllowed(res, { method: context.method, allowed: 'DELETE' })
    return
  }
  if (!(await context.options.registry.remove(context.serviceName))) {
    sendNotFound(res, context.serviceName)
    return
  }
  context.options.logger.info(
    `${LOG_PREFIX} Deleted the client certificate of "${context.serviceName}".`,
  )
  res.writeHead(204, { 'Cache-Control': 'no-store' })
  res.end()
}

async function handleDownload(
  res: ServerResponse,
  context: {
    method: string
    serviceName: string
    format: 'certificate.pem' | 'certificate.pfx'
    options: CertificateApiOptions
  },
): Promise<void> {
  if (context.method !== 'GET') {
    sendMethodNotAllowed(res, { method: context.method, allowed: 'GET, HEAD' })
    return
  }
  const record = await context.options.registry.find(context.serviceName)
  if (record === undefined) {
    sendNotFound(res, context.serviceName)
    return
  }

  if (context.format === 'certificate.pem') {
    const body = Buffer.from(`${record.certificatePem}${record.privateKeyPem}`)
    sendFile(res, { body, type: 'application/x-pem-file', fileName: `${record.serviceName}.pem` })
    return
  }
  const authority = await context.options.loadAuthority()
  const body = toPkcs12(record, authority, record.serviceName)
  sendFile(res, { body, type: 'application/x-pkcs12', fileName: `${record.serviceName}.pfx` })
}

async function createCertificate(
  serviceName: string,
  options: CertificateApiOptions,
): Promise<CertificateRecord> {
  const authority = await options.loadAuthority()
  const issued = issueClientCertificate(authority, { commonName: serviceName })
  const record: CertificateRecord = {
    serviceName,
    serialNumber: issued.serialNumber,
    fingerprintSha256: issued.fingerprintSha256,
    createdAt: new Date().toISOString(),
    expiresAt: issued.notAfter.toISOString(),
    certificatePem: issued.certificatePem,
    privateKeyPem: issued.privateKeyPem,
  }

  const replaced = (await options.registry.find(serviceName)) !== undefined
  await options.registry.save(record)
  const note = replaced
    ? ' It replaces the earlier certificate for this name, which no longer works.'
    : ''
  options.logger.info(
    `${LOG_PREFIX} Created a client certificate for "${serviceName}" (serial ${record.serialNumber}).${note}`,
  )
  return record
}

async function readServiceName(
  req: IncomingMessage,
): Promise<{ value: string } | { error: string }> {
  const example = 'Send {"serviceName": "push.contoso.example"}.'
  const body = await readRequestBody(req, MAX_JSON_BODY_BYTES)
  if (body.kind === 'too-large') {
    return { error: `The request body is over ${MAX_JSON_BODY_BYTES} bytes. ${example}` }
  }

  let data: unknown
  try {
    data = JSON.parse(body.body.toString('utf8'))
  } catch (error) {
    return { error: `The request body is not JSON: ${(error as Error).message}. ${example}` }
  }
  const serviceName =
    typeof data === 'object' && data !== null
      ? (data as Record<string, unknown>).serviceName
      : undefined
  if (typeof serviceName !== 'string') {
    return { error: `The request body has no serviceName string. ${example}` }
  }
  if (!SERVICE_NAME.test(serviceName)) {
    return {
      error: `Invalid service name "${shortenForMessage(serviceName)}": use 1 to 64 ASCII letters, digits, spaces, ".", "-" or "_", with no space at the start or end, such as push.contoso.example.`,
    }
  }
  return { value: serviceName }
}

function decodeServiceName(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    // Malformed percent-encoding names no service, so the caller responds with 400.
    return undefined
  }
}

function sendFile(
  res: ServerResponse,
  file: { body: Buffer; type: string; fileName: string },
): void {
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Length': String(file.body.length),
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
  res.end(file.body)
}

function sendNotFound(res: ServerResponse, serviceName: string): void {
  sendJsonError(
    res,
    404,
    `No client certificate for service "${shortenForMessage(serviceName)}". Create one with POST ${CERTIFICATES_PATH}.`,
  )
}

function sendMethodNotAllowed(
  res: ServerResponse,
  context: { method: string; allowed: string },
): void {
  res.setHeader('Allow', context.allowed)
  sendJsonError(
    res,
    405,
    `Invalid method "${shortenForMessage(context.method)}" for this certificate API path: it accepts ${context.allowed}.`,
  )
}
