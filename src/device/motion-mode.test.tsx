// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { MotionModeProvider, useMotionMode } from './motion-mode'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('useMotionMode', () => {
  it('defaults to animated, seed 0, tick 0', () => {
    render(<MotionProbe />)

    expect(screen.getByRole('status').textContent).toBe('animated 0 0')
  })

  it('reads the nearest provider', () => {
    render(
      <MotionModeProvider mode="deterministic" seed={7} tick={3}>
        <MotionProbe />
      </MotionModeProvider>,
    )

    expect(screen.getByRole('status').textContent).toBe('deterministic 7 3')
  })

  it.each([
    ['animated', 'reduced'],
    ['reduced', 'reduced'],
    ['deterministic', 'deterministic'],
  ] as const)('turns %s into %s under prefers-reduced-motion', (requested, effective) => {
    stubReducedMotion(true)
    render(
      <MotionModeProvider mode={requested}>
        <MotionProbe />
      </MotionModeProvider>,
    )

    expect(screen.getByRole('status').textContent).toBe(`${effective} 0 0`)
  })

  it('keeps animated without the preference', () => {
    stubReducedMotion(false)
    render(<MotionProbe />)

    expect(screen.getByRole('status').textContent).toBe('animated 0 0')
  })
})

function MotionProbe() {
  const { mode, seed, tick } = useMotionMode()
  return <output role="status">{`${mode} ${seed} ${tick}`}</output>
}

function stubReducedMotion(matches: boolean): void {
  const query = {
    matches,
    media: '(prefers-reduced-motion: reduce)',
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
  }
  vi.stubGlobal(
    'matchMedia',
    vi.fn(() => query),
  )
}
