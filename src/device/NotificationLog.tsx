import type { AppLogEntry } from '@/store/slices/device-model'

import styles from './AppPage.module.css'
import { formatLogTime } from './time-format'

interface NotificationLogProps {
  entries: readonly AppLogEntry[]
}

/** Renders the app's log of toasts, raw notifications and channel events, newest last. */
export function NotificationLog({ entries }: NotificationLogProps) {
  return (
    <section className={styles.section}>
      <h3 className={styles.sectionTitle}>Notifications</h3>
      <div role="log" aria-label="Notifications" className={styles.log}>
        {entries.map((entry, index) => (
          <p key={`${entry.time}-${index}`} className={styles.logEntry}>
            <span className={styles.logMeta}>
              {formatLogTime(entry.time)} {entry.kind}
            </span>{' '}
            <span className={styles.logText}>{entry.text}</span>
          </p>
        ))}
      </div>
      {entries.length === 0 && <p className={styles.hint}>Nothing received yet.</p>}
    </section>
  )
}
