import { SAMPLE_APPS } from '@/apps/sample-apps'
import { useHandsetStore } from '@/store/handset-context'

import { AppIcon } from './AppIcon'
import styles from './AppList.module.css'

const APPS_BY_NAME = [...SAMPLE_APPS].sort((a, b) => a.name.localeCompare(b.name))

/**
 * Renders the app list: installed apps open on tap, and uninstalled sample apps offer to be
 * installed again.
 */
export function AppList() {
  const apps = useHandsetStore((state) => state.apps)
  const launchApp = useHandsetStore((state) => state.launchApp)
  const installApp = useHandsetStore((state) => state.installApp)

  return (
    <div role="region" aria-label="App list" className={styles.appList}>
      <h2 className={styles.title}>apps</h2>
      <ul className={styles.list}>
        {APPS_BY_NAME.map((app) => (
          <li key={app.id}>
            {apps[app.id]?.installed === true ? (
              <button type="button" className={styles.entry} onClick={() => launchApp(app.id)}>
                <AppIcon icon={app.icon} className={styles.icon} />
                {app.name}
              </button>
            ) : (
              <button
                type="button"
                className={`${styles.entry} ${styles.uninstalled}`}
                onClick={() => installApp(app.id)}
              >
                <AppIcon icon={app.icon} className={styles.icon} />
                Install {app.name}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
