import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { StateStorage } from 'zustand/middleware'

import { SAMPLE_APPS, findApp } from '@/apps/sample-apps'
import type { TileState } from '@/mpns/tile-state'
import type { QueuedNotification, TilePayload } from '@/mpns/types'
import { closeChannel, openChannel } from '@/store/worker-sync'
import { HANDSET_1, HANDSET_1_STORAGE_KEY } from '@/test/handset-builders'

import { createDeviceStore } from '../device-store'
import type { DeviceStoreApi } from '../device-store'
import { toDeviceStatePayload } from './device-state-slice'

vi.mock('@/store/worker-sync', () => ({
  openChannel: vi.fn(),
  closeChannel: vi.fn(),
}))

const WEATHER = 'contoso-weather'
const CHAT = 'contoso-chat'
const OSLO = '/CityPage.xaml?city=Oslo'
const BERGEN = '/CityPage.xaml?city=Bergen'
const OSLO_KEY = `${WEATHER}${OSLO}`
const BERGEN_KEY = `${WEATHER}${BERGEN}`
/** Ids of the sample apps pinned after Weather and Chat, in Start order. */
const OTHER_APPS = SAMPLE_APPS.map((app) => app.id).filter((id) => id !== WEATHER && id !== CHAT)
const OSLO_TILE = findOsloTile()

beforeEach(() => {
  vi.mocked(openChannel).mockReset()
  vi.mocked(closeChannel).mockReset()
  vi.mocked(openChannel).mockImplementation(() => new Promise(() => undefined))
  vi.mocked(closeChannel).mockImplementation(() => new Promise(() => undefined))
})

