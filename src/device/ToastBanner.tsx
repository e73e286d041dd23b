import { AnimatePresence, motion } from 'framer-motion'
import type { PanInfo } from 'framer-motion'
import { useEffect, useRef, useState } from 'react'
import type { MouseEvent, PointerEvent } from 'react'

import type { AppDefinition } from '@/apps/app-model'
import { findApp } from '@/apps/sample-apps'
import type { DeviceStore } from '@/store/device-store'
import { selectShownToast } from '@/store/device-store'
import { useHandsetStore } from '@/store/handset-context'
import type { ShownToast, ToastSound } from '@/store/slices/device-model'
import { selectScreenPower } from '@/store/slices/toast-rules'

import { AppIcon } from './AppIcon'
import { TOAST_VARIANTS } from './motion'
import type { ToastExitDirection } from './motion'
import {
  TOAST_VISIBLE_MS,
  hasMovedSincePress,
  isDismissSwipe,
  toEmptyToastLabel,
  toToastIconUrl,
  toToastLine,
  toToastSoundLabel,
} from './toast-model'
import type { ScreenPoint } from './toast-model'
import styles from './ToastBanner.module.css'

interface ToastStripProps {
  toast: ShownToast
  /** Removes the banner, which leaves towards `direction`. */
  onDismiss: (direction: ToastExitDirection) => void
  onTap: () => void
}

/**
 * Renders the toast on screen, one at a time in arrival order: the strip across the top while
 * the display is on, and a cue naming the sound the toast played.
 */
export function ToastBanner() {
  const toast = useHandsetStore(selectShownToast)
  const displayOn = useHandsetStore(selectDisplayOn)
  const dismissToast = useHandsetStore((state) => state.dismissToast)
  const tapToast = useHandsetStore((state) => state.tapToast)
  const [exitDirection, setExitDirection] = useState<ToastExitDirection>('up')
  const toastId = toast?.id

  // The phone has no hover, so the time runs on while the pointer rests on the banner.
  useEffect(() => {
    if (toastId === undefined) {
      return undefined
    }
    const timer = setTimeout(() => {
      setExitDirection('up')
      dismissToast(toastId)
    }, TOAST_VISIBLE_MS)
    return () => clearTimeout(timer)
  }, [dismissToast, toastId])

  const handleDismiss = (id: string, direction: ToastExitDirection) => {
    setExitDirection(direction)
    dismissToast(id)
  }
  const handleTap = (id: string) => {
    setExitDirection('up')
    tapToast(id)
  }

  // NOTE: WP8.0 keeps no notification history, so a toast that arrives while the display is
  // off is never drawn and is lost once its time is over.
  const strip = toast && displayOn && (
    <ToastStrip
      key={toast.id}
      toast={toast}
      onDismiss={(direction) => handleDismiss(toast.id, direction)}
      onTap={() => handleTap(toast.id)}
    />
  )
  return (
    <>
      <AnimatePresence custom={exitDirection}>{strip}</AnimatePresence>
      {toast && <ToastSoundCue key={toast.id} sound={toast.sound} />}
    </>
  )
}

function ToastStrip({ toast, onDismiss, onTap }: ToastStripProps) {
  const pressRef = useRef<ScreenPoint | null>(null)
  const app = findApp(toast.appId)

  const handleDragEnd = (_event: unknown, info: PanInfo) => {
    if (isDismissSwipe(info.offset.x, info.velocity.x)) {
      onDismiss('right')
    }
  }
  const handlePointerDown = (event: PointerEvent) => {
    pressRef.current = { x: event.clientX, y: event.clientY }
  }
  // framer-motion reports a drag's start and end a frame late, after the click that ends the
  // drag, so the distance the pointer travelled decides whether the click is a tap.
  const handleTap = (event: MouseEvent) => {
    const press = event.detail === 0 ? null : pressRef.current
    if (press && hasMovedSincePress(press, { x: event.clientX, y: event.clientY })) {
      return
    }
    onTap()
  }

  return (
    <motion.div
      role="alert"
      className={styles.banner}
      variants={TOAST_VARIANTS}
      initial="enter"
      animate="center"
      exit="exit"
      drag="x"
      dragConstraints={{ left: 0, right: 0 }}
      dragElastic={{ left: 0, right: 1 }}
      dragSnapToOrigin
      onDragEnd={handleDragEnd}
    >
      <button
        type="button"
        className={styles.tapArea}
        aria-label={app ? toEmptyToastLabel(toast, app.name) : undefined}
        onPointerDown={handlePointerDown}
        onClick={handleTap}
      >
        {app && <ToastIcon app={app} />}
        <ToastText toast={toast} />
      </button>
      <DismissButton onDismiss={() => onDismiss('right')} />
    </motion.div>
  )
}

/** Draws the app's small icon: its icon image when the package has one, else its glyph. */
function ToastIcon({ app }: { app: AppDefinition }) {
  const iconUrl = toToastIconUrl(app)
  if (iconUrl === undefined) {
    return <AppIcon icon={app.icon} className={styles.icon} />
  }
  return <img src={iconUrl} alt="" className={styles.icon} />
}

/** Renders bold Text1, then regular Text2, on one line that is cut short when it overflows. */
function ToastText({ toast }: { toast: ShownToast }) {
  const { title, content } = toToastLine(toast)
  return (
    <span className={styles.text}>
      <strong className={styles.text1}>{title}</strong>
      {title !== '' && content !== '' && ' '}
      <span>{content}</span>
    </span>
  )
}

/** Renders the Dismiss button, the mouse and keyboard stand-in for a flick to the right. */
function DismissButton({ onDismiss }: { onDismiss: () => void }) {
  const handleClick = (event: MouseEvent) => {
    event.stopPropagation()
    onDismiss()
  }
  const stopDragFromButton = (event: PointerEvent) => event.stopPropagation()

  return (
    <button
      type="button"
      className={styles.dismiss}
      aria-label="Dismiss"
      onClick={handleClick}
      onPointerDown={stopDragFromButton}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" />
      </svg>
    </button>
  )
}

/**
 * Names the sound the toast played, since the emulator plays none. It shows while the toast is
 * current, including with the display off, because the sound needs no screen.
 */
function ToastSoundCue({ sound }: { sound: ToastSound | undefined }) {
  return (
    <div role="status" aria-label="Toast sound" className={styles.soundCue}>
      {toToastSoundLabel(sound)}
    </div>
  )
}

function selectDisplayOn(state: DeviceStore): boolean {
  return selectScreenPower(state).display === 'on'
}
