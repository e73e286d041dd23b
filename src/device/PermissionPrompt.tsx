import { useEffect, useId, useRef } from 'react'

import { findApp } from '@/apps/sample-apps'
import { selectPromptingAppId } from '@/store/device-store'
import { useHandsetStore } from '@/store/handset-context'

import styles from './PermissionPrompt.module.css'

/**
 * Renders the foreground app's first-launch notification prompt, drawn like a WP8 message box.
 * WP8 has no system prompt for push, so each app shows its own and opens its channel after
 * either choice.
 */
export function PermissionPrompt() {
  const appId = useHandsetStore(selectPromptingAppId)
  const app = appId === null ? undefined : findApp(appId)
  if (!app) {
    return null
  }
  return <PromptBox key={app.id} appId={app.id} appName={app.name} />
}

function PromptBox({ appId, appName }: { appId: string; appName: string }) {
  const answerPermission = useHandsetStore((state) => state.answerPermission)
  const titleId = useId()
  const messageId = useId()
  const allowRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    allowRef.current?.focus({ preventScroll: true })
  }, [])

  return (
    <div className={styles.backdrop}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={messageId}
        className={styles.box}
      >
        <h2 id={titleId} className={styles.title}>
          {appName}
        </h2>
        <p id={messageId} className={styles.message}>
          Allow {appName} to send you notifications? You can turn them off later in the app&apos;s
          settings.
        </p>
        <div className={styles.buttons}>
          <button
            ref={allowRef}
            type="button"
            className={styles.button}
            onClick={() => answerPermission(appId, true)}
          >
            Allow
          </button>
          <button
            type="button"
            className={styles.button}
            onClick={() => answerPermission(appId, false)}
          >
            Don&apos;t allow
          </button>
        </div>
      </div>
    </div>
  )
}
