import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { StateStorage } from 'zustand/middleware'

import { findApp } from '@/apps/sample-apps'
import type { ChannelRecord, QueuedNotification } from '@/mpns/types'
import { closeChannel, openChannel } from '@/store/worker-sync'
import { HANDSET_1 } from '@/test/handset-builders'

import { createDeviceStore } from '../device-store'

vi.mock('@/store/worker-sync', () => ({
  openChannel: vi.fn(),
  closeChannel: vi.fn(),
}))

const WEATHER = 'contoso-weather'
const CHAT = 'contoso-chat'
const HANDSET = 'handset-1'

const openChannelMock = vi.mocked(openChannel)
const closeChannelMock = vi.mocked(closeChannel)
let issuedChannels = 0

beforeEach(() => {
  issuedChannels = 0
  openChannelMock.mockReset()
  closeChannelMock.mockReset()
  openChannelMock.mockImplementation((request) => {
    issuedChannels += 1
    const channel = channelRecord(
      request.appId,
      `https://mpns.test/${request.appId}/${issuedChannels}`,
    )
    return Promise.resolve({ outcome: 'opened', channel })
  })
  closeChannelMock.mockImplementation((request) =>
    Promise.resolve(channelRecord(request.appId, 'https://mpns.test/closed')),
  )
})

