import { logInfo, logWarn } from '@/lib/log'

/** A client certificate the dev or preview server issued for a service, as its API lists it. */
export interface ServiceCertificate {
  /** Common Name (CN) of the certificate, which an app passes as its channel's service name. */
  serviceName: string
  serialNumber: string
  fingerprintSha256: string
  /** ISO 8601 time of issue. */
  createdAt: string
  /** ISO 8601 time after which the TLS handshake rejects the certificate. */
  expiresAt: string
}

/** The server's certificate list, or `unavailable` when no dev or preview server serves one. */
export type CertificateListResult =
  | { availability: 'available'; certificates: ServiceCertificate[] }
  | { availability: 'unavailable' }

/** Calls to the dev or preview server's certificate API. */
export interface CertificateClient {
  /** Lists the certificates, or resolves `unavailable` under static hosting. */
  list: () => Promise<CertificateListResult>
  /** Issues a certificate for a service name, replacing any certificate with that name. */
  create: (serviceName: string) => Promise<ServiceCertificate>
  delete: (serviceName: string) => Promise<void>
}

interface ApiRequest {
  path: string
  init: RequestInit
  /** Start of the error message, `Failed to <verb> …`, which the reason completes. */
  failure: string
}

/** Failure of a certificate API call, with a message that can be shown as it is. */
export class CertificateRequestError extends Error {
  override name = 'CertificateRequestError'
}

/** Path of the certificate API on the page's own origin. */
export const CERTIFICATES_PATH = '/__emulator/certificates'
/** Path of the local certificate authority's certificate, which senders pass as `ca`. */
export const CA_CERTIFICATE_PATH = `${CERTIFICATES_PATH}/ca.pem`
/** Maximum length of a service name, in characters. */
export const MAX_SERVICE_NAME_LENGTH = 64

// The server's rule too: ASCII letters, digits, space, ".", "-" and "_". The server also rejects
// a leading or trailing space, which never reaches it because the page trims the name first.
const SERVICE_NAME_PATTERN = /^[A-Za-z0-9 ._-]+$/
const JSON_HEADERS = { Accept: 'application/json' }

/**
 * Checks a service name against the server's rule: 1 to 64 characters of letters, digits,
 * space, `.`, `-` and `_`. Returns the message to show, or null for a valid name.
 */
export function validateServiceName(serviceName: string): string | null {
  if (serviceName === '') {
    return 'Missing service name. Enter the name the app passes when it opens its channel.'
  }
  if (serviceName.length > MAX_SERVICE_NAME_LENGTH) {
    return `Invalid service name "${serviceName.slice(0, 20)}…": it has ${serviceName.length} characters and the limit is ${MAX_SERVICE_NAME_LENGTH}. Shorten it.`
  }
  if (!SERVICE_NAME_PATTERN.test(serviceName)) {
    return `Invalid service name "${serviceName}": use only letters, digits, spaces, ".", "-" and "_".`
  }
  return null
}

/** Builds the download path of a certificate with its private key, as PEM or as PKCS#12. */
export function toCertificateDownloadPath(serviceName: string, format: 'pem' | 'pfx'): string {
  return `${toCertificatePath(serviceName)}/certificate.${format}`
}

/** Creates the certificate API client, which sends each request through `fetcher`. */
export function createCertificateClient(
  fetcher: typeof fetch = (input, init) => fetch(input, init),
): CertificateClient {
  return {
    list: () => listCertificates(fetcher),
    create: (serviceName) => createCertificate(fetcher, serviceName),
    delete: (serviceName) => deleteCertificate(fetcher, serviceName),
  }
}

