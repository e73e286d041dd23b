import { describe, expect, it } from 'vitest'
import type { StateStorage } from 'zustand/middleware'

import { applyDeviceStateChange } from './device-state-change'
import { createDeviceStore } from './device-store'

function createFreshStore() {
  const items = new Map<string, string>()
  const storage: StateStorage = {
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => {
      items.set(name, value)
    },
    removeItem: (name) => {
      items.delete(name)
    },
  }
  return createDeviceStore({ handsetId: 'handset-1', handsetName: 'Handset 1', storage })
}

describe('applyDeviceStateChange', () => {
  it.each([
    [{ screen: 'off' }, { display: 'off', locked: true }],
    [{ locked: true }, { display: 'on', locked: true }],
    [
      { screen: 'on', locked: false },
      { display: 'on', locked: false },
    ],
  ] as const)('reaches %j from an unlocked handset', (change, expected) => {
    const store = createFreshStore()

    expect(applyDeviceStateChange(store, change)).toBeUndefined()

    expect({ display: store.getState().display, locked: store.getState().locked }).toEqual(expected)
  })

  it('lights a dark screen on the lock screen', () => {
    const store = createFreshStore()
    store.getState().pressPower()

    applyDeviceStateChange(store, { screen: 'on' })

    expect(store.getState().display).toBe('on')
    expect(store.getState().locked).toBe(true)
  })

  it('rejects unlocking a dark screen', () => {
    const store = createFreshStore()
    store.getState().pressPower()

    const problem = applyDeviceStateChange(store, { locked: false })

    expect(problem).toBe(
      'Failed to unlock Handset 1: its screen is off, and a dark screen is always locked. Set "screen" to "on" as well.',
    )
    expect(store.getState().display).toBe('off')
  })

  it('sets the charge before the saver option', () => {
    const store = createFreshStore()

    applyDeviceStateChange(store, { battery: 10, batterySaver: 'on', airplaneMode: true })

    expect(store.getState().batteryPercent).toBe(10)
    expect(store.getState().batterySaver).toBe('until-charge')
    expect(store.getState().airplaneMode).toBe(true)
  })

  it('rejects a battery level outside 0 to 100', () => {
    const store = createFreshStore()

    expect(applyDeviceStateChange(store, { battery: 120 })).toBe(
      'Invalid battery level 120 for Handset 1: use a whole percent from 0 to 100.',
    )
  })
})
