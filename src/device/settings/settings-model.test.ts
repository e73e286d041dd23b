import { describe, expect, it } from 'vitest'

import type { AppDefinition } from '@/apps/app-model'
import { SAMPLE_APPS } from '@/apps/sample-apps'
import { createInitialAppStates } from '@/store/slices/device-model'
import type { SettingsPageId } from '@/store/slices/device-model'

import {
  NO_APP_VALUE,
  describeSettingsEntry,
  fromSelectedAppValue,
  toLockScreenAppOptions,
  toSelectedAppValue,
} from './settings-model'
import type { SettingsSummarySource } from './settings-model'

const CHAT = SAMPLE_APPS.find((app) => app.id === 'contoso-chat') as AppDefinition
const BADGE_ONLY: AppDefinition = {
  ...CHAT,
  id: 'a-badge',
  name: 'A Badge',
  lockScreen: { iconCount: true, textField: false },
}
const APPS = [...SAMPLE_APPS, BADGE_ONLY]

const SOURCE: SettingsSummarySource = {
  profile: { theme: 'light', accent: 'lime' },
  airplaneMode: true,
  battery: 'saver',
  batteryPercent: 12,
  detailedStatusAppName: undefined,
}

describe('toLockScreenAppOptions', () => {
  it('offers text-field apps for detailed status', () => {
    const options = toLockScreenAppOptions('detailed', APPS, createInitialAppStates(APPS))

    expect(options.map((option) => option.label)).toEqual(['none', 'Contoso Chat'])
  })

  it('offers icon-count apps by name', () => {
    const options = toLockScreenAppOptions('quick', APPS, createInitialAppStates(APPS))

    expect(options).toEqual([
      { value: NO_APP_VALUE, label: 'none' },
      { value: 'a-badge', label: 'A Badge' },
      { value: 'contoso-chat', label: 'Contoso Chat' },
    ])
  })

  it('leaves out uninstalled apps', () => {
    const appStates = createInitialAppStates(APPS)
    const chatState = appStates['contoso-chat']
    if (chatState) {
      appStates['contoso-chat'] = { ...chatState, installed: false }
    }

    const options = toLockScreenAppOptions('quick', APPS, appStates)

    expect(options.map((option) => option.value)).toEqual([NO_APP_VALUE, 'a-badge'])
  })
})

describe('select values', () => {
  const options = [
    { value: NO_APP_VALUE, label: 'none' },
    { value: 'contoso-chat', label: 'Contoso Chat' },
  ]

  it.each([
    ['contoso-chat', 'contoso-chat'],
    [null, NO_APP_VALUE],
    ['removed-app', NO_APP_VALUE],
  ])('selects %s as %j', (appId, expected) => {
    expect(toSelectedAppValue(appId, options)).toBe(expected)
  })

  it('reads none back as null', () => {
    expect(fromSelectedAppValue(NO_APP_VALUE)).toBeNull()
    expect(fromSelectedAppValue('contoso-chat')).toBe('contoso-chat')
  })
})

describe('describeSettingsEntry', () => {
  it.each<[Exclude<SettingsPageId, 'home'>, string]>([
    ['theme', 'light background, lime'],
    ['lock-screen', 'no detailed status'],
    ['airplane-mode', 'On'],
    ['battery-saver', 'Battery saver on, 12 %'],
  ])('summarises %s', (page, expected) => {
    expect(describeSettingsEntry(page, SOURCE)).toBe(expected)
  })

  it('names the detailed-status app', () => {
    const source = { ...SOURCE, detailedStatusAppName: 'Contoso Chat' }

    expect(describeSettingsEntry('lock-screen', source)).toBe('Contoso Chat')
  })
})