describe('start layout slice', () => {
  it('starts with the sample apps pinned medium', () => {
    const store = createTestStore()

    expect(store.getState().startTiles).toEqual([
      { key: WEATHER, appId: WEATHER, size: 'medium' },
      { key: CHAT, appId: CHAT, size: 'medium' },
      ...OTHER_APPS.map((appId) => ({ key: appId, appId, size: 'medium' })),
    ])
    expect(store.getState().customizingTileKey).toBeNull()
  })

  it('keeps the primary tile state when unpinned', () => {
    const store = createTestStore()

    store.getState().unpinTile(WEATHER)
    store.getState().applyNotification(tileUpdate('d1', { Title: 'Oslo' }))

    expect(keysOf(store)).toEqual([CHAT, ...OTHER_APPS])
    expect(store.getState().apps[WEATHER]?.tile.fields.Title).toBe('Oslo')
  })

  it('pins a primary tile at the end and shows Start', () => {
    const store = createTestStore()
    store.getState().unpinTile(WEATHER)
    store.getState().openAppList()

    store.getState().pinToStart(WEATHER)

    expect(store.getState().startTiles.at(-1)).toEqual({
      key: WEATHER,
      appId: WEATHER,
      size: 'medium',
    })
    expect(store.getState().screen).toEqual({ kind: 'start' })
    expect(store.getState().backStack).toEqual([])
  })

  it('pins nothing for an uninstalled app', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const store = createTestStore()
    store.getState().uninstallApp(CHAT)

    store.getState().pinToStart(CHAT)

    expect(keysOf(store)).toEqual([WEATHER, ...OTHER_APPS])
    expect(warn).toHaveBeenCalledWith(
      '[app]',
      'Failed to pin "contoso-chat": no such app is installed on this handset.',
    )
    warn.mockRestore()
  })

  it('pins a secondary tile from the app page', () => {
    const store = createTestStore()
    store.getState().launchApp(WEATHER)

    store.getState().pinSecondaryTile(WEATHER, OSLO)

    expect(store.getState().startTiles.at(-1)).toEqual({
      key: OSLO_KEY,
      appId: WEATHER,
      navigationUri: OSLO,
      size: 'medium',
    })
    expect(store.getState().apps[WEATHER]?.secondaryTiles).toEqual({ [OSLO]: OSLO_TILE })
    expect(OSLO_TILE.fields.Title).toBe('Oslo')
    expect(store.getState().screen).toEqual({ kind: 'start' })
    expect(store.getState().backStack).toEqual([])
  })

  it('logs a second pin of the same secondary tile', () => {
    const store = createTestStore()
    store.getState().pinSecondaryTile(WEATHER, OSLO)
    const tiles = store.getState().startTiles

    store.getState().pinSecondaryTile(WEATHER, OSLO)

    expect(store.getState().startTiles).toBe(tiles)
    expect(store.getState().apps[WEATHER]?.log.at(-1)?.text).toBe(
      'InvalidOperationException: a secondary tile with navigation URI "/CityPage.xaml?city=Oslo" is already pinned.',
    )
  })

  it('pins no secondary tile the app does not offer', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const store = createTestStore()

    store.getState().pinSecondaryTile(WEATHER, '/Other.xaml')

    expect(keysOf(store)).toEqual([WEATHER, CHAT, ...OTHER_APPS])
    expect(warn).toHaveBeenCalledWith(
      '[app]',
      'Failed to pin a secondary tile of "contoso-weather": the app offers no tile with navigation URI "/Other.xaml".',
    )
    warn.mockRestore()
  })

  it('deletes a secondary tile when unpinned', () => {
    const store = createTestStore()
    store.getState().pinSecondaryTile(WEATHER, OSLO)
    store.getState().pinSecondaryTile(WEATHER, BERGEN)

    store.getState().unpinTile(OSLO_KEY)

    expect(keysOf(store)).toEqual([WEATHER, CHAT, ...OTHER_APPS, BERGEN_KEY])
    expect(Object.keys(store.getState().apps[WEATHER]?.secondaryTiles ?? {})).toEqual([BERGEN])
  })

  it.each([
    ['a primary tile with wide support', WEATHER, ['small', 'wide', 'medium']],
    ['a secondary tile created wide', OSLO_KEY, ['small', 'wide', 'medium']],
    ['a secondary tile created narrow', BERGEN_KEY, ['small', 'medium', 'small']],
  ])('resizes %s through the cycle', (_case, key, sizes) => {
    const store = createTestStore()
    store.getState().pinSecondaryTile(WEATHER, OSLO)
    store.getState().pinSecondaryTile(WEATHER, BERGEN)

    const seen: string[] = []
    for (let step = 0; step < 3; step += 1) {
      store.getState().resizeTile(key)
      seen.push(store.getState().startTiles.find((tile) => tile.key === key)?.size ?? 'none')
    }

    expect(seen).toEqual(sizes)
  })

  it('moves a tile and keeps the others in order', () => {
    const store = createTestStore()
    store.getState().pinSecondaryTile(WEATHER, OSLO)

    store.getState().moveTile(OSLO_KEY, 0)

    expect(keysOf(store)).toEqual([OSLO_KEY, WEATHER, CHAT, ...OTHER_APPS])
  })

  it('enters and leaves customisation on Start', () => {
    const store = createTestStore()

    store.getState().enterCustomization(CHAT)
    const heldKey = store.getState().customizingTileKey
    store.getState().leaveCustomization()

    expect(heldKey).toBe(CHAT)
    expect(store.getState().customizingTileKey).toBeNull()
  })

  it('enters no customisation off Start or for unknown tiles', () => {
    const store = createTestStore()

    store.getState().enterCustomization('no-such-tile')
    store.getState().openAppList()
    store.getState().enterCustomization(CHAT)

    expect(store.getState().customizingTileKey).toBeNull()
  })

  it.each(['goBack', 'goStart'] as const)('leaves customisation first on %s', (action) => {
    const store = createTestStore()
    store.getState().launchApp(WEATHER)
    store.getState().pinSecondaryTile(WEATHER, OSLO)
    store.getState().enterCustomization(OSLO_KEY)
    const navigationCount = store.getState().navigationCount

    store.getState()[action]()

    expect(store.getState().customizingTileKey).toBeNull()
    expect(store.getState().screen).toEqual({ kind: 'start' })
    expect(store.getState().navigationCount).toBe(navigationCount)
  })

  it('leaves customisation when an app opens', () => {
    const store = createTestStore()
    store.getState().enterCustomization(WEATHER)

    store.getState().launchApp(CHAT)

    expect(store.getState().customizingTileKey).toBeNull()
  })

  it('leaves customisation when the held tile is unpinned', () => {
    const store = createTestStore()
    store.getState().enterCustomization(WEATHER)

    store.getState().unpinTile(WEATHER)

    expect(store.getState().customizingTileKey).toBeNull()
  })

  it('removes every tile of an uninstalled app', () => {
    const store = createTestStore()
    store.getState().pinSecondaryTile(WEATHER, OSLO)
    store.getState().enterCustomization(OSLO_KEY)

    store.getState().uninstallApp(WEATHER)

    expect(keysOf(store)).toEqual([CHAT, ...OTHER_APPS])
    expect(store.getState().customizingTileKey).toBeNull()
    expect(store.getState().apps[WEATHER]?.secondaryTiles).toEqual({})
  })

  it('pins the primary tile again on install', () => {
    const store = createTestStore()
    store.getState().uninstallApp(WEATHER)

    store.getState().installApp(WEATHER)

    expect(keysOf(store)).toEqual([CHAT, ...OTHER_APPS, WEATHER])
  })
})

