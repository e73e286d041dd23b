// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { getHandsetStore } from '@/store/handset-runtime'

import { DeviceStatePanel } from './DeviceStatePanel'

const store = getHandsetStore('handset-1')
const initialState = store.getState()

beforeEach(() => {
  window.localStorage.clear()
  store.setState(initialState, true)
})

afterEach(() => {
  cleanup()
})

describe('DeviceStatePanel', () => {
  it('turns airplane mode on and off', async () => {
    const user = userEvent.setup()
    render(<DeviceStatePanel />)
    const region = screen.getByRole('region', { name: 'Device state' })
    const airplaneMode = within(region).getByRole<HTMLInputElement>('checkbox', {
      name: 'Airplane mode',
    })
    expect(airplaneMode.checked).toBe(false)

    await user.click(airplaneMode)
    expect(store.getState().airplaneMode).toBe(true)
    expect(airplaneMode.checked).toBe(true)

    await user.click(airplaneMode)
    expect(store.getState().airplaneMode).toBe(false)
  })

  it('changes the battery level', async () => {
    const user = userEvent.setup()
    render(<DeviceStatePanel />)
    const battery = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Battery' })
    expect([...battery.options].map((option) => option.textContent)).toEqual([
      'Normal',
      'Battery saver',
      'Critical',
    ])

    await user.selectOptions(battery, 'Battery saver')
    expect(store.getState().battery).toBe('saver')

    await user.selectOptions(battery, 'Critical')
    expect(store.getState().battery).toBe('critical')
    expect(battery.selectedOptions[0]?.textContent).toBe('Critical')
  })
})
