import { describe, expect, it, vi } from 'vitest'
import type { StateStorage } from 'zustand/middleware'

import { HANDSET_1, HANDSET_1_STORAGE_KEY } from '@/test/handset-builders'

import { createDeviceStore } from '../device-store'
import { toDeviceStatePayload } from './device-state-slice'

vi.mock('@/store/worker-sync', () => ({
  openChannel: vi.fn(() => new Promise(() => undefined)),
  closeChannel: vi.fn(() => Promise.resolve(null)),
}))

describe('device state slice', () => {
  it('starts at 80 % with saver when low', () => {
    const store = createTestStore()

    expect(store.getState().batteryPercent).toBe(80)
    expect(store.getState().batterySaver).toBe('when-low')
    expect(store.getState().battery).toBe('normal')
  })

  it('derives the reported level from the charge', () => {
    const store = createTestStore()

    store.getState().changeBatteryPercent(15)
    expect(store.getState().battery).toBe('saver')
    expect(toDeviceStatePayload(store.getState()).battery).toBe('saver')

    store.getState().changeBatteryPercent(3)
    expect(store.getState().battery).toBe('critical')

    store.getState().changeBatteryPercent(50)
    expect(store.getState().battery).toBe('normal')
  })

  it('derives the reported level from the saver option', () => {
    const store = createTestStore()
    store.getState().changeBatteryPercent(90)

    store.getState().chooseBatterySaver('until-charge')
    expect(store.getState().battery).toBe('saver')

    store.getState().chooseBatterySaver('off')
    expect(store.getState().battery).toBe('normal')
  })

  it('clamps the charge to 0-100 %', () => {
    const store = createTestStore()

    store.getState().changeBatteryPercent(140)
    expect(store.getState().batteryPercent).toBe(100)

    store.getState().changeBatteryPercent(-3)
    expect(store.getState().batteryPercent).toBe(0)
  })

  it('sets a state the console chooses', () => {
    const store = createTestStore()

    store.getState().changeBatteryState('saver')
    expect(store.getState().battery).toBe('saver')
    expect(store.getState().batteryPercent).toBe(15)

    store.getState().changeBatteryState('critical')
    expect(store.getState().battery).toBe('critical')

    store.getState().changeBatteryState('normal')
    expect(store.getState().battery).toBe('normal')
    expect(store.getState().batteryPercent).toBe(80)
  })

  it('notifies no change for the same charge', () => {
    const store = createTestStore()
    const listener = vi.fn()
    store.subscribe(listener)

    store.getState().changeBatteryPercent(80)
    store.getState().chooseBatterySaver('when-low')
    store.getState().changeBatteryState('normal')

    expect(listener).not.toHaveBeenCalled()
  })

  it('restores charge and saver after a reload', () => {
    const storage = createMemoryStorage()
    const first = createDeviceStore({ ...HANDSET_1, storage })
    first.getState().changeBatteryPercent(12)
    first.getState().chooseBatterySaver('off')

    const second = createDeviceStore({ ...HANDSET_1, storage })

    expect(second.getState().batteryPercent).toBe(12)
    expect(second.getState().batterySaver).toBe('off')
    expect(second.getState().battery).toBe('normal')
  })

  it.each([
    [{ battery: 'saver' }, 15, 'when-low', 'saver'],
    [{ battery: 'critical' }, 3, 'when-low', 'critical'],
    [{ battery: 'low' }, 80, 'when-low', 'normal'],
    [{ batteryPercent: 101, batterySaver: 'sometimes' }, 80, 'when-low', 'normal'],
    [{ batteryPercent: 12.5, batterySaver: 'off' }, 80, 'off', 'normal'],
    [{ batteryPercent: 10, battery: 'critical' }, 10, 'when-low', 'saver'],
  ])('restores stored %o', (stored, percent, saver, battery) => {
    const storage = createMemoryStorage()
    void storage.setItem(HANDSET_1_STORAGE_KEY, JSON.stringify({ state: stored, version: 1 }))

    const store = createDeviceStore({ ...HANDSET_1, storage })

    expect(store.getState().batteryPercent).toBe(percent)
    expect(store.getState().batterySaver).toBe(saver)
    expect(store.getState().battery).toBe(battery)
  })
})

function createTestStore() {
  return createDeviceStore({ ...HANDSET_1, storage: createMemoryStorage() })
}

function createMemoryStorage(): StateStorage {
  const items = new Map<string, string>()
  return {
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => {
      items.set(name, value)
    },
    removeItem: (name) => {
      items.delete(name)
    },
  }
}
