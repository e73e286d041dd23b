import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

/** Permission bits for files that hold private keys: readable and writable by the owner only. */
export const PRIVATE_FILE_MODE = 0o600

/**
 * Writes a file so that readers see the old content or the new, never a part: the data goes
 * to a temporary file in the same folder, which then replaces the target in one rename.
 */
export async function writeFileAtomically(path: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 })
  const temporaryPath = `${path}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await writeFile(temporaryPath, data, { mode: PRIVATE_FILE_MODE })
    await rename(temporaryPath, path)
  } catch (error) {
    await rm(temporaryPath, { force: true })
    throw error
  }
}
