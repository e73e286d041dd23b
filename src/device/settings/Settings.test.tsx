// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MotionGlobalConfig } from 'framer-motion'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { createDeviceStore } from '@/store/device-store'
import type { DeviceStoreApi } from '@/store/device-store'
import { HandsetStoreProvider } from '@/store/handset-context'
import { handsetRegistry } from '@/store/handset-registry'
import { openChannel } from '@/store/worker-sync'
import { HANDSET_1 } from '@/test/handset-builders'

import { Handset } from '../Handset'

vi.mock('@/store/worker-sync', () => ({
  openChannel: vi.fn(),
  closeChannel: vi.fn(() => Promise.resolve(null)),
}))

const WEATHER = 'contoso-weather'
const CHAT = 'contoso-chat'
const initialRegistry = handsetRegistry.getState()
let store: DeviceStoreApi

beforeEach(() => {
  MotionGlobalConfig.skipAnimations = true
  window.localStorage.clear()
  handsetRegistry.setState(initialRegistry, true)
  store = createDeviceStore(HANDSET_1)
  vi.mocked(openChannel).mockReset()
  vi.mocked(openChannel).mockImplementation(() => new Promise(() => undefined))
})

afterEach(() => {
  cleanup()
})

describe('Settings', () => {
  it('opens from the app list and goes back', async () => {
    const user = userEvent.setup()
    renderHandset()
    await user.click(screen.getByRole('button', { name: 'App list' }))

    await user.click(screen.getByRole('button', { name: 'Settings' }))
    const entries = ['theme', 'lock screen', 'airplane mode', 'battery saver']
    for (const name of entries) {
      expect(screen.getByRole('button', { name })).toBeTruthy()
    }

    await user.click(screen.getByRole('button', { name: 'airplane mode' }))
    expect(screen.getByRole('switch', { name: 'Airplane mode' })).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Back' }))
    await user.click(screen.getByRole('button', { name: 'Back' }))
    expect(screen.getByRole('region', { name: 'App list' })).toBeTruthy()
  })

  it('summarises each page on the list', () => {
    act(() => store.getState().openSettings())
    renderHandset()

    expect(screen.getByRole('button', { name: 'airplane mode' }).textContent).toBe(
      'airplane modeOff',
    )
    expect(screen.getByRole('button', { name: 'battery saver' }).textContent).toBe(
      'battery saverNormal, 80 %',
    )
    expect(screen.getByRole('button', { name: 'theme' }).textContent).toBe(
      'themedark background, cobalt',
    )
  })

  it('chooses lock screen apps the manifest allows', async () => {
    const user = userEvent.setup()
    act(() => store.getState().openSettings('lock-screen'))
    renderHandset()
    const detailed = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Detailed status' })
    expect(optionLabels(detailed)).toEqual(['none', 'Contoso Chat'])

    await user.selectOptions(detailed, 'Contoso Chat')
    expect(store.getState().detailedStatusAppId).toBe(CHAT)

    for (const slot of [1, 2, 3, 4, 5]) {
      const select = screen.getByRole<HTMLSelectElement>('combobox', {
        name: `Quick status ${slot}`,
      })
      expect(optionLabels(select)).toEqual(['none', 'Contoso Chat'])
    }
    await user.selectOptions(screen.getByRole('combobox', { name: 'Quick status 3' }), CHAT)
    expect(store.getState().quickStatusAppIds).toEqual([null, null, CHAT, null, null])

    await user.selectOptions(screen.getByRole('combobox', { name: 'Quick status 3' }), 'none')
    expect(store.getState().quickStatusAppIds).toEqual([null, null, null, null, null])
  })

  it('changes background and accent in the profile', async () => {
    const user = userEvent.setup()
    act(() => store.getState().openSettings('theme'))
    renderHandset()

    await user.selectOptions(screen.getByRole('combobox', { name: 'Background' }), 'light')
    expect(readProfile()?.theme).toBe('light')

    const accents = screen.getByRole('radiogroup', { name: 'Accent colour' })
    expect(within(accents).getAllByRole('radio')).toHaveLength(20)
    expect(within(accents).getByRole<HTMLInputElement>('radio', { name: 'cobalt' }).checked).toBe(
      true,
    )
    await user.click(within(accents).getByRole('radio', { name: 'crimson' }))
    expect(readProfile()?.accent).toBe('crimson')
  })

  it('switches airplane mode', async () => {
    const user = userEvent.setup()
    act(() => store.getState().openSettings('airplane-mode'))
    renderHandset()
    const airplaneSwitch = screen.getByRole<HTMLInputElement>('switch', { name: 'Airplane mode' })

    await user.click(airplaneSwitch)
    expect(store.getState().airplaneMode).toBe(true)
    expect(screen.getByRole('img', { name: 'Airplane mode' })).toBeTruthy()

    await user.click(airplaneSwitch)
    expect(store.getState().airplaneMode).toBe(false)
  })

  it('sets battery level and saver', async () => {
    const user = userEvent.setup()
    act(() => store.getState().openSettings('battery-saver'))
    renderHandset()
    const level = screen.getByRole<HTMLInputElement>('slider', { name: 'Battery level' })
    const powerLevel = screen.getByRole('status', { name: 'Power level' })
    expect(level.value).toBe('80')

    fireEvent.change(level, { target: { value: '15' } })
    expect(store.getState().batteryPercent).toBe(15)
    expect(level.getAttribute('aria-valuetext')).toBe('15 %')
    expect(powerLevel.textContent).toBe('Battery saver on')

    const saver = screen.getByRole('radiogroup', { name: 'Battery saver' })
    await user.click(within(saver).getByRole('radio', { name: 'Off' }))
    expect(store.getState().batterySaver).toBe('off')
    expect(powerLevel.textContent).toBe('Normal')

    fireEvent.change(level, { target: { value: '3' } })
    expect(powerLevel.textContent).toBe('Critically low')

    fireEvent.change(level, { target: { value: '90' } })
    await user.click(within(saver).getByRole('radio', { name: 'Now until next charge' }))
    expect(store.getState().battery).toBe('saver')
  })

  it('turns app notifications off and on', async () => {
    const user = userEvent.setup()
    act(() => {
      store.getState().launchApp(WEATHER)
      store.getState().answerPermission(WEATHER, true)
    })
    renderHandset()

    await user.click(screen.getByRole('button', { name: 'Notification settings' }))
    const toasts = screen.getByRole<HTMLInputElement>('switch', { name: 'Toast notifications' })
    const tiles = screen.getByRole<HTMLInputElement>('switch', { name: 'Live Tile updates' })
    expect(toasts.checked).toBe(true)
    expect(tiles.checked).toBe(true)

    await user.click(toasts)
    expect(store.getState().apps[WEATHER]?.permission).toBe('declined')
    expect(openChannel).toHaveBeenLastCalledWith(
      expect.objectContaining({ bindToast: false, bindTile: true }),
    )

    await user.click(tiles)
    expect(store.getState().apps[WEATHER]?.tileUpdatesEnabled).toBe(false)
    expect(openChannel).toHaveBeenLastCalledWith(
      expect.objectContaining({ bindToast: false, bindTile: false }),
    )

    await user.click(toasts)
    await user.click(tiles)
    expect(openChannel).toHaveBeenLastCalledWith(
      expect.objectContaining({ bindToast: true, bindTile: true }),
    )

    await user.click(screen.getByRole('button', { name: 'Back' }))
    expect(screen.getByRole('status', { name: 'Current page' })).toBeTruthy()
  })
})

function optionLabels(select: HTMLSelectElement): string[] {
  return [...select.options].map((option) => option.textContent)
}

function readProfile() {
  return handsetRegistry.getState().handsets.find((handset) => handset.id === HANDSET_1.handsetId)
}

function renderHandset() {
  return render(
    <HandsetStoreProvider store={store}>
      <Handset handsetId={HANDSET_1.handsetId} />
    </HandsetStoreProvider>,
  )
}
