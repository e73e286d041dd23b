import { readFile } from 'node:fs/promises'

import { writeFileAtomically } from './atomic-file.ts'
import type { EndpointLogger } from './endpoint-options.ts'

/** A client certificate as the console lists it. */
export interface CertificateEntry {
  /** Push service name, which is also the certificate's CN. */
  serviceName: string
  serialNumber: string
  fingerprintSha256: string
  /** ISO 8601 time of issue. */
  createdAt: string
  /** ISO 8601 end of validity. */
  expiresAt: string
}

/** A stored client certificate: the entry plus the PEM files the console offers for download. */
export interface CertificateRecord extends CertificateEntry {
  certificatePem: string
  privateKeyPem: string
}

/** The client certificates "uploaded" to the emulator's developer portal, kept in one JSON file. */
export interface CertificateRegistry {
  /** Returns every record, sorted by service name. */
  list(): Promise<CertificateRecord[]>
  find(serviceName: string): Promise<CertificateRecord | undefined>
  findByFingerprint(fingerprintSha256: string): Promise<CertificateRecord | undefined>
  /** Stores a record, replacing the one with the same service name. */
  save(record: CertificateRecord): Promise<void>
  /** Deletes the record of a service, and returns false when there was none. */
  remove(serviceName: string): Promise<boolean>
}

interface RegistryFile {
  version: 1
  certificates: CertificateRecord[]
}

const REGISTRY_VERSION = 1
const RECORD_FIELDS = [
  'serviceName',
  'serialNumber',
  'fingerprintSha256',
  'createdAt',
  'expiresAt',
  'certificatePem',
  'privateKeyPem',
] as const
const LOG_PREFIX = '[mpns-certificates]'

/**
 * Creates the registry stored at `filePath`. Every call reads the file again, so the dev and
 * preview servers that share a data folder see each other's changes. Writes run one at a time
 * and replace the file atomically. A damaged file is logged and read as empty.
 *
 * NOTE: writes are serialized within one process only, so two servers that change the same
 * data folder at the same moment can lose one of the changes.
 */
export function createCertificateRegistry(options: {
  filePath: string
  logger: EndpointLogger
}): CertificateRegistry {
  let writes: Promise<unknown> = Promise.resolve()
  let loggedDamage: string | undefined

  const read = async (): Promise<CertificateRecord[]> => {
    const result = await readRegistryFile(options.filePath)
    if (result.damage !== undefined && result.damage !== loggedDamage) {
      options.logger.error(
        `${LOG_PREFIX} The certificate registry ${options.filePath} is damaged (${result.damage}), so it is read as empty. The next change in the console overwrites it, so create the certificates again there.`,
      )
    }
    loggedDamage = result.damage
    return result.records
  }
  const update = (change: (records: CertificateRecord[]) => CertificateRecord[]) => {
    const write = writes.then(async () => {
      const records = change(await read())
      const file: RegistryFile = { version: REGISTRY_VERSION, certificates: records }
      await writeFileAtomically(options.filePath, `${JSON.stringify(file, null, 2)}\n`)
    })
    writes = write.catch(() => undefined)
    return write
  }

  return {
    list: async () => sortByServiceName(await read()),
    find: async (serviceName) =>
      (await read()).find((record) => record.serviceName === serviceName),
    findByFingerprint: async (fingerprint) =>
      (await read()).find(
        (record) => record.fingerprintSha256.toUpperCase() === fingerprint.toUpperCase(),
      ),
    save: (record) =>
      update((records) => [
        ...records.filter((existing) => existing.serviceName !== record.serviceName),
        record,
      ]),
    async remove(serviceName) {
      let removed = false
      await update((records) => {
        const remaining = records.filter((record) => record.serviceName !== serviceName)
        removed = remaining.length < records.length
        return remaining
      })
      return removed
    },
  }
}

/** Returns the fields the console lists, without the PEM files. */
export function toCertificateEntry(record: CertificateRecord): CertificateEntry {
  return {
    serviceName: record.serviceName,
    serialNumber: record.serialNumber,
    fingerprintSha256: record.fingerprintSha256,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
  }
}

async function readRegistryFile(
  filePath: string,
): Promise<{ records: CertificateRecord[]; damage?: string }> {
  let text: string
  try {
    text = await readFile(filePath, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { records: [] }
    }
    return { records: [], damage: `unreadable: ${(error as Error).message}` }
  }

  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return { records: [], damage: `not JSON: ${(error as Error).message}` }
  }
  if (!isRegistryFile(data)) {
    return { records: [], damage: 'not a list of certificates in the expected form' }
  }
  return { records: data.certificates }
}

function isRegistryFile(data: unknown): data is RegistryFile {
  if (typeof data !== 'object' || data === null) {
    return false
  }
  const file = data as Record<string, unknown>
  return (
    file.version === REGISTRY_VERSION &&
    Array.isArray(file.certificates) &&
    file.certificates.every(isCertificateRecord)
  )
}

function isCertificateRecord(value: unknown): value is CertificateRecord {
  if (typeof value !== 'object' || value === null) {
    return false
  }
  const record = value as Record<string, unknown>
  return RECORD_FIELDS.every((field) => typeof record[field] === 'string')
}

function sortByServiceName(records: CertificateRecord[]): CertificateRecord[] {
  return [...records].sort((first, second) =>
    first.serviceName.localeCompare(second.serviceName, 'en'),
  )
}
