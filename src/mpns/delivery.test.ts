import { describe, expect, it } from 'vitest'

import { createDeliveryId, selectDueNotifications, selectPendingNotifications } from './delivery'
import type { QueuedNotification } from './types'

function queued(deliveryId: string, dueAt: number): QueuedNotification {
  return {
    deliveryId,
    token: 'token-a',
    handsetId: 'handset-1',
    appId: 'contoso-weather',
    notificationClass: 2,
    acceptedAt: 0,
    dueAt,
    payload: { type: 'raw', body: new Uint8Array([1]) },
  }
}

const QUEUE = [queued('a', 100), queued('late', 900), queued('b', 50), queued('later', 2_000)]

describe('selectPendingNotifications', () => {
  it('selects due notifications in acceptance order', () => {
    const selection = selectPendingNotifications(QUEUE, { now: 100, limit: 10 })

    expect(selection.notifications.map(({ deliveryId }) => deliveryId)).toEqual(['a', 'b'])
    expect(selection.more).toBe(false)
  })

  it('stops at the limit and tells that more are due', () => {
    const selection = selectPendingNotifications(QUEUE, { now: 100, limit: 1 })

    expect(selection.notifications.map(({ deliveryId }) => deliveryId)).toEqual(['a'])
    expect(selection.more).toBe(true)
  })

  it('tells when the earliest waiting notification falls due', () => {
    expect(selectPendingNotifications(QUEUE, { now: 100, limit: 10 }).nextDueAt).toBe(900)
  })

  it('leaves the next due time out when nothing waits', () => {
    const selection = selectPendingNotifications(QUEUE, { now: 2_000, limit: 10 })

    expect(selection.notifications).toHaveLength(4)
    expect(selection).not.toHaveProperty('nextDueAt')
  })

  it('matches selectDueNotifications without a limit', () => {
    const due = selectDueNotifications(QUEUE, 900)

    expect(selectPendingNotifications(QUEUE, { now: 900, limit: 100 }).notifications).toEqual(due)
  })
})

describe('createDeliveryId', () => {
  it('joins the time in base 36 and the random bytes in hex', () => {
    expect(createDeliveryId(36, new Uint8Array([0, 15, 255]))).toBe('10-000fff')
  })
})
