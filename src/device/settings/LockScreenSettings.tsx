import { SAMPLE_APPS } from '@/apps/sample-apps'
import { useHandsetStore } from '@/store/handset-context'
import { QUICK_STATUS_SLOT_COUNT } from '@/store/slices/lock-screen-slice'

import { SelectRow, SettingsPageLayout } from './SettingsControls'
import {
  SETTINGS_PAGE_TITLES,
  fromSelectedAppValue,
  toLockScreenAppOptions,
  toSelectedAppValue,
} from './settings-model'
import styles from './Settings.module.css'

const SLOT_NUMBERS = Array.from({ length: QUICK_STATUS_SLOT_COUNT }, (_, index) => index)

/**
 * Renders the lock screen page: the app whose tile text shows as detailed status, and the
 * apps in the five quick-status slots. Only apps whose manifest allows it are offered.
 */
export function LockScreenSettings() {
  const appStates = useHandsetStore((state) => state.apps)
  const detailedStatusAppId = useHandsetStore((state) => state.detailedStatusAppId)
  const quickStatusAppIds = useHandsetStore((state) => state.quickStatusAppIds)
  const chooseDetailedStatusApp = useHandsetStore((state) => state.chooseDetailedStatusApp)
  const chooseQuickStatusApp = useHandsetStore((state) => state.chooseQuickStatusApp)
  const detailedOptions = toLockScreenAppOptions('detailed', SAMPLE_APPS, appStates)
  const quickOptions = toLockScreenAppOptions('quick', SAMPLE_APPS, appStates)

  return (
    <SettingsPageLayout appTitle="settings" title={SETTINGS_PAGE_TITLES['lock-screen']}>
      <p className={styles.hint}>
        Choose an app to show detailed status, and apps to show quick status with the count of their
        tile.
      </p>
      <SelectRow
        label="Detailed status"
        value={toSelectedAppValue(detailedStatusAppId, detailedOptions)}
        options={detailedOptions}
        onChange={(value) => chooseDetailedStatusApp(fromSelectedAppValue(value))}
      />
      {SLOT_NUMBERS.map((slot) => (
        <SelectRow
          key={slot}
          label={`Quick status ${slot + 1}`}
          value={toSelectedAppValue(quickStatusAppIds[slot] ?? null, quickOptions)}
          options={quickOptions}
          onChange={(value) => chooseQuickStatusApp(slot, fromSelectedAppValue(value))}
        />
      ))}
    </SettingsPageLayout>
  )
}
