import { AnimatePresence, MotionConfig, motion } from 'framer-motion'
import { useRef } from 'react'
import type { CSSProperties } from 'react'

import { useHandsetStore } from '@/store/handset-context'
import { selectHandsetProfile, useHandsetRegistry } from '@/store/handset-registry'
import { DEFAULT_ACCENT, findDeviceModel, toAccentHex } from '@/store/slices/handset-profile'
import type { Theme } from '@/store/slices/handset-profile'

import { AppList } from './AppList'
import { AppPage } from './AppPage'
import { HardwareButtons, PowerButton } from './HardwareButtons'
import { useMotionMode } from './motion-mode'
import styles from './Handset.module.css'
import { LockScreen, ScreenOff } from './LockScreen'
import { TURNSTILE_VARIANTS } from './motion'
import { PermissionPrompt } from './PermissionPrompt'
import { AppNotificationSettings } from './settings/AppNotificationSettings'
import { SettingsScreen } from './settings/SettingsScreen'
import { StartScreen } from './StartScreen'
import { StatusBar } from './StatusBar'
import { ToastBanner } from './ToastBanner'
import { useHardwareKeyShortcuts } from './use-hardware-key-shortcuts'

/** Screen pixels per logical pixel: the 480-wide logical screen is drawn 374 CSS px wide. */
const SCREEN_SCALE = 0.78

const THEME_COLORS: Record<Theme, { background: string; foreground: string; chrome: string }> = {
  dark: { background: '#000000', foreground: '#FFFFFF', chrome: '#1F1F1F' },
  // NOTE: the light theme's exact foreground is not documented; near-black is used.
  light: { background: '#FFFFFF', foreground: '#111111', chrome: '#DDDDDD' },
}

interface HandsetProps {
  handsetId: string
  /** Removes the handset from the page; absent for the last handset. */
  onRemove?: (() => void) | undefined
}

/** Converts pointer positions to logical screen pixels, so drags follow the finger. */
function toLogicalPoint(point: { x: number; y: number }) {
  return { x: point.x / SCREEN_SCALE, y: point.y / SCREEN_SCALE }
}

/**
 * Renders one emulated phone: bezel, screen with its overlays, hardware keys and the Power
 * button, in the handset's model, theme and accent colour. While focus is inside it, F1 to F4
 * press Back, Start, Search and Power.
 */
export function Handset({ handsetId, onRemove }: HandsetProps) {
  const handsetName = useHandsetStore((state) => state.handsetName)
  const handsetRef = useRef<HTMLElement>(null)
  const handleKeyDown = useHardwareKeyShortcuts(handsetRef)
  const profile = useHandsetRegistry(selectHandsetProfile(handsetId))
  const model = findDeviceModel(profile?.model ?? 'wvga')
  const colors = THEME_COLORS[profile?.theme ?? 'dark']
  const reducedMotion = useMotionMode().mode === 'animated' ? 'user' : 'always'
  const style = {
    '--accent': toAccentHex(profile?.accent ?? DEFAULT_ACCENT),
    '--screen-scale': SCREEN_SCALE,
    '--screen-height': `${model.logicalHeight}px`,
    '--phone-background': colors.background,
    '--phone-foreground': colors.foreground,
    '--phone-chrome': colors.chrome,
  } as CSSProperties

  return (
    <MotionConfig reducedMotion={reducedMotion} transformPagePoint={toLogicalPoint}>
      <section
        ref={handsetRef}
        role="region"
        aria-label={handsetName}
        tabIndex={-1}
        className={styles.handset}
        style={style}
        onKeyDown={handleKeyDown}
      >
        <div className={styles.viewport}>
          <div className={styles.screen}>
            <StatusBar />
            <PageHost />
            <PermissionPrompt />
            <LockScreen />
            <ToastBanner />
            <ScreenOff />
          </div>
        </div>
        <HardwareButtons />
        <PowerButton />
        {onRemove && (
          <button
            type="button"
            className={styles.remove}
            aria-label={`Remove ${handsetName}`}
            onClick={onRemove}
          >
            Remove
          </button>
        )}
      </section>
    </MotionConfig>
  )
}

/** Shows the current screen and turns pages with the turnstile when it changes. */
function PageHost() {
  const screen = useHandsetStore((state) => state.screen)
  const direction = useHandsetStore((state) => state.navigationDirection)
  const navigationCount = useHandsetStore((state) => state.navigationCount)

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
          {screen.kind === 'settings' && <SettingsScreen page={screen.page} />}
          {screen.kind === 'app-settings' && <AppNotificationSettings appId={screen.appId} />}
        </motion.div>
      </AnimatePresence>
    </div>
  )
}
