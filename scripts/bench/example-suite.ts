import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The example QA project, which uses the kit through the package name. */
export const EXAMPLE_PROJECT_DIR = fileURLToPath(
  new URL('../../examples/qa-project/', import.meta.url),
)

const PLAYWRIGHT_CLI = fileURLToPath(
  new URL('../../node_modules/@playwright/test/cli.js', import.meta.url),
)

/** One test run of the example project, as its JSON report gives it. */
export interface ExampleTestRun {
  title: string
  /** Index of the repetition under `--repeat-each`, from 0. */
  repeatEachIndex: number
  /** Milliseconds, fixtures included. */
  durationMs: number
  passed: boolean
}

/** Result of one run of the example project's Playwright suite. */
export interface ExampleSuiteRun {
  tests: ExampleTestRun[]
  /** Milliseconds from starting Playwright to its exit, the web server's start included. */
  wallMs: number
  exitCode: number | null
}

/**
 * Runs the example project's suite in a Playwright process of its own, with its own config and
 * web server, and reads each test's result from the JSON reporter.
 */
export async function runExampleSuite(args: readonly string[]): Promise<ExampleSuiteRun> {
  const outputDir = await mkdtemp(join(tmpdir(), 'wp8-example-suite-'))
  const reportPath = join(outputDir, 'report.json')
  const started = performance.now()
  try {
    const exitCode = await runPlaywright([...args, '--reporter=json', '--retries=0'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: reportPath,
    })
    const wallMs = performance.now() - started
    const report: unknown = JSON.parse(await readFile(reportPath, 'utf8'))
    return { tests: readTestRuns(report), wallMs, exitCode }
  } finally {
    await rm(outputDir, { recursive: true, force: true })
  }
}

function runPlaywright(
  args: readonly string[],
  env: Record<string, string>,
): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PLAYWRIGHT_CLI, 'test', ...args], {
      cwd: EXAMPLE_PROJECT_DIR,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    child.on('error', reject)
    child.on('exit', (code) => resolve(code))
  })
}

interface ReportSuite {
  suites?: ReportSuite[]
  specs?: Array<{
    title: string
    tests: Array<{ results: Array<{ status: string; duration: number; retry: number }> }>
  }>
}

/** Flattens the JSON reporter's suites into one entry per test run, in report order. */
function readTestRuns(report: unknown): ExampleTestRun[] {
  const runs: ExampleTestRun[] = []
  const visit = (suite: ReportSuite) => {
    for (const spec of suite.specs ?? []) {
      for (const [repeatEachIndex, test] of spec.tests.entries()) {
        const last = test.results.at(-1)
        if (last !== undefined) {
          runs.push({
            title: spec.title,
            repeatEachIndex,
            durationMs: last.duration,
            passed: last.status === 'passed' && test.results.length === 1,
          })
        }
      }
    }
    for (const child of suite.suites ?? []) {
      visit(child)
    }
  }
  for (const suite of (report as { suites?: ReportSuite[] }).suites ?? []) {
    visit(suite)
  }
  return runs
}
