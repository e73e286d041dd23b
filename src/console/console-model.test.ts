import { describe, expect, it } from 'vitest'

import type { HeaderEntry } from '@/mpns/types'

import { adviseSender, explainResponse } from './console-model'

type StatusHeaders = [notification?: string, device?: string, subscription?: string]

function toHeaders([notification, device, subscription]: StatusHeaders): HeaderEntry[] {
  const headers: HeaderEntry[] = []
  if (notification !== undefined) headers.push(['X-NotificationStatus', notification])
  if (device !== undefined) headers.push(['X-DeviceConnectionStatus', device])
  if (subscription !== undefined) headers.push(['X-SubscriptionStatus', subscription])
  return headers
}

describe('adviseSender', () => {
  it.each<[number, StatusHeaders, RegExp]>([
    [200, ['Received', 'Connected', 'Active'], /^Queued\. Nothing to do/],
    [200, ['Received', 'TempDisconnected', 'Active'], /temporarily disconnected.*expect a delay/],
    [200, ['QueueFull', 'Connected', 'Active'], /exponential backoff in minutes/],
    [200, ['QueueFull', 'TempDisconnected', 'Active'], /exponential backoff in minutes/],
    [200, ['Suppressed', 'Connected', 'Active'], /suppresses this notification type/],
    [200, ['Dropped', 'Connected', 'Active'], /^Dropped before delivery/],
    [200, [], /^Queued\. Nothing to do/],
    [400, [], /^Fix the request/],
    [401, [], /certificate/],
    [403, [], /client certificate/],
    [
      404,
      ['Dropped', 'Connected', 'Expired'],
      /expired: stop sending to this channel URI and delete it/,
    ],
    [404, ['Dropped', 'Disconnected', 'Expired'], /delete it/],
    [404, [], /unknown: stop sending to it and delete it/],
    [405, [], /POST/],
    [406, ['Dropped', 'Connected', 'Active'], /retry at most once an hour/],
    [412, ['Dropped', 'Inactive'], /Inactive: retry at most once an hour/],
    [503, [], /exponential backoff/],
  ])('advises on %i %j', (status, statusHeaders, advice) => {
    expect(adviseSender({ status, headers: toHeaders(statusHeaders) })).toMatch(advice)
  })

  it('matches header values in any case', () => {
    const headers = toHeaders(['queuefull', 'connected', 'active'])

    expect(adviseSender({ status: 200, headers })).toMatch(/exponential backoff/)
  })

  it('has no advice for undocumented statuses', () => {
    expect(adviseSender({ status: 429, headers: [] })).toBeUndefined()
  })
})

describe('explainResponse', () => {
  it('splits warnings and adds advice', () => {
    const explanation = explainResponse({
      status: 200,
      statusText: 'OK',
      headers: [
        ...toHeaders(['Suppressed', 'Connected', 'Active']),
        ['X-Emulator-Reason', 'Suppressed: toasts are off.'],
        ['X-Emulator-Warning', 'First; Second'],
      ],
      body: '',
    })

    expect(explanation.reason).toBe('Suppressed: toasts are off.')
    expect(explanation.warnings).toEqual(['First', 'Second'])
    expect(explanation.advice).toMatch(/suppresses this notification type/)
  })
})
