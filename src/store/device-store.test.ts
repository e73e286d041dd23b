import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { StateStorage } from 'zustand/middleware'

import { findApp } from '@/apps/sample-apps'
import type { ChannelRecord, QueuedNotification, TilePayload, ToastPayload } from '@/mpns/types'
import { openChannel } from '@/store/worker-sync'
import { HANDSET_1, HANDSET_1_STORAGE_KEY } from '@/test/handset-builders'

import {
  createDeviceStore,
  selectForegroundAppId,
  selectPromptingAppId,
  selectShownToast,
} from './device-store'
import type { AppState } from './slices/device-model'

vi.mock('@/store/worker-sync', () => ({
  openChannel: vi.fn(),
  closeChannel: vi.fn(() => Promise.resolve(null)),
}))

const WEATHER = 'contoso-weather'
const CHAT = 'contoso-chat'
const HANDSET = 'handset-1'

const openChannelMock = vi.mocked(openChannel)

beforeEach(() => {
  openChannelMock.mockReset()
  openChannelMock.mockImplementation((request) =>
    Promise.resolve({
      outcome: 'opened',
      channel: channelRecord(request.appId, `https://mpns.test/${request.appId}`),
    }),
  )
})

describe('useDeviceStore', () => {
  it('shows a toast banner for an app in the background', () => {
    const store = createTestStore()

    store.getState().applyNotification(toast('d1', WEATHER, { text1: 'Oslo', text2: 'Snow' }))

    expect(selectShownToast(store.getState())).toEqual({
      id: 'd1',
      appId: WEATHER,
      text1: 'Oslo',
      text2: 'Snow',
    })
    expect(store.getState().apps[WEATHER]?.log).toEqual([])
  })

  it('logs a toast for the foreground app instead of a banner', () => {
    const store = createTestStore({ permission: 'allowed' })
    store.getState().launchApp(WEATHER)

    store.getState().applyNotification(toast('d1', WEATHER, { text1: 'Oslo', text2: 'Snow' }))

    expect(store.getState().toasts).toEqual([])
    const log = store.getState().apps[WEATHER]?.log ?? []
    expect(log.map(({ kind, text }) => ({ kind, text }))).toContainEqual({
      kind: 'toast',
      text: 'Toast received in app: wp:Text1="Oslo", wp:Text2="Snow"',
    })
  })

  it('shows a toast banner when another app is in the foreground', () => {
    const store = createTestStore({ permission: 'allowed' })
    store.getState().launchApp(CHAT)

    store.getState().applyNotification(toast('d1', WEATHER, { text1: 'Oslo' }))

    expect(store.getState().toasts.map((banner) => banner.id)).toEqual(['d1'])
  })

  it('queues toasts and shows the next one after a dismissal', () => {
    const store = createTestStore()
    store.getState().applyNotification(toast('d1', WEATHER, { text1: 'first' }))
    store.getState().applyNotification(toast('d2', CHAT, { text1: 'second' }))

    store.getState().dismissToast('d1')

    expect(selectShownToast(store.getState())?.id).toBe('d2')
  })

  it('opens the Param page when a toast is tapped', () => {
    const store = createTestStore({ permission: 'allowed' })
    const param = '/Page2.xaml?NavigatedFrom=Toast&id=42'
    store.getState().applyNotification(toast('d1', WEATHER, { text1: 'Oslo', param }))

    store.getState().tapToast('d1')

    expect(store.getState().toasts).toEqual([])
    expect(store.getState().screen).toEqual({
      kind: 'app',
      appId: WEATHER,
      page: '/Page2.xaml',
      query: [
        ['NavigatedFrom', 'Toast'],
        ['id', '42'],
      ],
    })
  })

  it('merges a tile update into the primary tile', () => {
    const store = createTestStore()

    store.getState().applyNotification(
      tile('d1', WEATHER, {
        template: 'FlipTile',
        fields: {
          Title: { action: 'set', value: 'Oslo' },
          Count: { action: 'set', value: '3' },
        },
      }),
    )
    store.getState().applyNotification(
      tile('d2', WEATHER, {
        template: 'FlipTile',
        fields: { Count: { action: 'clear' } },
      }),
    )

    expect(store.getState().apps[WEATHER]?.tile).toEqual({
      template: 'FlipTile',
      fields: { ...findApp(WEATHER)?.initialTile.fields, Title: 'Oslo' },
    })
  })

  it('ignores a secondary tile update with a log line', () => {
    const store = createTestStore()
    const before = store.getState().apps[WEATHER]?.tile

    store.getState().applyNotification(
      tile('d1', WEATHER, {
        template: 'FlipTile',
        id: '/Forecast.xaml?city=Oslo',
        fields: { Title: { action: 'set', value: 'Oslo' } },
      }),
    )

    const app = store.getState().apps[WEATHER]
    expect(app?.tile).toBe(before)
    expect(app?.log[0]?.kind).toBe('info')
    expect(app?.log[0]?.text).toContain('"/Forecast.xaml?city=Oslo"')
  })

  it('drops a tile update of another template', () => {
    const store = createTestStore()
    const before = store.getState().apps[CHAT]?.tile

    store.getState().applyNotification(
      tile('d1', CHAT, {
        template: 'FlipTile',
        fields: { Title: { action: 'set', value: 'x' } },
      }),
    )

    const app = store.getState().apps[CHAT]
    expect(app?.tile).toBe(before)
    expect(app?.log[0]?.text).toContain('PayloadFormatError')
  })

  it('logs raw notifications for the running app', () => {
    const store = createTestStore({ permission: 'allowed' })
    store.getState().launchApp(CHAT)

    store.getState().applyNotification(raw('d1', CHAT, new TextEncoder().encode('{"a":"ø"}')))
    store.getState().applyNotification(raw('d2', CHAT, new Uint8Array([0x68, 0xff, 0x69])))

    const log = store.getState().apps[CHAT]?.log.filter((entry) => entry.kind === 'raw') ?? []
    expect(log.map((entry) => entry.text)).toEqual(['{"a":"ø"}', 'h\uFFFDi'])
  })

  it('drops raw notifications for an app not running', () => {
    const store = createTestStore()

    store.getState().applyNotification(raw('d1', CHAT, new TextEncoder().encode('hello')))

    expect(store.getState().apps[CHAT]?.log).toEqual([])
    expect(store.getState().toasts).toEqual([])
    expect(store.getState().appliedDeliveryIds).toEqual(['d1'])
  })

  it('applies a delivery id once', () => {
    const store = createTestStore()
    const notification = toast('d1', WEATHER, { text1: 'Oslo' })

    store.getState().applyNotification(notification)
    store.getState().dismissToast('d1')
    store.getState().applyNotification(notification)

    expect(store.getState().toasts).toEqual([])
    expect(store.getState().appliedDeliveryIds).toEqual(['d1'])
  })

  it('keeps the newest 1000 delivery ids', () => {
    const store = createTestStore()

    for (let index = 0; index < 1002; index += 1) {
      store.getState().applyNotification(raw(`d${index}`, CHAT, new Uint8Array()))
    }

    const ids = store.getState().appliedDeliveryIds
    expect(ids).toHaveLength(1000)
    expect(ids[0]).toBe('d2')
    expect(ids.at(-1)).toBe('d1001')
  })

  it('applies a chunk in one state change', () => {
    const store = createTestStore()
    const listener = vi.fn()
    store.subscribe(listener)

    const acknowledged = store.getState().applyNotifications([
      toast('d1', WEATHER, { text1: 'first' }),
      toast('d2', CHAT, { text1: 'second' }),
      tile('d3', WEATHER, {
        template: 'FlipTile',
        fields: { Count: { action: 'set', value: '4' } },
      }),
    ])

    expect(listener).toHaveBeenCalledTimes(1)
    expect(acknowledged).toEqual(['d1', 'd2', 'd3'])
    expect(store.getState().toasts.map((banner) => banner.id)).toEqual(['d1', 'd2'])
    expect(store.getState().apps[WEATHER]?.tile.fields.Count).toBe('4')
    expect(store.getState().appliedDeliveryIds).toEqual(['d1', 'd2', 'd3'])
  })

  it('skips applied ids in a chunk but acknowledges them', () => {
    const store = createTestStore()
    store.getState().applyNotifications([toast('d1', WEATHER, { text1: 'first' })])
    store.getState().dismissToast('d1')

    const acknowledged = store
      .getState()
      .applyNotifications([
        toast('d1', WEATHER, { text1: 'first' }),
        toast('d2', WEATHER, { text1: 'second' }),
        toast('d2', WEATHER, { text1: 'second' }),
      ])

    expect(acknowledged).toEqual(['d1', 'd2'])
    expect(store.getState().toasts.map((banner) => banner.id)).toEqual(['d2'])
    expect(store.getState().appliedDeliveryIds).toEqual(['d1', 'd2'])
  })

  it('leaves state untouched for a chunk already applied', () => {
    const store = createTestStore()
    const chunk = [toast('d1', WEATHER, { text1: 'first' })]
    store.getState().applyNotifications(chunk)
    const listener = vi.fn()
    store.subscribe(listener)

    expect(store.getState().applyNotifications(chunk)).toEqual(['d1'])

    expect(listener).not.toHaveBeenCalled()
  })

  it('counts raw notifications the running app received', () => {
    const store = createTestStore({ permission: 'allowed' })
    store.getState().applyNotification(raw('d0', CHAT, new TextEncoder().encode('not running')))
    store.getState().launchApp(CHAT)

    store
      .getState()
      .applyNotifications([
        raw('d1', CHAT, new TextEncoder().encode('one')),
        raw('d2', CHAT, new TextEncoder().encode('two')),
        raw('d1', CHAT, new TextEncoder().encode('one')),
      ])

    expect(store.getState().apps[CHAT]?.rawReceivedCount).toBe(2)
  })

  it('counts raw beyond the log cap', () => {
    const store = createTestStore({ permission: 'allowed' })
    store.getState().launchApp(CHAT)
    const chunk = Array.from({ length: 150 }, (_, index) =>
      raw(`d${index}`, CHAT, new TextEncoder().encode(String(index))),
    )

    store.getState().applyNotifications(chunk)

    const app = store.getState().apps[CHAT]
    expect(app?.rawReceivedCount).toBe(150)
    // 150 raw notifications accepted at once also raise NotificationRateTooHigh, the last line.
    expect(app?.log).toHaveLength(100)
    expect(app?.log.filter((entry) => entry.kind === 'raw')).toHaveLength(99)
    expect(app?.log.at(-1)?.text).toContain('ErrorOccurred: NotificationRateTooHigh')
  })

  it('ignores notifications for another handset', () => {
    const store = createTestStore()

    store.getState().applyNotification({
      ...toast('d1', WEATHER, {}),
      handsetId: 'handset-2',
    })

    expect(store.getState().toasts).toEqual([])
    expect(store.getState().appliedDeliveryIds).toEqual([])
  })

  it('prompts on first launch and opens the channel after Allow', async () => {
    const store = createTestStore()

    store.getState().launchApp(WEATHER)

    expect(selectPromptingAppId(store.getState())).toBe(WEATHER)
    expect(store.getState().apps[WEATHER]?.launched).toBe(true)
    expect(openChannelMock).not.toHaveBeenCalled()

    store.getState().answerPermission(WEATHER, true)

    expect(selectPromptingAppId(store.getState())).toBeNull()
    expect(openChannelMock).toHaveBeenCalledWith({
      handsetId: HANDSET,
      appId: WEATHER,
      appName: 'Contoso Weather',
      channelName: 'ContosoWeatherChannel',
      tileTemplate: 'FlipTile',
      bindToast: true,
      bindTile: true,
    })
    await vi.waitFor(() => {
      expect(store.getState().apps[WEATHER]?.channelUri).toBe(`https://mpns.test/${WEATHER}`)
    })
  })

  it('opens a channel without toast binding on decline', async () => {
    const store = createTestStore()
    store.getState().launchApp(CHAT)

    store.getState().answerPermission(CHAT, false)

    expect(store.getState().apps[CHAT]?.permission).toBe('declined')
    expect(openChannelMock).toHaveBeenCalledWith(
      expect.objectContaining({
        appId: CHAT,
        tileTemplate: 'IconicTile',
        bindToast: false,
        bindTile: true,
      }),
    )
    await vi.waitFor(() => {
      expect(store.getState().apps[CHAT]?.channelUri).toBeDefined()
    })
  })

  it('refreshes the channel on later launches without a prompt', () => {
    const store = createTestStore({ permission: 'allowed' })

    store.getState().launchApp(WEATHER)

    expect(selectPromptingAppId(store.getState())).toBeNull()
    expect(openChannelMock).toHaveBeenCalledTimes(1)
    expect(openChannelMock).toHaveBeenCalledWith(expect.objectContaining({ bindToast: true }))
  })

  it('logs a failed channel open on the app page', async () => {
    openChannelMock.mockRejectedValue(new Error('the service worker did not reply in time.'))
    const store = createTestStore({ permission: 'allowed' })

    store.getState().launchApp(WEATHER)

    await vi.waitFor(() => {
      const texts = store.getState().apps[WEATHER]?.log.map((entry) => entry.text) ?? []
      expect(texts.join('\n')).toContain('did not reply in time')
    })
    expect(store.getState().apps[WEATHER]?.channelUri).toBeUndefined()
  })

  it('goes back through pages to Start', () => {
    const store = createTestStore({ permission: 'allowed' })
    store.getState().launchApp(WEATHER)
    store.getState().launchApp(CHAT)

    store.getState().goBack()
    expect(selectForegroundAppId(store.getState())).toBe(WEATHER)
    store.getState().goBack()
    expect(store.getState().screen).toEqual({ kind: 'start' })
    const count = store.getState().navigationCount
    store.getState().goBack()
    expect(store.getState().navigationCount).toBe(count)
  })

  it('forgets the back stack on Start', () => {
    const store = createTestStore({ permission: 'allowed' })
    store.getState().launchApp(WEATHER)

    store.getState().goStart()
    store.getState().goBack()

    expect(store.getState().screen).toEqual({ kind: 'start' })
    expect(store.getState().backStack).toEqual([])
  })

  it('opens the app list and returns with Back', () => {
    const store = createTestStore({ permission: 'allowed' })

    store.getState().openAppList()
    store.getState().launchApp(CHAT)
    store.getState().goBack()

    expect(store.getState().screen).toEqual({ kind: 'app-list' })
    store.getState().goBack()
    expect(store.getState().screen).toEqual({ kind: 'start' })
  })

  it('restores persisted apps, toasts and ids', () => {
    const storage = createMemoryStorage()
    const first = createDeviceStore({ ...HANDSET_1, storage: storage })
    first.getState().launchApp(WEATHER)
    first.getState().applyNotification(toast('d1', CHAT, { text1: 'Anna' }))

    const second = createDeviceStore({ ...HANDSET_1, storage: storage })

    expect(second.getState().apps[WEATHER]?.launched).toBe(true)
    expect(second.getState().toasts.map((banner) => banner.id)).toEqual(['d1'])
    expect(second.getState().appliedDeliveryIds).toEqual(['d1'])
  })

  it('leaves storage alone in a mirror tab', () => {
    const storage = createMemoryStorage()
    const owner = createDeviceStore({ ...HANDSET_1, storage: storage })
    owner.getState().applyNotification(toast('d1', CHAT, { text1: 'Anna' }))
    const stored = storage.getItem(HANDSET_1_STORAGE_KEY)

    const mirror = createDeviceStore({ ...HANDSET_1, storage, canWrite: () => false })
    mirror.getState().launchApp(WEATHER)
    mirror.getState().applyNotification(toast('d2', CHAT, { text1: 'Ben' }))

    expect(storage.getItem(HANDSET_1_STORAGE_KEY)).toBe(stored)
    expect(mirror.getState().appliedDeliveryIds).toEqual(['d1', 'd2'])
  })

  it('restores the page and back stack after a reload', () => {
    const storage = createMemoryStorage()
    const first = createDeviceStore({ ...HANDSET_1, storage: storage })
    first.setState({ apps: withPermission(first.getState().apps, 'allowed') })
    first.getState().launchApp(WEATHER)
    first.getState().launchApp(CHAT, { page: '/Chat.xaml', query: [['id', '7']] })

    const second = createDeviceStore({ ...HANDSET_1, storage: storage })

    expect(second.getState().screen).toEqual({
      kind: 'app',
      appId: CHAT,
      page: '/Chat.xaml',
      query: [['id', '7']],
    })
    second.getState().goBack()
    expect(selectForegroundAppId(second.getState())).toBe(WEATHER)
    second.getState().goBack()
    expect(second.getState().screen).toEqual({ kind: 'start' })
  })

  it('restores airplane mode and battery', () => {
    const storage = createMemoryStorage()
    const first = createDeviceStore({ ...HANDSET_1, storage: storage })
    first.getState().turnOnAirplaneMode()
    first.getState().changeBatteryState('saver')

    const second = createDeviceStore({ ...HANDSET_1, storage: storage })

    expect(second.getState().airplaneMode).toBe(true)
    expect(second.getState().battery).toBe('saver')
  })

  it('repairs invalid persisted state', () => {
    const storage = createMemoryStorage()
    const stored = {
      state: {
        apps: {
          [WEATHER]: {
            permission: 'maybe',
            launched: 'yes',
            log: [{ kind: 'x' }],
            tile: 4,
          },
          'removed-app': { permission: 'allowed' },
        },
        toasts: [{ id: 'd1', appId: 'removed-app', text1: '', text2: '' }],
        appliedDeliveryIds: ['d1', 7],
        screen: { kind: 'app', appId: 'removed-app', page: '/MainPage.xaml', query: [] },
        backStack: [{ kind: 'start' }, { kind: 'app', appId: WEATHER, page: 3, query: [] }],
        airplaneMode: 'on',
        battery: 'low',
      },
      version: 1,
    }
    void storage.setItem(HANDSET_1_STORAGE_KEY, JSON.stringify(stored))

    const store = createDeviceStore({ ...HANDSET_1, storage: storage })

    expect(store.getState().apps[WEATHER]).toEqual({
      installed: true,
      permission: 'unasked',
      launched: false,
      log: [],
      tile: findApp(WEATHER)?.initialTile,
      secondaryTiles: {},
      rawReceivedCount: 0,
      tileUpdatesEnabled: true,
    })
    expect(Object.keys(store.getState().apps)).not.toContain('removed-app')
    expect(store.getState().toasts).toEqual([])
    expect(store.getState().appliedDeliveryIds).toEqual(['d1'])
    expect(store.getState().screen).toEqual({ kind: 'start' })
    expect(store.getState().backStack).toEqual([{ kind: 'start' }])
    expect(store.getState().airplaneMode).toBe(false)
    expect(store.getState().battery).toBe('normal')
  })

  it('restores nothing of an uninstalled app', () => {
    const storage = createMemoryStorage()
    const stored = {
      state: {
        apps: { [CHAT]: { installed: false, permission: 'allowed', channelUri: 'x', log: [] } },
        screen: { kind: 'app', appId: CHAT, page: '/MainPage.xaml', query: [] },
      },
      version: 1,
    }
    void storage.setItem(HANDSET_1_STORAGE_KEY, JSON.stringify(stored))

    const store = createDeviceStore({ ...HANDSET_1, storage: storage })

    expect(store.getState().apps[CHAT]).toEqual({
      installed: false,
      permission: 'unasked',
      launched: false,
      log: [],
      tile: findApp(CHAT)?.initialTile,
      secondaryTiles: {},
      rawReceivedCount: 0,
      tileUpdatesEnabled: true,
    })
    expect(store.getState().screen).toEqual({ kind: 'start' })
  })
})

