import { useId } from 'react'
import { useShallow } from 'zustand/react/shallow'

import type { BatteryState } from '@/mpns/types'
import { useDeviceStore } from '@/store/device-store'

import styles from './DevConsole.module.css'
import { CheckboxField, SelectField } from './SettingFields'

const BATTERY_OPTIONS: ReadonlyArray<{ value: BatteryState; label: string }> = [
  { value: 'normal', label: 'Normal' },
  { value: 'saver', label: 'Battery saver' },
  { value: 'critical', label: 'Critical' },
]

/** Renders the handset's device switches: airplane mode and the battery level. */
export function DeviceStatePanel() {
  const headingId = useId()
  const airplaneMode = useDeviceStore((state) => state.airplaneMode)
  const battery = useDeviceStore((state) => state.battery)
  const actions = useDeviceStore(
    useShallow((state) => ({
      turnOnAirplaneMode: state.turnOnAirplaneMode,
      turnOffAirplaneMode: state.turnOffAirplaneMode,
      changeBatteryLevel: state.changeBatteryLevel,
    })),
  )

  const handleAirplaneModeChange = (checked: boolean) => {
    if (checked) {
      actions.turnOnAirplaneMode()
    } else {
      actions.turnOffAirplaneMode()
    }
  }
  const handleBatteryChange = (value: string) => {
    const option = BATTERY_OPTIONS.find((candidate) => candidate.value === value)
    if (option) {
      actions.changeBatteryLevel(option.value)
    }
  }

  return (
    <section aria-labelledby={headingId} className={styles.panel}>
      <h3 id={headingId} className={styles.panelTitle}>
        Device state
      </h3>
      <div className={styles.settingsGrid}>
        <CheckboxField
          label="Airplane mode"
          hint="No data: notifications wait in the queue and senders get TempDisconnected."
          checked={airplaneMode}
          onChange={handleAirplaneModeChange}
        />
        <SelectField
          label="Battery"
          hint="Battery saver drops toast and tile; Critical drops every type."
          value={battery}
          options={BATTERY_OPTIONS}
          onChange={handleBatteryChange}
        />
      </div>
    </section>
  )
}
