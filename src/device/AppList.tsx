import { SAMPLE_APPS } from '@/apps/sample-apps'
import { useHandsetStore } from '@/store/handset-context'

import { AppIcon } from './AppIcon'
import styles from './AppList.module.css'

const APPS_BY_NAME = [...SAMPLE_APPS].sort((a, b) => a.name.localeCompare(b.name))
const PIN_GLYPH = 'M9 3h6l-1 6 3 3v2H7v-2l3-3zM12 14v7'

/**
 * Renders the app list: installed apps open on tap and offer to pin their tile when it is not
 * on Start, and uninstalled sample apps offer to be installed again.
 */
export function AppList() {
  const apps = useHandsetStore((state) => state.apps)
  const launchApp = useHandsetStore((state) => state.launchApp)
  const installApp = useHandsetStore((state) => state.installApp)
  const startTiles = useHandsetStore((state) => state.startTiles)
  const pinToStart = useHandsetStore((state) => state.pinToStart)
  // On the phone "pin to start" is in the press-and-hold menu, and here it is a visible button.
  const isPinned = (appId: string) => startTiles.some((tile) => tile.key === appId)

  return (
    <div role="region" aria-label="App list" className={styles.appList}>
      <h2 className={styles.title}>apps</h2>
      <ul className={styles.list}>
        {APPS_BY_NAME.map((app) => (
          <li key={app.id}>
            {apps[app.id]?.installed === true ? (
              <div className={styles.row}>
                <button type="button" className={styles.entry} onClick={() => launchApp(app.id)}>
                  <AppIcon icon={app.icon} className={styles.icon} />
                  {app.name}
                </button>
                {!isPinned(app.id) && (
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
