import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

import { afterAll, describe, expect, it } from 'vitest'

import { readScenarioFile } from './scenario-file.ts'

const folder = mkdtempSync(join(tmpdir(), 'scenario-file-'))

const VALID_SCENARIO = {
  format: 'wp8-emulator-scenario',
  version: 1,
  name: 'A chat toast',
  handsets: [{ apps: [{ sample: 'Contoso Chat', permission: 'allowed' }] }],
  timeline: [{ send: { app: 'Contoso Chat', toast: { text1: 'Anna' } } }],
}

afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})

describe('readScenarioFile', () => {
  it('reads a valid file', () => {
    writeFileSync(join(folder, 'valid.json'), JSON.stringify(VALID_SCENARIO))

    const file = readScenarioFile('valid.json', folder)

    expect(file).toMatchObject({ ok: true, scenario: { name: 'A chat toast' } })
  })

  it('reads a file URL', () => {
    writeFileSync(join(folder, 'from-url.json'), JSON.stringify(VALID_SCENARIO))

    const file = readScenarioFile(pathToFileURL(join(folder, 'from-url.json')))

    expect(file.ok).toBe(true)
  })

  it('names the resolved path of a missing relative file', () => {
    expect(readScenarioFile('scenarios/missing.json', folder)).toEqual({
      ok: false,
      title: 'missing.json',
      message: `Failed to read scenario file "${join(folder, 'scenarios/missing.json')}": no such file. Relative paths are resolved from ${folder}.`,
    })
  })

  it('leaves the folder note out for an absolute path', () => {
    const path = join(folder, 'absent.json')

    const file = readScenarioFile(path, '/elsewhere')

    expect(file).toMatchObject({
      ok: false,
      message: `Failed to read scenario file "${path}": no such file.`,
    })
  })

  it('names a folder given as the file', () => {
    expect(readScenarioFile(folder)).toMatchObject({
      ok: false,
      message: `Failed to read scenario file "${folder}": it is a folder, not a file.`,
    })
  })

  // Root reads a file whatever its mode, so the check runs only for other users.
  it.skipIf(process.getuid?.() === 0)('names a file without read permission', () => {
    const path = join(folder, 'locked.json')
    writeFileSync(path, JSON.stringify(VALID_SCENARIO))
    chmodSync(path, 0o200)

    expect(readScenarioFile(path)).toMatchObject({
      ok: false,
      message: `Failed to read scenario file "${path}": permission denied.`,
    })
  })

  it('rejects a URL that is not a file URL', () => {
    expect(readScenarioFile(new URL('http://127.0.0.1/scenario.json'))).toMatchObject({
      ok: false,
      message:
        'Failed to read scenario file "http://127.0.0.1/scenario.json": only file: URLs can be read.',
    })
  })

  it('keeps "Invalid scenario" for schema errors', () => {
    const path = join(folder, 'invalid.json')
    writeFileSync(path, JSON.stringify({ ...VALID_SCENARIO, version: 2 }))

    const file = readScenarioFile(path)

    expect(file).toMatchObject({ ok: false, title: 'invalid.json' })
    const message = file.ok ? '' : file.message
    expect(message).toMatch(new RegExp(`^Invalid scenario ${path}:\\n`))
    expect(message).toContain('version')
  })
})
