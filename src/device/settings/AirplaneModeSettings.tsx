import { useHandsetStore } from '@/store/handset-context'

import { SettingsPageLayout, SwitchRow } from './SettingsControls'
import { SETTINGS_PAGE_TITLES } from './settings-model'
import styles from './Settings.module.css'

/** Renders the airplane mode page: one switch, the same one the console's Airplane mode sets. */
export function AirplaneModeSettings() {
  const airplaneMode = useHandsetStore((state) => state.airplaneMode)
  const turnOnAirplaneMode = useHandsetStore((state) => state.turnOnAirplaneMode)
  const turnOffAirplaneMode = useHandsetStore((state) => state.turnOffAirplaneMode)

  const handleChange = (checked: boolean) => {
    if (checked) {
      turnOnAirplaneMode()
    } else {
      turnOffAirplaneMode()
    }
  }

  return (
    <SettingsPageLayout appTitle="settings" title={SETTINGS_PAGE_TITLES['airplane-mode']}>
      <p className={styles.hint}>
        Airplane mode turns off the data connection. Notifications wait at the service until it is
        off again.
      </p>
      <SwitchRow label="Airplane mode" checked={airplaneMode} onChange={handleChange} />
    </SettingsPageLayout>
  )
}
