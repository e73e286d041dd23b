import type { MpnsHttpRequest } from '@/mpns/types'

/** FNV-1a offset bases of the two 32-bit halves; two bases make a 64-bit fingerprint. */
const FNV_OFFSET_BASES = [0x811c9dc5, 0x01000193 ^ 0x5bd1e995] as const
const FNV_PRIME = 0x01000193

/**
 * Hashes a request's method, URL, headers (in order, names in lower case) and body into 16 hex
 * digits. Equal requests give equal fingerprints; it only recognises a repeated dispatch and is
 * not a security measure.
 */
export function createRequestFingerprint(request: MpnsHttpRequest): string {
  const head = [
    request.method,
    request.url,
    ...request.headers.map(([name, value]) => `${name.toLowerCase()}:${value}`),
  ].join('\n')
  const headBytes = new TextEncoder().encode(`${head}\n\n`)

  return FNV_OFFSET_BASES.map((offsetBasis) => {
    const hash = hashBytes(hashBytes(offsetBasis, headBytes), request.body)
    return hash.toString(16).padStart(8, '0')
  }).join('')
}

function hashBytes(start: number, bytes: Uint8Array): number {
  let hash = start
  for (const byte of bytes) {
    hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0
  }
  return hash
}
