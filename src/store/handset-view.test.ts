import { describe, expect, it, vi } from 'vitest'
import type { StateStorage } from 'zustand/middleware'

import { HANDSET_1 } from '@/test/handset-builders'

import { createDeviceStore } from './device-store'
import { toHandsetView } from './handset-view'

vi.mock('@/store/worker-sync', () => ({
  openChannel: vi.fn(() => new Promise(() => undefined)),
  closeChannel: vi.fn(() => Promise.resolve(null)),
}))

const CHAT = 'contoso-chat'
const WEATHER = 'contoso-weather'
const OSLO = '/CityPage.xaml?city=Oslo'

describe('toHandsetView', () => {
  it('reads tiles with their size, fields and count', () => {
    const store = createTestStore()
    store.getState().pinSecondaryTile(WEATHER, OSLO)
    const chat = store.getState().apps[CHAT]
    if (chat === undefined) {
      throw new Error('Contoso Chat is not installed')
    }
    store.setState({
      apps: {
        ...store.getState().apps,
        [CHAT]: { ...chat, tile: { ...chat.tile, fields: { ...chat.tile.fields, Count: '120' } } },
      },
    })

    const { tiles } = toHandsetView(store.getState())

    expect(tiles.find((tile) => tile.app.id === CHAT)).toMatchObject({
      app: { id: CHAT, name: 'Contoso Chat' },
      navigationUri: undefined,
      size: 'medium',
      template: 'IconicTile',
      count: 99,
    })
    expect(tiles.find((tile) => tile.navigationUri === OSLO)?.app.name).toBe('Contoso Weather')
  })

  it('hides the toast while the display is off', () => {
    const store = createTestStore()
    store.setState({ toasts: [{ id: 'delivery-1', appId: CHAT, text1: 'Anna', text2: 'Hi' }] })

    expect(toHandsetView(store.getState()).toast).toEqual({
      app: { id: CHAT, name: 'Contoso Chat' },
      text1: 'Anna',
      text2: 'Hi',
    })
    store.getState().pressPower()
    expect(toHandsetView(store.getState()).toast).toBeUndefined()
  })

  it('reads the app page and the screen name', () => {
    const store = createTestStore()
    expect(toHandsetView(store.getState())).toMatchObject({ page: undefined, screenName: 'Start' })

    store.setState({
      screen: { kind: 'app', appId: CHAT, page: '/MainPage.xaml', query: [['thread', '7']] },
    })

    expect(toHandsetView(store.getState()).page).toEqual({
      app: { id: CHAT, name: 'Contoso Chat' },
      path: '/MainPage.xaml',
      query: [['thread', '7']],
    })
  })

  it('reads the lock screen apps the user chose', () => {
    const store = createTestStore()
    store.getState().chooseQuickStatusApp(0, CHAT)
    store.getState().chooseDetailedStatusApp(CHAT)

    const view = toHandsetView(store.getState())

    expect(view.quickStatus).toEqual([{ app: { id: CHAT, name: 'Contoso Chat' }, count: 0 }])
    expect(view.detailedStatus?.app.id).toBe(CHAT)
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
