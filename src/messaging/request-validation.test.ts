import { describe, expect, it } from 'vitest'

import type { WorkerRequestMessage } from './messages'
import { describeInvalidPayload } from './request-validation'

const DEVICE_STATE = {
  handsetId: 'handset-1',
  foregroundAppId: null,
  network: 'online',
  battery: 'normal',
  secondaryTileIds: { 'contoso-weather': ['/Forecast.xaml'] },
}

function message(type: string, payload: Record<string, unknown>): WorkerRequestMessage {
  return { type, payload } as WorkerRequestMessage
}

describe('describeInvalidPayload', () => {
  it.each([
    ['HELLO_REQUEST', { protocolVersion: 2 }],
    ['DEVICE_STATE_REQUEST', DEVICE_STATE],
    ['PENDING_REQUEST', { handsetId: 'handset-1' }],
    ['PENDING_REQUEST', { handsetId: 'handset-1', limit: 5 }],
    ['ACK_REQUEST', { handsetId: 'handset-1', deliveryIds: [] }],
    ['CHANNEL_CLOSE_REQUEST', { handsetId: 'h', appId: 'a', reason: 'uninstalled' }],
    ['SETTINGS_UPDATE_REQUEST', { changes: { queueDepth: 5 } }],
    ['CLOCK_UPDATE_REQUEST', { advanceMs: 1_000 }],
    ['CHANNEL_LIST_REQUEST', {}],
  ])('accepts %s with %j', (type, payload) => {
    expect(describeInvalidPayload(message(type, payload))).toBeUndefined()
  })

  it.each([
    [
      'DEVICE_STATE_REQUEST',
      { ...DEVICE_STATE, network: 'airplane' },
      'Invalid DEVICE_STATE_REQUEST: field "network" is "airplane", expected "online" or "offline".',
    ],
    [
      'DEVICE_STATE_REQUEST',
      { ...DEVICE_STATE, secondaryTileIds: { app: '/Forecast.xaml' } },
      'Invalid DEVICE_STATE_REQUEST: field "secondaryTileIds" is of type object, expected an object of app ids to lists of navigation URIs.',
    ],
    [
      'ACK_REQUEST',
      { handsetId: 'handset-1', deliveryIds: 'one' },
      'Invalid ACK_REQUEST: field "deliveryIds" is "one", expected a list of strings.',
    ],
    [
      'CHANNEL_CLOSE_REQUEST',
      { handsetId: 'h', appId: 'a', reason: 'renewed' },
      'Invalid CHANNEL_CLOSE_REQUEST: field "reason" is "renewed", expected "closed-by-app" or "uninstalled".',
    ],
    [
      'PENDING_REQUEST',
      {},
      'Invalid PENDING_REQUEST: field "handsetId" is missing, expected a string.',
    ],
    [
      'CLOCK_UPDATE_REQUEST',
      { speed: '2' },
      'Invalid CLOCK_UPDATE_REQUEST: field "speed" is "2", expected a number or absent.',
    ],
  ])('rejects %s with %j', (type, payload, problem) => {
    expect(describeInvalidPayload(message(type, payload))).toBe(
      `${problem} Reload the page so that it and the service worker run the same version.`,
    )
  })
})
