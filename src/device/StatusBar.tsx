import { AnimatePresence, motion } from 'framer-motion'
import { useEffect, useState } from 'react'
import type { ReactNode } from 'react'

import { useHandsetStore } from '@/store/handset-context'

import { TRAY_REVEAL_TRANSITION } from './motion'
import styles from './StatusBar.module.css'
import { formatClockTime } from './time-format'
import { useClock } from './use-clock'

/** Time the indicators stay after a tap on the tray, about 8 s on WP8. */
const TRAY_REVEAL_MS = 8_000

const AIRPLANE_PATH =
  'M21 16v-2l-8-5V3.5a1.5 1.5 0 0 0-3 0V9l-8 5v2l8-2.5V19l-2 1.5V22l3.5-1 3.5 1v-1.5L13 19v-5.5z'
const WIFI_ARCS_PATH = 'M2 9.5a14 14 0 0 1 20 0M5.5 13a9 9 0 0 1 13 0M9 16.5a4.2 4.2 0 0 1 6 0'
const HEART_PATH = 'M12 20 4.6 12.6a4.4 4.4 0 0 1 7.4-5.4 4.4 4.4 0 0 1 7.4 5.4z'
const SIGNAL_BAR_HEIGHTS = [4, 8, 12, 16, 20]
/** Inner width of the battery outline that a full charge fills, in viewBox units. */
const BATTERY_FILL_WIDTH = 22

/**
 * Renders the 32 px system tray. As on WP8, only the clock shows until the tray is tapped,
 * and then signal strength, Wi-Fi and the battery show for about 8 s. The airplane mode glyph
 * stays visible while airplane mode is on.
 */
export function StatusBar() {
  const now = useClock()
  const airplaneMode = useHandsetStore((state) => state.airplaneMode)
  const batteryPercent = useHandsetStore((state) => state.batteryPercent)
  const isSaverOn = useHandsetStore((state) => state.battery === 'saver')
  const [revealCount, setRevealCount] = useState(0)
  const [revealed, setRevealed] = useState(false)

  useEffect(() => {
    if (!revealed) {
      return undefined
    }
    const timer = setTimeout(() => setRevealed(false), TRAY_REVEAL_MS)
    return () => clearTimeout(timer)
  }, [revealed, revealCount])

  const handleReveal = () => {
    setRevealed(true)
    setRevealCount((count) => count + 1)
  }

  return (
    <div className={styles.statusBar}>
      <button
        type="button"
        className={styles.revealButton}
        aria-label="Show status indicators"
        onClick={handleReveal}
      />
      <div className={styles.indicators}>
        {/* NOTE: WP8 hides tray glyphs until a tap; the airplane glyph always shows instead. */}
        {airplaneMode && <AirplaneGlyph />}
        <AnimatePresence initial={false}>
          {revealed && !airplaneMode && (
            <Reveal key="radio">
              <SignalGlyph />
              <WifiGlyph />
            </Reveal>
          )}
        </AnimatePresence>
      </div>
      <div className={styles.indicators}>
        <AnimatePresence initial={false}>
          {revealed && (
            <Reveal key="battery">
              {isSaverOn && <SaverGlyph />}
              <BatteryGlyph percent={batteryPercent} />
            </Reveal>
          )}
        </AnimatePresence>
        <time className={styles.clock} dateTime={now.toISOString()}>
          {formatClockTime(now)}
        </time>
      </div>
    </div>
  )
}

function Reveal({ children }: { children: ReactNode }) {
  return (
    <motion.span
      className={styles.group}
      initial={{ opacity: 0, y: -12 }}
      animate={{ opacity: 1, y: 0 }}
      exit={{ opacity: 0, y: -12 }}
      transition={TRAY_REVEAL_TRANSITION}
    >
      {children}
    </motion.span>
  )
}

function AirplaneGlyph() {
  return (
    <svg className={styles.glyph} viewBox="0 0 24 24" role="img" aria-label="Airplane mode">
      <path d={AIRPLANE_PATH} fill="currentColor" />
    </svg>
  )
}

function SignalGlyph() {
  return (
    <svg className={styles.glyph} viewBox="0 0 24 24" role="img" aria-label="Signal strength">
      {SIGNAL_BAR_HEIGHTS.map((height, index) => (
        <rect key={height} x={1 + index * 4.6} y={22 - height} width="3" height={height} />
      ))}
    </svg>
  )
}

function WifiGlyph() {
  return (
    <svg className={styles.glyph} viewBox="0 0 24 24" role="img" aria-label="Wi-Fi">
      <path d={WIFI_ARCS_PATH} fill="none" stroke="currentColor" strokeWidth="2.2" />
      <circle cx="12" cy="19.5" r="1.8" fill="currentColor" />
    </svg>
  )
}

// NOTE: WP7.5 drew a heart over the battery while battery saver was on. The WP8 glyph is unverified.
function SaverGlyph() {
  return (
    <svg className={styles.glyph} viewBox="0 0 24 24" role="img" aria-label="Battery saver">
      <path d={HEART_PATH} fill="currentColor" />
    </svg>
  )
}

function BatteryGlyph({ percent }: { percent: number }) {
  const fillWidth = (BATTERY_FILL_WIDTH * percent) / 100
  return (
    <svg
      className={styles.battery}
      viewBox="0 0 30 16"
      role="img"
      aria-label={`Battery ${percent} %`}
    >
      <rect
        x="1"
        y="2"
        width="25"
        height="12"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      />
      <rect x="26.5" y="5.5" width="2.5" height="5" fill="currentColor" />
      <rect x="2.5" y="3.5" width={fillWidth} height="9" fill="currentColor" />
    </svg>
  )
}
