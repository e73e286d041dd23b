import { formatHistoryStatus, summarizePayload } from '@/store/history-model'
import type { HistoryEntry } from '@/store/history-model'
import { historyStore } from '@/store/history-store'

import consoleStyles from './DevConsole.module.css'
import styles from './HistoryPanel.module.css'
import { formatSentAt, toTypeLabel } from './history-panel-model'

/** Renders one sent request: time, type, app, status line, payload summary and its actions. */
export function HistoryItem({ entry }: { entry: HistoryEntry }) {
  const actions = historyStore.getState()
  const target = entry.appName ?? 'unknown app'
  return (
    <li className={styles.entry}>
      <p className={styles.entryHead}>
        <time dateTime={new Date(entry.sentAt).toISOString()}>{formatSentAt(entry.sentAt)}</time>
        <span>{toTypeLabel(entry)}</span>
        <span>{target}</span>
      </p>
      <p className={styles.status}>{formatHistoryStatus(entry)}</p>
      <p className={styles.summary}>{summarizePayload(entry.draft.payload)}</p>
      <div className={styles.entryActions}>
        <button
          type="button"
          className={consoleStyles.secondaryButton}
          onClick={() => void actions.replayEntry(entry.id)}
        >
          Replay
        </button>
        <button
          type="button"
          className={consoleStyles.secondaryButton}
          onClick={() => actions.loadEntry(entry.id)}
        >
          Load
        </button>
      </div>
    </li>
  )
}
