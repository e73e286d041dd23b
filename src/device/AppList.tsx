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
const PIN_GLYPH = 'M9 3h6l-1 6 3 3v2H7v-2l3-3zM12 14v7'

/**
 * Renders the app list: installed apps and Settings open on tap, installed apps offer to pin
 * their tile when it is not on Start, and uninstalled sample apps offer to be installed again.
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
  const pinned = useHandsetStore((state) => state.startTiles.some((tile) => tile.key === app.id))
  const pinToStart = useHandsetStore((state) => state.pinToStart)

  if (installed) {
    // On the phone "pin to start" is in the press-and-hold menu, and here it is a visible button.
    return (
      <div className={styles.row}>
        <button type="button" className={styles.entry} onClick={() => launchApp(app.id)}>
          <AppIcon icon={app.icon} className={styles.icon} />
          {app.name}
        </button>
        {!pinned && (
          <button
            type="button"
            className={styles.pinButton}
            aria-label={`Pin ${app.name} to Start`}
            onClick={() => pinToStart(app.id)}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path
                d={PIN_GLYPH}
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinejoin="round"
              />
            </svg>
          </button>
        )}
      </div>
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
