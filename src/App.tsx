import { DevConsole } from './console/DevConsole'
import { Handset } from './device/Handset'
import styles from './App.module.css'

/** Renders the emulator page: the handset with the developer console beside it. */
export function App() {
  return (
    <main className={styles.layout}>
      <h1 className={styles.heading}>Windows Phone 8 push emulator</h1>
      <div className={styles.workspace}>
        <Handset />
        <DevConsole />
      </div>
    </main>
  )
}
