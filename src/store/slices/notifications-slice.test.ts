import { describe, expect, it, vi } from 'vitest'
import type { StateStorage } from 'zustand/middleware'

import type { AppDefinition } from '@/apps/app-model'
import { findApp } from '@/apps/sample-apps'
import type * as SampleApps from '@/apps/sample-apps'
import type { QueuedNotification, TileFieldName, TileFieldUpdate } from '@/mpns/types'
import { HANDSET_1 } from '@/test/handset-builders'

import { deliveryJournal } from '../delivery-journal'
import { createDeviceStore } from '../device-store'
import { PROXY_MISSING_MESSAGE } from '../tile-images'
import type { ImageProxyFetcher } from '../tile-images'

vi.mock('@/store/worker-sync', () => ({
  openChannel: vi.fn(),
  closeChannel: vi.fn(() => Promise.resolve(null)),
}))

// Adds an app that bound its tile channel without a base-URI list and ships one tile image.
vi.mock('@/apps/sample-apps', async (importOriginal) => {
  const original = await importOriginal<typeof SampleApps>()
  const [weather] = original.SAMPLE_APPS
  const news: AppDefinition = {
    ...(weather as AppDefinition),
    id: 'fabrikam-news',
    name: 'Fabrikam News',
    initialTile: { template: 'FlipTile', fields: { Title: 'Fabrikam News' } },
    assets: { '/assets/tiles/front.png': '/samples/front.png' },
    tileImageBaseUris: [],
  }
  const apps = [...original.SAMPLE_APPS, news]
  return {
    SAMPLE_APPS: apps,
    findApp: (appId: string) => apps.find((app) => app.id === appId),
  }
})

type Fields = Partial<Record<TileFieldName, TileFieldUpdate>>

const WEATHER = 'contoso-weather'
/** Fields of Contoso Weather's primary tile as its manifest declares them. */
const WEATHER_INITIAL_FIELDS = findApp(WEATHER)?.initialTile.fields ?? {}
const NEWS = 'fabrikam-news'
const HANDSET = 'handset-1'
const SMALL = 'http://127.0.0.1:9000/small.png'
const LARGE = 'http://127.0.0.1:9000/large.png'
const TOO_LARGE = `The image "${LARGE}" is larger than 80 KB, the limit for remote tile images.`

