import { AnimatePresence, motion } from 'framer-motion'
import type { PanInfo } from 'framer-motion'
import { useEffect, useRef } from 'react'
import type { MouseEvent, PointerEvent } from 'react'

import { findApp } from '@/apps/sample-apps'
import { selectShownToast } from '@/store/device-store'
import { useHandsetStore } from '@/store/handset-context'
import type { ShownToast } from '@/store/slices/device-model'

import { AppIcon } from './AppIcon'
import { TOAST_SLIDE_TRANSITION } from './motion'
import { TOAST_VISIBLE_MS, isDismissSwipe, toEmptyToastLabel } from './toast-model'
import styles from './ToastBanner.module.css'

/** Renders the toast strip across the top of the screen, one banner at a time in arrival order. */
export function ToastBanner() {
  const toast = useHandsetStore(selectShownToast)

  return <AnimatePresence>{toast && <ToastStrip key={toast.id} toast={toast} />}</AnimatePresence>
}

function ToastStrip({ toast }: { toast: ShownToast }) {
  const dismissToast = useHandsetStore((state) => state.dismissToast)
  const tapToast = useHandsetStore((state) => state.tapToast)
  const draggingRef = useRef(false)
  const app = findApp(toast.appId)

  useEffect(() => {
    const timer = setTimeout(() => dismissToast(toast.id), TOAST_VISIBLE_MS)
    return () => clearTimeout(timer)
  }, [dismissToast, toast.id])

  const handleDragStart = () => {
    draggingRef.current = true
  }
  const handleDragEnd = (_event: unknown, info: PanInfo) => {
    if (isDismissSwipe(info.offset.x, info.velocity.x)) {
      dismissToast(toast.id)
    }
    // The click that ends a drag arrives after this handler; it must not count as a tap.
    setTimeout(() => {
      draggingRef.current = false
    })
  }
  const handleTap = () => {
    if (!draggingRef.current) {
      tapToast(toast.id)
    }
  }
  const handleDismiss = (event: MouseEvent) => {
    event.stopPropagation()
    dismissToast(toast.id)
  }
  const stopDragFromButton = (event: PointerEvent) => event.stopPropagation()

  return (
    <motion.div
      role="alert"
      className={styles.banner}
      initial={{ y: '-100%' }}
      animate={{ y: 0 }}
      exit={{ y: '-100%', opacity: 0 }}
      transition={TOAST_SLIDE_TRANSITION}
      drag="x"
      dragConstraints={{ left: 0, right: 0 }}
      dragElastic={{ left: 0, right: 1 }}
      dragSnapToOrigin
      onDragStart={handleDragStart}
      onDragEnd={handleDragEnd}
    >
      <button
        type="button"
        className={styles.tapArea}
        aria-label={app ? toEmptyToastLabel(toast, app.name) : undefined}
        onClick={handleTap}
      >
        {app && <AppIcon icon={app.icon} className={styles.icon} />}
        <span className={styles.text}>
          <strong className={styles.text1}>{toast.text1}</strong>
          {toast.text1 !== '' && toast.text2 !== '' && ' '}
          <span>{toast.text2}</span>
        </span>
      </button>
      <button
        type="button"
        className={styles.dismiss}
        aria-label="Dismiss"
        onClick={handleDismiss}
        onPointerDown={stopDragFromButton}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
    </motion.div>
  )
}
