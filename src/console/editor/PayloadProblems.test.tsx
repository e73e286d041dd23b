// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { PayloadProblems } from './PayloadProblems'
import { PayloadSizeStatus } from './PayloadSizeStatus'
import type { PayloadDiagnostic } from './payload-diagnostics'

const BROKEN_TAG: PayloadDiagnostic = {
  from: 60,
  to: 71,
  severity: 'error',
  message: 'Malformed XML payload at line 3, column 17: expected </wp:Text1>.',
  line: 3,
  column: 17,
}

afterEach(() => {
  cleanup()
})

describe('PayloadProblems', () => {
  it('lists each problem with its position', () => {
    const warning: PayloadDiagnostic = { ...BROKEN_TAG, severity: 'warning', message: 'Ignored.' }
    render(<PayloadProblems diagnostics={[BROKEN_TAG, warning]} onGoTo={vi.fn()} />)

    const items = screen.getAllByRole('listitem')
    expect(items.map((item) => item.textContent)).toEqual([
      `3:17 Error: ${BROKEN_TAG.message}`,
      '3:17 Warning: Ignored.',
    ])
  })

  it('goes to the problem on click', async () => {
    const user = userEvent.setup()
    const onGoTo = vi.fn()
    render(<PayloadProblems diagnostics={[BROKEN_TAG]} onGoTo={onGoTo} />)

    await user.click(screen.getByRole('button', { name: 'Go to line 3, column 17' }))

    expect(onGoTo).toHaveBeenCalledWith(BROKEN_TAG)
  })

  it('renders nothing without problems', () => {
    render(<PayloadProblems diagnostics={[]} onGoTo={vi.fn()} />)

    expect(screen.queryByRole('list', { name: 'Payload problems' })).toBeNull()
  })
})

describe('PayloadSizeStatus', () => {
  it.each([
    ['within the limit', { bytes: 250, limit: 3072, overLimit: false }, '250 of 3,072 bytes'],
    [
      'over the limit',
      { bytes: 1025, limit: 1024, overLimit: true },
      '1,025 of 1,024 bytes: over the limit',
    ],
    ['without a limit yet', { bytes: 12, limit: null, overLimit: false as const }, '12 bytes'],
    [
      'of invalid Base64',
      { bytes: null, limit: 1024, overLimit: false },
      'Invalid Base64 (limit 1,024 bytes)',
    ],
    [
      'of invalid Base64 without a limit yet',
      { bytes: null, limit: null, overLimit: false as const },
      'Invalid Base64: no bytes to count',
    ],
  ])('shows the count %s', (_name, size, text) => {
    render(<PayloadSizeStatus id="size" size={size} />)

    expect(screen.getByRole('status', { name: 'Payload size' }).textContent).toBe(text)
  })
})
