import { execFileSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

interface PackResult {
  files: Array<{ path: string }>
}

/** Files every install needs: the compiled kit, the command, and what its serve build reads. */
const REQUIRED_FILES = [
  'kit/bin/wp8-emulator.js',
  'kit/dist/kit/playwright.js',
  'kit/dist/kit/playwright.d.ts',
  'kit/dist/kit/cli.js',
  'src/main.tsx',
  'src/sw/sw.ts',
  'server/mpns-endpoint-plugin.ts',
  'public/favicon.svg',
  'index.html',
  'vite.config.ts',
  'tsconfig.json',
  'tsconfig.app.json',
  'tsconfig.base.json',
  'tsconfig.sw.json',
]

// `npm pack --dry-run` lists the files without writing the tarball. Scripts are skipped, so the
// listing shows kit/dist as the last `npm run build:kit` left it.
function listPackedFiles(): string[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  const [result] = JSON.parse(output) as PackResult[]
  return (result?.files ?? []).map((file) => file.path)
}

describe('package files', () => {
  const files = listPackedFiles()

  it.each(REQUIRED_FILES)('include %s', (path) => {
    expect(files).toContain(path)
  })

  it('leave out tests and test helpers', () => {
    const testFiles = files.filter(
      (path) => /\.test\.tsx?$/.test(path) || path.startsWith('src/test/'),
    )
    expect(testFiles).toEqual([])
  })
})
