import { describe, expect, it } from 'vitest'

import { composeFigures } from './figures'
import { formatFigureLine } from './report'

describe('composeFigures', () => {
  it('skips series that were not measured', () => {
    expect(composeFigures({})).toEqual([])
  })

  it('meets the concurrent target at the median', () => {
    const lines = composeFigures({ 'accepted-concurrent': [1_000, 2_100, 2_400] }).map(
      formatFigureLine,
    )

    expect(lines).toEqual([
      'accepted-concurrent: 2100 notifications/s (p95 1110, target >= 2000, met)',
    ])
  })

  it('misses the concurrent target below 2000', () => {
    const [figure] = composeFigures({ 'accepted-concurrent': [1_999] })

    expect(figure?.target?.met).toBe(false)
  })

  it('gives the sequential figure no target', () => {
    const lines = composeFigures({ 'accepted-sequential': [300] }).map(formatFigureLine)

    expect(lines).toEqual(['accepted-sequential: 300 notifications/s (p95 300, target none)'])
  })

  it('compares toast latency with the floor', () => {
    const lines = composeFigures({
      'toast-latency': [12, 15, 18],
      'toast-latency-floor': [9, 10, 11],
    }).map(formatFigureLine)

    expect(lines).toEqual([
      'toast-latency-p50: 15.0 ms (p95 17.7, target <= 1.5x floor, met)',
      'toast-latency-floor: 10.0 ms (p95 10.9, target none)',
      'toast-latency-ratio: 1.50x (p95 1.62x, target <= 1.5x, met)',
    ])
  })

  it('misses the ratio target above 1.5', () => {
    const figures = composeFigures({ 'toast-latency': [16], 'toast-latency-floor': [10] })

    expect(figures.map((figure) => figure.target?.met)).toEqual([false, undefined, false])
  })

  it('compares the relayed toast with the in-page toast and the round trip', () => {
    const lines = composeFigures({
      'external-toast-latency': [20, 22, 24],
      'external-toast-in-page': [15, 16, 17],
      'loopback-round-trip': [1, 2, 3],
    }).map(formatFigureLine)

    expect(lines).toEqual([
      'external-toast-latency: 22.0 ms (p95 23.8, target <= in-page p50 + 2 x round trip p50 = 20.0 ms, missed)',
      'external-toast-in-page: 16.0 ms (p95 16.9, target none)',
      'loopback-round-trip: 2.00 ms (p95 2.90, target none)',
    ])
  })

  it('meets the relayed toast target within two round trips', () => {
    const [figure] = composeFigures({
      'external-toast-latency': [19],
      'external-toast-in-page': [15],
      'loopback-round-trip': [2],
    })

    expect(figure?.target?.met).toBe(true)
  })

  it('reports the drain in seconds and long tasks against 0', () => {
    const lines = composeFigures({
      'backlog-drain': [4_000, 5_000, 6_000],
      'backlog-drain-long-tasks': [0, 0, 2],
    }).map(formatFigureLine)

    expect(lines).toEqual([
      'backlog-drain: 5.00 s (p95 5.90, target none)',
      'backlog-drain-long-tasks: 0 tasks over 50 ms (p95 2, target 0, met)',
    ])
  })
})

describe('composeHandsetFigures', () => {
  it('meets the cold start target below one second', () => {
    const lines = composeFigures({ 'cold-start': [640, 700, 660] }).map(formatFigureLine)

    expect(lines).toEqual(['cold-start: 660 ms (p95 696, target < 1000 ms, met)'])
  })

  it('reports initial script in kilobytes', () => {
    const [figure] = composeFigures({ 'initial-js': [210 * 1024] })

    expect(figure?.name).toBe('initial-js')
    expect(figure?.summary.median).toBe(210)
    expect(figure?.target?.met).toBe(false)
  })

  it('misses the frame target above 17.5 ms', () => {
    const [figure] = composeFigures({ 'start-animation-frame': [16.7, 18, 20] })

    expect(figure?.target?.met).toBe(false)
  })

  it('meets the long task target at zero', () => {
    const [figure] = composeFigures({ 'start-animation-long-tasks': [0, 0, 1] })

    expect(figure?.target?.met).toBe(true)
  })

  it('judges keystroke-to-preview on p95', () => {
    const samples = [...Array.from({ length: 19 }, () => 20), 150]

    const lines = composeFigures({ 'keystroke-to-preview': samples }).map(formatFigureLine)

    expect(lines).toEqual(['keystroke-to-preview: 20.0 ms (p95 26.5, target p95 <= 100 ms, met)'])
  })

  it('misses keystroke-to-preview above 100 ms at p95', () => {
    const [figure] = composeFigures({ 'keystroke-to-preview': [20, 30, 120, 130] })

    expect(figure?.target?.met).toBe(false)
  })
  it('compares the example scenario with 2 s at the median', () => {
    const lines = composeFigures({ 'example-scenario': [900, 1_100, 2_600] }).map(formatFigureLine)

    expect(lines).toEqual(['example-scenario: 1.10 s (p95 2.45, target <= 2 s, met)'])
  })

  it('misses the example suite target when any repetition failed', () => {
    const [figure] = composeFigures({ 'example-suite-failures': [0, 0, 1, 0, 0] })

    expect(figure?.target?.met).toBe(false)
    expect(figure === undefined ? '' : formatFigureLine(figure)).toBe(
      'example-suite-failures: 0 failed tests per repetition (p95 1, target 0 in every repetition, missed)',
    )
  })
})
