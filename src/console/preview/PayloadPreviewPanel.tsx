import type { NotificationType } from '@/mpns/types'
import { useConsoleStore } from '@/store/console-store'

import { toHandsetName } from '../console-model'
import styles from './PayloadPreview.module.css'
import { PreviewTileStates } from './PreviewTileStates'
import { PreviewToast } from './PreviewToast'
import type { PayloadPreview } from './preview-model'
import { useHandsetPreview } from './use-handset-preview'

interface HandsetPreviewProps {
  type: NotificationType
  payload: string
  handsetId: string
  appId: string
}

interface PreviewBodyProps {
  preview: PayloadPreview
  handsetName: string
  accentColor: string
}

/**
 * Renders the "Preview" region: the draft as the selected channel's handset would draw it,
 * updated on every edit and never sent.
 */
export function PayloadPreviewPanel() {
  const type = useConsoleStore((state) => state.notificationType)
  const payload = useConsoleStore((state) => state.payloads[state.notificationType])
  const channel = useConsoleStore((state) =>
    state.channels.find((candidate) => candidate.token === state.selectedToken),
  )

  return (
    <section className={styles.preview} aria-label="Preview">
      <h3 className={styles.title}>Preview</h3>
      {channel === undefined ? (
        <p className={styles.note}>Choose a channel to preview the payload on its handset.</p>
      ) : (
        <HandsetPreview
          // A new channel or type starts without the previous draft's last valid preview.
          key={`${channel.token}\n${type}`}
          type={type}
          payload={payload}
          handsetId={channel.handsetId}
          appId={channel.appId}
        />
      )}
    </section>
  )
}

function HandsetPreview(props: HandsetPreviewProps) {
  const { preview, invalidMessage, accentColor } = useHandsetPreview(props)
  const handsetName = toHandsetName(props.handsetId)

  return (
    <>
      {invalidMessage !== null && (
        <p className={styles.stale} role="status">
          {preview === null
            ? `No preview: ${invalidMessage}`
            : `Stale: the preview shows the last valid payload. ${invalidMessage}`}
        </p>
      )}
      {preview !== null && (
        <PreviewBody preview={preview} handsetName={handsetName} accentColor={accentColor} />
      )}
    </>
  )
}

function PreviewBody({ preview, handsetName, accentColor }: PreviewBodyProps) {
  switch (preview.kind) {
    case 'toast':
      return <PreviewToast preview={preview} handsetName={handsetName} accentColor={accentColor} />
    case 'tile':
      return (
        <PreviewTileStates preview={preview} handsetName={handsetName} accentColor={accentColor} />
      )
    case 'raw':
      return (
        <>
          <p className={styles.note}>
            Raw notifications have no visual: the running app receives the body in its
            HttpNotificationReceived handler.
          </p>
          <pre className={styles.rawBody} aria-label="Raw body">
            {preview.body}
          </pre>
        </>
      )
    case 'invalid':
      return null
  }
}
