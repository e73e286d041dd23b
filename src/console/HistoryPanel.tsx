import { useId, useMemo, useState } from 'react'
import type { ChangeEvent } from 'react'

import { toHarDocument } from '@/store/history-har'
import { toHistoryExport } from '@/store/history-json'
import { MAX_HISTORY_ENTRIES, filterHistory } from '@/store/history-model'
import { historyStore, useHistoryStore } from '@/store/history-store'

import consoleStyles from './DevConsole.module.css'
import styles from './HistoryPanel.module.css'
import { HistoryItem } from './HistoryItem'
import { downloadTextFile } from './download-file'
import { toExportFileName } from './history-panel-model'

/**
 * Renders the request history: a search box, the entries newest first with Replay and Load,
 * export to JSON and HAR, import, loading a payload file, and clearing.
 */
export function HistoryPanel() {
  const headingId = useId()
  const entries = useHistoryStore((state) => state.entries)
  const searchQuery = useHistoryStore((state) => state.searchQuery)
  const notice = useHistoryStore((state) => state.notice)
  const storageError = useHistoryStore((state) => state.storageError)
  const shown = useMemo(() => filterHistory(entries, searchQuery), [entries, searchQuery])
  const actions = historyStore.getState()

  const handleExport = (extension: 'json' | 'har') => {
    const exportedAt = new Date()
    const document =
      extension === 'json' ? toHistoryExport(entries, exportedAt) : toHarDocument(entries)
    downloadTextFile({
      fileName: toExportFileName(exportedAt, extension),
      mimeType: 'application/json',
      text: JSON.stringify(document, null, 2),
    })
  }

  return (
    <section aria-labelledby={headingId} className={consoleStyles.panel}>
      <h3 id={headingId} className={consoleStyles.panelTitle}>
        History
      </h3>
      <p className={consoleStyles.hint}>
        Sent requests are kept in this browser, newest {MAX_HISTORY_ENTRIES.toLocaleString('en-US')}{' '}
        only: older ones are dropped. Drop an .xml payload or a saved request on the console to load
        it.
      </p>
      <div className={styles.toolbar}>
        <button
          type="button"
          className={consoleStyles.secondaryButton}
          disabled={entries.length === 0}
          onClick={() => handleExport('json')}
        >
          Export JSON
        </button>
        <button
          type="button"
          className={consoleStyles.secondaryButton}
          disabled={entries.length === 0}
          onClick={() => handleExport('har')}
        >
          Export HAR
        </button>
        <FileButton
          label="Import"
          accept=".json,.har,application/json"
          onPick={(file) => void actions.importFile(file)}
        />
        <FileButton
          label="Load payload file"
          accept=".xml,.json,.har,text/xml,application/xml,application/json"
          onPick={(file) => void actions.openConsoleFile(file)}
        />
        <ClearHistoryButton disabled={entries.length === 0} />
      </div>
      <input
        type="search"
        className={styles.search}
        aria-label="Search history"
        placeholder="Search app, status, headers, message ID, payload"
        value={searchQuery}
        onChange={(event) => actions.search(event.target.value)}
      />
      <p role="status" className={styles.notice}>
        {notice}
      </p>
      {storageError !== null && (
        <p role="alert" className={consoleStyles.fieldError}>
          {storageError}
        </p>
      )}
      {entries.length > 0 && shown.length === 0 && (
        <p className={consoleStyles.hint}>No request matches “{searchQuery}”.</p>
      )}
      <ol aria-label="Sent requests" className={styles.list}>
        {shown.map((entry) => (
          <HistoryItem key={entry.id} entry={entry} />
        ))}
      </ol>
    </section>
  )
}

/** Renders a file input styled as a button, with the label as the input's accessible name. */
function FileButton(props: { label: string; accept: string; onPick: (file: File) => void }) {
  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    // Cleared so that picking the same file again fires another change event.
    event.target.value = ''
    if (file) {
      props.onPick(file)
    }
  }
  return (
    <label className={`${consoleStyles.secondaryButton} ${styles.fileButton}`}>
      {props.label}
      <input
        type="file"
        className={styles.visuallyHidden}
        accept={props.accept}
        onChange={handleChange}
      />
    </label>
  )
}

/** Renders "Clear history", which requires a second click before it deletes anything. */
function ClearHistoryButton(props: { disabled: boolean }) {
  const [confirming, setConfirming] = useState(false)
  if (!confirming) {
    return (
      <button
        type="button"
        className={consoleStyles.secondaryButton}
        disabled={props.disabled}
        onClick={() => setConfirming(true)}
      >
        Clear history
      </button>
    )
  }

  const handleConfirm = () => {
    setConfirming(false)
    void historyStore.getState().clearHistory()
  }
  return (
    <span className={styles.confirm}>
      <button type="button" className={styles.danger} onClick={handleConfirm}>
        Confirm clearing history
      </button>
      <button
        type="button"
        className={consoleStyles.secondaryButton}
        onClick={() => setConfirming(false)}
      >
        Cancel
      </button>
    </span>
  )
}
