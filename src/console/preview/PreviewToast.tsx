import type { CSSProperties } from 'react'

import type { AppDefinition } from '@/apps/app-model'
import { AppIcon } from '@/device/AppIcon'
import toastStyles from '@/device/ToastBanner.module.css'
import { toToastIconUrl, toToastLine } from '@/device/toast-model'

import styles from './PayloadPreview.module.css'
import type { ToastPreview } from './preview-model'

interface PreviewToastProps {
  preview: ToastPreview
  handsetName: string
  accentColor: string
}

/**
 * Draws the toast banner the handset would show, with the banner's own styles and line rules,
 * and names where the toast goes when the handset would show no banner now.
 */
export function PreviewToast({ preview, handsetName, accentColor }: PreviewToastProps) {
  const { app, toast } = preview
  const line = toToastLine({ text1: toast.text1 ?? '', text2: toast.text2 ?? '' })
  const screenStyle = { '--accent': accentColor } as CSSProperties

  return (
    <>
      <figure className={styles.figure}>
        <span className={styles.toastScreen} style={screenStyle}>
          <span className={[toastStyles.banner, styles.toastBanner].join(' ')}>
            <span className={[toastStyles.tapArea, styles.toastContent].join(' ')}>
              <ToastIcon app={app} />
              <span className={toastStyles.text}>
                <strong className={toastStyles.text1}>{line.title}</strong>
                {line.title !== '' && line.content !== '' && ' '}
                <span>{line.content}</span>
              </span>
            </span>
            <span
              className={[toastStyles.dismiss, styles.toastDismiss].join(' ')}
              aria-hidden="true"
            >
              <svg viewBox="0 0 24 24" focusable="false">
                <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" />
              </svg>
            </span>
          </span>
        </span>
        <figcaption className={styles.caption}>
          Toast from {app.name} on {handsetName}
        </figcaption>
      </figure>
      <ToastOutcomeNote preview={preview} />
    </>
  )
}

function ToastIcon({ app }: { app: AppDefinition }) {
  const iconUrl = toToastIconUrl(app)
  if (iconUrl === undefined) {
    return <AppIcon icon={app.icon} className={toastStyles.icon} />
  }
  return <img src={iconUrl} alt="" className={toastStyles.icon} />
}

function ToastOutcomeNote({ preview }: { preview: ToastPreview }) {
  switch (preview.outcome) {
    case 'banner':
      return null
    case 'in-app':
      return (
        <p className={styles.note}>
          {preview.app.name} is on screen, so the handset shows no banner: the app receives the
          toast in its ShellToastNotificationReceived handler.
        </p>
      )
    case 'none':
      return (
        <p className={styles.note}>
          The handset drops this toast now, because battery saver or a critical battery level stops
          toasts.
        </p>
      )
  }
}
