import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** One HTTP request captured from a real MPNS sender library. */
export interface ClientRequestFixture {
  /** File name without the `.json` extension. */
  name: string
  library: string
  /** The JavaScript call that produced the request. */
  call: string
  method: string
  /** Request target as received: origin-form, or absolute-form through a proxy. */
  path: string
  /** Headers in the order and letter case they were sent. */
  headers: Array<[string, string]>
  body: Uint8Array
}

const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

const CLIENT_REQUESTS_FOLDER = join('fixtures', 'mpns-client-requests')

/**
 * Locates the shared folder: `MPNS_SHARED_DIR`, else `../shared` beside the repository.
 * Returns the reason when it is missing, or throws when `CI` is `true`.
 */
export function resolveSharedDir(): { dir: string } | { dir: null; reason: string } {
  const configured = process.env.MPNS_SHARED_DIR
  const dir =
    configured === undefined || configured === ''
      ? resolve(REPOSITORY_ROOT, '..', 'shared')
      : resolve(configured)
  if (existsSync(dir) && statSync(dir).isDirectory()) {
    return { dir }
  }

  if (process.env.CI === 'true') {
    throw new Error(
      `Shared fixtures not found at ${dir}: the shared folder is required in CI. Check it out there or set MPNS_SHARED_DIR.`,
    )
  }
  const fix =
    configured === undefined || configured === ''
      ? 'Set MPNS_SHARED_DIR to the shared folder to run the replay tests.'
      : 'MPNS_SHARED_DIR names a missing folder, so point it at the shared folder.'
  return { dir: null, reason: `shared fixtures not found at ${dir}. ${fix}` }
}

/** Reads every captured client request, sorted by file name, and validates its shape. */
export function loadClientRequestFixtures(): ClientRequestFixture[] {
  const shared = resolveSharedDir()
  if (shared.dir === null) {
    throw new Error(`Failed to load client request fixtures: ${shared.reason}`)
  }

  const folder = join(shared.dir, CLIENT_REQUESTS_FOLDER)
  return readdirSync(folder)
    .filter((fileName) => fileName.endsWith('.json'))
    .sort()
    .map((fileName) => {
      const value: unknown = JSON.parse(readFileSync(join(folder, fileName), 'utf8'))
      return toClientRequestFixture(fileName.slice(0, -'.json'.length), value)
    })
}

function toClientRequestFixture(name: string, value: unknown): ClientRequestFixture {
  if (typeof value !== 'object' || value === null) {
    throw new Error(`Invalid fixture ${name}.json: expected a JSON object`)
  }

  const record = value as Record<string, unknown>
  const readString = (field: string): string => {
    const fieldValue = record[field]
    if (typeof fieldValue !== 'string') {
      throw new Error(`Invalid fixture ${name}.json: "${field}" must be a string`)
    }
    return fieldValue
  }

  return {
    name,
    library: readString('library'),
    call: readString('call'),
    method: readString('method'),
    path: readString('path'),
    headers: toHeaders(name, record.headers),
    body: Uint8Array.from(Buffer.from(readString('bodyBase64'), 'base64')),
  }
}

function toHeaders(name: string, value: unknown): Array<[string, string]> {
  if (!Array.isArray(value)) {
    throw new Error(`Invalid fixture ${name}.json: "headers" must be an array`)
  }

  return (value as unknown[]).map((entry, index): [string, string] => {
    const pair: unknown[] = Array.isArray(entry) ? (entry as unknown[]) : []
    const [headerName, headerValue] = pair
    if (pair.length !== 2 || typeof headerName !== 'string' || typeof headerValue !== 'string') {
      throw new Error(
        `Invalid fixture ${name}.json: header ${index} must be a [name, value] pair of strings`,
      )
    }
    return [headerName, headerValue]
  })
}
