import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { StateStorage } from 'zustand/middleware'

import { toAppJson } from '@/apps/app-json'
import { parseAppManifest } from '@/apps/manifest'
import { findApp } from '@/apps/sample-apps'
import { DEFAULT_ENGINE_SETTINGS } from '@/mpns/engine'
import type { ChannelRecord } from '@/mpns/types'
import { toScenarioInput } from '@/scenario/scenario-export'
import { planScenario } from '@/scenario/scenario-plan'
import type { ScenarioPlan } from '@/scenario/scenario-plan'
import { SCENARIO_FORMAT, parseScenario } from '@/scenario/scenario-schema'
import type { ScenarioInput } from '@/scenario/scenario-schema'

import { createDeviceStore } from './device-store'
import type { DeviceStoreApi } from './device-store'
import { createHandsetProfile } from './handset-registry'
import { applyHandsetPlan } from './scenario-setup'
import { openChannel } from './worker-sync'
import type * as WorkerSync from './worker-sync'

vi.mock('./worker-sync', async (importOriginal) => ({
  ...(await importOriginal<typeof WorkerSync>()),
  openChannel: vi.fn(),
  closeChannel: vi.fn(() => Promise.resolve(null)),
}))

/** Id of the custom app, derived from its manifest's ProductID. */
const NOTES_ID = '11111111-2222-3333-4444-555555555555'

const NOTES_MANIFEST = `<?xml version="1.0" encoding="utf-8"?>
<Deployment xmlns="http://schemas.microsoft.com/windowsphone/2012/deployment" AppPlatformVersion="8.0">
  <App xmlns="" ProductID="{11111111-2222-3333-4444-555555555555}" Title="Fabrikam Notes" Version="1.0.0.0">
    <Capabilities><Capability Name="ID_CAP_PUSH_NOTIFICATION" /></Capabilities>
    <Tasks><DefaultTask Name="_default" NavigationPage="MainPage.xaml" /></Tasks>
    <Tokens>
      <PrimaryToken TokenID="NotesToken" TaskName="_default">
        <TemplateFlip><Title>Fabrikam Notes</Title></TemplateFlip>
      </PrimaryToken>
    </Tokens>
  </App>
</Deployment>`

/** Builds a scenario of one handset with a custom app, a secondary tile, every tile size and a changed device state. */
function createScenario(): ScenarioInput {
  const notes = parseAppManifest(NOTES_MANIFEST)
  if (!notes.ok) {
    throw new Error(notes.error)
  }
  return {
    format: SCENARIO_FORMAT,
    version: 1,
    name: 'Round trip',
    handsets: [
      {
        name: 'Test phone',
        accent: 'lime',
        apps: [
          { sample: 'Contoso Weather', permission: 'declined', tileUpdates: false },
          { sample: 'Contoso Chat', permission: 'allowed' },
          { appFile: JSON.parse(toAppJson(notes.app)) as Record<string, unknown> },
        ],
        tiles: [
          { app: 'Contoso Chat', size: 'wide' },
          { app: 'Contoso Weather', secondary: '/CityPage.xaml?city=Oslo', size: 'small' },
          { app: 'Fabrikam Notes', size: 'medium' },
        ],
        device: {
          airplaneMode: true,
          battery: 15,
          batterySaver: 'when-low',
          screen: 'on',
          locked: true,
        },
        lockScreen: { detailedStatus: 'Contoso Chat', quickStatus: ['Contoso Chat'] },
      },
    ],
  }
}

beforeEach(() => {
  vi.mocked(openChannel).mockReset()
  vi.mocked(openChannel).mockImplementation((request) =>
    Promise.resolve({ outcome: 'opened', channel: channelRecord(request.appId) }),
  )
})

