// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MotionGlobalConfig } from 'framer-motion'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { SAMPLE_APPS } from '@/apps/sample-apps'
import { createDeviceStore } from '@/store/device-store'
import type { DeviceStoreApi } from '@/store/device-store'
import { HandsetStoreProvider } from '@/store/handset-context'
import { HANDSET_1 } from '@/test/handset-builders'

import { StartScreen } from './StartScreen'

vi.mock('@/store/worker-sync', () => ({
  openChannel: vi.fn(() => new Promise(() => undefined)),
  closeChannel: vi.fn(() => new Promise(() => undefined)),
}))

const WEATHER = 'Contoso Weather'
const CHAT = 'Contoso Chat'
const OSLO = '/CityPage.xaml?city=Oslo'
const TILE_COUNT = SAMPLE_APPS.length
/** Names of the sample apps pinned after Weather and Chat, in Start order. */
const OTHER_NAMES = SAMPLE_APPS.map((app) => app.name).filter(
  (name) => name !== WEATHER && name !== CHAT,
)
let store: DeviceStoreApi

beforeEach(() => {
  MotionGlobalConfig.skipAnimations = true
  window.localStorage.clear()
  store = createDeviceStore(HANDSET_1)
})

afterEach(() => {
  cleanup()
})

describe('StartScreen', () => {
  it('enters customisation with the ContextMenu key', async () => {
    const user = userEvent.setup()
    renderStart()

    tileButton(WEATHER).focus()
    await user.keyboard('{ContextMenu}')

    expect(status().textContent).toBe(
      `Customizing Contoso Weather: medium tile, 1 of ${TILE_COUNT}. Arrow keys move it, R resizes it, Delete unpins it, Escape finishes.`,
    )
    expect(startRegion().getByRole('button', { name: `Unpin ${WEATHER}` })).toBeTruthy()
    expect(startRegion().getByRole('button', { name: `Resize ${WEATHER}` })).toBeTruthy()
    expect(startRegion().queryByRole('button', { name: `Unpin ${CHAT}` })).toBeNull()
  })

  it('enters customisation with Shift+F10', async () => {
    const user = userEvent.setup()
    renderStart()

    tileButton(CHAT).focus()
    await user.keyboard('{Shift>}{F10}{/Shift}')

    expect(store.getState().customizingTileKey).toBe('contoso-chat')
  })

  it('moves the held tile with arrow keys', async () => {
    const user = userEvent.setup()
    renderStart()
    tileButton(WEATHER).focus()
    await user.keyboard('{ContextMenu}')

    await user.keyboard('{ArrowRight}')

    expect(tileNames()).toEqual([CHAT, WEATHER, ...OTHER_NAMES])
    expect(document.activeElement).toBe(tileButton(WEATHER))
    expect(status().textContent).toContain(`2 of ${TILE_COUNT}`)

    await user.keyboard('{ArrowUp}')

    expect(tileNames()).toEqual([WEATHER, CHAT, ...OTHER_NAMES])
    expect(document.activeElement).toBe(tileButton(WEATHER))
  })

  it('resizes the held tile with R', async () => {
    const user = userEvent.setup()
    renderStart()
    tileButton(CHAT).focus()
    await user.keyboard('{ContextMenu}')

    await user.keyboard('r')
    const afterFirst = status().textContent
    await user.keyboard('R')

    expect(afterFirst).toContain('small tile')
    expect(status().textContent).toContain('wide tile')
    expect(store.getState().startTiles.map((tile) => tile.size)).toEqual([
      'medium',
      'wide',
      ...OTHER_NAMES.map(() => 'medium'),
    ])
  })

  it('unpins the held tile with Delete', async () => {
    const user = userEvent.setup()
    renderStart()
    tileButton(WEATHER).focus()
    await user.keyboard('{ContextMenu}')

    await user.keyboard('{Delete}')

    expect(tileNames()).toEqual([CHAT, ...OTHER_NAMES])
    expect(document.activeElement).toBe(tileButton(CHAT))
    expect(store.getState().customizingTileKey).toBeNull()
    expect(status().textContent).toBe('')
  })

  it('focuses the App list after the last unpin', async () => {
    const user = userEvent.setup()
    for (const app of SAMPLE_APPS.filter((sample) => sample.name !== WEATHER)) {
      store.getState().unpinTile(app.id)
    }
    renderStart()
    tileButton(WEATHER).focus()
    await user.keyboard('{ContextMenu}')

    await user.keyboard('{Delete}')

    expect(tileNames()).toEqual([])
    expect(document.activeElement).toBe(startRegion().getByRole('button', { name: 'App list' }))
  })

  it('leaves customisation with Escape', async () => {
    const user = userEvent.setup()
    renderStart()
    tileButton(WEATHER).focus()
    await user.keyboard('{ContextMenu}')

    await user.keyboard('{Escape}')

    expect(store.getState().customizingTileKey).toBeNull()
    expect(startRegion().queryByRole('button', { name: `Unpin ${WEATHER}` })).toBeNull()
    expect(document.activeElement).toBe(tileButton(WEATHER))
  })

  it('holds another tile on Enter in customisation', async () => {
    const user = userEvent.setup()
    renderStart()
    tileButton(WEATHER).focus()
    await user.keyboard('{ContextMenu}')

    tileButton(CHAT).focus()
    await user.keyboard('{Enter}')

    expect(store.getState().customizingTileKey).toBe('contoso-chat')
    expect(store.getState().screen).toEqual({ kind: 'start' })
  })

  it('resizes and unpins with the corner buttons', async () => {
    const user = userEvent.setup()
    renderStart()
    tileButton(WEATHER).focus()
    await user.keyboard('{ContextMenu}')

    await user.click(startRegion().getByRole('button', { name: `Resize ${WEATHER}` }))
    const size = store.getState().startTiles[0]?.size
    await user.click(startRegion().getByRole('button', { name: `Unpin ${WEATHER}` }))

    expect(size).toBe('small')
    expect(tileNames()).toEqual([CHAT, ...OTHER_NAMES])
  })

  it('leaves customisation on a tap on empty space', async () => {
    const user = userEvent.setup()
    renderStart()
    store.getState().enterCustomization('contoso-weather')

    await user.click(screen.getByRole('list', { name: 'Tiles' }))

    expect(store.getState().customizingTileKey).toBeNull()
  })

  it('opens the app from its tile', async () => {
    const user = userEvent.setup()
    renderStart()

    await user.click(tileButton(CHAT))

    expect(store.getState().screen).toEqual({
      kind: 'app',
      appId: 'contoso-chat',
      page: '/MainPage.xaml',
      query: [],
    })
  })

  it('opens a secondary tile at its navigation URI', async () => {
    const user = userEvent.setup()
    store.getState().pinSecondaryTile('contoso-weather', OSLO)
    renderStart()

    await user.click(tileButton(`${WEATHER}, Oslo, ${OSLO}`))

    expect(store.getState().screen).toEqual({
      kind: 'app',
      appId: 'contoso-weather',
      page: '/CityPage.xaml',
      query: [['city', 'Oslo']],
    })
  })

  it('names a secondary tile with its title and count', () => {
    store.getState().pinSecondaryTile('contoso-weather', OSLO)
    store.setState((state) => ({
      apps: {
        ...state.apps,
        'contoso-weather': {
          ...state.apps['contoso-weather']!,
          secondaryTiles: {
            [OSLO]: { template: 'FlipTile', fields: { Title: 'Oslo', Count: '3' } },
          },
        },
      },
    }))
    renderStart()

    expect(tileNames()).toEqual([WEATHER, CHAT, ...OTHER_NAMES, `${WEATHER}, Oslo, 3, ${OSLO}`])
  })
})

function renderStart() {
  render(
    <HandsetStoreProvider store={store}>
      <StartScreen />
    </HandsetStoreProvider>,
  )
}

function startRegion() {
  return within(screen.getByRole('region', { name: 'Start screen' }))
}

function status(): HTMLElement {
  return screen.getByRole('status', { name: 'Customization' })
}

function tileButton(name: string): HTMLElement {
  return within(screen.getByRole('list', { name: 'Tiles' })).getByRole('button', { name })
}

/** Names of the tile buttons in document order, without the Unpin and Resize buttons. */
function tileNames(): string[] {
  return within(screen.getByRole('list', { name: 'Tiles' }))
    .queryAllByRole('button')
    .map((button) => button.getAttribute('aria-label') ?? '')
    .filter((name) => !name.startsWith('Unpin ') && !name.startsWith('Resize '))
}
