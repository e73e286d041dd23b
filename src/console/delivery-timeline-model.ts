import type { ConsoleRequestHandled } from '@/messaging/messages'
import type { ConsoleExchange } from '@/store/console-request'
import type { DeliveryRecord } from '@/store/delivery-journal'
import type { NotificationOutcome } from '@/store/slices/notification-model'
import { readHeader } from '@/mpns/request'

import { formatEngineTime } from './engine-settings-model'

export type TimelineStepLabel =
  | 'Sent'
  | 'Accepted'
  | 'Rejected'
  | 'Queued'
  | 'Waiting'
  | 'Delivered'
  | 'Shown'
  | 'Suppressed'
  | 'Dropped'

/** One step of a sent message's way to the handset. */
export interface TimelineStep {
  label: TimelineStepLabel
  /** Engine time in epoch milliseconds. Absent when the console cannot know it. */
  at?: number
  detail: string
}

const OUTCOME_LABELS: Readonly<Record<NotificationOutcome['kind'], TimelineStepLabel>> = {
  shown: 'Shown',
  suppressed: 'Suppressed',
  dropped: 'Dropped',
}

/**
 * Lists the steps of one console request: the service's response, the queue with its batching
 * window, the delivery to the handset and what the handset did. `handled` is the worker's report
 * on the request, `delivery` what this tab saw of its delivery, and `handsetInThisTab` whether
 * this tab runs the handset's push client.
 */
export function toTimelineSteps(input: {
  exchange: ConsoleExchange
  handled: ConsoleRequestHandled | undefined
  delivery: DeliveryRecord | undefined
  handsetInThisTab: boolean
}): TimelineStep[] {
  const { exchange, handled } = input
  const { response } = exchange
  if (exchange.failure !== undefined) {
    return []
  }
  if (response === undefined) {
    return [{ label: 'Sent', detail: 'Waiting for the response.' }]
  }

  const at = handled === undefined ? {} : { at: handled.acceptedAt }
  const notificationStatus = readHeader(response.headers, 'X-NotificationStatus')
  const reason = readHeader(response.headers, 'X-Emulator-Reason')
  const statusLine = `${response.status} ${response.statusText}`
  if (response.status !== 200) {
    return [{ label: 'Rejected', ...at, detail: withReason(statusLine, reason) }]
  }

  const accepted: TimelineStep = {
    label: 'Accepted',
    ...at,
    detail: `${statusLine}, X-NotificationStatus: ${notificationStatus ?? '(none)'}`,
  }
  if (notificationStatus === 'Suppressed') {
    const detail = withReason('The service discarded it without queuing it.', reason)
    return [accepted, { label: 'Suppressed', ...at, detail }]
  }
  if (notificationStatus === 'QueueFull') {
    const detail = 'The channel’s queue is full, so the service did not queue it.'
    return [accepted, { label: 'Dropped', ...at, detail }]
  }
  if (notificationStatus !== 'Received') {
    return [accepted, { label: 'Dropped', ...at, detail: withReason('Not queued.', reason) }]
  }
  if (handled === undefined) {
    return [accepted, { label: 'Queued', detail: 'Waiting for the service’s report on the queue.' }]
  }
  if (handled.queued === undefined) {
    const detail = withReason('The service answered Received but queued nothing.', reason)
    return [accepted, { label: 'Dropped', at: handled.acceptedAt, detail }]
  }

  return [accepted, ...toDeliverySteps(handled, input)]
}

function toDeliverySteps(
  handled: ConsoleRequestHandled,
  input: { delivery: DeliveryRecord | undefined; handsetInThisTab: boolean },
): TimelineStep[] {
  const queued = handled.queued
  if (queued === undefined) {
    return []
  }
  const windowSeconds = Math.round((queued.dueAt - handled.acceptedAt) / 1000)
  const window =
    windowSeconds <= 0
      ? 'immediate delivery, due at once'
      : `batching window ${windowSeconds} s, due ${formatEngineTime(queued.dueAt)}`
  const steps: TimelineStep[] = [
    {
      label: 'Queued',
      at: handled.acceptedAt,
      detail: `Class ${queued.notificationClass}: ${window}.`,
    },
  ]

  const { delivery, handsetInThisTab } = input
  if (delivery?.deliveredAt !== undefined) {
    steps.push({
      label: 'Delivered',
      at: delivery.deliveredAt,
      detail: 'The handset’s push client received it and acknowledged it to the service.',
    })
  }
  if (delivery?.outcome !== undefined) {
    const { kind, detail, at } = delivery.outcome
    steps.push({ label: OUTCOME_LABELS[kind], at, detail })
  }
  if (delivery === undefined) {
    // NOTE: only the tab that owns a handset runs its push client, so another tab's deliveries
    // never reach this journal and the timeline stops at Queued.
    const detail = handsetInThisTab
      ? 'Not delivered yet: the handset pulls it once it is due and the handset is online.'
      : 'The handset runs in another tab, so its delivery shows only there.'
    steps.push({ label: 'Waiting', detail })
  }
  return steps
}

function withReason(text: string, reason: string | undefined): string {
  return reason === undefined ? text : `${text} ${reason}`
}
