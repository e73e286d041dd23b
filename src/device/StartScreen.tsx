import { SAMPLE_APPS } from '@/apps/sample-apps'
import { useDeviceStore } from '@/store/device-store'

import { LiveTile } from './LiveTile'
import styles from './StartScreen.module.css'

/** Renders the Start screen: each installed app's primary tile, medium size, two to a row. */
export function StartScreen() {
  const apps = useDeviceStore((state) => state.apps)
  const launchApp = useDeviceStore((state) => state.launchApp)
  const handleOpen = (appId: string) => launchApp(appId)

  return (
    <div role="region" aria-label="Start screen" className={styles.start}>
      <ul className={styles.grid}>
        {SAMPLE_APPS.map((app) => (
          <li key={app.id} className={styles.cell}>
            <LiveTile app={app} tile={apps[app.id]?.tile ?? app.initialTile} onOpen={handleOpen} />
          </li>
        ))}
      </ul>
    </div>
  )
}