interface TestStoreOptions {
  /** Answer already given for every app, so launching skips the prompt. */
  permission?: 'allowed' | 'declined'
}

function createTestStore(options: TestStoreOptions = {}) {
  const store = createDeviceStore({ ...HANDSET_1, storage: createMemoryStorage() })
  const { permission } = options
  if (permission) {
    store.setState((state) => ({ apps: withPermission(state.apps, permission) }))
  }
  return store
}

function withPermission(
  apps: Record<string, AppState>,
  permission: 'allowed' | 'declined',
): Record<string, AppState> {
  return Object.fromEntries(
    Object.entries(apps).map(([appId, app]) => [appId, { ...app, permission }]),
  )
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

function queued(
  deliveryId: string,
  appId: string,
  payload: QueuedNotification['payload'],
): QueuedNotification {
  return {
    deliveryId,
    token: `token-${appId}`,
    handsetId: HANDSET,
    appId,
    notificationClass: 2,
    acceptedAt: 0,
    dueAt: 0,
    payload,
  }
}

function toast(deliveryId: string, appId: string, fields: Partial<ToastPayload>) {
  return queued(deliveryId, appId, {
    type: 'toast',
    toast: { silent: false, ...fields },
  })
}

function tile(deliveryId: string, appId: string, update: TilePayload) {
  return queued(deliveryId, appId, { type: 'tile', tile: update })
}

function raw(deliveryId: string, appId: string, body: Uint8Array) {
  return queued(deliveryId, appId, { type: 'raw', body })
}

function channelRecord(appId: string, channelUri: string): ChannelRecord {
  return {
    token: `token-${appId}`,
    channelUri,
    handsetId: HANDSET,
    appId,
    appName: appId,
    channelName: 'channel',
    boundToast: true,
    boundTile: true,
    tileTemplate: appId === CHAT ? 'IconicTile' : 'FlipTile',
    openedAt: 0,
  }
}
