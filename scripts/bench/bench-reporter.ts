import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'

import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter'

import { composeFigures } from './figures'
import type { SeriesName, SeriesSamples } from './figures'
import { BENCH_RESULT_ATTACHMENT, formatFigureLine, writeBenchmarkPage } from './report'
import type { BenchResult } from './report'

const BENCHMARK_PAGE_PATH = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url))

const CONFIG_PATH = 'scripts/bench/bench.config.ts'

/** Matches the color codes that Playwright puts into error messages. */
const ANSI_COLOR_CODE = /\u001b\[[0-9;]*m/g

/**
 * Collects the samples that the benchmark tests attach, prints one line per figure and rewrites
 * docs/benchmarks.md. A test that failed leaves a note in place of its samples.
 */
export default class BenchReporter implements Reporter {
  private readonly samples: SeriesSamples = {}
  private readonly notes = new Set<string>()
  private chromiumVersion = 'unknown'
  private readonly startedAt = new Date()
  private readonly loadAtStart = readLoadAverage()

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'passed') {
      const firstLine = result.error?.message?.split('\n')[0]?.replace(ANSI_COLOR_CODE, '')
      this.notes.add(
        `${test.title}: not measured, because the test ${result.status}: ${firstLine ?? 'no error message'}`,
      )
      return
    }

    // A passing test without an attachment is a warm-up run.
    const attachment = result.attachments.find((item) => item.name === BENCH_RESULT_ATTACHMENT)
    if (attachment?.body === undefined) {
      return
    }
    const benchResult = JSON.parse(attachment.body.toString('utf8')) as BenchResult
    for (const name of Object.keys(benchResult.samples) as SeriesName[]) {
      const series = (this.samples[name] ??= [])
      series.push(...(benchResult.samples[name] ?? []))
    }
    for (const note of benchResult.notes) {
      this.notes.add(note)
    }
    this.chromiumVersion = benchResult.chromiumVersion
  }

  onEnd(result: FullResult): void {
    const figures = composeFigures(this.samples)
    const notes = [...this.notes]
    const lines = [...figures.map(formatFigureLine), ...notes.map((note) => `note: ${note}`)]
    process.stdout.write(`\n${lines.join('\n')}\n`)

    if (figures.length === 0) {
      process.stdout.write(
        `No figures were measured (run ${result.status}), so ${BENCHMARK_PAGE_PATH} is unchanged.\n`,
      )
      return
    }
    writeBenchmarkPage(BENCHMARK_PAGE_PATH, figures, {
      command: describeCommand(),
      date: this.startedAt,
      target: describeTarget(),
      chromiumVersion: this.chromiumVersion,
      loadAverage: `${this.loadAtStart} at the start, ${readLoadAverage()} at the end`,
      notes,
    })
    process.stdout.write(`Wrote ${BENCHMARK_PAGE_PATH}\n`)
  }

  printsToStdio(): boolean {
    return true
  }
}

/** Reads the 1-minute load average, which shows other work competing for the cores. */
function readLoadAverage(): string {
  return (loadavg()[0] ?? 0).toFixed(1)
}

function describeCommand(): string {
  const baseUrl = process.env.BENCH_BASE_URL
  const prefix = baseUrl === undefined ? '' : `BENCH_BASE_URL=${baseUrl} `
  const command =
    process.env.npm_lifecycle_event === 'bench'
      ? 'npm run bench'
      : `npx playwright test --config ${CONFIG_PATH}`
  return `${prefix}${command}`
}

function describeTarget(): string {
  const baseUrl = process.env.BENCH_BASE_URL
  if (baseUrl !== undefined) {
    return `the app already served at ${baseUrl} (BENCH_BASE_URL)`
  }
  return 'a production build of this checkout (`vite build`, served by `vite preview` on 127.0.0.1:5312)'
}
