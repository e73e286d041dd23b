import { X509Certificate, createPrivateKey } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

import { writeFileAtomically } from './atomic-file.ts'
import { createCertificateAuthority, issueServerCertificate } from './certificate-authority.ts'
import type { CertificateAuthority } from './certificate-authority.ts'
import type { EndpointLogger } from './endpoint-options.ts'

/** Credentials of the HTTPS listener: the local authority and a server certificate it signed. */
export interface TlsCredentials {
  authority: CertificateAuthority
  server: { certificatePem: string; privateKeyPem: string }
}

const CA_CERTIFICATE_FILE = 'ca-certificate.pem'
const CA_PRIVATE_KEY_FILE = 'ca-private-key.pem'
const SERVER_CERTIFICATE_FILE = 'server-certificate.pem'
const SERVER_PRIVATE_KEY_FILE = 'server-private-key.pem'
/** Host names the server certificate was issued for, so a change of host set is noticed. */
const SERVER_HOSTS_FILE = 'server-certificate-hosts.json'
/** A server certificate this close to expiry is replaced at start. */
const RENEWAL_MARGIN_MS = 7 * 24 * 60 * 60 * 1000
const LOG_PREFIX = '[mpns-https]'

/**
 * Loads the local certificate authority from the data folder, or creates it there on first run.
 * An unreadable or expired authority is replaced, and a warning explains that the client
 * certificates it issued stop working.
 */
export async function loadCertificateAuthority(
  dataDir: string,
  logger: EndpointLogger,
): Promise<CertificateAuthority> {
  const certificatePath = join(dataDir, CA_CERTIFICATE_FILE)
  const privateKeyPath = join(dataDir, CA_PRIVATE_KEY_FILE)
  const stored = await readPemPair(certificatePath, privateKeyPath)
  const problem = stored === undefined ? 'missing' : findPairProblem(stored)
  if (stored !== undefined && problem === undefined) {
    return stored
  }

  if (problem !== 'missing') {
    logger.warn(
      `${LOG_PREFIX} The local certificate authority in ${dataDir} is ${problem}, so a new one replaces it. Client certificates issued before no longer work: create them again in the console.`,
    )
  }
  const authority = createCertificateAuthority()
  await writeFileAtomically(privateKeyPath, authority.privateKeyPem)
  await writeFileAtomically(certificatePath, authority.certificatePem)
  logger.info(`${LOG_PREFIX} Created the local certificate authority in ${dataDir}.`)
  return authority
}

/**
 * Loads the HTTPS server certificate for the given hosts, or issues a new one when it is
 * missing, was issued for another host set, expires within a week or was signed by another
 * authority.
 */
export async function loadTlsCredentials(
  dataDir: string,
  options: { hosts: readonly string[]; logger: EndpointLogger },
): Promise<TlsCredentials> {
  const authority = await loadCertificateAuthority(dataDir, options.logger)
  const hosts = [...new Set(options.hosts.map((host) => host.toLowerCase()))].sort()
  const certificatePath = join(dataDir, SERVER_CERTIFICATE_FILE)
  const privateKeyPath = join(dataDir, SERVER_PRIVATE_KEY_FILE)
  const hostsPath = join(dataDir, SERVER_HOSTS_FILE)

  const stored = await readPemPair(certificatePath, privateKeyPath)
  const storedHosts = await readFile(hostsPath, 'utf8').catch(() => '')
  const reusable =
    stored !== undefined &&
    storedHosts === JSON.stringify(hosts) &&
    findPairProblem(stored, authority) === undefined
  if (reusable) {
    return { authority, server: stored }
  }

  const issued = issueServerCertificate(authority, hosts)
  await writeFileAtomically(privateKeyPath, issued.privateKeyPem)
  await writeFileAtomically(certificatePath, issued.certificatePem)
  await writeFileAtomically(hostsPath, JSON.stringify(hosts))
  options.logger.info(`${LOG_PREFIX} Issued the HTTPS server certificate for ${hosts.join(', ')}.`)
  return {
    authority,
    server: { certificatePem: issued.certificatePem, privateKeyPem: issued.privateKeyPem },
  }
}

async function readPemPair(
  certificatePath: string,
  privateKeyPath: string,
): Promise<{ certificatePem: string; privateKeyPem: string } | undefined> {
  try {
    return {
      certificatePem: await readFile(certificatePath, 'utf8'),
      privateKeyPem: await readFile(privateKeyPath, 'utf8'),
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined
    }
    throw error
  }
}

/**
 * Returns what is wrong with a stored certificate and key, or undefined when they are usable:
 * readable, matching, valid for another week and, when an issuer is given, signed by it.
 */
function findPairProblem(
  pair: { certificatePem: string; privateKeyPem: string },
  issuer?: CertificateAuthority,
): string | undefined {
  try {
    const certificate = new X509Certificate(pair.certificatePem)
    if (!certificate.checkPrivateKey(createPrivateKey(pair.privateKeyPem))) {
      return 'stored with a private key that does not match it'
    }
    if (Date.parse(certificate.validTo) - Date.now() < RENEWAL_MARGIN_MS) {
      return `expiring or expired (valid to ${certificate.validTo})`
    }
    if (
      issuer !== undefined &&
      !certificate.verify(new X509Certificate(issuer.certificatePem).publicKey)
    ) {
      return 'signed by another certificate authority'
    }
    return undefined
  } catch (error) {
    return `unreadable (${error instanceof Error ? error.message : String(error)})`
  }
}