describe('applyHandsetPlan', () => {
  it('installs exactly the listed apps', async () => {
    const store = await loadIntoFreshStore(createScenario())

    const installed = Object.entries(store.getState().apps)
      .filter(([, app]) => app.installed)
      .map(([appId]) => appId)
    expect(installed).toEqual(['contoso-weather', 'contoso-chat', NOTES_ID])
  })

  it('lays out Start in the given order and sizes', async () => {
    const store = await loadIntoFreshStore(createScenario())

    expect(store.getState().startTiles).toEqual([
      { key: 'contoso-chat', appId: 'contoso-chat', size: 'wide' },
      {
        key: 'contoso-weather/CityPage.xaml?city=Oslo',
        appId: 'contoso-weather',
        navigationUri: '/CityPage.xaml?city=Oslo',
        size: 'small',
      },
      { key: NOTES_ID, appId: NOTES_ID, size: 'medium' },
    ])
    expect(Object.keys(store.getState().apps['contoso-weather']?.secondaryTiles ?? {})).toEqual([
      '/CityPage.xaml?city=Oslo',
    ])
  })

  it('opens only the channels of allowed apps', async () => {
    const store = await loadIntoFreshStore(createScenario())

    expect(vi.mocked(openChannel)).toHaveBeenCalledTimes(1)
    expect(store.getState().apps['contoso-chat']?.channelUri).toBe(
      channelRecord('contoso-chat').channelUri,
    )
    expect(store.getState().apps['contoso-weather']?.channelUri).toBeUndefined()
    expect(store.getState().apps['contoso-weather']?.permission).toBe('declined')
    expect(store.getState().apps['contoso-weather']?.tileUpdatesEnabled).toBe(false)
  })

  it('sets the device state and lock screen', async () => {
    const store = await loadIntoFreshStore(createScenario())

    const state = store.getState()
    expect(state.airplaneMode).toBe(true)
    expect(state.batteryPercent).toBe(15)
    expect(state.batterySaver).toBe('when-low')
    expect(state.display).toBe('on')
    expect(state.locked).toBe(true)
    expect(state.detailedStatusAppId).toBe('contoso-chat')
    expect(state.quickStatusAppIds).toEqual(['contoso-chat', null, null, null, null])
  })

  it('reports a channel that fails to open', async () => {
    vi.mocked(openChannel).mockRejectedValue(new Error('the worker is gone.'))

    const store = createFreshStore()
    store.getState().renameHandset('Test phone')
    const errors = await applyHandsetPlan(store, planOf(createScenario()).handsets[0]!)

    expect(errors).toEqual([
      expect.stringMatching(
        /^handsets\[0\]\.apps\[1\]\.channel: failed to open the channel of "Contoso Chat" on Test phone: Failed to open push channel "ContosoChatChannel": the worker is gone\./,
      ),
    ])
  })

  it('exports what it loaded, and loads the export back unchanged', async () => {
    const first = exportHandset(await loadIntoFreshStore(createScenario()))
    const second = exportHandset(await loadIntoFreshStore(first))

    expect(second).toEqual(first)
    expect(first.handsets?.[0]?.tiles).toEqual(createScenario().handsets?.[0]?.tiles)
    expect(first.handsets?.[0]?.apps?.[2]).toMatchObject({
      appFile: {
        format: 'wp8-emulator-app',
        app: { id: NOTES_ID, name: 'Fabrikam Notes' },
      },
      permission: 'ask',
      channel: false,
    })
  })
})

function planOf(input: ScenarioInput): ScenarioPlan {
  const parsed = parseScenario(input)
  if (!parsed.ok) {
    throw new Error(parsed.errors.join('\n'))
  }
  const planned = planScenario(parsed.scenario)
  if (!planned.ok) {
    throw new Error(planned.errors.join('\n'))
  }
  return planned.plan
}

async function loadIntoFreshStore(input: ScenarioInput): Promise<DeviceStoreApi> {
  const store = createFreshStore()
  const handset = planOf(input).handsets[0]
  if (handset === undefined) {
    throw new Error('The scenario has no handset.')
  }
  store.getState().renameHandset(handset.name)
  const errors = await applyHandsetPlan(store, handset)
  expect(errors).toEqual([])
  return store
}

/** Exports one handset with the profile that the page's registry would store for it. */
function exportHandset(store: DeviceStoreApi): ScenarioInput {
  return toScenarioInput({
    name: 'Round trip',
    handsets: [
      {
        profile: { ...createHandsetProfile(1), name: store.getState().handsetName, accent: 'lime' },
        state: store.getState(),
      },
    ],
    findApp,
    engineSettings: DEFAULT_ENGINE_SETTINGS,
    clockSpeed: 1,
    motion: { mode: 'deterministic', seed: 7 },
  })
}

function createFreshStore(): DeviceStoreApi {
  return createDeviceStore({
    handsetId: 'handset-1',
    handsetName: 'Handset 1',
    storage: createMemoryStorage(),
  })
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

function channelRecord(appId: string): ChannelRecord {
  return {
    token: `token-${appId}`,
    channelUri: `http://127.0.0.1:5173/throttledthirdparty/01.00/token-${appId}`,
    handsetId: 'handset-1',
    appId,
    appName: appId,
    channelName: 'channel',
    boundToast: true,
    boundTile: true,
    tileTemplate: 'FlipTile',
    openedAt: 0,
  }
}