describe('apps slice', () => {
  it('logs ChannelUriUpdated for a new channel', async () => {
    const store = await createStoreWithOpenChannel(WEATHER)

    expect(store.getState().apps[WEATHER]?.channelUri).toBe(`https://mpns.test/${WEATHER}/1`)
    expect(logTexts(store, WEATHER)).toEqual([`ChannelUriUpdated: https://mpns.test/${WEATHER}/1`])
  })

  it('logs nothing when the channel URI is unchanged', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined)
    openChannelMock.mockImplementation((request) =>
      Promise.resolve({
        outcome: 'updated',
        channel: channelRecord(request.appId, 'https://mpns.test/same'),
      }),
    )
    const store = await createStoreWithOpenChannel(WEATHER)

    store.getState().goStart()
    store.getState().launchApp(WEATHER)

    // The app logs its channel outcome right before it stores the channel URI.
    await vi.waitFor(() =>
      expect(
        info.mock.calls.filter(([, message]) => String(message).includes('updated')),
      ).toHaveLength(2),
    )
    expect(logTexts(store, WEATHER)).toEqual(['ChannelUriUpdated: https://mpns.test/same'])
    info.mockRestore()
  })

  it('closes the channel and opens a new one on relaunch', async () => {
    const store = await createStoreWithOpenChannel(WEATHER)

    store.getState().closeChannel(WEATHER)

    await vi.waitFor(() => expect(store.getState().apps[WEATHER]?.channelUri).toBeUndefined())
    expect(closeChannelMock).toHaveBeenCalledWith({
      handsetId: HANDSET,
      appId: WEATHER,
      reason: 'closed-by-app',
    })
    expect(logTexts(store, WEATHER).at(-1)).toBe(
      'Channel closed: its channel URI now answers 404 Not Found. Relaunch the app to open a new channel.',
    )

    store.getState().goStart()
    store.getState().launchApp(WEATHER)

    await vi.waitFor(() =>
      expect(store.getState().apps[WEATHER]?.channelUri).toBe(`https://mpns.test/${WEATHER}/2`),
    )
    expect(logTexts(store, WEATHER).at(-1)).toBe(
      `ChannelUriUpdated: https://mpns.test/${WEATHER}/2`,
    )
  })

  it('keeps the channel URI when closing fails', async () => {
    closeChannelMock.mockRejectedValue(new Error('the service worker did not reply in time.'))
    const store = await createStoreWithOpenChannel(WEATHER)

    store.getState().closeChannel(WEATHER)

    await vi.waitFor(() =>
      expect(logTexts(store, WEATHER).at(-1)).toBe(
        'Failed to close the push channel: the service worker did not reply in time.',
      ),
    )
    expect(store.getState().apps[WEATHER]?.channelUri).toBe(`https://mpns.test/${WEATHER}/1`)
  })

  it('does not close a channel the app lacks', () => {
    const store = createTestStore()

    store.getState().closeChannel(WEATHER)

    expect(closeChannelMock).not.toHaveBeenCalled()
  })

  it('uninstalls an app and resets its state', async () => {
    const store = await createStoreWithOpenChannel(CHAT)
    store.getState().applyNotification(toast('d1', CHAT))
    store.getState().applyNotification(toast('d2', WEATHER))

    store.getState().uninstallApp(CHAT)

    const app = store.getState().apps[CHAT]
    expect(app).toEqual({
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
    expect(store.getState().backStack).toEqual([])
    expect(store.getState().toasts.map((banner) => banner.id)).toEqual(['d2'])
    expect(closeChannelMock).toHaveBeenCalledWith({
      handsetId: HANDSET,
      appId: CHAT,
      reason: 'uninstalled',
    })
  })

  it('removes an uninstalled app from the back stack', async () => {
    const store = await createStoreWithOpenChannel(CHAT)
    store.getState().launchApp(WEATHER)
    store.getState().answerPermission(WEATHER, true)

    store.getState().uninstallApp(CHAT)

    expect(store.getState().screen).toMatchObject({ kind: 'app', appId: WEATHER })
    expect(store.getState().backStack).toEqual([{ kind: 'start' }])
  })

  it('refuses to launch an uninstalled app', async () => {
    const store = await createStoreWithOpenChannel(CHAT)
    store.getState().uninstallApp(CHAT)
    openChannelMock.mockClear()

    store.getState().launchApp(CHAT)

    expect(store.getState().screen).toEqual({ kind: 'start' })
    expect(openChannelMock).not.toHaveBeenCalled()
  })

  it('drops notifications for an uninstalled app', async () => {
    const store = await createStoreWithOpenChannel(CHAT)
    store.getState().uninstallApp(CHAT)

    const acknowledged = store.getState().applyNotifications([toast('d1', CHAT)])

    expect(acknowledged).toEqual(['d1'])
    expect(store.getState().toasts).toEqual([])
  })

  it('installs an app again with fresh state', async () => {
    const store = await createStoreWithOpenChannel(CHAT)
    store.getState().uninstallApp(CHAT)

    store.getState().installApp(CHAT)
    store.getState().launchApp(CHAT)

    expect(store.getState().apps[CHAT]?.installed).toBe(true)
    expect(store.getState().apps[CHAT]?.permission).toBe('unasked')
    expect(store.getState().apps[CHAT]?.channelUri).toBeUndefined()
    store.getState().answerPermission(CHAT, true)
    await vi.waitFor(() =>
      expect(store.getState().apps[CHAT]?.channelUri).toBe(`https://mpns.test/${CHAT}/2`),
    )
  })

  it('ignores install of an installed app', () => {
    const store = createTestStore()
    store.getState().applyNotification(toast('d1', CHAT))
    const before = store.getState().apps[CHAT]

    store.getState().installApp(CHAT)

    expect(store.getState().apps[CHAT]).toBe(before)
  })

  it.each([
    'PushNotificationChannelQuotaExceeded: handset-1 already has 30 open push channels.',
    'handset-1 already has 30 open push channels.',
  ])('logs the quota exception for "%s"', async (message) => {
    const store = await createStoreWithOpenChannel(WEATHER)
    openChannelMock.mockResolvedValue({ outcome: 'quota-exceeded', message })

    store.getState().goStart()
    store.getState().launchApp(WEATHER)

    await vi.waitFor(() =>
      expect(logTexts(store, WEATHER).at(-1)).toBe(
        'InvalidOperationException: PushNotificationChannelQuotaExceeded: handset-1 already has 30 open push channels.',
      ),
    )
    expect(store.getState().apps[WEATHER]?.channelUri).toBeUndefined()
  })

  it('picks up a renewed channel URI', async () => {
    const store = await createStoreWithOpenChannel(WEATHER)
    const renewed = channelRecord(WEATHER, 'https://mpns.test/renewed')
    const closed = {
      ...channelRecord(CHAT, 'https://mpns.test/old-chat'),
      closedAt: 5,
      closeReason: 'renewed' as const,
    }

    store.getState().updateChannelUris([renewed, closed])

    expect(store.getState().apps[WEATHER]?.channelUri).toBe('https://mpns.test/renewed')
    expect(logTexts(store, WEATHER).at(-1)).toBe('ChannelUriUpdated: https://mpns.test/renewed')
    expect(store.getState().apps[CHAT]?.channelUri).toBeUndefined()
  })

  it('ignores channels of apps without a channel URI', () => {
    const store = createTestStore()

    store
      .getState()
      .updateChannelUris([
        channelRecord(WEATHER, 'https://mpns.test/elsewhere'),
        { ...channelRecord(CHAT, 'https://mpns.test/other-handset'), handsetId: 'handset-2' },
      ])

    expect(store.getState().apps[WEATHER]?.channelUri).toBeUndefined()
    expect(logTexts(store, WEATHER)).toEqual([])
  })

  it('installs a custom app, then updates it in place', async () => {
    const store = createTestStore()
    const app = { ...findApp(CHAT)!, id: 'fabrikam-news', name: 'Fabrikam News' }

    const appId = store.getState().installCustomApp(app)
    store.getState().answerPermission(appId, true)
    await vi.waitFor(() => expect(store.getState().apps[appId]?.channelUri).toBeDefined())
    const channelUri = store.getState().apps[appId]?.channelUri
    store.getState().installCustomApp({ ...app, name: 'Fabrikam News 2' })

    expect(appId).toBe('fabrikam-news')
    expect(store.getState().apps[appId]?.channelUri).toBe(channelUri)
    expect(findApp(appId)?.name).toBe('Fabrikam News 2')
    expect(store.getState().startTiles.filter((tile) => tile.appId === appId)).toHaveLength(1)
  })
})

function createTestStore() {
  return createDeviceStore({ ...HANDSET_1, storage: createMemoryStorage() })
}

/** Launches the app, allows notifications and waits until its channel URI is stored. */
async function createStoreWithOpenChannel(appId: string) {
  const store = createTestStore()
  store.getState().launchApp(appId)
  store.getState().answerPermission(appId, true)
  await vi.waitFor(() => expect(store.getState().apps[appId]?.channelUri).toBeDefined())
  return store
}

function logTexts(store: ReturnType<typeof createTestStore>, appId: string): string[] {
  return store.getState().apps[appId]?.log.map((entry) => entry.text) ?? []
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

function toast(deliveryId: string, appId: string): QueuedNotification {
  return {
    deliveryId,
    token: `token-${appId}`,
    handsetId: HANDSET,
    appId,
    notificationClass: 2,
    acceptedAt: 0,
    dueAt: 0,
    payload: { type: 'toast', toast: { text1: 'Hello', silent: false } },
  }
}

function channelRecord(appId: string, channelUri: string): ChannelRecord {
  return {
    token: `token-${channelUri}`,
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
