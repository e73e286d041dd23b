import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { StateStorage } from 'zustand/middleware'

import type { AppDefinition } from '@/apps/app-model'
import type * as SampleApps from '@/apps/sample-apps'
import type { ChannelRecord } from '@/mpns/types'
import { openChannel } from '@/store/worker-sync'
import { HANDSET_1 } from '@/test/handset-builders'

import { createDeviceStore, selectPromptingAppId } from '../device-store'

vi.mock('@/store/worker-sync', () => ({
  openChannel: vi.fn(),
  closeChannel: vi.fn(() => Promise.resolve(null)),
}))

vi.mock('@/apps/sample-apps', async (importOriginal) => {
  const original = await importOriginal<SampleAppsModule>()
  const weather = original.SAMPLE_APPS[0] as AppDefinition
  const rawOnlyApp: AppDefinition = {
    ...weather,
    id: 'raw-stocks',
    name: 'Raw Stocks',
    channelName: 'RawStocksChannel',
    rawOnly: true,
  }
  const apps = [...original.SAMPLE_APPS, rawOnlyApp]
  return { SAMPLE_APPS: apps, findApp: (appId: string) => apps.find((app) => app.id === appId) }
})

type SampleAppsModule = typeof SampleApps

const WEATHER = 'contoso-weather'
const RAW_ONLY = 'raw-stocks'

const openChannelMock = vi.mocked(openChannel)

beforeEach(() => {
  openChannelMock.mockReset()
  openChannelMock.mockImplementation((request) =>
    Promise.resolve({ outcome: 'opened', channel: channelRecord(request.appId) }),
  )
})

describe('refreshAppChannel', () => {
  it('binds toast and tile after Allow', async () => {
    const store = createTestStore()
    store.getState().launchApp(WEATHER)

    store.getState().answerPermission(WEATHER, true)

    await vi.waitFor(() => expect(store.getState().apps[WEATHER]?.channelUri).toBeDefined())
    expect(openChannelMock).toHaveBeenLastCalledWith(
      expect.objectContaining({ appId: WEATHER, bindToast: true, bindTile: true }),
    )
  })

  it('unbinds the tile when tile updates turn off', () => {
    const store = createTestStore()
    store.getState().launchApp(WEATHER)
    store.getState().answerPermission(WEATHER, true)

    store.getState().changeTileUpdates(WEATHER, false)

    expect(store.getState().apps[WEATHER]?.tileUpdatesEnabled).toBe(false)
    expect(openChannelMock).toHaveBeenCalledTimes(2)
    expect(openChannelMock).toHaveBeenLastCalledWith(
      expect.objectContaining({ bindToast: true, bindTile: false }),
    )

    store.getState().changeTileUpdates(WEATHER, true)
    expect(openChannelMock).toHaveBeenLastCalledWith(
      expect.objectContaining({ bindToast: true, bindTile: true }),
    )
  })

  it('unbinds toast when toasts turn off', () => {
    const store = createTestStore()
    store.getState().launchApp(WEATHER)
    store.getState().answerPermission(WEATHER, true)

    store.getState().answerPermission(WEATHER, false)

    expect(openChannelMock).toHaveBeenLastCalledWith(
      expect.objectContaining({ bindToast: false, bindTile: true }),
    )
  })

  it('opens no channel for the tile switch before the prompt', () => {
    const store = createTestStore()

    store.getState().changeTileUpdates(WEATHER, false)

    expect(store.getState().apps[WEATHER]?.tileUpdatesEnabled).toBe(false)
    expect(openChannelMock).not.toHaveBeenCalled()
  })

  it('opens a raw-only channel on launch without a prompt', async () => {
    const store = createTestStore()

    store.getState().launchApp(RAW_ONLY)

    expect(selectPromptingAppId(store.getState())).toBeNull()
    await vi.waitFor(() => expect(store.getState().apps[RAW_ONLY]?.channelUri).toBeDefined())
    expect(openChannelMock).toHaveBeenCalledWith(
      expect.objectContaining({ appId: RAW_ONLY, bindToast: false, bindTile: false }),
    )
  })

  it('keeps a raw-only channel unbound whatever the switches say', () => {
    const store = createTestStore()
    store.getState().launchApp(RAW_ONLY)

    store.getState().answerPermission(RAW_ONLY, true)

    expect(openChannelMock).toHaveBeenLastCalledWith(
      expect.objectContaining({ bindToast: false, bindTile: false }),
    )
  })
})

function createTestStore() {
  return createDeviceStore({ ...HANDSET_1, storage: createMemoryStorage() })
}

function channelRecord(appId: string): ChannelRecord {
  return {
    token: `${appId}-token`,
    channelUri: `https://mpns.test/${appId}`,
    handsetId: HANDSET_1.handsetId,
    appId,
    appName: appId,
    channelName: `${appId}-channel`,
    boundToast: false,
    boundTile: false,
    tileTemplate: 'FlipTile',
    openedAt: 0,
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
