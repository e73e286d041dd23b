import { describe, expect, it } from 'vitest'

import { createExponentialEaseIn, createExponentialEaseOut } from './motion'

describe('createExponentialEaseOut', () => {
  it('runs from 0 to 1 and front-loads the motion', () => {
    const easeOut = createExponentialEaseOut(6)
    const easeIn = createExponentialEaseIn(6)

    expect(easeOut(0)).toBeCloseTo(0)
    expect(easeOut(1)).toBeCloseTo(1)
    expect(easeOut(0.25)).toBeGreaterThan(0.75)
    expect(easeIn(0.25)).toBeLessThan(0.25)
    expect(easeOut(0.4)).toBeCloseTo(1 - easeIn(0.6))
  })
})
