// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MotionGlobalConfig } from 'framer-motion'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { TileFieldName } from '@/mpns/types'
import { createDeviceStore } from '@/store/device-store'
import type { DeviceStoreApi } from '@/store/device-store'
import { HandsetStoreProvider } from '@/store/handset-context'
import { HANDSET_1 } from '@/test/handset-builders'

import { Handset } from './Handset'

vi.mock('@/store/worker-sync', () => ({
  openChannel: vi.fn(() => new Promise(() => undefined)),
  closeChannel: vi.fn(() => Promise.resolve(null)),
}))

const CHAT = 'contoso-chat'
let store: DeviceStoreApi

beforeEach(() => {
  MotionGlobalConfig.skipAnimations = true
  window.localStorage.clear()
  store = createDeviceStore(HANDSET_1)
})

afterEach(() => {
  cleanup()
})

describe('LockScreen', () => {
  it('turns the screen off and on with Power', async () => {
    const user = userEvent.setup()
    renderHandset()

    await user.click(screen.getByRole('button', { name: 'Power' }))
    expect(screen.getByRole('img', { name: 'Screen off' })).toBeTruthy()
    expect(screen.queryByRole('region', { name: 'Lock screen' })).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Power' }))
    expect(screen.queryByRole('img', { name: 'Screen off' })).toBeNull()
    expect(screen.getByRole('region', { name: 'Lock screen' })).toBeTruthy()
  })

  it('unlocks with the Unlock button', async () => {
    const user = userEvent.setup()
    renderHandset()
    lockAndWake()

    await user.click(screen.getByRole('button', { name: 'Unlock' }))

    expect(screen.queryByRole('region', { name: 'Lock screen' })).toBeNull()
    expect(store.getState().locked).toBe(false)
  })

  it('presses Power with F4 inside the handset', () => {
    renderHandset()
    const handset = screen.getByRole('region', { name: 'Handset 1' })
    handset.focus()

    fireEvent.keyDown(handset, { key: 'F4' })
    expect(store.getState().display).toBe('off')

    fireEvent.keyDown(handset, { key: 'F4' })
    expect(store.getState().display).toBe('on')
    expect(store.getState().locked).toBe(true)
  })

  it('ignores F4 outside the handset', () => {
    renderHandset()

    fireEvent.keyDown(document.body, { key: 'F4' })

    expect(store.getState().display).toBe('on')
  })

  it('goes back with F1 and to Start with F2', () => {
    renderHandset()
    act(() => store.getState().openAppList())
    act(() => store.getState().openSettings())
    const handset = screen.getByRole('region', { name: 'Handset 1' })

    fireEvent.keyDown(handset, { key: 'F1' })
    expect(store.getState().screen).toEqual({ kind: 'app-list' })

    fireEvent.keyDown(handset, { key: 'F2' })
    expect(store.getState().screen).toEqual({ kind: 'start' })
  })

  it('returns focus to the handset after Unlock', async () => {
    const user = userEvent.setup()
    renderHandset()
    lockAndWake()
    await user.click(screen.getByRole('button', { name: 'Unlock' }))

    expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Handset 1' }))
  })

  it('shows the chosen apps from their primary tiles', () => {
    setChatTile({ Count: '4', WideContent1: 'Ana: lunch?', WideContent2: 'Ben: at 12' })
    act(() => {
      store.getState().chooseDetailedStatusApp(CHAT)
      store.getState().chooseQuickStatusApp(0, CHAT)
    })
    renderHandset()
    lockAndWake()

    const lockScreen = screen.getByRole('region', { name: 'Lock screen' })
    const detailed = within(lockScreen).getByRole('group', { name: 'Detailed status' })
    expect(
      within(detailed)
        .getAllByRole('paragraph')
        .map((line) => line.textContent),
    ).toEqual(['Ana: lunch?', 'Ben: at 12'])
    const quickStatus = within(lockScreen).getByRole('list', { name: 'Quick status' })
    expect(within(quickStatus).getByRole('listitem', { name: 'Contoso Chat, 4' }).textContent).toBe(
      '4',
    )
  })

  it('hides the count at 0', () => {
    setChatTile({ Count: '0' })
    act(() => store.getState().chooseQuickStatusApp(0, CHAT))
    renderHandset()
    lockAndWake()

    const quickStatus = screen.getByRole('list', { name: 'Quick status' })
    const item = within(quickStatus).getByRole('listitem', { name: 'Contoso Chat' })
    expect(item.textContent).toBe('')
  })

  it('shows no status without chosen apps', () => {
    setChatTile({ Count: '4', WideContent1: 'Ana: lunch?' })
    renderHandset()
    lockAndWake()

    const lockScreen = screen.getByRole('region', { name: 'Lock screen' })
    expect(within(lockScreen).queryByRole('group', { name: 'Detailed status' })).toBeNull()
    expect(within(lockScreen).queryByRole('list', { name: 'Quick status' })).toBeNull()
  })

  it('keeps the foreground app under the lock screen', async () => {
    const user = userEvent.setup()
    renderHandset()
    act(() => store.getState().openSettings('theme'))
    lockAndWake()

    await user.click(screen.getByRole('button', { name: 'Unlock' }))

    expect(screen.getByRole('radiogroup', { name: 'Accent colour' })).toBeTruthy()
  })
})

function lockAndWake() {
  act(() => store.getState().pressPower())
  act(() => store.getState().pressPower())
}

function setChatTile(fields: Partial<Record<TileFieldName, string>>) {
  store.setState((state) => {
    const chat = state.apps[CHAT]
    if (!chat) {
      return {}
    }
    return { apps: { ...state.apps, [CHAT]: { ...chat, tile: { ...chat.tile, fields } } } }
  })
}

function renderHandset() {
  return render(
    <HandsetStoreProvider store={store}>
      <Handset handsetId={HANDSET_1.handsetId} />
    </HandsetStoreProvider>,
  )
}
