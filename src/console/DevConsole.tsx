import type { KeyboardEvent } from 'react'

import { consoleStore } from '@/store/console-store'

import { CallbackDeliveriesPanel } from './CallbackDeliveriesPanel'
import { DeviceStatePanel } from './DeviceStatePanel'
import styles from './DevConsole.module.css'
import { EngineClockPanel } from './EngineClockPanel'
import { EngineSettingsPanel } from './EngineSettingsPanel'
import { ExchangeView } from './ExchangeView'
import { MotionPanel } from './MotionPanel'
import { SendForm } from './SendForm'
import { ServiceCertificatesPanel } from './ServiceCertificatesPanel'

/**
 * Renders the developer console: a request is composed and sent and its response read, and
 * the handset's device state, the engine clock and the engine settings are changed, and
 * service certificates are created and deleted.
 */
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
      <div className={styles.panels}>
        <DeviceStatePanel />
        <EngineClockPanel />
        <EngineSettingsPanel />
        <MotionPanel />
        <ServiceCertificatesPanel />
        <CallbackDeliveriesPanel />
      </div>
    </section>
  )
}
