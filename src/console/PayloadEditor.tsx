import { useId, useMemo, useRef } from 'react'

import { DEFAULT_ENGINE_SETTINGS } from '@/mpns/engine'
import { useConsoleStore } from '@/store/console-store'

import { PayloadSizeStatus } from './editor/PayloadSizeStatus'
import { PlainPayloadEditor } from './editor/PlainPayloadEditor'
import type { PayloadEditorContext } from './editor/payload-editor-extensions'
import { countPayloadBytes, measurePayload } from './editor/payload-size'
import { useCodePayloadEditor } from './editor/use-code-payload-editor'

interface PayloadEditorProps {
  value: string
  onChange: (value: string) => void
}

/**
 * Edits the payload: as plain text at first, then in the code editor once it has loaded after
 * the first frame. The store keeps the text, so nothing typed before the switch is lost. The
 * byte count below counts the bytes Send posts, the decoded bytes of a Base64 raw payload, and
 * follows the body size limit of the chosen type and channel.
 */
export function PayloadEditor({ value, onChange }: PayloadEditorProps) {
  const sizeId = useId()
  const plainEditorRef = useRef<HTMLDivElement>(null)
  const codeEditor = useCodePayloadEditor(plainEditorRef)
  const notificationType = useConsoleStore((state) => state.notificationType)
  const settings = useConsoleStore((state) => state.settings)
  const rawEncoding = useConsoleStore((state) => state.rawEncoding)
  const authenticated = useConsoleStore((state) =>
    state.channels.some(
      (channel) => channel.token === state.selectedToken && channel.serviceName !== undefined,
    ),
  )

  const context = useMemo<PayloadEditorContext>(
    // Until the worker has sent its settings, the editor checks against the defaults, and the
    // byte count shows no limit.
    () => ({
      notificationType,
      settings: settings ?? DEFAULT_ENGINE_SETTINGS,
      authenticated,
      rawEncoding,
    }),
    [notificationType, settings, authenticated, rawEncoding],
  )
  const size =
    settings === null
      ? {
          bytes: countPayloadBytes(value, notificationType, rawEncoding),
          limit: null,
          overLimit: false as const,
        }
      : measurePayload(value, { type: notificationType, settings, authenticated, rawEncoding })

  return (
    <>
      {codeEditor === null ? (
        <PlainPayloadEditor
          value={value}
          onChange={onChange}
          editorRef={plainEditorRef}
          describedBy={sizeId}
        />
      ) : (
        <codeEditor.Editor
          value={value}
          onChange={onChange}
          context={context}
          describedBy={sizeId}
          takeFocus={codeEditor.takeFocus}
        />
      )}
      <PayloadSizeStatus id={sizeId} size={size} />
    </>
  )
}
