import type { KeyboardEvent } from 'react'

import { consoleStore } from '@/store/console-store'

import styles from './DevConsole.module.css'
import { PayloadPreview } from './preview/PayloadPreview'
import { SendForm } from './SendForm'
import { loadAfterFirstFrame } from './after-first-frame'
import { useConsoleFileDrop } from './use-console-file-drop'

// Only the composer is drawn with the Start screen. The exchange view (shown after a send), the
// device, engine and motion controls, the scenario player, the history, the developer portal and the callback list
// load after the first frame, so that the handset takes taps sooner.
const DeviceStatePanel = loadAfterFirstFrame(
  async () => (await import('./DeviceStatePanel')).DeviceStatePanel,
)
const EngineControlsPanel = loadAfterFirstFrame(
  async () => (await import('./EngineControlsPanel')).EngineControlsPanel,
)
const MotionPanel = loadAfterFirstFrame(async () => (await import('./MotionPanel')).MotionPanel)
const ExchangeView = loadAfterFirstFrame(async () => (await import('./ExchangeView')).ExchangeView)
const HistoryPanel = loadAfterFirstFrame(async () => (await import('./HistoryPanel')).HistoryPanel)
const ScenarioPanel = loadAfterFirstFrame(
  async () => (await import('./ScenarioPanel')).ScenarioPanel,
)
const LaterPanels = loadAfterFirstFrame(async () => (await import('./LaterPanels')).LaterPanels)

/** Element id of the console, which the page's skip link targets. */
export const DEV_CONSOLE_ID = 'developer-console'

/**
 * Renders the developer console: a request is composed and sent and its response read, and
 * the handset's device state, the engine clock and the engine settings are changed, and
 * service certificates are created and deleted.
 */
export function DevConsole() {
  const { className: dropClassName, ...dropHandlers } = useConsoleFileDrop()
  const handleKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void consoleStore.getState().send()
    }
  }

  return (
    <section
      id={DEV_CONSOLE_ID}
      tabIndex={-1}
      className={`${styles.console} ${dropClassName}`}
      aria-label="Developer console"
      onKeyDown={handleKeyDown}
      {...dropHandlers}
    >
      <h2 className={styles.title}>MPNS console</h2>
      <div className={styles.authoring}>
        <div className={styles.composer}>
          <SendForm />
          <ExchangeView />
        </div>
        <PayloadPreview />
      </div>
      <div className={styles.panels}>
        <DeviceStatePanel />
        <EngineControlsPanel />
        <MotionPanel />
        <ScenarioPanel />
        <HistoryPanel />
        <LaterPanels />
      </div>
    </section>
  )
}
