import { describe, expect, it } from 'vitest'

import { parseStatusCount } from './status-count'

describe('parseStatusCount', () => {
  it.each([
    { text: '0', expected: 0 },
    { text: '10000', expected: 10_000 },
    { text: '10,000', expected: 10_000 },
    { text: '10\u202f000 received', expected: 10_000 },
    { text: '1\u00a0234\u00a0567', expected: 1_234_567 },
    { text: 'Raw notifications received: 20,000', expected: 20_000 },
    { text: '42 raw notifications', expected: 42 },
  ])('reads $expected from "$text"', ({ text, expected }) => {
    expect(parseStatusCount(text)).toBe(expected)
  })

  it('keeps numbers apart that are not digit groups', () => {
    expect(parseStatusCount('12, 5 apps')).toBe(12)
  })

  it('returns null without a number', () => {
    expect(parseStatusCount('None yet')).toBeNull()
  })
})