describe('createNotificationsSlice', () => {
  it('acknowledges a remote-image update before its check', () => {
    const { store } = createTestStore()

    const acknowledged = store
      .getState()
      .applyNotifications([
        tile('d1', WEATHER, { Title: set('Oslo'), BackgroundImage: set(SMALL) }),
      ])

    expect(acknowledged).toEqual(['d1'])
    expect(store.getState().appliedDeliveryIds).toEqual(['d1'])
    expect(store.getState().apps[WEATHER]?.tile.fields.Title).toBe('Contoso Weather')
  })

  it('merges the update once its remote images pass', async () => {
    const { store, fetcher } = createTestStore()

    store
      .getState()
      .applyNotification(tile('d1', WEATHER, { Title: set('Oslo'), BackgroundImage: set(SMALL) }))

    await vi.waitFor(() =>
      expect(store.getState().apps[WEATHER]?.tile.fields).toEqual({
        ...WEATHER_INITIAL_FIELDS,
        Title: 'Oslo',
        BackgroundImage: SMALL,
      }),
    )
    expect(store.getState().apps[WEATHER]?.log).toEqual([])
    expect(fetcher.mock.calls.map(([path]) => path)).toEqual([
      '/__emulator/image-proxy',
      `/__emulator/image?url=${encodeURIComponent(SMALL)}`,
    ])
  })

  it('drops the update when a remote image fails', async () => {
    const { store } = createTestStore({ [LARGE]: 413 })
    const before = store.getState().apps[WEATHER]?.tile

    store.getState().applyNotification(
      tile('d1', WEATHER, {
        Title: set('Oslo'),
        BackgroundImage: set(SMALL),
        WideBackgroundImage: set(LARGE),
      }),
    )

    await vi.waitFor(() => expect(store.getState().apps[WEATHER]?.log).toHaveLength(1))
    const app = store.getState().apps[WEATHER]
    expect(app?.tile).toBe(before)
    expect(app?.log[0]?.text).toBe(
      `Tile update dropped because the remote image in WideBackgroundImage failed: ${TOO_LARGE} The tile keeps its look.`,
    )
  })

  it('applies unchecked images without a proxy', async () => {
    const { store } = createTestStore({}, 404)

    store
      .getState()
      .applyNotification(tile('d1', WEATHER, { Title: set('Oslo'), BackgroundImage: set(LARGE) }))

    await vi.waitFor(() => expect(store.getState().apps[WEATHER]?.tile.fields.Title).toBe('Oslo'))
    const app = store.getState().apps[WEATHER]
    expect(app?.tile.fields.BackgroundImage).toBe(LARGE)
    expect(app?.log.map((entry) => entry.text)).toEqual([PROXY_MISSING_MESSAGE])
  })

  it('raises MessageBadContent without an allow-list', async () => {
    const { store, fetcher } = createTestStore()
    const before = store.getState().apps[NEWS]?.tile

    const acknowledged = store
      .getState()
      .applyNotifications([
        tile('d1', NEWS, { Title: set('Breaking'), BackgroundImage: set(SMALL) }),
      ])

    const app = store.getState().apps[NEWS]
    expect(acknowledged).toEqual(['d1'])
    expect(app?.tile).toBe(before)
    expect(app?.log.map((entry) => entry.text)).toEqual([
      `MessageBadContent: BackgroundImage names the remote image "${SMALL}", but the app bound its channel to tiles without a list of allowed base URIs, so the tile is unchanged.`,
    ])
    await Promise.resolve()
    expect(fetcher).not.toHaveBeenCalled()
  })

  it('applies text and warns about missing local images', () => {
    const { store, fetcher } = createTestStore()
    store.getState().applyNotification(
      tile('d1', NEWS, {
        BackgroundImage: set('/Assets/Tiles/front.png'),
        BackBackgroundImage: set('/Assets/Tiles/front.png'),
      }),
    )

    store.getState().applyNotification(
      tile('d2', NEWS, {
        Title: set('Breaking'),
        BackgroundImage: set('/Assets/Tiles/gone.png'),
        WideBackgroundImage: set('isostore:/Shared/ShellContent/wide.png'),
      }),
    )

    const app = store.getState().apps[NEWS]
    expect(app?.tile.fields).toEqual({
      Title: 'Breaking',
      BackBackgroundImage: '/Assets/Tiles/front.png',
    })
    expect(app?.log.map((entry) => entry.text)).toEqual([
      `Tile image "/Assets/Tiles/gone.png" in BackgroundImage was not found in the app, so the template's default background shows in its place and the other fields apply.`,
      `Tile image "isostore:/Shared/ShellContent/wide.png" in WideBackgroundImage was not found in the app, so the template's default background shows in its place and the other fields apply.`,
    ])
    expect(fetcher).not.toHaveBeenCalled()
  })

  it('warns about a missing local image after the remote check', async () => {
    const { store } = createTestStore()

    store.getState().applyNotification(
      tile('d1', WEATHER, {
        BackgroundImage: set(SMALL),
        BackBackgroundImage: set('/Assets/back.png'),
      }),
    )

    await vi.waitFor(() => expect(store.getState().apps[WEATHER]?.log).toHaveLength(1))
    const app = store.getState().apps[WEATHER]
    expect(app?.tile.fields).toEqual({ ...WEATHER_INITIAL_FIELDS, BackgroundImage: SMALL })
    expect(app?.log[0]?.text).toContain('Tile image "/Assets/back.png" in BackBackgroundImage')
  })

  it('merges checked updates in arrival order', async () => {
    let releaseSlow: (response: Response) => void = () => undefined
    const { store, fetcher } = createTestStore()
    const slowUrl = 'http://127.0.0.1:9000/slow.png'
    const fastFetch = fetcher.getMockImplementation()
    fetcher.mockImplementation((path) =>
      path.includes(encodeURIComponent(slowUrl))
        ? new Promise<Response>((resolve) => {
            releaseSlow = resolve
          })
        : (fastFetch?.(path) ?? Promise.reject(new Error('no fetcher'))),
    )

    store
      .getState()
      .applyNotifications([
        tile('d1', WEATHER, { Title: set('first'), BackgroundImage: set(slowUrl) }),
        tile('d2', WEATHER, { Title: set('second'), BackgroundImage: set(SMALL) }),
      ])
    await vi.waitFor(() => expect(fetcher).toHaveBeenCalledTimes(2))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(fetcher).toHaveBeenCalledTimes(2)
    expect(store.getState().apps[WEATHER]?.tile.fields.Title).toBe('Contoso Weather')
    releaseSlow(new Response(new Uint8Array([1])))

    await vi.waitFor(() => expect(store.getState().apps[WEATHER]?.tile.fields.Title).toBe('second'))
    expect(fetcher).toHaveBeenCalledTimes(3)
  })
})

describe('applyNotifications outcomes', () => {
  it('journals what the handset did', () => {
    const { store } = createTestStore()

    store
      .getState()
      .applyNotifications([
        tile('outcome-1', WEATHER, { Title: set('Oslo') }),
        tile('outcome-2', 'not-installed', { Title: set('Nowhere') }),
      ])

    const { deliveries } = deliveryJournal.getState()
    expect(deliveries['outcome-1']?.outcome).toMatchObject({
      kind: 'shown',
      detail: 'Tile updated.',
    })
    expect(deliveries['outcome-2']?.outcome).toMatchObject({
      kind: 'dropped',
      detail: 'The app "not-installed" is not installed on this handset.',
    })
  })
})

/**
 * Builds a fresh handset store whose image proxy fetch is a fake. `failures` maps an image URL
 * to the status the proxy returns for it, and `probeStatus` is the probe's status.
 */
function createTestStore(failures: Record<string, number> = {}, probeStatus = 204) {
  const store = createDeviceStore({ ...HANDSET_1, storage: createMemoryStorage() })
  const fetcher = vi.fn<ImageProxyFetcher>((path) => {
    if (path === '/__emulator/image-proxy') {
      return Promise.resolve(new Response(null, { status: probeStatus }))
    }
    const url = new URL(path, 'http://127.0.0.1').searchParams.get('url') ?? ''
    const status = failures[url]
    if (status === undefined) {
      return Promise.resolve(new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47])))
    }
    return Promise.resolve(new Response(TOO_LARGE, { status }))
  })
  store.setState({ fetchFromImageProxy: fetcher })
  return { store, fetcher }
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

function set(value: string): TileFieldUpdate {
  return { action: 'set', value }
}

function tile(deliveryId: string, appId: string, fields: Fields): QueuedNotification {
  return {
    deliveryId,
    token: `token-${appId}`,
    handsetId: HANDSET,
    appId,
    notificationClass: 1,
    acceptedAt: 0,
    dueAt: 0,
    payload: { type: 'tile', tile: { template: 'FlipTile', fields } },
  }
}
