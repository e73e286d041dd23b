// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MotionGlobalConfig } from 'framer-motion'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { ChannelRecord, QueuedNotification } from '@/mpns/types'
import { createDeviceStore } from '@/store/device-store'
import type { DeviceStoreApi } from '@/store/device-store'
import { HandsetStoreProvider } from '@/store/handset-context'
import { closeChannel, openChannel } from '@/store/worker-sync'
import { HANDSET_1 } from '@/test/handset-builders'

import { Handset } from './Handset'

vi.mock('@/store/worker-sync', () => ({
  openChannel: vi.fn(),
  closeChannel: vi.fn(),
}))

const CHANNEL_URI = 'https://localhost/throttledthirdparty/01.00/weather-token'
let store: DeviceStoreApi

beforeEach(() => {
  MotionGlobalConfig.skipAnimations = true
  window.localStorage.clear()
  store = createDeviceStore(HANDSET_1)
  vi.mocked(openChannel).mockImplementation((request) =>
    Promise.resolve({ outcome: 'opened', channel: channelRecord(request.appId, CHANNEL_URI) }),
  )
  vi.mocked(closeChannel).mockImplementation((request) =>
    Promise.resolve(channelRecord(request.appId, CHANNEL_URI)),
  )
})

afterEach(() => {
  cleanup()
})

describe('Handset', () => {
  it('names every control once', () => {
    renderHandset()

    const handset = screen.getByRole('region', { name: 'Handset 1' })
    const start = within(handset).getByRole('region', { name: 'Start screen' })
    expect(within(start).getByRole('button', { name: 'Contoso Weather' })).toBeTruthy()
    expect(within(start).getByRole('button', { name: 'Contoso Chat' })).toBeTruthy()

    const names = within(handset)
      .getAllByRole('button')
      .map((button) => button.getAttribute('aria-label') ?? button.textContent)
    expect(names).toEqual([
      'Show status indicators',
      'Contoso Weather',
      'Contoso Chat',
      'Contoso Photos',
      'Fabrikam Scores',
      'Woodgrove Stocks',
      'App list',
      'Back',
      'Start',
      'Search',
      'Power',
    ])
  })

  it('asks on first launch and shows the channel URI', async () => {
    const user = userEvent.setup()
    renderHandset()

    await user.click(screen.getByRole('button', { name: 'Contoso Weather' }))
    const dialog = await screen.findByRole('dialog', {
      name: 'Contoso Weather',
    })
    expect(dialog.textContent).toContain(
      "Allow Contoso Weather to send you notifications? You can turn them off later in the app's settings.",
    )
    await user.click(within(dialog).getByRole('button', { name: 'Allow' }))

    expect(screen.queryByRole('dialog')).toBeNull()
    const channelUri = screen.getByRole<HTMLInputElement>('textbox', {
      name: 'Channel URI',
    })
    await waitFor(() => expect(channelUri.value).toBe(CHANNEL_URI))
    expect(screen.getByRole('button', { name: 'Copy channel URI' })).toBeTruthy()
    expect(screen.getByRole('status', { name: 'Current page' }).textContent).toBe('/MainPage.xaml')
    expect(screen.getByRole('log', { name: 'Notifications' }).textContent).toContain(
      `ChannelUriUpdated: ${CHANNEL_URI}`,
    )
  })

  it('opens the Param page from a toast banner', async () => {
    const user = userEvent.setup()
    renderHandset()

    act(() => {
      store
        .getState()
        .applyNotification(
          toastNotification('d1', 'Anna', 'Lunch?', '/Page2.xaml?NavigatedFrom=Toast&id=42'),
        )
    })
    const banner = await screen.findByRole('alert')
    expect(banner.textContent).toBe('Anna Lunch?')
    await user.click(within(banner).getByRole('button', { name: 'Anna Lunch?' }))

    const currentPage = await screen.findByRole('status', {
      name: 'Current page',
    })
    expect(currentPage.textContent).toBe('/Page2.xaml?NavigatedFrom=Toast&id=42')
    const query = screen.getByRole('list', { name: 'Query string' })
    const pairs = within(query)
      .getAllByRole('listitem')
      .map((item) => item.textContent)
    expect(pairs).toEqual(['NavigatedFrom = Toast', 'id = 42'])
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
  })

  it('closes a toast banner with Dismiss', async () => {
    const user = userEvent.setup()
    renderHandset()

    act(() => {
      store.getState().applyNotification(toastNotification('d1', 'Anna', 'Lunch?'))
    })
    await user.click(await screen.findByRole('button', { name: 'Dismiss' }))

    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
    expect(screen.getByRole('region', { name: 'Start screen' })).toBeTruthy()
  })

  it('renames a tile after a tile update', async () => {
    renderHandset()

    act(() => {
      store.getState().applyNotification({
        ...queued('d1', 'contoso-weather'),
        payload: {
          type: 'tile',
          tile: {
            template: 'FlipTile',
            fields: {
              Title: { action: 'set', value: 'Oslo' },
              Count: { action: 'set', value: '3' },
            },
          },
        },
      })
    })

    expect(await screen.findByRole('button', { name: 'Contoso Weather, Oslo, 3' })).toBeTruthy()
  })

  it('returns to Start with Back', async () => {
    const user = userEvent.setup()
    renderHandset()
    await user.click(screen.getByRole('button', { name: 'Contoso Chat' }))
    await user.click(await screen.findByRole('button', { name: "Don't allow" }))

    await user.click(screen.getByRole('button', { name: 'Back' }))

    expect(await screen.findByRole('region', { name: 'Start screen' })).toBeTruthy()
    expect(screen.queryByRole('textbox', { name: 'Channel URI' })).toBeNull()
  })
})

