import { describe, expect, it } from 'vitest'

import type { ConsoleRequestHandled } from '@/messaging/messages'

import { MAX_JOURNAL_ENTRIES, createDeliveryJournal } from './delivery-journal'

const HANDLED: ConsoleRequestHandled = {
  consoleRequestId: 'console-1',
  token: 'tok',
  status: 200,
  notificationStatus: 'Received',
  acceptedAt: 1_000,
  queued: { deliveryId: 'd1', handsetId: 'handset-1', notificationClass: 22, dueAt: 901_000 },
}

function createJournalAt(engineNow: { value: number }) {
  const journal = createDeliveryJournal()
  journal.setState({ readEngineNow: () => engineNow.value })
  return journal
}

describe('delivery journal', () => {
  it('stores reports by console request id', () => {
    const journal = createDeliveryJournal()

    journal.getState().recordHandledRequest(HANDLED)

    expect(journal.getState().handledRequests['console-1']).toEqual(HANDLED)
  })

  it('records delivery at engine time', () => {
    const engineNow = { value: 902_000 }
    const journal = createJournalAt(engineNow)

    journal.getState().recordDelivered(['d1', 'd2'])

    expect(journal.getState().deliveries).toEqual({
      d1: { deliveredAt: 902_000 },
      d2: { deliveredAt: 902_000 },
    })
  })

  it('keeps the first delivery time', () => {
    const engineNow = { value: 902_000 }
    const journal = createJournalAt(engineNow)
    journal.getState().recordDelivered(['d1'])
    engineNow.value = 990_000

    journal.getState().recordDelivered(['d1'])

    expect(journal.getState().deliveries.d1?.deliveredAt).toBe(902_000)
  })

  it('adds outcomes beside deliveries', () => {
    const engineNow = { value: 902_000 }
    const journal = createJournalAt(engineNow)
    const outcome = { kind: 'suppressed' as const, detail: 'Battery saver is on.' }

    journal.getState().recordOutcomes([{ deliveryId: 'd1', outcome }])
    engineNow.value = 902_050
    journal.getState().recordDelivered(['d1'])

    expect(journal.getState().deliveries.d1).toEqual({
      deliveredAt: 902_050,
      outcome: { ...outcome, at: 902_000 },
    })
  })

  it('ignores empty batches', () => {
    const journal = createDeliveryJournal()
    const before = journal.getState().deliveries

    journal.getState().recordDelivered([])
    journal.getState().recordOutcomes([])

    expect(journal.getState().deliveries).toBe(before)
  })

  it('drops the oldest entries beyond the cap', () => {
    const journal = createDeliveryJournal()
    const ids = Array.from({ length: MAX_JOURNAL_ENTRIES + 2 }, (_, index) => `d-${index}`)

    journal.getState().recordDelivered(ids)

    const kept = Object.keys(journal.getState().deliveries)
    expect(kept).toHaveLength(MAX_JOURNAL_ENTRIES)
    expect(kept[0]).toBe('d-2')
    expect(kept.at(-1)).toBe(`d-${MAX_JOURNAL_ENTRIES + 1}`)
  })

  it('moves an updated delivery to the newest end', () => {
    const journal = createDeliveryJournal()
    journal.getState().recordDelivered(['d-1', 'd-2', 'd-3'])

    const outcome = { kind: 'suppressed' as const, detail: 'Battery saver is on.' }
    journal.getState().recordOutcomes([{ deliveryId: 'd-1', outcome }])

    expect(Object.keys(journal.getState().deliveries)).toEqual(['d-2', 'd-3', 'd-1'])
    expect(journal.getState().deliveries['d-1']?.deliveredAt).toBeDefined()
  })
})
