import { findApp } from '@/apps/sample-apps'
import { useHandsetStore } from '@/store/handset-context'

import { SettingsPageLayout, SwitchRow } from './SettingsControls'
import styles from './Settings.module.css'

/**
 * Renders an app's own notification settings, the in-app opt-out that WP8 apps must offer.
 * Turning a switch off unbinds the app's channel from toast or tile, so the service responds
 * to those notifications with 200 Suppressed.
 */
export function AppNotificationSettings({ appId }: { appId: string }) {
  const app = findApp(appId)
  const appState = useHandsetStore((state) => state.apps[appId])
  const answerPermission = useHandsetStore((state) => state.answerPermission)
  const changeTileUpdates = useHandsetStore((state) => state.changeTileUpdates)
  if (!app || !appState) {
    return null
  }
  const rawOnly = app.rawOnly === true

  return (
    <SettingsPageLayout appTitle={app.name} title="settings">
      {rawOnly && (
        <p className={styles.hint}>
          {app.name} uses raw notifications only, so it shows no toasts or tile updates.
        </p>
      )}
      <SwitchRow
        label="Toast notifications"
        checked={!rawOnly && appState.permission === 'allowed'}
        disabled={rawOnly}
        onChange={(checked) => answerPermission(appId, checked)}
      />
      <SwitchRow
        label="Live Tile updates"
        checked={!rawOnly && appState.tileUpdatesEnabled}
        disabled={rawOnly}
        onChange={(checked) => changeTileUpdates(appId, checked)}
      />
    </SettingsPageLayout>
  )
}
