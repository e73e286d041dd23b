import { describe, expect, it } from 'vitest'

import { createDeviceRecord, deriveConnectionStatus } from './device-state'
import { DEFAULT_ENGINE_SETTINGS } from './engine'
import type { DeviceConnectionStatus, DeviceRecord } from './types'

const NOW = Date.UTC(2013, 9, 22, 12, 0, 0)
const MINUTE_MS = 60_000

const ONLINE = createDeviceRecord({ handsetId: 'handset-1', now: NOW - MINUTE_MS })

describe('createDeviceRecord', () => {
  it('creates an online handset with a normal battery', () => {
    expect(createDeviceRecord({ handsetId: 'handset-1', now: NOW })).toEqual({
      handsetId: 'handset-1',
      foregroundAppId: null,
      lastContactAt: NOW,
      network: 'online',
      battery: 'normal',
      secondaryTileIds: {},
    })
  })
})

describe('deriveConnectionStatus', () => {
  it.each<[string, DeviceRecord | undefined, number, DeviceConnectionStatus]>([
    ['a handset that never connected', undefined, 60, 'TempDisconnected'],
    ['an online handset', ONLINE, 60, 'Connected'],
    [
      'an online handset with a stale offline time',
      { ...ONLINE, offlineSince: NOW - 600 * MINUTE_MS },
      60,
      'Connected',
    ],
    [
      'a handset offline for just under the limit',
      { ...ONLINE, network: 'offline', offlineSince: NOW - 60 * MINUTE_MS + 1 },
      60,
      'TempDisconnected',
    ],
    [
      'a handset offline for exactly the limit',
      { ...ONLINE, network: 'offline', offlineSince: NOW - 60 * MINUTE_MS },
      60,
      'Inactive',
    ],
    [
      'an offline handset without an offline time, by its last contact',
      { ...ONLINE, network: 'offline', lastContactAt: NOW - 61 * MINUTE_MS },
      60,
      'Inactive',
    ],
    [
      'a handset offline for the configured 5 minutes',
      { ...ONLINE, network: 'offline', offlineSince: NOW - 5 * MINUTE_MS },
      5,
      'Inactive',
    ],
  ])('derives %s', (_name, device, inactiveAfterMinutes, expected) => {
    const settings = { ...DEFAULT_ENGINE_SETTINGS, inactiveAfterMinutes }

    expect(deriveConnectionStatus({ device, now: NOW, settings })).toBe(expected)
  })
})
