import { Suspense, lazy, useMemo, useState } from 'react'
import { useStore } from 'zustand'

import type { AppDefinition } from '@/apps/app-model'
import { appCatalogue, listAllApps } from '@/apps/sample-apps'
import { useHandsetStore } from '@/store/handset-context'

import { AppIcon } from './AppIcon'
import styles from './AppList.module.css'
import { SETTINGS_ICON } from './settings/settings-model'

// The install form and its manifest parser load when the user opens the form, not before Start.
const InstallAppDialog = lazy(async () => ({
  default: (await import('./InstallAppDialog')).InstallAppDialog,
}))

/** A row of the app list: an emulated app, or the built-in Settings app. */
type AppListEntry =
  | { kind: 'app'; key: string; name: string; app: AppDefinition }
  | { kind: 'settings'; key: string; name: string }

const SETTINGS_ENTRY: AppListEntry = { kind: 'settings', key: 'settings', name: 'Settings' }

const PIN_GLYPH = 'M9 3h6l-1 6 3 3v2H7v-2l3-3zM12 14v7'

/**
 * Renders the app list: installed apps and Settings open on tap, installed apps offer to pin
 * their tile when it is not on Start, and apps not installed offer to be installed. The
 * Install app button opens the form that installs a custom app on this handset.
 */
export function AppList() {
  const customApps = useStore(appCatalogue, (state) => state.customApps)
  const entries = useMemo(() => toEntriesByName(listAllApps(customApps)), [customApps])
  const [installing, setInstalling] = useState(false)
  const installCustomApp = useHandsetStore((state) => state.installCustomApp)
  const goStart = useHandsetStore((state) => state.goStart)

  const handleInstall = (app: AppDefinition) => {
    installCustomApp(app)
    setInstalling(false)
    goStart()
  }

  return (
    <div role="region" aria-label="App list" className={styles.appList}>
      <h2 className={styles.title}>apps</h2>
      <button type="button" className={styles.installButton} onClick={() => setInstalling(true)}>
        Install app
      </button>
      <ul className={styles.list}>
        {entries.map((entry) => (
          <li key={entry.key}>
            {entry.kind === 'settings' ? <SettingsRow /> : <AppRow app={entry.app} />}
          </li>
        ))}
      </ul>
      {installing && (
        <Suspense fallback={null}>
          <InstallAppDialog onInstall={handleInstall} onClose={() => setInstalling(false)} />
        </Suspense>
      )}
    </div>
  )
}

function toEntriesByName(apps: readonly AppDefinition[]): AppListEntry[] {
  const appEntries = apps.map((app): AppListEntry => ({
    kind: 'app',
    key: app.id,
    name: app.name,
    app,
  }))
  return [...appEntries, SETTINGS_ENTRY].sort((a, b) => a.name.localeCompare(b.name))
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
