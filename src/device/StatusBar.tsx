import { useEffect, useState } from 'react'

import styles from './Handset.module.css'
import { formatClockTime } from './time-format'

// The clock shows minutes, so a 15 s refresh is late by at most 15 s.
const CLOCK_REFRESH_MS = 15_000

/** Renders the 32 px system tray with only the clock, as WP8 shows it until it is tapped. */
export function StatusBar() {
  const [now, setNow] = useState(() => new Date())

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), CLOCK_REFRESH_MS)
    return () => clearInterval(timer)
  }, [])

  return (
    <div className={styles.statusBar}>
      <time className={styles.clock} dateTime={now.toISOString()}>
        {formatClockTime(now)}
      </time>
    </div>
  )
}
