import { describe, expect, it } from 'vitest'

import type { ConsoleRequestHandled } from '@/messaging/messages'
import type { HeaderEntry } from '@/mpns/types'
import type { ConsoleExchange } from '@/store/console-request'

import { toTimelineSteps } from './delivery-timeline-model'

const ACCEPTED_AT = Date.UTC(2013, 4, 1, 12)
const DUE_AT = ACCEPTED_AT + 900_000

const RECEIVED: HeaderEntry[] = [
  ['X-NotificationStatus', 'Received'],
  ['X-DeviceConnectionStatus', 'Connected'],
  ['X-SubscriptionStatus', 'Active'],
]

const NOT_QUEUED: ConsoleRequestHandled = {
  consoleRequestId: 'console-1',
  token: 'tok',
  status: 200,
  notificationStatus: 'Received',
  acceptedAt: ACCEPTED_AT,
}

const QUEUED = { deliveryId: 'd1', handsetId: 'handset-1', notificationClass: 22, dueAt: DUE_AT }

const HANDLED: ConsoleRequestHandled = { ...NOT_QUEUED, queued: QUEUED }

function exchangeWith(status: number, headers: HeaderEntry[], statusText = 'OK'): ConsoleExchange {
  return {
    request: { method: 'POST', url: 'http://127.0.0.1/tok', headers: [], body: '', byteLength: 0 },
    response: { status, statusText, headers, body: '' },
    consoleRequestId: 'console-1',
  }
}

function labels(steps: ReturnType<typeof toTimelineSteps>): string[] {
  return steps.map((step) => step.label)
}

describe('toTimelineSteps', () => {
  it('stops at Queued before delivery', () => {
    const steps = toTimelineSteps({
      exchange: exchangeWith(200, RECEIVED),
      handled: HANDLED,
      delivery: undefined,
      handsetInThisTab: true,
    })

    expect(labels(steps)).toEqual(['Accepted', 'Queued', 'Waiting'])
    expect(steps[1]).toEqual({
      label: 'Queued',
      at: ACCEPTED_AT,
      detail: 'Class 22: batching window 900 s, due 2013-05-01 12:15:00 UTC.',
    })
    expect(steps[2]?.detail).toMatch(/^Not delivered yet/)
  })

  it('says when the handset runs elsewhere', () => {
    const steps = toTimelineSteps({
      exchange: exchangeWith(200, RECEIVED),
      handled: HANDLED,
      delivery: undefined,
      handsetInThisTab: false,
    })

    expect(steps.at(-1)?.detail).toBe(
      'The handset runs in another tab, so its delivery shows only there.',
    )
  })

  it('lists delivery and outcome', () => {
    const steps = toTimelineSteps({
      exchange: exchangeWith(200, RECEIVED),
      handled: HANDLED,
      delivery: {
        deliveredAt: DUE_AT + 20,
        outcome: { kind: 'shown', detail: 'Toast banner shown.', at: DUE_AT + 10 },
      },
      handsetInThisTab: true,
    })

    expect(labels(steps)).toEqual(['Accepted', 'Queued', 'Delivered', 'Shown'])
    expect(steps[2]?.at).toBe(DUE_AT + 20)
    expect(steps[3]).toEqual({ label: 'Shown', at: DUE_AT + 10, detail: 'Toast banner shown.' })
  })

  it('calls an immediate class due at once', () => {
    const handled = {
      ...HANDLED,
      queued: { ...HANDLED.queued!, notificationClass: 2, dueAt: ACCEPTED_AT },
    }

    const steps = toTimelineSteps({
      exchange: exchangeWith(200, RECEIVED),
      handled,
      delivery: undefined,
      handsetInThisTab: true,
    })

    expect(steps[1]?.detail).toBe('Class 2: immediate delivery, due at once.')
  })

  it('shows a service suppression with its reason', () => {
    const headers: HeaderEntry[] = [
      ['X-NotificationStatus', 'Suppressed'],
      ['X-Emulator-Reason', 'Suppressed: the user turned toasts off.'],
    ]
    const steps = toTimelineSteps({
      exchange: exchangeWith(200, headers),
      handled: { ...NOT_QUEUED, notificationStatus: 'Suppressed' },
      delivery: undefined,
      handsetInThisTab: true,
    })

    expect(labels(steps)).toEqual(['Accepted', 'Suppressed'])
    expect(steps[1]?.detail).toBe(
      'The service discarded it without queuing it. Suppressed: the user turned toasts off.',
    )
  })

  it('shows QueueFull as dropped', () => {
    const steps = toTimelineSteps({
      exchange: exchangeWith(200, [['X-NotificationStatus', 'QueueFull']]),
      handled: undefined,
      delivery: undefined,
      handsetInThisTab: true,
    })

    expect(labels(steps)).toEqual(['Accepted', 'Dropped'])
    expect(steps[1]?.detail).toMatch(/queue is full/)
  })

  it('shows a rejection alone', () => {
    const steps = toTimelineSteps({
      exchange: exchangeWith(
        412,
        [['X-Emulator-Reason', 'The device is Inactive.']],
        'Precondition Failed',
      ),
      handled: undefined,
      delivery: undefined,
      handsetInThisTab: true,
    })

    expect(steps).toEqual([
      { label: 'Rejected', detail: '412 Precondition Failed The device is Inactive.' },
    ])
  })

  it('waits for the response', () => {
    const exchange: ConsoleExchange = { request: exchangeWith(200, []).request }

    const steps = toTimelineSteps({
      exchange,
      handled: undefined,
      delivery: undefined,
      handsetInThisTab: true,
    })

    expect(labels(steps)).toEqual(['Sent'])
  })

  it('has no steps after a network failure', () => {
    const exchange: ConsoleExchange = { request: exchangeWith(200, []).request, failure: 'Offline' }

    expect(
      toTimelineSteps({
        exchange,
        handled: undefined,
        delivery: undefined,
        handsetInThisTab: true,
      }),
    ).toEqual([])
  })
})