describe('Handset app lifecycle', () => {
  it('shows the airplane mode glyph while it is on', () => {
    renderHandset()
    expect(screen.queryByRole('img', { name: 'Airplane mode' })).toBeNull()

    act(() => store.getState().turnOnAirplaneMode())

    expect(screen.getByRole('img', { name: 'Airplane mode' })).toBeTruthy()
  })

  it('counts raw notifications on the app page', async () => {
    const user = userEvent.setup()
    renderHandset()
    await user.click(screen.getByRole('button', { name: 'Contoso Chat' }))
    await user.click(await screen.findByRole('button', { name: 'Allow' }))
    const count = screen.getByRole('status', { name: 'Raw notifications received' })
    expect(count.textContent).toBe('0')

    act(() => {
      store.getState().applyNotifications([queued('d1', 'contoso-chat')])
      store.getState().applyNotifications([queued('d2', 'contoso-chat')])
    })

    expect(count.textContent).toBe('2')
  })

  it('closes the channel from the app page', async () => {
    const user = userEvent.setup()
    renderHandset()
    await user.click(screen.getByRole('button', { name: 'Contoso Weather' }))
    await user.click(await screen.findByRole('button', { name: 'Allow' }))
    const channelUri = screen.getByRole<HTMLInputElement>('textbox', { name: 'Channel URI' })
    await waitFor(() => expect(channelUri.value).toBe(CHANNEL_URI))

    await user.click(screen.getByRole('button', { name: 'Close channel' }))

    await waitFor(() => expect(channelUri.value).toBe(''))
    expect(closeChannel).toHaveBeenCalledWith({
      handsetId: 'handset-1',
      appId: 'contoso-weather',
      reason: 'closed-by-app',
    })
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Close channel' }).disabled).toBe(
      true,
    )
  })

  it('uninstalls and installs an app again', async () => {
    const user = userEvent.setup()
    renderHandset()
    await user.click(screen.getByRole('button', { name: 'Contoso Chat' }))
    await user.click(await screen.findByRole('button', { name: "Don't allow" }))

    await user.click(screen.getByRole('button', { name: 'Uninstall' }))

    const start = await screen.findByRole('region', { name: 'Start screen' })
    expect(within(start).queryByRole('button', { name: 'Contoso Chat' })).toBeNull()
    await user.click(within(start).getByRole('button', { name: 'App list' }))
    const appList = await screen.findByRole('region', { name: 'App list' })
    expect(within(appList).getByRole('button', { name: 'Contoso Weather' })).toBeTruthy()
    await user.click(within(appList).getByRole('button', { name: 'Install Contoso Chat' }))
    await user.click(within(appList).getByRole('button', { name: 'Contoso Chat' }))

    expect(await screen.findByRole('dialog', { name: 'Contoso Chat' })).toBeTruthy()
  })
})

function queued(deliveryId: string, appId: string): QueuedNotification {
  return {
    deliveryId,
    token: `token-${appId}`,
    handsetId: 'handset-1',
    appId,
    notificationClass: 2,
    acceptedAt: 0,
    dueAt: 0,
    payload: { type: 'raw', body: new Uint8Array() },
  }
}

function toastNotification(
  deliveryId: string,
  text1: string,
  text2: string,
  param?: string,
): QueuedNotification {
  return {
    ...queued(deliveryId, 'contoso-chat'),
    payload: {
      type: 'toast',
      toast: {
        text1,
        text2,
        silent: false,
        ...(param === undefined ? {} : { param }),
      },
    },
  }
}

function channelRecord(appId: string, channelUri: string): ChannelRecord {
  return {
    token: `token-${appId}`,
    channelUri,
    handsetId: 'handset-1',
    appId,
    appName: appId,
    channelName: 'channel',
    boundToast: true,
    boundTile: true,
    tileTemplate: appId === 'contoso-chat' ? 'IconicTile' : 'FlipTile',
    openedAt: 0,
  }
}

function renderHandset() {
  return render(
    <HandsetStoreProvider store={store}>
      <Handset handsetId={HANDSET_1.handsetId} />
    </HandsetStoreProvider>,
  )
}
