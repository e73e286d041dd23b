import { describe, expect, it } from 'vitest'

import { DEFAULT_ENGINE_SETTINGS } from './engine'
import { mergeEngineSettings, toEngineSettings } from './settings'

describe('mergeEngineSettings', () => {
  it.each([
    [{ dailyQuota: 1 }],
    [{ dailyQuota: 1_000_000 }],
    [{ queueDepth: 100_000 }],
    [{ maxXmlBodyBytes: 65_536, maxRawBodyBytes: 1 }],
    [{ inactiveAfterMinutes: 10_080 }],
    [{ missingClassDefault: 'immediate' }],
    [{ strictMode: true, serviceDown: true }],
    [{ unknownTokenAnswer: 'probe-resistant' }],
    [{ authenticatedLimits: 'documented' }],
    [{}],
  ])('accepts %j', (changes) => {
    const result = mergeEngineSettings(DEFAULT_ENGINE_SETTINGS, changes)

    expect(result).toEqual({ ok: true, settings: { ...DEFAULT_ENGINE_SETTINGS, ...changes } })
  })

  it.each([
    [
      { dailyQuota: 0 },
      'Invalid Daily quota (dailyQuota) "0": expected a whole number of notifications from 1 to 1,000,000. Choose a value in that range.',
    ],
    [
      { dailyQuota: 1_000_001 },
      'Invalid Daily quota (dailyQuota) "1000001": expected a whole number of notifications from 1 to 1,000,000. Choose a value in that range.',
    ],
    [
      { queueDepth: 2.5 },
      'Invalid Queue depth (queueDepth) "2.5": expected a whole number of notifications from 1 to 100,000. Choose a value in that range.',
    ],
    [
      { queueDepth: '500' },
      'Invalid Queue depth (queueDepth) "500": expected a whole number of notifications from 1 to 100,000. Choose a value in that range.',
    ],
    [
      { maxXmlBodyBytes: 65_537 },
      'Invalid Toast and tile body limit (maxXmlBodyBytes) "65537": expected a whole number of bytes from 1 to 65,536. Choose a value in that range.',
    ],
    [
      { maxRawBodyBytes: Number.NaN },
      'Invalid Raw body limit (maxRawBodyBytes) "NaN": expected a whole number of bytes from 1 to 65,536. Choose a value in that range.',
    ],
    [
      { inactiveAfterMinutes: 10_081 },
      'Invalid Minutes to Inactive (inactiveAfterMinutes) "10081": expected a whole number of minutes from 1 to 10,080. Choose a value in that range.',
    ],
    [
      { missingClassDefault: 'fastest' },
      'Invalid Missing X-NotificationClass (missingClassDefault) "fastest": expected "slowest" or "immediate". Use one of those values.',
    ],
    [
      { unknownTokenAnswer: null },
      'Invalid Unknown channel token (unknownTokenAnswer) "null": expected "not-found" or "probe-resistant". Use one of those values.',
    ],
    [{ strictMode: 'yes' }, 'Invalid Strict mode (strictMode) "yes": expected true or false.'],
    [
      { serviceDown: [true] },
      'Invalid Service down (serviceDown) of type array: expected true or false.',
    ],
    [
      { queueDepht: 500 },
      'Unknown engine setting "queueDepht": the settings are maxXmlBodyBytes, maxRawBodyBytes, missingClassDefault, dailyQuota, queueDepth, inactiveAfterMinutes, strictMode, serviceDown, unknownTokenAnswer, authenticatedLimits. Check the spelling.',
    ],
  ])('rejects %j', (changes, message) => {
    expect(mergeEngineSettings(DEFAULT_ENGINE_SETTINGS, changes)).toEqual({ ok: false, message })
  })

  it('rejects the whole change when one field is invalid', () => {
    const result = mergeEngineSettings(DEFAULT_ENGINE_SETTINGS, { dailyQuota: 10, queueDepth: -1 })

    expect(result.ok).toBe(false)
  })

  it.each([[null], [[]], ['queueDepth=5'], [5]])('rejects the change %j', (changes) => {
    const result = mergeEngineSettings(DEFAULT_ENGINE_SETTINGS, changes)

    expect(result.ok).toBe(false)
    expect(result.ok ? undefined : result.message).toMatch(/^Invalid settings change/)
  })

  it('keeps the current values of unchanged fields', () => {
    const current = { ...DEFAULT_ENGINE_SETTINGS, queueDepth: 7 }

    const result = mergeEngineSettings(current, { dailyQuota: 9 })

    expect(result).toEqual({ ok: true, settings: { ...current, dailyQuota: 9 } })
  })

  it('leaves the current settings unchanged', () => {
    const current = { ...DEFAULT_ENGINE_SETTINGS }

    mergeEngineSettings(current, { dailyQuota: 9 })

    expect(current).toEqual(DEFAULT_ENGINE_SETTINGS)
  })
})

describe('toEngineSettings', () => {
  it('fills missing fields from the defaults', () => {
    expect(toEngineSettings({ queueDepth: 42 })).toEqual({
      ...DEFAULT_ENGINE_SETTINGS,
      queueDepth: 42,
    })
  })

  it('drops invalid and unknown stored fields', () => {
    expect(toEngineSettings({ queueDepth: -1, strictMode: true, retired: 1 })).toEqual({
      ...DEFAULT_ENGINE_SETTINGS,
      strictMode: true,
    })
  })

  it.each([[undefined], [null], ['text']])('returns the defaults for %j', (stored) => {
    expect(toEngineSettings(stored)).toEqual(DEFAULT_ENGINE_SETTINGS)
  })
})
