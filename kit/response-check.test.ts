import { describe, expect, it } from 'vitest'

import { toResponseMismatches } from './response-check.ts'

const RECEIVED = {
  status: 200,
  statusText: 'OK',
  headers: {
    'x-notificationstatus': 'Received',
    'x-deviceconnectionstatus': 'Connected',
    'x-subscriptionstatus': 'Active',
  },
  body: '',
}

const DROPPED_EXPIRED = {
  status: 404,
  statusText: 'Not Found',
  headers: {
    'x-notificationstatus': 'Dropped',
    'x-deviceconnectionstatus': 'Connected',
    'x-subscriptionstatus': 'Expired',
  },
  body: '',
}

describe('toResponseMismatches', () => {
  it('accepts a matching response', () => {
    expect(
      toResponseMismatches(RECEIVED, {
        status: 200,
        notificationStatus: 'Received',
        deviceConnectionStatus: 'Connected',
        subscriptionStatus: 'Active',
      }),
    ).toEqual([])
  })

  it('skips fields left out', () => {
    expect(toResponseMismatches(DROPPED_EXPIRED, { subscriptionStatus: 'Expired' })).toEqual([])
  })

  it('names each differing field', () => {
    expect(
      toResponseMismatches(DROPPED_EXPIRED, { status: 200, notificationStatus: 'Received' }),
    ).toEqual([
      'HTTP status: expected 200, got 404',
      'X-NotificationStatus: expected "Received", got "Dropped"',
    ])
  })

  it('checks that a header given as null is absent', () => {
    const inactive = {
      ...RECEIVED,
      status: 412,
      headers: { 'x-notificationstatus': 'Dropped', 'x-deviceconnectionstatus': 'Inactive' },
    }
    expect(toResponseMismatches(inactive, { subscriptionStatus: null })).toEqual([])
    expect(toResponseMismatches(RECEIVED, { subscriptionStatus: null })).toEqual([
      'X-SubscriptionStatus: expected no header, got "Active"',
    ])
  })

  it('reports a missing header', () => {
    const noHeaders = { ...RECEIVED, headers: {} }
    expect(toResponseMismatches(noHeaders, { notificationStatus: 'Received' })).toEqual([
      'X-NotificationStatus: expected "Received", got no header',
    ])
  })
})
