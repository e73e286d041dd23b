import { Suspense, lazy, useState } from 'react'

import { readDraftBody } from '@/store/console-request'
import type { RawEncoding } from '@/store/console-request'
import { useConsoleStore } from '@/store/console-store'

import { loadAfterFirstFrame } from '../after-first-frame'
import { ChoiceGroup } from './ChoiceGroup'
import type { Choice } from './ChoiceGroup'
import styles from './PayloadTools.module.css'

type PayloadView = 'xml' | 'form'

const PAYLOAD_VIEWS: readonly Choice<PayloadView>[] = [
  { value: 'xml', label: 'XML' },
  { value: 'form', label: 'Form' },
]

const RAW_ENCODINGS: readonly Choice<RawEncoding>[] = [
  { value: 'text', label: 'Text' },
  { value: 'base64', label: 'Base64' },
]

// The form parses XML with the engine's parser, which the Start screen does not need.
// The starters carry a dozen payloads that the Start screen does not need, so they load after it.
const StartersGallery = loadAfterFirstFrame(
  async () => (await import('./StartersGallery')).StartersGallery,
)
const PayloadForm = lazy(async () => ({ default: (await import('./PayloadForm')).PayloadForm }))

/**
 * Renders the helpers above the payload editor: the starters, the switch between the XML alone
 * and the form beside it, and the raw body encoding with its error.
 */
export function PayloadTools() {
  const [view, setView] = useState<PayloadView>('xml')
  const notificationType = useConsoleStore((state) => state.notificationType)
  const rawEncoding = useConsoleStore((state) => state.rawEncoding)
  const chooseRawEncoding = useConsoleStore((state) => state.chooseRawEncoding)

  return (
    <div className={styles.tools}>
      <StartersGallery />
      <div className={styles.toolbar}>
        <ChoiceGroup label="Payload view" choices={PAYLOAD_VIEWS} value={view} onChange={setView} />
        {notificationType === 'raw' && (
          <ChoiceGroup
            label="Raw body encoding"
            choices={RAW_ENCODINGS}
            value={rawEncoding}
            onChange={chooseRawEncoding}
          />
        )}
      </div>
      <RawBodyError />
      {view === 'form' && (
        <Suspense fallback={<p className={styles.groupLabel}>Loading the form…</p>}>
          <PayloadForm />
        </Suspense>
      )}
    </div>
  )
}

/** Shows why a Base64 raw payload cannot be sent, while it cannot. */
function RawBodyError() {
  const base64Payload = useConsoleStore((state) =>
    state.notificationType === 'raw' && state.rawEncoding === 'base64' ? state.payloads.raw : null,
  )
  if (base64Payload === null) {
    return null
  }

  const body = readDraftBody({
    notificationType: 'raw',
    notificationClass: '',
    messageId: '',
    payload: base64Payload,
    rawEncoding: 'base64',
  })
  return body.ok ? null : (
    <p role="alert" className={styles.error}>
      {body.message}
    </p>
  )
}
