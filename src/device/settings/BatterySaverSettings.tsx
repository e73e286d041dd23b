import { useId } from 'react'

import { useHandsetStore } from '@/store/handset-context'
import { LOW_BATTERY_PERCENT } from '@/store/slices/battery-model'

import { SettingsPageLayout } from './SettingsControls'
import { BATTERY_SAVER_CHOICES, SETTINGS_PAGE_TITLES, describeBatteryState } from './settings-model'
import styles from './Settings.module.css'

/**
 * Renders the battery saver page: a slider that sets the battery level in place of a real
 * battery, the saver option, and the power level that follows from both.
 */
export function BatterySaverSettings() {
  const batteryPercent = useHandsetStore((state) => state.batteryPercent)
  const batterySaver = useHandsetStore((state) => state.batterySaver)
  const battery = useHandsetStore((state) => state.battery)
  const changeBatteryPercent = useHandsetStore((state) => state.changeBatteryPercent)
  const chooseBatterySaver = useHandsetStore((state) => state.chooseBatterySaver)
  const sliderId = useId()
  const groupName = useId()

  return (
    <SettingsPageLayout appTitle="settings" title={SETTINGS_PAGE_TITLES['battery-saver']}>
      <p role="status" aria-label="Power level" className={styles.status}>
        {describeBatteryState(battery)}
      </p>
      <div className={styles.field}>
        <label htmlFor={sliderId} className={styles.label}>
          Battery level: {batteryPercent} %
        </label>
        <input
          id={sliderId}
          type="range"
          className={styles.slider}
          aria-label="Battery level"
          aria-valuetext={`${batteryPercent} %`}
          min={0}
          max={100}
          step={1}
          value={batteryPercent}
          onChange={(event) => changeBatteryPercent(Number(event.target.value))}
        />
      </div>
      <div role="radiogroup" aria-label="Battery saver" className={styles.choices}>
        {BATTERY_SAVER_CHOICES.map((choice) => (
          <label key={choice.value}>
            <input
              type="radio"
              name={groupName}
              value={choice.value}
              checked={choice.value === batterySaver}
              onChange={() => chooseBatterySaver(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </div>
      <p className={styles.hint}>
        Battery saver is on below {LOW_BATTERY_PERCENT} % with &quot;When battery is low&quot;.
        While it is on, the service drops toasts and tile updates and still delivers raw
        notifications. A critically low battery drops every notification.
      </p>
    </SettingsPageLayout>
  )
}