async function listCertificates(fetcher: typeof fetch): Promise<CertificateListResult> {
  let response: Response
  try {
    response = await fetcher(CERTIFICATES_PATH, { headers: JSON_HEADERS })
  } catch (error) {
    logWarn('[console]', `Failed to GET ${CERTIFICATES_PATH}, so certificates are off`, error)
    return { availability: 'unavailable' }
  }
  if (response.status === 404) {
    logInfo('[console]', `${CERTIFICATES_PATH} answered 404: no dev or preview server`)
    return { availability: 'unavailable' }
  }
  if (!response.ok) {
    throw new CertificateRequestError(
      `Failed to list the certificates: ${await readErrorReason(response)}`,
    )
  }

  // A static host that falls back to index.html returns it with 200, and that is no server API.
  const body = await readJson(response)
  if (body === undefined) {
    logInfo('[console]', `${CERTIFICATES_PATH} answered with no JSON: no dev or preview server`)
    return { availability: 'unavailable' }
  }
  const certificates = isRecord(body) ? body.certificates : undefined
  if (!Array.isArray(certificates) || !certificates.every(isServiceCertificate)) {
    throw new CertificateRequestError(
      'Failed to list the certificates: the server sent a list in an unexpected shape. Restart the dev or preview server.',
    )
  }
  return { availability: 'available', certificates }
}

async function createCertificate(
  fetcher: typeof fetch,
  serviceName: string,
): Promise<ServiceCertificate> {
  const failure = `Failed to create the certificate for "${serviceName}"`
  const response = await sendRequest(fetcher, {
    path: CERTIFICATES_PATH,
    init: {
      method: 'POST',
      headers: { ...JSON_HEADERS, 'Content-Type': 'application/json' },
      body: JSON.stringify({ serviceName }),
    },
    failure,
  })
  if (!response.ok) {
    throw new CertificateRequestError(`${failure}: ${await readErrorReason(response)}`)
  }

  const certificate = await readJson(response)
  if (!isServiceCertificate(certificate)) {
    throw new CertificateRequestError(
      `${failure}: the server sent a certificate in an unexpected shape. Reload the list to see what it stored.`,
    )
  }
  return certificate
}

async function deleteCertificate(fetcher: typeof fetch, serviceName: string): Promise<void> {
  const failure = `Failed to delete the certificate for "${serviceName}"`
  const response = await sendRequest(fetcher, {
    path: toCertificatePath(serviceName),
    init: { method: 'DELETE', headers: JSON_HEADERS },
    failure,
  })
  if (!response.ok) {
    throw new CertificateRequestError(`${failure}: ${await readErrorReason(response)}`)
  }
}

/** Sends a request and turns a network failure into a CertificateRequestError. */
async function sendRequest(fetcher: typeof fetch, request: ApiRequest): Promise<Response> {
  const { path, init, failure } = request
  try {
    return await fetcher(path, init)
  } catch (error) {
    throw new CertificateRequestError(
      `${failure}: the server did not respond (${String(error)}). Check that npm start or npm run preview is running.`,
      { cause: error },
    )
  }
}

function toCertificatePath(serviceName: string): string {
  return `${CERTIFICATES_PATH}/${encodeURIComponent(serviceName)}`
}

/** Reads the server's `{ "error": "…" }` sentence, or describes the status when there is none. */
async function readErrorReason(response: Response): Promise<string> {
  const body = await readJson(response)
  if (isRecord(body) && typeof body.error === 'string' && body.error.trim() !== '') {
    return body.error.trim()
  }
  const statusText = response.statusText === '' ? '' : ` ${response.statusText}`
  return `the server returned ${response.status}${statusText}.`
}

/** Parses a JSON body, or returns undefined for an empty or non-JSON body. */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function isServiceCertificate(value: unknown): value is ServiceCertificate {
  if (!isRecord(value)) {
    return false
  }
  const texts = [value.serviceName, value.serialNumber, value.fingerprintSha256]
  const times = [value.createdAt, value.expiresAt]
  return (
    texts.every((text) => typeof text === 'string') &&
    times.every((time) => typeof time === 'string' && !Number.isNaN(Date.parse(time)))
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
