import { describe, expect, it } from 'vitest'

import type { AppDefinition } from '@/apps/app-model'
import { SAMPLE_APPS } from '@/apps/sample-apps'
import type { TileState } from '@/mpns/tile-state'
import type { TileFieldName } from '@/mpns/types'
import { createInitialAppState } from '@/store/slices/device-model'
import type { AppState } from '@/store/slices/device-model'

import {
  formatLockScreenDate,
  isUnlockSwipe,
  toDetailedStatusLines,
  toLockIconUrl,
  toQuickStatusItems,
  toQuickStatusLabel,
} from './lock-screen-model'
import type { LockScreenSources } from './lock-screen-model'

const CHAT = SAMPLE_APPS.find((app) => app.id === 'contoso-chat') as AppDefinition
const WEATHER = SAMPLE_APPS.find((app) => app.id === 'contoso-weather') as AppDefinition
const MAIL: AppDefinition = {
  ...CHAT,
  id: 'contoso-mail',
  name: 'Contoso Mail',
  lockScreen: { iconCount: true, textField: false, lockIconPath: 'Assets\\Lock.png' },
  assets: { '/assets/lock.png': 'https://assets.test/mail-lock.png' },
}
const SMS: AppDefinition = {
  ...CHAT,
  id: 'contoso-sms',
  name: 'Contoso SMS',
  lockScreen: { iconCount: true, textField: false },
}
const APPS = [CHAT, WEATHER, MAIL, SMS]

describe('toQuickStatusItems', () => {
  it.each<[string | undefined, number | undefined]>([
    ['3', 3],
    ['0', undefined],
    [undefined, undefined],
    ['150', 99],
    ['2.7', 2],
    ['-4', undefined],
  ])('shows Count %s as %s', (count, expected) => {
    const sources = createSources({ [CHAT.id]: { Count: count } })

    const [item] = toQuickStatusItems([CHAT.id], sources)

    expect(item?.count).toBe(expected)
  })

  it('keeps the slot order and skips empty slots', () => {
    const sources = createSources({ [CHAT.id]: { Count: '1' }, [MAIL.id]: { Count: '2' } })

    const items = toQuickStatusItems([null, MAIL.id, null, CHAT.id, null], sources)

    expect(items.map((item) => item.appId)).toEqual([MAIL.id, CHAT.id])
  })

  it('skips apps the manifest does not allow', () => {
    const sources = createSources({ [WEATHER.id]: { Count: '5' } })

    expect(toQuickStatusItems([WEATHER.id], sources)).toEqual([])
  })

  it('skips unknown and uninstalled apps', () => {
    const sources = createSources({})
    const uninstalled: AppState = { ...createInitialAppState(MAIL), installed: false }

    const items = toQuickStatusItems(['no-such-app', MAIL.id], {
      ...sources,
      appStates: { ...sources.appStates, [MAIL.id]: uninstalled },
    })

    expect(items).toEqual([])
  })

  it('uses the lock icon file or the glyph', () => {
    const sources = createSources({})

    const [mail, chat, sms] = toQuickStatusItems([MAIL.id, CHAT.id, SMS.id], sources)

    expect(mail?.iconUrl).toBe('https://assets.test/mail-lock.png')
    expect(chat?.iconUrl).toBe('/apps/contoso-chat/Assets/LockScreen/LockIcon.png')
    expect(sms?.iconUrl).toBeUndefined()
    expect(sms?.glyph).toBe(SMS.icon)
  })
})

describe('toDetailedStatusLines', () => {
  it('reads the chosen app primary tile', () => {
    const sources = createSources({ [CHAT.id]: { WideContent1: 'Ana: lunch?' } })

    expect(toDetailedStatusLines(CHAT.id, sources)).toEqual(['Ana: lunch?'])
  })

  it.each([null, WEATHER.id, MAIL.id, 'no-such-app'])('shows nothing for %s', (appId) => {
    const sources = createSources({
      [WEATHER.id]: { WideBackContent: 'Snow' },
      [MAIL.id]: { WideContent1: 'Inbox' },
    })

    expect(toDetailedStatusLines(appId, sources)).toEqual([])
  })
})

describe('lock screen helpers', () => {
  it.each([
    ['Assets/Lock.png', 'https://assets.test/mail-lock.png'],
    ['/assets/LOCK.PNG', 'https://assets.test/mail-lock.png'],
    ['Assets/Missing.png', undefined],
  ])('resolves lock icon %s', (lockIconPath, expected) => {
    const app = { ...MAIL, lockScreen: { ...MAIL.lockScreen, lockIconPath } }

    expect(toLockIconUrl(app)).toBe(expected)
  })

  it('names quick status with its count', () => {
    const base = { appId: CHAT.id, appName: CHAT.name, iconUrl: undefined, glyph: CHAT.icon }

    expect(toQuickStatusLabel({ ...base, count: 4 })).toBe('Contoso Chat, 4')
    expect(toQuickStatusLabel({ ...base, count: undefined })).toBe('Contoso Chat')
  })

  it.each([
    [-200, 0, true],
    [-160, 0, true],
    [-100, 0, false],
    [-20, -900, true],
    [80, 0, false],
    [-100, 300, false],
  ])('unlocks on offset %d and velocity %d: %s', (offsetY, velocityY, expected) => {
    expect(isUnlockSwipe(offsetY, velocityY)).toBe(expected)
  })

  it('formats the date in English', () => {
    expect(formatLockScreenDate(new Date(2013, 5, 3, 9, 30))).toBe('Monday, June 3')
  })
})

function createSources(
  fieldsByApp: Record<string, Partial<Record<TileFieldName, string | undefined>>>,
): LockScreenSources {
  const appStates: Record<string, AppState> = {}
  for (const app of APPS) {
    const fields = Object.fromEntries(
      Object.entries(fieldsByApp[app.id] ?? {}).filter(([, value]) => value !== undefined),
    )
    const tile: TileState = { template: app.tileTemplate, fields }
    appStates[app.id] = { ...createInitialAppState(app), tile }
  }
  return { apps: APPS, appStates }
}
