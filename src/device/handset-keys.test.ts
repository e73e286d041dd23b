import { describe, expect, it, vi } from 'vitest'
import type { StateStorage } from 'zustand/middleware'

import { createDeviceStore } from '@/store/device-store'
import { HANDSET_1 } from '@/test/handset-builders'

import { pressHardwareKey, toHardwareKey } from './handset-keys'
import type { HardwareKey, KeyPress } from './handset-keys'

vi.mock('@/store/worker-sync', () => ({
  openChannel: vi.fn(() => new Promise(() => undefined)),
  closeChannel: vi.fn(() => Promise.resolve(null)),
}))

const PLAIN: KeyPress = {
  key: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  repeat: false,
}

describe('toHardwareKey', () => {
  it.each<[Partial<KeyPress>, HardwareKey | undefined]>([
    [{ key: 'F1' }, 'back'],
    [{ key: 'F2' }, 'start'],
    [{ key: 'F3' }, 'search'],
    [{ key: 'F4' }, 'power'],
    [{ key: 'F12' }, undefined],
    [{ key: 'Escape' }, undefined],
    [{ key: 'F4', altKey: true }, undefined],
    [{ key: 'F1', ctrlKey: true }, undefined],
    [{ key: 'F2', metaKey: true }, undefined],
    [{ key: 'F3', shiftKey: true }, undefined],
    [{ key: 'F4', repeat: true }, undefined],
  ])('maps %o to %s', (press, expected) => {
    expect(toHardwareKey({ ...PLAIN, ...press })).toBe(expected)
  })
})

describe('pressHardwareKey', () => {
  it('goes back and to Start', () => {
    const store = createTestStore()
    store.getState().openAppList()
    store.getState().openSettings()

    pressHardwareKey(store.getState(), 'back')
    expect(store.getState().screen).toEqual({ kind: 'app-list' })

    pressHardwareKey(store.getState(), 'start')
    expect(store.getState().screen).toEqual({ kind: 'start' })
  })

  it('toggles the display with Power', () => {
    const store = createTestStore()

    pressHardwareKey(store.getState(), 'power')
    expect(store.getState().display).toBe('off')

    pressHardwareKey(store.getState(), 'power')
    expect(store.getState().display).toBe('on')
    expect(store.getState().locked).toBe(true)
  })

  it('ignores Back and Start while locked', () => {
    const store = createTestStore()
    store.getState().openAppList()
    store.getState().pressPower()

    pressHardwareKey(store.getState(), 'back')
    pressHardwareKey(store.getState(), 'start')
    expect(store.getState().screen).toEqual({ kind: 'app-list' })

    store.getState().pressPower()
    pressHardwareKey(store.getState(), 'back')
    expect(store.getState().screen).toEqual({ kind: 'app-list' })
  })

  it('logs the Search key', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined)
    const store = createTestStore()

    pressHardwareKey(store.getState(), 'search')

    expect(info).toHaveBeenCalledWith('[app]', 'Search key pressed; search is not emulated.')
    info.mockRestore()
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
