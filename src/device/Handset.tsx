import { AnimatePresence, MotionConfig, motion } from 'framer-motion'
import type { CSSProperties } from 'react'

import { useDeviceStore } from '@/store/device-store'

import { AppList } from './AppList'
import { AppPage } from './AppPage'
import { HardwareButtons } from './HardwareButtons'
import styles from './Handset.module.css'
import { TURNSTILE_VARIANTS } from './motion'
import { PermissionPrompt } from './PermissionPrompt'
import { StartScreen } from './StartScreen'
import { StatusBar } from './StatusBar'
import { ACCENT_COLOR } from './theme'
import { ToastBanner } from './ToastBanner'

/** Screen pixels per logical pixel: the 480 x 800 screen is drawn 374 x 624 CSS px. */
const SCREEN_SCALE = 0.78

const HANDSET_STYLE = {
  '--accent': ACCENT_COLOR,
  '--screen-scale': SCREEN_SCALE,
} as CSSProperties

/** Converts pointer positions to logical screen pixels, so drags follow the finger. */
function toLogicalPoint(point: { x: number; y: number }) {
  return { x: point.x / SCREEN_SCALE, y: point.y / SCREEN_SCALE }
}

/** Renders the emulated phone: bezel, WVGA screen with its overlays, and hardware keys. */
export function Handset() {
  const handsetName = useDeviceStore((state) => state.handsetName)

  return (
    <MotionConfig reducedMotion="user" transformPagePoint={toLogicalPoint}>
      <section
        role="region"
        aria-label={handsetName}
        className={styles.handset}
        style={HANDSET_STYLE}
      >
        <div className={styles.viewport}>
          <div className={styles.screen}>
            <StatusBar />
            <PageHost />
            <PermissionPrompt />
            <ToastBanner />
          </div>
        </div>
        <HardwareButtons />
      </section>
    </MotionConfig>
  )
}

/** Shows the current screen and turns pages with the turnstile when it changes. */
function PageHost() {
  const screen = useDeviceStore((state) => state.screen)
  const direction = useDeviceStore((state) => state.navigationDirection)
  const navigationCount = useDeviceStore((state) => state.navigationCount)

  return (
    <div className={styles.pages}>
      <AnimatePresence initial={false} mode="wait" custom={direction}>
        <motion.div
          key={navigationCount}
          className={styles.pageLayer}
          custom={direction}
          variants={TURNSTILE_VARIANTS}
          initial="enter"
          animate="center"
          exit="exit"
        >
          {screen.kind === 'start' && <StartScreen />}
          {screen.kind === 'app-list' && <AppList />}
          {screen.kind === 'app' && (
            <AppPage appId={screen.appId} page={screen.page} query={screen.query} />
          )}
        </motion.div>
      </AnimatePresence>
    </div>
  )
}
