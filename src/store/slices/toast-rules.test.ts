import { describe, expect, it } from 'vitest'
import type { StateStorage } from 'zustand/middleware'

import { SAMPLE_APPS } from '@/apps/sample-apps'
import type { QueuedNotification, ToastPayload } from '@/mpns/types'
import { HANDSET_1, HANDSET_1_STORAGE_KEY } from '@/test/handset-builders'

import { createDeviceStore } from '../device-store'
import { START_SCREEN, createInitialAppStates } from './device-model'
import type { Screen } from './device-model'
import { applyNotificationToHandset } from './notification-model'
import type { NotificationTarget } from './notification-model'
import {
  decideToastOutcome,
  decideToastSound,
  selectScreenPower,
  toInAppToastText,
  toShellToastCollection,
} from './toast-rules'
import type { HandsetConditions, ToastConditions, ToastOutcome } from './toast-rules'

const WEATHER = 'contoso-weather'
const CHIME = '/Assets/Sounds/chime.wav'

const AWAKE_UPDATE_3: HandsetConditions = {
  osVersion: '8.0-update3',
  display: 'on',
  locked: false,
  battery: 'normal',
}
const WEATHER_PAGE: Screen = { kind: 'app', appId: WEATHER, page: '/MainPage.xaml', query: [] }

describe('decideToastOutcome', () => {
  it.each<[string, Partial<ToastConditions>, ToastOutcome]>([
    ['background app, Update 3', {}, 'banner'],
    ['background app, 8.0', { osVersion: '8.0' }, 'banner'],
    ['background app, locked, Update 3', { locked: true }, 'banner'],
    ['background app, locked, 8.0', { osVersion: '8.0', locked: true }, 'banner'],
    [
      'background app, display off, 8.0',
      { osVersion: '8.0', display: 'off', locked: true },
      'banner',
    ],
    ['foreground app, 8.0', { osVersion: '8.0', foreground: true }, 'in-app'],
    ['foreground app, locked, 8.0', { osVersion: '8.0', foreground: true, locked: true }, 'in-app'],
    [
      'foreground app, display off, 8.0',
      { osVersion: '8.0', foreground: true, display: 'off', locked: true },
      'in-app',
    ],
    ['foreground app, uncovered, Update 3', { foreground: true }, 'in-app'],
    ['foreground app, locked, Update 3', { foreground: true, locked: true }, 'banner'],
    ['foreground app, display off, Update 3', { foreground: true, display: 'off' }, 'banner'],
    [
      'foreground app without handler, 8.0',
      { osVersion: '8.0', foreground: true, hasToastHandler: false },
      'none',
    ],
    [
      'foreground app without handler, Update 3',
      { foreground: true, hasToastHandler: false },
      'none',
    ],
    [
      'foreground app without handler, locked, Update 3',
      { foreground: true, hasToastHandler: false, locked: true },
      'banner',
    ],
    ['battery saver, background app', { battery: 'saver' }, 'none'],
    ['battery saver, foreground app', { battery: 'saver', foreground: true }, 'none'],
    ['critical battery, background app', { battery: 'critical' }, 'none'],
    [
      'critical battery, locked foreground app',
      { battery: 'critical', foreground: true, locked: true },
      'none',
    ],
  ])('%s: %s', (_name, changes, expected) => {
    const conditions: ToastConditions = {
      ...AWAKE_UPDATE_3,
      foreground: false,
      hasToastHandler: true,
      ...changes,
    }

    expect(decideToastOutcome(conditions)).toBe(expected)
  })
})

describe('decideToastSound', () => {
  it.each<[string, Pick<ToastPayload, 'sound' | 'silent'>, '8.0' | '8.0-update3', unknown]>([
    ['no Sound, Update 3', { silent: false }, '8.0-update3', { kind: 'default' }],
    [
      'Sound path, Update 3',
      { sound: CHIME, silent: false },
      '8.0-update3',
      { kind: 'custom', path: CHIME },
    ],
    [
      'Silent with a path, Update 3',
      { sound: CHIME, silent: true },
      '8.0-update3',
      { kind: 'silent' },
    ],
    ['Silent alone, Update 3', { silent: true }, '8.0-update3', { kind: 'silent' }],
    ['Sound path, 8.0', { sound: CHIME, silent: false }, '8.0', { kind: 'default' }],
    ['Silent, 8.0', { sound: CHIME, silent: true }, '8.0', { kind: 'default' }],
  ])('%s', (_name, toast, osVersion, expected) => {
    expect(decideToastSound(toast, osVersion)).toEqual(expected)
  })
})

describe('toShellToastCollection', () => {
  it('lists every element in payload order', () => {
    const toast = { text1: 'Oslo', text2: 'Snow', param: '/Page2.xaml?a=1&b=2', sound: CHIME }

    expect(toShellToastCollection(toast)).toEqual([
      ['wp:Text1', 'Oslo'],
      ['wp:Text2', 'Snow'],
      ['wp:Param', '/Page2.xaml?a=1&b=2'],
      ['wp:Sound', CHIME],
    ])
  })

  it('leaves out absent elements', () => {
    expect(toShellToastCollection({ text2: 'Snow' })).toEqual([['wp:Text2', 'Snow']])
  })
})

