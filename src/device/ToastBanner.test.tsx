// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { MotionGlobalConfig } from 'framer-motion'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { QueuedNotification, ToastPayload } from '@/mpns/types'
import { createDeviceStore } from '@/store/device-store'
import type { DeviceStore, DeviceStoreApi } from '@/store/device-store'
import { HandsetStoreProvider } from '@/store/handset-context'
import { handsetRegistry } from '@/store/handset-registry'
import type { OsVersion } from '@/store/slices/handset-profile'
import type { ScreenPower } from '@/store/slices/toast-rules'
import { HANDSET_1 } from '@/test/handset-builders'

import { ToastBanner } from './ToastBanner'
import { TOAST_VISIBLE_MS } from './toast-model'

vi.mock('@/store/worker-sync', () => ({
  openChannel: vi.fn(),
  closeChannel: vi.fn(),
}))

const CHAT = 'contoso-chat'
const CHIME = '/Assets/Sounds/chime.wav'

let store: DeviceStoreApi

beforeEach(() => {
  MotionGlobalConfig.skipAnimations = true
  window.localStorage.clear()
  store = createDeviceStore(HANDSET_1)
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  setOsVersion('8.0-update3')
})

describe('ToastBanner', () => {
  it('shows bold Text1 then Text2 on one line', () => {
    renderBanner()

    deliver('d1', { text1: 'Anna', text2: 'Lunch\nat noon?' })

    const banner = screen.getByRole('alert')
    const tapArea = within(banner).getByRole('button', { name: 'Anna Lunch at noon?' })
    expect(within(tapArea).getByText('Anna').tagName).toBe('STRONG')
    expect(within(tapArea).getByText('Lunch at noon?').tagName).toBe('SPAN')
    expect(within(banner).getByRole('button', { name: 'Dismiss' })).toBeTruthy()
  })

  it('renders payload markup as text', () => {
    renderBanner()

    deliver('d1', { text1: '<b>x</b>', text2: '<img src=x onerror=alert(1)>' })

    const banner = screen.getByRole('alert')
    expect(banner.textContent).toBe('<b>x</b> <img src=x onerror=alert(1)>')
    expect(banner.querySelector('b')).toBeNull()
    expect(banner.querySelector('img[src="x"]')).toBeNull()
  })

  it('names an empty toast after its app', () => {
    renderBanner()

    deliver('d1', {})

    const banner = screen.getByRole('alert')
    expect(within(banner).getByRole('button', { name: 'Open Contoso Chat' })).toBeTruthy()
  })

  it.each<[string, OsVersion, Partial<ToastPayload>, string]>([
    ['no Sound on Update 3', '8.0-update3', {}, 'Default sound'],
    ['a Sound path on Update 3', '8.0-update3', { sound: CHIME }, 'chime.wav'],
    ['Silent on Update 3', '8.0-update3', { sound: CHIME, silent: true }, 'Silent'],
    ['a Sound path on 8.0', '8.0', { sound: CHIME }, 'Default sound'],
    ['Silent on 8.0', '8.0', { silent: true }, 'Default sound'],
  ])('cues the sound for %s', (_name, osVersion, sound, expected) => {
    setOsVersion(osVersion)
    renderBanner()

    deliver('d1', { text1: 'Anna', ...sound })

    expect(screen.getByRole('status', { name: 'Toast sound' }).textContent).toBe(expected)
  })

  it('shows the next toast after ten seconds', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    renderBanner()
    deliver('d1', { text1: 'first' })
    deliver('d2', { text1: 'second' })

    act(() => {
      vi.advanceTimersByTime(TOAST_VISIBLE_MS - 1)
    })
    expect(store.getState().toasts.map((toast) => toast.id)).toEqual(['d1', 'd2'])

    act(() => {
      vi.advanceTimersByTime(1)
    })
    expect(store.getState().toasts.map((toast) => toast.id)).toEqual(['d2'])
    expect(screen.getByRole('button', { name: 'second' })).toBeTruthy()
  })

  it('ignores a click that ends a drag', () => {
    renderBanner()
    deliver('d1', { text1: 'Anna', param: '/Page2.xaml' })
    const tapArea = screen.getByRole('button', { name: 'Anna' })

    fireEvent.pointerDown(tapArea, { clientX: 20, clientY: 30 })
    fireEvent.click(tapArea, { clientX: 220, clientY: 30, detail: 1 })

    expect(store.getState().toasts.map((toast) => toast.id)).toEqual(['d1'])
    expect(store.getState().screen).toEqual({ kind: 'start' })
  })

  it('opens the Param page on a tap', () => {
    renderBanner()
    deliver('d1', { text1: 'Anna', param: '/Page2.xaml' })
    const tapArea = screen.getByRole('button', { name: 'Anna' })

    fireEvent.pointerDown(tapArea, { clientX: 20, clientY: 30 })
    fireEvent.click(tapArea, { clientX: 22, clientY: 31, detail: 1 })

    expect(store.getState().toasts).toEqual([])
    expect(store.getState().screen).toMatchObject({ kind: 'app', appId: CHAT, page: '/Page2.xaml' })
  })

  it('draws no banner with the display off and loses the toast', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    setScreenPower({ display: 'off', locked: true })
    renderBanner()

    deliver('d1', { text1: 'Anna' })

    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByRole('status', { name: 'Toast sound' }).textContent).toBe('Default sound')
    act(() => {
      vi.advanceTimersByTime(TOAST_VISIBLE_MS)
    })
    expect(store.getState().toasts).toEqual([])
    expect(screen.queryByRole('status', { name: 'Toast sound' })).toBeNull()
  })

  it('logs a toast in the foreground app on 8.0', () => {
    setOsVersion('8.0')
    setScreenPower({ display: 'on', locked: true })
    store.setState({ screen: { kind: 'app', appId: CHAT, page: '/MainPage.xaml', query: [] } })
    renderBanner()

    deliver('d1', { text1: 'Anna', text2: 'Lunch?' })

    expect(screen.queryByRole('alert')).toBeNull()
    expect(store.getState().apps[CHAT]?.log.map((entry) => entry.text)).toEqual([
      'Toast received in app: wp:Text1="Anna", wp:Text2="Lunch?"',
    ])
  })
})

function renderBanner() {
  return render(
    <HandsetStoreProvider store={store}>
      <ToastBanner />
    </HandsetStoreProvider>,
  )
}

function deliver(deliveryId: string, toast: Partial<ToastPayload>) {
  act(() => {
    store.getState().applyNotifications([toastNotification(deliveryId, toast)])
  })
}

function setOsVersion(osVersion: OsVersion) {
  handsetRegistry.getState().updateHandset(HANDSET_1.handsetId, { osVersion })
}

/** Adds the power and lock fields that a handset able to turn its screen off keeps in its store. */
function setScreenPower(power: ScreenPower) {
  store.setState(power as Partial<DeviceStore>)
}

function toastNotification(deliveryId: string, toast: Partial<ToastPayload>): QueuedNotification {
  return {
    deliveryId,
    token: `token-${CHAT}`,
    handsetId: HANDSET_1.handsetId,
    appId: CHAT,
    notificationClass: 2,
    acceptedAt: 0,
    dueAt: 0,
    payload: { type: 'toast', toast: { silent: false, ...toast } },
  }
}
