import { describe, expect, it, vi } from 'vitest'
import type { StateStorage } from 'zustand/middleware'

import { HANDSET_1, HANDSET_1_STORAGE_KEY } from '@/test/handset-builders'

import { createDeviceStore, selectForegroundAppId } from '../device-store'
import { selectIsScreenInteractive } from './power-slice'

vi.mock('@/store/worker-sync', () => ({
  openChannel: vi.fn(() => new Promise(() => undefined)),
  closeChannel: vi.fn(() => Promise.resolve(null)),
}))

const WEATHER = 'contoso-weather'

describe('power slice', () => {
  it('starts on and unlocked', () => {
    const store = createTestStore()

    expect(store.getState().display).toBe('on')
    expect(store.getState().locked).toBe(false)
    expect(selectIsScreenInteractive(store.getState())).toBe(true)
  })

  it('turns off and locks on Power', () => {
    const store = createTestStore()

    store.getState().pressPower()

    expect(store.getState().display).toBe('off')
    expect(store.getState().locked).toBe(true)
    expect(selectIsScreenInteractive(store.getState())).toBe(false)
  })

  it('wakes to the lock screen on Power', () => {
    const store = createTestStore()
    store.getState().pressPower()

    store.getState().pressPower()

    expect(store.getState().display).toBe('on')
    expect(store.getState().locked).toBe(true)
    expect(selectIsScreenInteractive(store.getState())).toBe(false)
  })

  it('unlocks a lit lock screen', () => {
    const store = createTestStore()
    store.getState().pressPower()
    store.getState().pressPower()

    store.getState().unlock()

    expect(store.getState().locked).toBe(false)
    expect(selectIsScreenInteractive(store.getState())).toBe(true)
  })

  it('ignores unlock while the display is off', () => {
    const store = createTestStore()
    store.getState().pressPower()

    store.getState().unlock()

    expect(store.getState().display).toBe('off')
    expect(store.getState().locked).toBe(true)
  })

  it('keeps the foreground app while locked', () => {
    const store = createTestStore()
    store.getState().launchApp(WEATHER)

    store.getState().pressPower()
    store.getState().pressPower()

    expect(selectForegroundAppId(store.getState())).toBe(WEATHER)
    store.getState().unlock()
    expect(selectForegroundAppId(store.getState())).toBe(WEATHER)
  })

  it('restores the display and lock after a reload', () => {
    const storage = createMemoryStorage()
    const first = createDeviceStore({ ...HANDSET_1, storage })
    first.getState().pressPower()

    const second = createDeviceStore({ ...HANDSET_1, storage })

    expect(second.getState().display).toBe('off')
    expect(second.getState().locked).toBe(true)
  })

  it.each([
    [{ display: 'dim', locked: 'yes' }, 'on', false],
    [{ display: 'off', locked: false }, 'off', true],
    [{ display: 'on', locked: true }, 'on', true],
    [{}, 'on', false],
  ])('repairs stored %o', (stored, display, locked) => {
    const storage = createMemoryStorage()
    void storage.setItem(HANDSET_1_STORAGE_KEY, JSON.stringify({ state: stored, version: 1 }))

    const store = createDeviceStore({ ...HANDSET_1, storage })

    expect(store.getState().display).toBe(display)
    expect(store.getState().locked).toBe(locked)
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
