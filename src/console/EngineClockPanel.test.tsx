// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { EngineClockSnapshot } from '@/messaging/messages'
import { consoleStore } from '@/store/console-store'
import { updateEngineClock } from '@/store/worker-sync'
import type * as WorkerSync from '@/store/worker-sync'

import { EngineClockPanel } from './EngineClockPanel'

vi.mock('@/store/worker-sync', async (importOriginal) => ({
  ...(await importOriginal<typeof WorkerSync>()),
  updateEngineClock: vi.fn(),
}))

/** 2025-06-01 12:00:00 UTC. */
const ENGINE_START_MS = Date.UTC(2025, 5, 1, 12, 0, 0)
const initialState = consoleStore.getState()

beforeEach(() => {
  consoleStore.setState(initialState, true)
  vi.mocked(updateEngineClock).mockReset()
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('EngineClockPanel', () => {
  it('waits for the worker before showing the clock', () => {
    render(<EngineClockPanel />)

    const region = screen.getByRole('region', { name: 'Engine clock' })

    expect(region.textContent).toContain('Waiting for the service worker')
  })

  it('shows engine time in UTC and keeps it running', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    vi.setSystemTime(10_000)
    consoleStore.getState().mirrorClock(snapshot({ speed: 100, atRealMs: 10_000 }))
    render(<EngineClockPanel />)
    const engineTime = screen.getByRole('status', { name: 'Engine time' })
    expect(engineTime.textContent).toBe('2025-06-01 12:00:00 UTC')

    act(() => {
      vi.advanceTimersByTime(1_000)
    })

    expect(engineTime.textContent).toBe('2025-06-01 12:01:40 UTC')
  })

  it('offers the clock speeds and changes the speed', async () => {
    // The reply must be newer than the mirrored clock, or the store keeps the mirrored one.
    consoleStore.getState().mirrorClock(snapshot({ speed: 1, atRealMs: Date.now() - 1 }))
    vi.mocked(updateEngineClock).mockResolvedValue(snapshot({ speed: 100, atRealMs: Date.now() }))
    const user = userEvent.setup()
    render(<EngineClockPanel />)
    const speed = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Clock speed' })
    expect([...speed.options].map((option) => option.textContent)).toEqual([
      '1×',
      '10×',
      '100×',
      '1000×',
    ])

    await user.selectOptions(speed, '100×')

    expect(updateEngineClock).toHaveBeenCalledWith({ speed: 100 })
    await waitFor(() => expect(speed.selectedOptions[0]?.textContent).toBe('100×'))
  })

  it('advances the clock by the minutes typed', async () => {
    const advanced = { ...snapshot({ speed: 1, atRealMs: Date.now() }) }
    advanced.clock.anchorEngineMs += 30 * 60_000
    advanced.engineNow = advanced.clock.anchorEngineMs
    vi.mocked(updateEngineClock).mockResolvedValue(advanced)
    consoleStore.getState().mirrorClock(snapshot({ speed: 1, atRealMs: Date.now() - 1 }))
    const user = userEvent.setup()
    render(<EngineClockPanel />)
    const region = screen.getByRole('region', { name: 'Engine clock' })

    const minutes = within(region).getByRole('spinbutton', { name: 'Advance by minutes' })
    await user.clear(minutes)
    await user.type(minutes, '30')
    await user.click(within(region).getByRole('button', { name: 'Advance clock' }))

    expect(updateEngineClock).toHaveBeenCalledWith({ advanceMs: 1_800_000 })
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Engine time' }).textContent).toBe(
        '2025-06-01 12:30:00 UTC',
      ),
    )
  })

  it('shows why the clock cannot go back', async () => {
    consoleStore.getState().mirrorClock(snapshot({ speed: 1, atRealMs: Date.now() }))
    const user = userEvent.setup()
    render(<EngineClockPanel />)
    const minutes = screen.getByRole('spinbutton', { name: 'Advance by minutes' })

    await user.clear(minutes)
    await user.type(minutes, '-5{Enter}')

    expect(updateEngineClock).not.toHaveBeenCalled()
    const describedBy = minutes.getAttribute('aria-describedby') ?? ''
    expect(document.getElementById(describedBy)?.textContent).toBe(
      '-5 minutes would turn the engine clock back. Enter 0 or more minutes.',
    )
  })
})

function snapshot(options: { speed: number; atRealMs: number }): EngineClockSnapshot {
  return {
    clock: {
      speed: options.speed,
      anchorRealMs: options.atRealMs,
      anchorEngineMs: ENGINE_START_MS,
    },
    engineNow: ENGINE_START_MS,
  }
}
