import { SAMPLE_APPS } from '@/apps/sample-apps'
import { useHandsetAccentColor, useHandsetStore } from '@/store/handset-context'

import styles from './StartScreen.module.css'
import { LiveTile } from './tiles/LiveTile'

const ARROW_PATH = 'M4 12h15M13 6l6 6-6 6'

/**
 * Renders the Start screen: each installed app's primary tile, medium size, two to a row, and
 * the arrow that opens the app list.
 */
export function StartScreen() {
  const apps = useHandsetStore((state) => state.apps)
  const launchApp = useHandsetStore((state) => state.launchApp)
  const openAppList = useHandsetStore((state) => state.openAppList)
  const accentColor = useHandsetAccentColor()
  const pinnedApps = SAMPLE_APPS.filter((app) => apps[app.id]?.installed === true)

  return (
    <div role="region" aria-label="Start screen" className={styles.start}>
      <ul className={styles.grid}>
        {pinnedApps.map((app) => (
          <li key={app.id} className={styles.cell}>
            <LiveTile
              app={app}
              tile={apps[app.id]?.tile ?? app.initialTile}
              size="medium"
              accentColor={accentColor}
              onOpen={() => launchApp(app.id)}
            />
          </li>
        ))}
      </ul>
      <button
        type="button"
        className={styles.appListButton}
        aria-label="App list"
        onClick={openAppList}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            d={ARROW_PATH}
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </button>
    </div>
  )
}
