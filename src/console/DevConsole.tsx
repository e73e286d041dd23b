import type { KeyboardEvent } from 'react'

import { consoleStore } from '@/store/console-store'

import styles from './DevConsole.module.css'
import { ExchangeView } from './ExchangeView'
import { SendForm } from './SendForm'

/** Renders the developer console, where a request is composed and sent and its response read. */
export function DevConsole() {
  const handleKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void consoleStore.getState().send()
    }
  }

  return (
    <section className={styles.console} aria-label="Developer console" onKeyDown={handleKeyDown}>
      <h2 className={styles.title}>MPNS console</h2>
      <SendForm />
      <ExchangeView />
    </section>
  )
}
