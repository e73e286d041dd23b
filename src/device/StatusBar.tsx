import { useEffect, useState } from 'react'

import { useHandsetStore } from '@/store/handset-context'

import styles from './Handset.module.css'
import { formatClockTime } from './time-format'

// The clock shows minutes, so a 15 s refresh is late by at most 15 s.
const CLOCK_REFRESH_MS = 15_000
const AIRPLANE_PATH =
  'M21 16v-2l-8-5V3.5a1.5 1.5 0 0 0-3 0V9l-8 5v2l8-2.5V19l-2 1.5V22l3.5-1 3.5 1v-1.5L13 19v-5.5z'

/**
 * Renders the 32 px system tray with the clock, as WP8 shows it until it is tapped, and the
 * airplane mode glyph while airplane mode is on.
 */
export function StatusBar() {
  const [now, setNow] = useState(() => new Date())
  const airplaneMode = useHandsetStore((state) => state.airplaneMode)

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), CLOCK_REFRESH_MS)
    return () => clearInterval(timer)
  }, [])

  return (
    <div className={styles.statusBar}>
      {/* NOTE: WP8 shows tray glyphs only after a tap on the tray; this one always shows. */}
      {airplaneMode && (
        <svg
          className={styles.trayGlyph}
          viewBox="0 0 24 24"
          role="img"
          aria-label="Airplane mode"
          focusable="false"
        >
          <path d={AIRPLANE_PATH} fill="currentColor" />
        </svg>
      )}
      <time className={styles.clock} dateTime={now.toISOString()}>
        {formatClockTime(now)}
      </time>
    </div>
  )
}
