import { readFileSync } from 'node:fs'
import { basename, isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { parseScenario } from '../src/scenario/scenario-schema.ts'
import type { Scenario } from '../src/scenario/scenario-schema.ts'

/**
 * A scenario file as read from disk: the parsed scenario and the raw JSON value, or the title
 * and message a test of an unreadable or invalid file fails with.
 */
export type ScenarioFile =
  { ok: true; scenario: Scenario; input: unknown } | { ok: false; title: string; message: string }

/** Plain wording of the file system errors a read usually meets, by Node's error code. */
const READ_ERROR_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
}

/**
 * Reads and validates a scenario file. A relative path is resolved from `cwd`, and a URL must
 * be a `file:` URL. Messages name the absolute path.
 */
export function readScenarioFile(path: string | URL, cwd = process.cwd()): ScenarioFile {
  let givenPath: string
  try {
    givenPath = path instanceof URL ? fileURLToPath(path) : path
  } catch {
    const message = `Failed to read scenario file "${path.toString()}": only file: URLs can be read.`
    return { ok: false, title: path.toString(), message }
  }
  const absolutePath = resolve(cwd, givenPath)
  const title = basename(absolutePath)

  let text: string
  try {
    text = readFileSync(absolutePath, 'utf8')
  } catch (error) {
    const relativeNote = isAbsolute(givenPath) ? '' : ` Relative paths are resolved from ${cwd}.`
    const message = `Failed to read scenario file "${absolutePath}": ${describeReadError(error)}.${relativeNote}`
    return { ok: false, title, message }
  }

  const parsed = parseScenario(text)
  if (!parsed.ok) {
    return {
      ok: false,
      title,
      message: `Invalid scenario ${absolutePath}:\n${parsed.errors.join('\n')}`,
    }
  }
  return { ok: true, scenario: parsed.scenario, input: JSON.parse(text) as unknown }
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const reason = code === undefined ? undefined : READ_ERROR_REASONS[code]
  if (reason !== undefined) {
    return reason
  }
  return error instanceof Error ? error.message : String(error)
}
