import type { AppDefinition } from '@/apps/app-model'
import { SAMPLE_APPS } from '@/apps/sample-apps'
import { useHandsetStore } from '@/store/handset-context'

import { AppIcon } from './AppIcon'
import styles from './AppList.module.css'
import { SETTINGS_ICON } from './settings/settings-model'

/** A row of the app list: an emulated app, or the built-in Settings app. */
type AppListEntry =
  | { kind: 'app'; key: string; name: string; app: AppDefinition }
  | { kind: 'settings'; key: string; name: string }

const SETTINGS_ENTRY: AppListEntry = { kind: 'settings', key: 'settings', name: 'Settings' }

const ENTRIES_BY_NAME: readonly AppListEntry[] = [
  ...SAMPLE_APPS.map((app): AppListEntry => ({ kind: 'app', key: app.id, name: app.name, app })),
  SETTINGS_ENTRY,
].sort((a, b) => a.name.localeCompare(b.name))

/**
 * Renders the app list: installed apps and Settings open on tap, and uninstalled sample apps
 * offer to be installed again.
 */
export function AppList() {
  return (
    <div role="region" aria-label="App list" className={styles.appList}>
      <h2 className={styles.title}>apps</h2>
      <ul className={styles.list}>
        {ENTRIES_BY_NAME.map((entry) => (
          <li key={entry.key}>
            {entry.kind === 'settings' ? <SettingsRow /> : <AppRow app={entry.app} />}
          </li>
        ))}
      </ul>
    </div>
  )
}

function SettingsRow() {
  const openSettings = useHandsetStore((state) => state.openSettings)
  return (
    <button type="button" className={styles.entry} onClick={() => openSettings()}>
      <AppIcon icon={SETTINGS_ICON} className={styles.icon} />
      Settings
    </button>
  )
}

function AppRow({ app }: { app: AppDefinition }) {
  const installed = useHandsetStore((state) => state.apps[app.id]?.installed === true)
  const launchApp = useHandsetStore((state) => state.launchApp)
  const installApp = useHandsetStore((state) => state.installApp)

  if (installed) {
    return (
      <button type="button" className={styles.entry} onClick={() => launchApp(app.id)}>
        <AppIcon icon={app.icon} className={styles.icon} />
        {app.name}
      </button>
    )
  }
  return (
    <button
      type="button"
      className={`${styles.entry} ${styles.uninstalled}`}
      onClick={() => installApp(app.id)}
    >
      <AppIcon icon={app.icon} className={styles.icon} />
      Install {app.name}
    </button>
  )
}
