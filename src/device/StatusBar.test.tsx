// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { MotionGlobalConfig } from 'framer-motion'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { createDeviceStore } from '@/store/device-store'
import type { DeviceStoreApi } from '@/store/device-store'
import { HandsetStoreProvider } from '@/store/handset-context'
import { HANDSET_1 } from '@/test/handset-builders'

import { StatusBar } from './StatusBar'

vi.mock('@/store/worker-sync', () => ({
  openChannel: vi.fn(() => new Promise(() => undefined)),
  closeChannel: vi.fn(() => Promise.resolve(null)),
}))

const REVEAL_MS = 8_000
let store: DeviceStoreApi

beforeEach(() => {
  MotionGlobalConfig.skipAnimations = true
  vi.useFakeTimers()
  window.localStorage.clear()
  store = createDeviceStore(HANDSET_1)
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('StatusBar', () => {
  it('shows only the clock at first', () => {
    renderStatusBar()

    expect(screen.getByText(/^\d\d:\d\d$/)).toBeTruthy()
    expect(screen.queryByRole('img')).toBeNull()
  })

  it('reveals the indicators for 8 s after a tap', async () => {
    renderStatusBar()

    fireEvent.click(screen.getByRole('button', { name: 'Show status indicators' }))
    expect(screen.getByRole('img', { name: 'Signal strength' })).toBeTruthy()
    expect(screen.getByRole('img', { name: 'Wi-Fi' })).toBeTruthy()
    expect(screen.getByRole('img', { name: 'Battery 80 %' })).toBeTruthy()

    await act(() => vi.advanceTimersByTimeAsync(REVEAL_MS - 100))
    expect(screen.getByRole('img', { name: 'Battery 80 %' })).toBeTruthy()

    await act(() => vi.advanceTimersByTimeAsync(1_000))
    expect(screen.queryByRole('img', { name: 'Battery 80 %' })).toBeNull()
    expect(screen.queryByRole('img', { name: 'Signal strength' })).toBeNull()
  })

  it('restarts the 8 s on another tap', async () => {
    renderStatusBar()
    const tray = screen.getByRole('button', { name: 'Show status indicators' })

    fireEvent.click(tray)
    await act(() => vi.advanceTimersByTimeAsync(6_000))
    fireEvent.click(tray)
    await act(() => vi.advanceTimersByTimeAsync(6_000))

    expect(screen.getByRole('img', { name: 'Battery 80 %' })).toBeTruthy()
  })

  it('always shows airplane mode instead of the radios', () => {
    act(() => store.getState().turnOnAirplaneMode())
    renderStatusBar()
    expect(screen.getByRole('img', { name: 'Airplane mode' })).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Show status indicators' }))

    expect(screen.getByRole('img', { name: 'Airplane mode' })).toBeTruthy()
    expect(screen.queryByRole('img', { name: 'Signal strength' })).toBeNull()
    expect(screen.queryByRole('img', { name: 'Wi-Fi' })).toBeNull()
    expect(screen.getByRole('img', { name: 'Battery 80 %' })).toBeTruthy()
  })

  it('marks battery saver on the battery', () => {
    act(() => store.getState().changeBatteryPercent(15))
    renderStatusBar()

    fireEvent.click(screen.getByRole('button', { name: 'Show status indicators' }))

    expect(screen.getByRole('img', { name: 'Battery 15 %' })).toBeTruthy()
    expect(screen.getByRole('img', { name: 'Battery saver' })).toBeTruthy()
  })

  it('shows no saver mark on a normal battery', () => {
    renderStatusBar()

    fireEvent.click(screen.getByRole('button', { name: 'Show status indicators' }))

    expect(screen.queryByRole('img', { name: 'Battery saver' })).toBeNull()
  })
})

function renderStatusBar() {
  return render(
    <HandsetStoreProvider store={store}>
      <StatusBar />
    </HandsetStoreProvider>,
  )
}
