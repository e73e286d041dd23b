import { useEffect, useId, useState } from 'react'

import styles from './AppPage.module.css'
import { copyText } from './clipboard'

interface ChannelUriFieldProps {
  /** Absent until the app's channel has opened. */
  channelUri: string | undefined
}

type CopyOutcome = 'idle' | 'copied' | 'failed'

const COPY_FEEDBACK_MS = 2_000

const COPY_BUTTON_TEXT: Record<CopyOutcome, string> = {
  idle: 'copy',
  copied: 'copied',
  failed: 'copy failed',
}

/** Renders the app's channel URI in a read-only text box, with a button that copies it. */
export function ChannelUriField({ channelUri }: ChannelUriFieldProps) {
  const inputId = useId()
  const [outcome, setOutcome] = useState<CopyOutcome>('idle')

  useEffect(() => {
    if (outcome === 'idle') {
      return
    }
    const timer = setTimeout(() => setOutcome('idle'), COPY_FEEDBACK_MS)
    return () => clearTimeout(timer)
  }, [outcome])

  const handleCopy = async () => {
    if (channelUri === undefined) {
      return
    }
    setOutcome((await copyText(channelUri)) ? 'copied' : 'failed')
  }

  return (
    <div className={styles.channel}>
      <label htmlFor={inputId} className={styles.fieldLabel}>
        Channel URI
      </label>
      <div className={styles.channelRow}>
        <input
          id={inputId}
          className={styles.channelInput}
          type="text"
          readOnly
          value={channelUri ?? ''}
          placeholder="no channel URI yet"
        />
        <button
          type="button"
          className={styles.copyButton}
          aria-label="Copy channel URI"
          disabled={channelUri === undefined}
          onClick={() => void handleCopy()}
        >
          {COPY_BUTTON_TEXT[outcome]}
        </button>
      </div>
    </div>
  )
}
