import { useId } from 'react'

import styles from './DevConsole.module.css'
import { EngineClockPanel } from './EngineClockPanel'
import { EngineSettingsPanel } from './EngineSettingsPanel'

/**
 * Renders every control of the emulated service in one panel: the engine clock, and the settings
 * with each assumed default labelled as such.
 */
export function EngineControlsPanel() {
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className={styles.panel}>
      <h3 id={headingId} className={styles.panelTitle}>
        Engine controls
      </h3>
      <p className={styles.hint}>
        A default marked as assumed is the emulator&apos;s choice where the MPNS documentation gives
        no value.
      </p>
      <div className={styles.subpanels}>
        <EngineClockPanel />
        <EngineSettingsPanel />
      </div>
    </section>
  )
}
