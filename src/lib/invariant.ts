/** Throws when a condition that only a bug can break does not hold. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new Error(message)
  }
}
