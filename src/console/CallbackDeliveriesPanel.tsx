import { useId } from 'react'
import { useStore } from 'zustand'

import { callbackLog } from '@/store/callback-log'
import type { CallbackDelivery } from '@/store/callback-log'

import styles from './DevConsole.module.css'

/**
 * Renders the callbacks the service fired: each registered callback is POSTed once, by the dev
 * or preview server, when its handset turns Inactive.
 */
export function CallbackDeliveriesPanel() {
  const headingId = useId()
  const deliveries = useStore(callbackLog, (state) => state.deliveries)

  return (
    <section aria-labelledby={headingId} className={styles.panel}>
      <h3 id={headingId} className={styles.panelTitle}>
        Callbacks
      </h3>
      {deliveries.length === 0 ? (
        <p className={styles.hint}>
          No callback has fired. An authenticated service registers one with a POST to its channel
          URI plus /callback, and it fires once when the handset turns Inactive.
        </p>
      ) : (
        <ul aria-label="Callback deliveries" className={styles.callbackList}>
          {deliveries.map((delivery) => (
            <li key={delivery.callbackId}>{describeDelivery(delivery)}</li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** Describes one callback in a sentence: what was sent where, and what came of it. */
export function describeDelivery(delivery: CallbackDelivery): string {
  const sent = `${delivery.appName} on ${delivery.handsetId}: ${delivery.bodyBytes}-byte POST to ${delivery.callbackUri}`
  const elapsed = delivery.elapsedMs === undefined ? '' : ` in ${delivery.elapsedMs} ms`
  switch (delivery.state) {
    case 'sending':
      return `${sent}: sending`
    case 'delivered':
      return `${sent}: delivered, HTTP ${delivery.status ?? 'status unknown'}${elapsed}`
    case 'failed':
      return `${sent}: failed${elapsed}. ${delivery.reason ?? ''}`.trim()
    case 'rejected':
      return `${sent}: not sent. ${delivery.reason ?? ''}`.trim()
    case 'not-sent':
      return `${sent}: not sent. ${delivery.reason ?? ''}`.trim()
  }
}
