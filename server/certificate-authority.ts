import { X509Certificate, generateKeyPairSync, randomBytes } from 'node:crypto'
import { isIP } from 'node:net'

import forge from 'node-forge'

/** A certificate authority: its certificate and private key, both PEM. */
export interface CertificateAuthority {
  certificatePem: string
  privateKeyPem: string
}

/** A certificate issued by an authority, with its private key and identifying fields. */
export interface IssuedCertificate {
  certificatePem: string
  privateKeyPem: string
  /** Upper-case hexadecimal, as Node's X509Certificate and TLS peer certificates show it. */
  serialNumber: string
  /** Colon-separated upper-case hexadecimal, as Node's `fingerprint256` shows it. */
  fingerprintSha256: string
  notBefore: Date
  notAfter: Date
}

/** Common name of the local certificate authority that signs every emulator certificate. */
export const LOCAL_CA_COMMON_NAME = 'WP8 MPNS Emulator Local CA'

/** RSA key size of every key the emulator creates, in bits. */
export const RSA_KEY_BITS = 2048

/** Validity of a client certificate issued in the console, in days. */
export const CLIENT_CERTIFICATE_VALIDITY_DAYS = 365

const CA_VALIDITY_DAYS = 3650
const SERVER_CERTIFICATE_VALIDITY_DAYS = 365
const DAY_MS = 24 * 60 * 60 * 1000
/** Start of validity moved back, so that a peer whose clock is a little behind accepts a new certificate. */
const CLOCK_SKEW_MS = 5 * 60 * 1000

/** Creates a self-signed certificate authority that may sign certificates and nothing else. */
export function createCertificateAuthority(
  commonName: string = LOCAL_CA_COMMON_NAME,
): CertificateAuthority {
  const keys = createRsaKeys()
  const now = Date.now()
  const certificate = createCertificate({
    publicKey: keys.publicKey,
    subject: commonName,
    notBefore: new Date(now - CLOCK_SKEW_MS),
    notAfter: new Date(now + CA_VALIDITY_DAYS * DAY_MS),
  })
  certificate.setIssuer(certificate.subject.attributes)
  certificate.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ])
  certificate.sign(keys.privateKey, forge.md.sha256.create())

  return {
    certificatePem: forge.pki.certificateToPem(certificate),
    privateKeyPem: keys.privateKeyPem,
  }
}

/**
 * Issues a client certificate for a push service: the service name is the CN, key usage
 * digitalSignature and keyEncipherment, extended key usage clientAuth, valid for one year
 * unless `validity` sets other dates.
 */
export function issueClientCertificate(
  authority: CertificateAuthority,
  request: { commonName: string; validity?: { notBefore: Date; notAfter: Date } },
): IssuedCertificate {
  const now = Date.now()
  const validity = request.validity ?? {
    notBefore: new Date(now - CLOCK_SKEW_MS),
    notAfter: new Date(now + CLIENT_CERTIFICATE_VALIDITY_DAYS * DAY_MS),
  }
  return issueCertificate(authority, {
    commonName: request.commonName,
    validity,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', clientAuth: true },
    ],
  })
}

/** Issues the HTTPS listener's certificate for the given host names and IP addresses. */
export function issueServerCertificate(
  authority: CertificateAuthority,
  hosts: readonly string[],
): IssuedCertificate {
  const now = Date.now()
  const altNames = hosts.map((host) =>
    isIP(host) === 0 ? { type: 2, value: host } : { type: 7, ip: host },
  )
  return issueCertificate(authority, {
    commonName: hosts[0] ?? 'localhost',
    validity: {
      notBefore: new Date(now - CLOCK_SKEW_MS),
      notAfter: new Date(now + SERVER_CERTIFICATE_VALIDITY_DAYS * DAY_MS),
    },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  })
}

/**
 * Packs a certificate, its private key and the authority's certificate into PKCS#12 (a .pfx
 * file) with an empty password, which OpenSSL, and so Node's `pfx` option, opens with no passphrase.
 * NOTE: import into the Windows certificate store and .NET's X509Certificate2 was not tried.
 */
