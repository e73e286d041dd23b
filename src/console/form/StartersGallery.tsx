import { useId } from 'react'

import { useConsoleStore } from '@/store/console-store'

import styles from './PayloadTools.module.css'
import { CONSOLE_STARTERS } from './starters'
import type { ConsoleStarter } from './starters'

/** Renders one button per starter, and a click loads its type, class and payload into the form. */
export function StartersGallery() {
  const labelId = useId()
  const messageId = useConsoleStore((state) => state.messageId)
  const loadDraft = useConsoleStore((state) => state.loadDraft)

  const handleLoad = (starter: ConsoleStarter) => {
    loadDraft({ ...starter.draft, messageId })
  }

  return (
    <div role="group" aria-labelledby={labelId}>
      <span id={labelId} className={styles.groupLabel}>
        Starters
      </span>
      <ul className={styles.starterList}>
        {CONSOLE_STARTERS.map((starter) => (
          <li key={starter.name}>
            <button type="button" onClick={() => handleLoad(starter)}>
              {starter.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