describe('secondary tile updates', () => {
  it('merge into the tile their Id names', () => {
    const store = createTestStore()
    store.getState().pinSecondaryTile(WEATHER, OSLO)
    const primary = store.getState().apps[WEATHER]?.tile

    store.getState().applyNotification(tileUpdate('d1', { Count: '4' }, { id: OSLO }))

    expect(store.getState().apps[WEATHER]?.secondaryTiles[OSLO]).toEqual({
      template: 'FlipTile',
      fields: { ...OSLO_TILE.fields, Count: '4' },
    })
    expect(store.getState().apps[WEATHER]?.tile).toBe(primary)
  })

  it('log an Id that names no pinned tile', () => {
    const store = createTestStore()

    store.getState().applyNotification(tileUpdate('d1', { Count: '4' }, { id: BERGEN }))

    expect(store.getState().apps[WEATHER]?.secondaryTiles).toEqual({})
    expect(store.getState().apps[WEATHER]?.log.at(-1)?.text).toBe(
      'Tile update dropped: no secondary tile with navigation URI "/CityPage.xaml?city=Bergen" is pinned. Send the update without Id to change the primary tile.',
    )
  })

  it('log an update of another template', () => {
    const store = createTestStore()
    store.getState().pinSecondaryTile(WEATHER, OSLO)
    const before = store.getState().apps[WEATHER]?.secondaryTiles[OSLO]

    store
      .getState()
      .applyNotification(tileUpdate('d1', { Count: '4' }, { id: OSLO, template: 'IconicTile' }))

    expect(store.getState().apps[WEATHER]?.secondaryTiles[OSLO]).toBe(before)
    expect(store.getState().apps[WEATHER]?.log.at(-1)?.text).toContain('PayloadFormatError')
  })
})

describe('reported secondary tile ids', () => {
  it('list the pinned secondary tiles per app', () => {
    const store = createTestStore()
    const before = toDeviceStatePayload(store.getState()).secondaryTileIds

    store.getState().pinSecondaryTile(WEATHER, OSLO)
    store.getState().pinSecondaryTile(WEATHER, BERGEN)

    expect(before).toEqual({})
    expect(toDeviceStatePayload(store.getState()).secondaryTileIds).toEqual({
      [WEATHER]: [BERGEN, OSLO],
    })
  })

  it('drop a tile once unpinned', () => {
    const store = createTestStore()
    store.getState().pinSecondaryTile(WEATHER, OSLO)

    store.getState().unpinTile(OSLO_KEY)

    expect(toDeviceStatePayload(store.getState()).secondaryTileIds).toEqual({})
  })
})