describe('toInAppToastText', () => {
  it('writes each key with its value', () => {
    expect(toInAppToastText({ text1: 'Oslo', param: '?id=7' })).toBe(
      'Toast received in app: wp:Text1="Oslo", wp:Param="?id=7"',
    )
  })

  it('names an empty collection', () => {
    expect(toInAppToastText({})).toBe('Toast received in app: an empty collection')
  })
})

describe('selectScreenPower', () => {
  it('reads a store without power fields as on and unlocked', () => {
    const store = createDeviceStore({ ...HANDSET_1, storage: createMemoryStorage() })

    expect(selectScreenPower(store.getState())).toEqual({ display: 'on', locked: false })
  })

  it('passes power fields through', () => {
    const store = createDeviceStore({ ...HANDSET_1, storage: createMemoryStorage() })
    const state = { ...store.getState(), display: 'off' as const, locked: true }

    expect(selectScreenPower(state)).toEqual({ display: 'off', locked: true })
  })
})

describe('applyNotificationToHandset toasts', () => {
  it('queues a banner with its custom sound on Update 3', () => {
    const changes = applyToTarget(createTarget(), { text1: 'Oslo', sound: CHIME, silent: false })

    expect(changes.toasts).toEqual([
      {
        id: 'd1',
        appId: WEATHER,
        text1: 'Oslo',
        text2: '',
        sound: { kind: 'custom', path: CHIME },
      },
    ])
  })

  it('queues a banner without a sound field on 8.0', () => {
    const target = createTarget({ conditions: { ...AWAKE_UPDATE_3, osVersion: '8.0' } })

    const changes = applyToTarget(target, { text1: 'Oslo', sound: CHIME, silent: true })

    expect(changes.toasts).toEqual([{ id: 'd1', appId: WEATHER, text1: 'Oslo', text2: '' }])
  })

  it('shows a banner over the locked foreground app on Update 3', () => {
    const target = createTarget({
      screen: WEATHER_PAGE,
      conditions: { ...AWAKE_UPDATE_3, locked: true },
    })

    const changes = applyToTarget(target, { text1: 'Oslo', silent: false })

    expect(changes.toasts?.map((toast) => toast.id)).toEqual(['d1'])
    expect(changes.apps).toBeUndefined()
  })

  it('logs the collection in the locked foreground app on 8.0', () => {
    const target = createTarget({
      screen: WEATHER_PAGE,
      conditions: { ...AWAKE_UPDATE_3, osVersion: '8.0', locked: true },
    })

    const changes = applyToTarget(target, { text1: 'Oslo', sound: CHIME, silent: false })

    expect(changes.toasts).toBeUndefined()
    expect(changes.apps?.[WEATHER]?.log.map((entry) => entry.text)).toEqual([
      `Toast received in app: wp:Text1="Oslo", wp:Sound="${CHIME}"`,
    ])
  })

  it('drops a toast on battery saver', () => {
    const target = createTarget({ conditions: { ...AWAKE_UPDATE_3, battery: 'saver' } })

    expect(applyToTarget(target, { text1: 'Oslo', silent: false })).toEqual({
      outcome: { kind: 'suppressed', detail: 'Battery saver is on, so the phone shows no toast.' },
    })
  })
})

describe('toast sound in the handset store', () => {
  it('keeps the custom sound on the banner', () => {
    const store = createDeviceStore({ ...HANDSET_1, storage: createMemoryStorage() })

    store
      .getState()
      .applyNotifications([toastNotification({ text1: 'Oslo', sound: CHIME, silent: false })])

    expect(store.getState().toasts[0]?.sound).toEqual({ kind: 'custom', path: CHIME })
  })

  it('restores the sound after a reload', () => {
    const storage = createMemoryStorage()
    const first = createDeviceStore({ ...HANDSET_1, storage })
    first.getState().applyNotifications([toastNotification({ text1: 'Oslo', silent: true })])

    const second = createDeviceStore({ ...HANDSET_1, storage })

    expect(second.getState().toasts[0]?.sound).toEqual({ kind: 'silent' })
  })

  it('drops a stored banner with an invalid sound', () => {
    const storage = createMemoryStorage()
    const banner = { id: 'd1', appId: WEATHER, text1: 'Oslo', text2: '' }
    const stored = {
      state: {
        toasts: [
          { ...banner, sound: { kind: 'custom' } },
          { ...banner, id: 'd2', sound: 'loud' },
          { ...banner, id: 'd3', sound: { kind: 'default' } },
        ],
      },
      version: 1,
    }
    void storage.setItem(HANDSET_1_STORAGE_KEY, JSON.stringify(stored))

    const store = createDeviceStore({ ...HANDSET_1, storage })

    expect(store.getState().toasts.map((toast) => toast.id)).toEqual(['d3'])
  })
})

function createTarget(changes: Partial<NotificationTarget> = {}): NotificationTarget {
  return {
    screen: START_SCREEN,
    apps: createInitialAppStates(SAMPLE_APPS),
    toasts: [],
    conditions: AWAKE_UPDATE_3,
    ...changes,
  }
}

function applyToTarget(target: NotificationTarget, toast: ToastPayload) {
  return applyNotificationToHandset(target, toastNotification(toast), 0)
}

function toastNotification(toast: ToastPayload): QueuedNotification {
  return {
    deliveryId: 'd1',
    token: `token-${WEATHER}`,
    handsetId: HANDSET_1.handsetId,
    appId: WEATHER,
    notificationClass: 2,
    acceptedAt: 0,
    dueAt: 0,
    payload: { type: 'toast', toast },
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
