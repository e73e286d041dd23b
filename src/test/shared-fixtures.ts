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

/** One notification request built by a public MPNS sender, with the bytes it puts on the wire. */
export interface RealWorldPayloadFixture {
  /** File name without the `.json` extension. */
  name: string
  sourceUrl: string
  /** Headers in the order the sender sets them. */
  headers: Array<[string, string]>
  /** The exact body bytes: `body_base64` when the file has it, else the UTF-8 bytes of `body`. */
  body: Uint8Array
  notes: string
}

/** One `WMAppManifest.xml` of a public Windows Phone app, byte for byte as published. */
export interface RealWorldManifestFixture {
  /** File name, `<owner>__<repo>__WMAppManifest.xml`. */
  name: string
  /** The file decoded as UTF-8, with a byte order mark kept as U+FEFF. */
  xml: string
}

const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

const CLIENT_REQUESTS_FOLDER = join('fixtures', 'mpns-client-requests')

const REAL_WORLD_PAYLOADS_FOLDER = join('fixtures', 'real-world', 'payloads')

const REAL_WORLD_MANIFESTS_FOLDER = join('fixtures', 'real-world', 'manifests')

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
  return loadFixtureFolder({
    folder: CLIENT_REQUESTS_FOLDER,
    description: 'client request fixtures',
    convert: toClientRequestFixture,
  })
}

/** Reads every real-world sender request, sorted by file name, and validates its shape. */
export function loadRealWorldPayloadFixtures(): RealWorldPayloadFixture[] {
  return loadFixtureFolder({
    folder: REAL_WORLD_PAYLOADS_FOLDER,
    description: 'real-world payload fixtures',
    convert: toRealWorldPayloadFixture,
  })
}

/** Reads every real-world app manifest (`.xml` files), sorted by file name. */
export function loadRealWorldManifestFixtures(): RealWorldManifestFixture[] {
  const shared = resolveSharedDir()
  if (shared.dir === null) {
    throw new Error(`Failed to load real-world manifest fixtures: ${shared.reason}`)
  }

  const folder = join(shared.dir, REAL_WORLD_MANIFESTS_FOLDER)
  return readdirSync(folder)
    .filter((fileName) => fileName.toLowerCase().endsWith('.xml'))
    .sort()
    .map((fileName) => ({ name: fileName, xml: readFileSync(join(folder, fileName), 'utf8') }))
}

function loadFixtureFolder<Fixture>(options: {
  folder: string
  description: string
  convert: (name: string, value: unknown) => Fixture
}): Fixture[] {
  const shared = resolveSharedDir()
  if (shared.dir === null) {
    throw new Error(`Failed to load ${options.description}: ${shared.reason}`)
  }

  const folder = join(shared.dir, options.folder)
  return readdirSync(folder)
    .filter((fileName) => fileName.endsWith('.json'))
    .sort()
    .map((fileName) => {
      const value: unknown = JSON.parse(readFileSync(join(folder, fileName), 'utf8'))
      return options.convert(fileName.slice(0, -'.json'.length), value)
    })
}

function toRealWorldPayloadFixture(name: string, value: unknown): RealWorldPayloadFixture {
  const record = toRecord(name, value)
  const readString = createStringReader(name, record)
  const bodyBase64 = record.body_base64
  if (bodyBase64 !== undefined && typeof bodyBase64 !== 'string') {
    throw new Error(`Invalid fixture ${name}.json: "body_base64" must be a string`)
  }

  const body =
    bodyBase64 === undefined
      ? new TextEncoder().encode(readString('body'))
      : Uint8Array.from(Buffer.from(bodyBase64, 'base64'))
  return {
    name,
    sourceUrl: readString('source_url'),
    headers: toHeaderObjectEntries(name, record.headers),
    body,
    notes: readString('notes'),
  }
}

function toClientRequestFixture(name: string, value: unknown): ClientRequestFixture {
  const record = toRecord(name, value)
  const readString = createStringReader(name, record)

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

function toRecord(name: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) {
    throw new Error(`Invalid fixture ${name}.json: expected a JSON object`)
  }
  return value as Record<string, unknown>
}

function createStringReader(
  name: string,
  record: Record<string, unknown>,
): (field: string) => string {
  return (field) => {
    const fieldValue = record[field]
    if (typeof fieldValue !== 'string') {
      throw new Error(`Invalid fixture ${name}.json: "${field}" must be a string`)
    }
    return fieldValue
  }
}

/** Reads headers written as a JSON object, keeping the order of its keys. */
function toHeaderObjectEntries(name: string, value: unknown): Array<[string, string]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`Invalid fixture ${name}.json: "headers" must be an object`)
  }

  return Object.entries(value).map(([headerName, headerValue]): [string, string] => {
    if (typeof headerValue !== 'string') {
      throw new Error(`Invalid fixture ${name}.json: header "${headerName}" must be a string`)
    }
    return [headerName, headerValue]
  })
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
