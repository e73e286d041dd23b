import { describe, expect, it } from 'vitest'

import type { BatteryState } from '@/mpns/types'

import {
  BATTERY_SAVER_OPTIONS,
  clampPercent,
  toBatterySettingsFor,
  toBatteryState,
  withBatteryPercent,
} from './battery-model'
import type { BatterySaverOption, BatterySettings } from './battery-model'

const BATTERY_STATES: readonly BatteryState[] = ['normal', 'saver', 'critical']
const SAMPLE_PERCENTS = [0, 3, 5, 6, 15, 19, 20, 50, 90, 100]

describe('battery model', () => {
  it.each<[number, BatterySaverOption, BatteryState]>([
    [50, 'off', 'normal'],
    [50, 'when-low', 'normal'],
    [20, 'when-low', 'normal'],
    [19, 'when-low', 'saver'],
    [15, 'when-low', 'saver'],
    [15, 'off', 'normal'],
    [90, 'until-charge', 'saver'],
    [6, 'off', 'normal'],
    [5, 'off', 'critical'],
    [3, 'until-charge', 'critical'],
    [0, 'when-low', 'critical'],
  ])('derives %i %% with saver %s as %s', (batteryPercent, batterySaver, expected) => {
    expect(toBatteryState({ batteryPercent, batterySaver })).toBe(expected)
  })

  it('reaches every state from every setting', () => {
    for (const batteryPercent of SAMPLE_PERCENTS) {
      for (const batterySaver of BATTERY_SAVER_OPTIONS) {
        for (const target of BATTERY_STATES) {
          const current = { batteryPercent, batterySaver }
          const settings = toBatterySettingsFor(target, current)
          expect(toBatteryState(settings), `${target} from ${JSON.stringify(current)}`).toBe(target)
        }
      }
    }
  })

  it.each<[BatteryState, BatterySettings, BatterySettings]>([
    [
      'normal',
      { batteryPercent: 50, batterySaver: 'off' },
      { batteryPercent: 50, batterySaver: 'off' },
    ],
    [
      'saver',
      { batteryPercent: 50, batterySaver: 'off' },
      { batteryPercent: 15, batterySaver: 'when-low' },
    ],
    [
      'saver',
      { batteryPercent: 10, batterySaver: 'off' },
      { batteryPercent: 10, batterySaver: 'when-low' },
    ],
    [
      'critical',
      { batteryPercent: 50, batterySaver: 'when-low' },
      { batteryPercent: 3, batterySaver: 'when-low' },
    ],
    [
      'normal',
      { batteryPercent: 3, batterySaver: 'when-low' },
      { batteryPercent: 80, batterySaver: 'when-low' },
    ],
    [
      'normal',
      { batteryPercent: 60, batterySaver: 'until-charge' },
      { batteryPercent: 60, batterySaver: 'when-low' },
    ],
  ])('sets %s from %o as %o', (target, current, expected) => {
    expect(toBatterySettingsFor(target, current)).toEqual(expected)
  })

  it('ends "until next charge" when the charge rises', () => {
    const current: BatterySettings = { batteryPercent: 40, batterySaver: 'until-charge' }

    expect(withBatteryPercent(current, 30)).toEqual({
      batteryPercent: 30,
      batterySaver: 'until-charge',
    })
    expect(withBatteryPercent(current, 41)).toEqual({
      batteryPercent: 41,
      batterySaver: 'when-low',
    })
  })

  it('keeps other saver options when charging', () => {
    expect(withBatteryPercent({ batteryPercent: 10, batterySaver: 'off' }, 90)).toEqual({
      batteryPercent: 90,
      batterySaver: 'off',
    })
  })

  it.each([
    [-4, 0],
    [0, 0],
    [49.6, 50],
    [100, 100],
    [130, 100],
    [Number.NaN, 0],
  ])('clamps %d to %d %%', (percent, expected) => {
    expect(clampPercent(percent)).toBe(expected)
  })
})
