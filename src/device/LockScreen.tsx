import { AnimatePresence, motion } from 'framer-motion'
import type { PanInfo } from 'framer-motion'
import { useShallow } from 'zustand/react/shallow'

import { SAMPLE_APPS } from '@/apps/sample-apps'
import { useHandsetStore } from '@/store/handset-context'

import { AppIcon } from './AppIcon'
import {
  formatLockScreenDate,
  isUnlockSwipe,
  toDetailedStatusLines,
  toQuickStatusItems,
  toQuickStatusLabel,
} from './lock-screen-model'
import type { QuickStatusItem } from './lock-screen-model'
import styles from './LockScreen.module.css'
import { LOCK_SCREEN_EXIT_TRANSITION } from './motion'
import { formatClockTime } from './time-format'
import { useClock } from './use-clock'

const UP_ARROW_PATH = 'M12 20V5M6 11l6-6 6 6'

/**
 * Renders the lock screen over the page while the handset is locked and lit: the clock and
 * date, the detailed status of one app and the quick-status icons, read from the chosen apps'
 * primary tiles. Dragging it up or pressing Unlock removes it.
 */
export function LockScreen() {
  const isShown = useHandsetStore((state) => state.display === 'on' && state.locked)

  return <AnimatePresence initial={false}>{isShown && <LockPanel key="lock" />}</AnimatePresence>
}

/** Covers the screen with black while the display is off. */
export function ScreenOff() {
  const isOff = useHandsetStore((state) => state.display === 'off')
  if (!isOff) {
    return null
  }
  return <div role="img" aria-label="Screen off" className={styles.screenOff} />
}

function LockPanel() {
  const unlock = useHandsetStore((state) => state.unlock)
  const now = useClock()

  const handleDragEnd = (_event: unknown, info: PanInfo) => {
    if (isUnlockSwipe(info.offset.y, info.velocity.y)) {
      unlock()
    }
  }

  return (
    <motion.section
      aria-label="Lock screen"
      className={styles.lockScreen}
      exit={{ y: '-100%' }}
      transition={LOCK_SCREEN_EXIT_TRANSITION}
      drag="y"
      dragConstraints={{ top: 0, bottom: 0 }}
      dragElastic={{ top: 0.9, bottom: 0.05 }}
      dragSnapToOrigin
      onDragEnd={handleDragEnd}
    >
      <div className={styles.content}>
        <p className={styles.time}>{formatClockTime(now)}</p>
        <p className={styles.date}>{formatLockScreenDate(now)}</p>
        <DetailedStatus />
        <QuickStatusRow />
      </div>
      <button
        type="button"
        className={styles.unlock}
        onClick={unlock}
        onPointerDown={(event) => event.stopPropagation()}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d={UP_ARROW_PATH} fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
        Unlock
      </button>
    </motion.section>
  )
}

function DetailedStatus() {
  const lines = useHandsetStore(
    useShallow((state) =>
      toDetailedStatusLines(state.detailedStatusAppId, {
        apps: SAMPLE_APPS,
        appStates: state.apps,
      }),
    ),
  )
  if (lines.length === 0) {
    return null
  }
  return (
    <div role="group" aria-label="Detailed status" className={styles.detailed}>
      {lines.map((line, index) => (
        <p key={index} className={styles.detailedLine}>
          {line}
        </p>
      ))}
    </div>
  )
}

function QuickStatusRow() {
  const slotAppIds = useHandsetStore((state) => state.quickStatusAppIds)
  const appStates = useHandsetStore((state) => state.apps)
  const items = toQuickStatusItems(slotAppIds, { apps: SAMPLE_APPS, appStates })
  if (items.length === 0) {
    return null
  }
  return (
    <ul aria-label="Quick status" className={styles.quickStatus}>
      {items.map((item) => (
        <QuickStatusIcon key={item.appId} item={item} />
      ))}
    </ul>
  )
}

function QuickStatusIcon({ item }: { item: QuickStatusItem }) {
  return (
    <li aria-label={toQuickStatusLabel(item)} className={styles.quickItem}>
      {item.iconUrl === undefined ? (
        <AppIcon icon={item.glyph} className={styles.quickIcon} />
      ) : (
        <img src={item.iconUrl} alt="" className={styles.quickIcon} />
      )}
      {item.count !== undefined && <span className={styles.count}>{item.count}</span>}
    </li>
  )
}