describe('persisted start layout', () => {
  it('survives a reload in order, size and content', () => {
    const storage = createMemoryStorage()
    const first = createDeviceStore({ ...HANDSET_1, storage })
    first.getState().pinSecondaryTile(WEATHER, OSLO)
    first.getState().applyNotification(tileUpdate('d1', { Count: '2' }, { id: OSLO }))
    first.getState().resizeTile(OSLO_KEY)
    first.getState().moveTile(OSLO_KEY, 0)
    first.getState().unpinTile(CHAT)

    const second = createDeviceStore({ ...HANDSET_1, storage })

    expect(second.getState().startTiles).toEqual(first.getState().startTiles)
    expect(second.getState().apps[WEATHER]?.secondaryTiles).toEqual({
      [OSLO]: { template: 'FlipTile', fields: { ...OSLO_TILE.fields, Count: '2' } },
    })
    expect(second.getState().customizingTileKey).toBeNull()
  })

  it('repairs an invalid stored layout', () => {
    const storage = createMemoryStorage()
    const stored = {
      state: {
        apps: {
          [WEATHER]: {
            installed: true,
            secondaryTiles: {
              [OSLO]: { template: 'FlipTile', fields: { Title: 'Oslo', Count: 5 } },
              [BERGEN]: { template: 'FlipTile', fields: { Title: 'Bergen' } },
              '/Unknown.xaml': { template: 'FlipTile', fields: {} },
            },
          },
          [CHAT]: { installed: false },
        },
        startTiles: [
          { key: 'anything', appId: WEATHER, navigationUri: OSLO, size: 'wide' },
          { appId: WEATHER, size: 'huge' },
          { appId: WEATHER, size: 'small' },
          { appId: WEATHER, size: 'medium' },
          { appId: CHAT, size: 'medium' },
          { appId: WEATHER, navigationUri: '/Unknown.xaml', size: 'medium' },
          { appId: 'removed-app', size: 'medium' },
          'not a tile',
        ],
      },
      version: 1,
    }
    void storage.setItem(HANDSET_1_STORAGE_KEY, JSON.stringify(stored))

    const store = createDeviceStore({ ...HANDSET_1, storage })

    expect(store.getState().startTiles).toEqual([
      { key: OSLO_KEY, appId: WEATHER, navigationUri: OSLO, size: 'wide' },
      { key: WEATHER, appId: WEATHER, size: 'small' },
      ...OTHER_APPS.map((appId) => ({ key: appId, appId, size: 'medium' })),
    ])
    expect(store.getState().apps[WEATHER]?.secondaryTiles).toEqual({
      [OSLO]: { template: 'FlipTile', fields: { Title: 'Oslo' } },
    })
  })

  it('keeps the fresh layout for storage without one', () => {
    const storage = createMemoryStorage()
    const stored = { state: { apps: { [CHAT]: { installed: false } } }, version: 1 }
    void storage.setItem(HANDSET_1_STORAGE_KEY, JSON.stringify(stored))

    const store = createDeviceStore({ ...HANDSET_1, storage })

    expect(keysOf(store)).toEqual([WEATHER, ...OTHER_APPS])
  })
})

function createTestStore(): DeviceStoreApi {
  return createDeviceStore({ ...HANDSET_1, storage: createMemoryStorage() })
}

function findOsloTile(): TileState {
  const offer = findApp(WEATHER)?.secondaryTiles.find((tile) => tile.navigationUri === OSLO)
  if (offer === undefined) {
    throw new Error(`Contoso Weather offers no tile for ${OSLO}`)
  }
  return offer.initialTile
}

function keysOf(store: DeviceStoreApi): string[] {
  return store.getState().startTiles.map((tile) => tile.key)
}

function tileUpdate(
  deliveryId: string,
  fields: Partial<Record<'Title' | 'Count', string>>,
  options: { id?: string; template?: TilePayload['template'] } = {},
): QueuedNotification {
  const tile: TilePayload = {
    template: options.template ?? 'FlipTile',
    fields: Object.fromEntries(
      Object.entries(fields).map(([name, value]) => [name, { action: 'set', value }]),
    ),
  }
  if (options.id !== undefined) {
    tile.id = options.id
  }
  return {
    deliveryId,
    token: `token-${WEATHER}`,
    handsetId: HANDSET_1.handsetId,
    appId: WEATHER,
    notificationClass: 1,
    acceptedAt: 0,
    dueAt: 0,
    payload: { type: 'tile', tile },
  }
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
