import { describe, expect, it, vi } from 'vitest'
import type { StateStorage } from 'zustand/middleware'

import { HANDSET_1, HANDSET_1_STORAGE_KEY } from '@/test/handset-builders'

import { createDeviceStore, selectForegroundAppId } from '../device-store'

vi.mock('@/store/worker-sync', () => ({
  openChannel: vi.fn(() => new Promise(() => undefined)),
  closeChannel: vi.fn(() => Promise.resolve(null)),
}))

const WEATHER = 'contoso-weather'
const CHAT = 'contoso-chat'

describe('navigation slice', () => {
  it('goes back through settings pages', () => {
    const store = createTestStore()
    store.getState().openAppList()
    store.getState().openSettings()
    store.getState().openSettings('battery-saver')

    expect(store.getState().screen).toEqual({ kind: 'settings', page: 'battery-saver' })
    store.getState().goBack()
    expect(store.getState().screen).toEqual({ kind: 'settings', page: 'home' })
    store.getState().goBack()
    expect(store.getState().screen).toEqual({ kind: 'app-list' })
    store.getState().goBack()
    expect(store.getState().screen).toEqual({ kind: 'start' })
  })

  it('ignores opening the page on screen', () => {
    const store = createTestStore()
    store.getState().openSettings('theme')
    const count = store.getState().navigationCount

    store.getState().openSettings('theme')

    expect(store.getState().navigationCount).toBe(count)
    expect(store.getState().backStack).toEqual([{ kind: 'start' }])
  })

  it('reports no foreground app in Settings', () => {
    const store = createTestStore()
    store.getState().launchApp(WEATHER)

    store.getState().openSettings()

    expect(selectForegroundAppId(store.getState())).toBeNull()
  })

  it('keeps the app in the foreground on its settings page', () => {
    const store = createTestStore()
    store.getState().launchApp(WEATHER)

    store.getState().openAppSettings(WEATHER)

    expect(store.getState().screen).toEqual({ kind: 'app-settings', appId: WEATHER })
    expect(selectForegroundAppId(store.getState())).toBe(WEATHER)
    store.getState().goBack()
    expect(store.getState().screen).toMatchObject({ kind: 'app', appId: WEATHER })
  })

  it('opens settings only for the app on screen', () => {
    const store = createTestStore()
    store.getState().launchApp(WEATHER)

    store.getState().openAppSettings(CHAT)

    expect(store.getState().screen).toMatchObject({ kind: 'app', appId: WEATHER })
  })

  it('closes the settings page of an uninstalled app', () => {
    const store = createTestStore()
    store.getState().launchApp(WEATHER)
    store.getState().openAppSettings(WEATHER)

    store.getState().uninstallApp(WEATHER)

    expect(store.getState().screen).toEqual({ kind: 'start' })
    expect(store.getState().backStack).toEqual([])
  })

  it('drops the settings page of a relaunched app from the back stack', () => {
    const store = createTestStore()
    store.getState().launchApp(WEATHER)
    store.getState().openAppSettings(WEATHER)

    store.getState().launchApp(WEATHER)

    expect(store.getState().backStack).toEqual([{ kind: 'start' }])
  })

  it('restores settings screens after a reload', () => {
    const storage = createMemoryStorage()
    const first = createDeviceStore({ ...HANDSET_1, storage })
    first.getState().launchApp(WEATHER)
    first.getState().openAppSettings(WEATHER)
    first.getState().openSettings('lock-screen')

    const second = createDeviceStore({ ...HANDSET_1, storage })

    expect(second.getState().screen).toEqual({ kind: 'settings', page: 'lock-screen' })
    expect(second.getState().backStack.at(-1)).toEqual({ kind: 'app-settings', appId: WEATHER })
  })

  it('drops invalid stored settings screens', () => {
    const storage = createMemoryStorage()
    const stored = {
      state: {
        screen: { kind: 'settings', page: 'ringtones' },
        backStack: [
          { kind: 'settings', page: 'theme' },
          { kind: 'app-settings', appId: 'removed-app' },
          { kind: 'app-settings', appId: 3 },
        ],
      },
      version: 1,
    }
    void storage.setItem(HANDSET_1_STORAGE_KEY, JSON.stringify(stored))

    const store = createDeviceStore({ ...HANDSET_1, storage })

    expect(store.getState().screen).toEqual({ kind: 'start' })
    expect(store.getState().backStack).toEqual([{ kind: 'settings', page: 'theme' }])
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