export function toPkcs12(
  issued: { certificatePem: string; privateKeyPem: string },
  authority: CertificateAuthority,
  friendlyName: string,
): Buffer {
  const pfx = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(issued.privateKeyPem),
    [
      forge.pki.certificateFromPem(issued.certificatePem),
      forge.pki.certificateFromPem(authority.certificatePem),
    ],
    '',
    { algorithm: '3des', friendlyName },
  )
  return Buffer.from(forge.asn1.toDer(pfx).getBytes(), 'binary')
}

/** Issues a client certificate from the authority that expired yesterday, for TLS refusal tests. */
export function createExpiredClientCertificate(
  authority: CertificateAuthority,
  commonName: string,
): IssuedCertificate {
  const now = Date.now()
  return issueClientCertificate(authority, {
    commonName,
    validity: { notBefore: new Date(now - 30 * DAY_MS), notAfter: new Date(now - DAY_MS) },
  })
}

/** Issues a client certificate from a new throwaway authority, which the emulator does not trust. */
export function createForeignClientCertificate(commonName: string): IssuedCertificate {
  const throwaway = createCertificateAuthority('Throwaway Test CA')
  return issueClientCertificate(throwaway, { commonName })
}

function issueCertificate(
  authority: CertificateAuthority,
  request: {
    commonName: string
    validity: { notBefore: Date; notAfter: Date }
    extensions: object[]
  },
): IssuedCertificate {
  const keys = createRsaKeys()
  const authorityCertificate = forge.pki.certificateFromPem(authority.certificatePem)
  const certificate = createCertificate({
    publicKey: keys.publicKey,
    subject: request.commonName,
    ...request.validity,
  })
  certificate.setIssuer(authorityCertificate.subject.attributes)
  certificate.setExtensions([
    ...request.extensions,
    { name: 'subjectKeyIdentifier' },
    {
      name: 'authorityKeyIdentifier',
      keyIdentifier: authorityCertificate.generateSubjectKeyIdentifier().getBytes(),
    },
  ])
  certificate.sign(forge.pki.privateKeyFromPem(authority.privateKeyPem), forge.md.sha256.create())

  const certificatePem = forge.pki.certificateToPem(certificate)
  const parsed = new X509Certificate(certificatePem)
  return {
    certificatePem,
    privateKeyPem: keys.privateKeyPem,
    serialNumber: parsed.serialNumber,
    fingerprintSha256: parsed.fingerprint256,
    notBefore: request.validity.notBefore,
    notAfter: request.validity.notAfter,
  }
}

function createCertificate(fields: {
  publicKey: forge.pki.PublicKey
  subject: string
  notBefore: Date
  notAfter: Date
}): forge.pki.Certificate {
  const certificate = forge.pki.createCertificate()
  certificate.publicKey = fields.publicKey
  certificate.serialNumber = createSerialNumber()
  certificate.validity.notBefore = fields.notBefore
  certificate.validity.notAfter = fields.notAfter
  certificate.setSubject([{ name: 'commonName', value: fields.subject }])
  return certificate
}

/**
 * Creates a positive 128-bit serial number. DER integers are signed, so the top bit is clear,
 * and the first hex digit is never 0, so the serial reads the same wherever zeros are trimmed.
 */
function createSerialNumber(): string {
  const bytes = randomBytes(16)
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x10
  return bytes.toString('hex')
}

/** Creates an RSA key pair with Node's crypto, which runs OpenSSL instead of forge's JavaScript generator. */
function createRsaKeys(): {
  publicKey: forge.pki.rsa.PublicKey
  privateKey: forge.pki.rsa.PrivateKey
  privateKeyPem: string
} {
  const pair = generateKeyPairSync('rsa', {
    modulusLength: RSA_KEY_BITS,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
  return {
    publicKey: forge.pki.publicKeyFromPem(pair.publicKey),
    privateKey: forge.pki.privateKeyFromPem(pair.privateKey),
    privateKeyPem: pair.privateKey,
  }
}
