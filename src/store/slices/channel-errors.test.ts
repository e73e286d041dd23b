import { describe, expect, it } from 'vitest'

import { SAMPLE_APPS } from '@/apps/sample-apps'
import type { QueuedNotification } from '@/mpns/types'

import {
  MAX_NOTIFICATIONS_PER_SECOND,
  findAppsOverRate,
  withPowerLevelChanged,
} from './channel-errors'
import { createInitialAppStates } from './device-model'

const NOW = 1_700_000_000_000

describe('withPowerLevelChanged', () => {
  it.each([
    ['normal', 'NormalPowerLevel'],
    ['saver', 'LowPowerLevel'],
    ['critical', 'CriticalLowPowerLevel'],
  ] as const)('reports %s as %s to apps with a channel', (battery, level) => {
    const apps = createInitialAppStates(SAMPLE_APPS)
    const withChannel = { ...apps, 'contoso-chat': { ...apps['contoso-chat']!, channelUri: 'u' } }

    const next = withPowerLevelChanged(withChannel, battery, NOW)

    expect(next['contoso-chat']?.log).toEqual([
      {
        kind: 'error',
        text: `ErrorOccurred: PowerLevelChanged, ErrorAdditionalData ${level}.`,
        time: NOW,
      },
    ])
    expect(next['contoso-weather']?.log).toEqual([])
  })
})

describe('findAppsOverRate', () => {
  it('names an app over the rate once', () => {
    const burst = times(MAX_NOTIFICATIONS_PER_SECOND + 1, (index) => queued('a', NOW + index * 10))

    expect(findAppsOverRate(burst)).toEqual(['a'])
  })

  it('allows the maximum within one second', () => {
    const atLimit = times(MAX_NOTIFICATIONS_PER_SECOND, (index) => queued('a', NOW + index * 10))

    expect(findAppsOverRate(atLimit)).toEqual([])
  })

  it('allows the same number spread over seconds', () => {
    const spread = times(MAX_NOTIFICATIONS_PER_SECOND * 3, (index) => queued('a', NOW + index * 40))

    expect(findAppsOverRate(spread)).toEqual([])
  })

  it('counts each app on its own', () => {
    const mixed = times(MAX_NOTIFICATIONS_PER_SECOND + 2, (index) =>
      queued(index % 2 === 0 ? 'a' : 'b', NOW + index),
    )

    expect(findAppsOverRate(mixed)).toEqual([])
  })
})

function times<T>(count: number, make: (index: number) => T): T[] {
  return Array.from({ length: count }, (_, index) => make(index))
}

function queued(appId: string, acceptedAt: number): QueuedNotification {
  return {
    deliveryId: `${appId}-${acceptedAt}`,
    token: 't',
    handsetId: 'handset-1',
    appId,
    notificationClass: 3,
    acceptedAt,
    dueAt: acceptedAt,
    payload: { type: 'raw', body: new Uint8Array() },
  }
}
