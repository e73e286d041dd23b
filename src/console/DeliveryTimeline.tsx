import { useId, useSyncExternalStore } from 'react'

import type { ConsoleExchange } from '@/store/console-request'
import { useDeliveryJournal } from '@/store/delivery-journal'
import { listOwnedHandsetIds, subscribeToOwnership } from '@/store/handset-runtime'

import styles from './DeliveryTimeline.module.css'
import { toTimelineSteps } from './delivery-timeline-model'
import { formatEngineTime } from './engine-settings-model'

/** Shows each step of the exchange's notification, from the service's response to the handset's screen. */
export function DeliveryTimeline({ exchange }: { exchange: ConsoleExchange }) {
  const headingId = useId()
  const consoleRequestId = exchange.consoleRequestId
  const handled = useDeliveryJournal((state) =>
    consoleRequestId === undefined ? undefined : state.handledRequests[consoleRequestId],
  )
  const deliveryId = handled?.queued?.deliveryId
  const delivery = useDeliveryJournal((state) =>
    deliveryId === undefined ? undefined : state.deliveries[deliveryId],
  )
  const ownedHandsetIds = useSyncExternalStore(subscribeToOwnership, readOwnedHandsetIds)
  const handsetId = handled?.queued?.handsetId
  const handsetInThisTab = handsetId !== undefined && ownedHandsetIds.split(' ').includes(handsetId)

  const steps = toTimelineSteps({ exchange, handled, delivery, handsetInThisTab })
  if (steps.length === 0) {
    return null
  }
  return (
    <>
      <h3 id={headingId}>Delivery timeline</h3>
      <ol aria-labelledby={headingId} className={styles.timeline}>
        {steps.map((step) => (
          <li key={step.label} className={styles.step}>
            <span className={styles.label}>{step.label}</span>{' '}
            {step.at !== undefined && (
              <>
                <time className={styles.time} dateTime={new Date(step.at).toISOString()}>
                  {formatEngineTime(step.at)}
                </time>{' '}
              </>
            )}
            <span className={styles.detail}>{step.detail}</span>
          </li>
        ))}
      </ol>
    </>
  )
}

/** Returns the owned handset ids as one string, a stable snapshot for useSyncExternalStore. */
function readOwnedHandsetIds(): string {
  return listOwnedHandsetIds().join(' ')
}
