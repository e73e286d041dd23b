import { describe, expect, it, vi } from 'vitest'
import type { StateStorage } from 'zustand/middleware'

import type { TileFieldName, TileTemplate } from '@/mpns/types'
import { HANDSET_1, HANDSET_1_STORAGE_KEY } from '@/test/handset-builders'

import { createDeviceStore } from '../device-store'
import { toTileStatusLines } from './lock-screen-slice'

vi.mock('@/store/worker-sync', () => ({
  openChannel: vi.fn(() => new Promise(() => undefined)),
  closeChannel: vi.fn(() => Promise.resolve(null)),
}))

// Contoso Chat declares both lock screen extensions; Contoso Weather declares neither.
const CHAT = 'contoso-chat'
const WEATHER = 'contoso-weather'

describe('lock screen slice', () => {
  it('starts with no apps chosen', () => {
    const store = createTestStore()

    expect(store.getState().detailedStatusAppId).toBeNull()
    expect(store.getState().quickStatusAppIds).toEqual([null, null, null, null, null])
  })

  it('chooses and clears the detailed-status app', () => {
    const store = createTestStore()

    store.getState().chooseDetailedStatusApp(CHAT)
    expect(store.getState().detailedStatusAppId).toBe(CHAT)

    store.getState().chooseDetailedStatusApp(null)
    expect(store.getState().detailedStatusAppId).toBeNull()
  })

  it.each([WEATHER, 'no-such-app'])('rejects %s as detailed status', (appId) => {
    const store = createTestStore()

    store.getState().chooseDetailedStatusApp(appId)

    expect(store.getState().detailedStatusAppId).toBeNull()
  })

  it('rejects an uninstalled app', () => {
    const store = createTestStore()
    store.getState().uninstallApp(CHAT)

    store.getState().chooseDetailedStatusApp(CHAT)
    store.getState().chooseQuickStatusApp(0, CHAT)

    expect(store.getState().detailedStatusAppId).toBeNull()
    expect(store.getState().quickStatusAppIds[0]).toBeNull()
  })

  it('puts an app in a quick-status slot', () => {
    const store = createTestStore()

    store.getState().chooseQuickStatusApp(2, CHAT)

    expect(store.getState().quickStatusAppIds).toEqual([null, null, CHAT, null, null])
  })

  it('moves an app to its new slot', () => {
    const store = createTestStore()
    store.getState().chooseQuickStatusApp(0, CHAT)

    store.getState().chooseQuickStatusApp(4, CHAT)

    expect(store.getState().quickStatusAppIds).toEqual([null, null, null, null, CHAT])
  })

  it('empties a slot with null', () => {
    const store = createTestStore()
    store.getState().chooseQuickStatusApp(1, CHAT)

    store.getState().chooseQuickStatusApp(1, null)

    expect(store.getState().quickStatusAppIds).toEqual([null, null, null, null, null])
  })

  it.each([
    [-1, CHAT],
    [5, CHAT],
    [1.5, CHAT],
    [0, WEATHER],
  ])('rejects slot %d with %s', (slot, appId) => {
    const store = createTestStore()

    store.getState().chooseQuickStatusApp(slot, appId)

    expect(store.getState().quickStatusAppIds).toEqual([null, null, null, null, null])
  })

  it('restores the choices after a reload', () => {
    const storage = createMemoryStorage()
    const first = createDeviceStore({ ...HANDSET_1, storage })
    first.getState().chooseDetailedStatusApp(CHAT)
    first.getState().chooseQuickStatusApp(3, CHAT)

    const second = createDeviceStore({ ...HANDSET_1, storage })

    expect(second.getState().detailedStatusAppId).toBe(CHAT)
    expect(second.getState().quickStatusAppIds).toEqual([null, null, null, CHAT, null])
  })

  it('repairs stored choices', () => {
    const storage = createMemoryStorage()
    const stored = {
      state: { detailedStatusAppId: 7, quickStatusAppIds: [CHAT, 4, null, 'x', 'y', 'z', CHAT] },
      version: 1,
    }
    void storage.setItem(HANDSET_1_STORAGE_KEY, JSON.stringify(stored))

    const store = createDeviceStore({ ...HANDSET_1, storage })

    expect(store.getState().detailedStatusAppId).toBeNull()
    expect(store.getState().quickStatusAppIds).toEqual([CHAT, null, null, 'x', 'y'])
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

describe('toTileStatusLines', () => {
  it.each<[TileTemplate, Partial<Record<TileFieldName, string>>, string[]]>([
    [
      'IconicTile',
      { WideContent1: 'New message', WideContent2: 'From Ana' },
      ['New message', 'From Ana'],
    ],
    ['IconicTile', { WideContent2: 'Second', WideContent3: 'Third' }, ['Second', 'Third']],
    ['IconicTile', { WideContent1: '  ', Title: 'Chat', BackContent: 'x' }, []],
    ['FlipTile', { WideBackContent: 'Snow\nWind\nCold\nDark' }, ['Snow', 'Wind', 'Cold']],
    ['FlipTile', { WideBackContent: 'Rain\r\n\r\nLater' }, ['Rain', 'Later']],
    ['FlipTile', { BackContent: 'Medium back only' }, []],
    ['Legacy', { BackContent: 'Back text' }, ['Back text']],
    ['Legacy', { WideBackContent: 'Not a legacy field' }, []],
    ['CycleTile', { Title: 'Photos', Count: '4' }, []],
  ])('reads a %s with %o', (template, fields, expected) => {
    expect(toTileStatusLines({ template, fields })).toEqual(expected)
  })
})
