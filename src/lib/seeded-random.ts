/** A source of numbers in [0, 1), called like `Math.random`. */
export type RandomSource = () => number

const FNV_OFFSET_BASIS = 0x811c9dc5
const FNV_PRIME = 0x01000193
const MULBERRY_INCREMENT = 0x6d2b79f5
const UINT32_RANGE = 2 ** 32

/**
 * Creates a mulberry32 generator: a 32-bit state that yields the same sequence of numbers in
 * [0, 1) for the same seed. It is fast and small, and not suitable for anything secret.
 */
export function createSeededRandom(seed: number): RandomSource {
  let state = seed >>> 0

  return () => {
    state = (state + MULBERRY_INCREMENT) >>> 0
    let mixed = Math.imul(state ^ (state >>> 15), state | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / UINT32_RANGE
  }
}

/**
 * Derives a 32-bit seed from a base seed and a key, so that each keyed user of one base seed
 * draws its own sequence. Hashes the key's UTF-16 code units with FNV-1a, starting from the
 * base seed mixed into the offset basis.
 */
export function deriveSeed(seed: number, key: string): number {
  let hash = (FNV_OFFSET_BASIS ^ (seed >>> 0)) >>> 0
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index)
    hash = Math.imul(hash, FNV_PRIME) >>> 0
  }
  return hash
}
