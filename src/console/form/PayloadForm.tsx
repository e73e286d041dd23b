import { useId, useMemo } from 'react'
import type { ChangeEvent } from 'react'

import { useConsoleStore } from '@/store/console-store'

import { parseFormFields, writeFormFields } from './payload-form-model'
import type { PayloadFormFields, RawFormFields, ToastFormFields } from './payload-form-model'
import styles from './PayloadTools.module.css'
import { TextField } from './TextField'
import { TileFieldset } from './TileFieldset'

type ToastTextField = 'text1' | 'text2' | 'param' | 'sound'

const TOAST_TEXT_FIELDS: readonly { key: ToastTextField; label: string }[] = [
  { key: 'text1', label: 'Text1' },
  { key: 'text2', label: 'Text2' },
  { key: 'param', label: 'Param' },
  { key: 'sound', label: 'Sound' },
]

/**
 * Renders the payload of the chosen type as one field per element. Every edit rewrites the
 * payload, and a payload the form cannot show unchanged is explained and left alone.
 */
export function PayloadForm() {
  const notificationType = useConsoleStore((state) => state.notificationType)
  const payload = useConsoleStore((state) => state.payloads[state.notificationType])
  const rawEncoding = useConsoleStore((state) => state.rawEncoding)
  const editPayload = useConsoleStore((state) => state.editPayload)
  const parsed = useMemo(
    () => parseFormFields(payload, notificationType),
    [payload, notificationType],
  )

  const handleChange = (fields: PayloadFormFields) => {
    editPayload(writeFormFields(fields))
  }

  return (
    <fieldset className={styles.fields}>
      <legend>Payload fields</legend>
      {!parsed.ok && (
        <p role="status" className={styles.message}>
          The form cannot show this payload without changing it, so edit it as XML below.{' '}
          {parsed.message}
        </p>
      )}
      {parsed.ok && parsed.fields.type === 'toast' && (
        <ToastFields fields={parsed.fields} onChange={handleChange} />
      )}
      {parsed.ok && parsed.fields.type === 'tile' && (
        <TileFieldset fields={parsed.fields} onChange={handleChange} />
      )}
      {parsed.ok && parsed.fields.type === 'raw' && (
        <RawField
          fields={parsed.fields}
          hint={rawEncoding === 'base64' ? 'Base64 of the bytes to send.' : 'Sent as UTF-8 text.'}
          onChange={handleChange}
        />
      )}
    </fieldset>
  )
}

function ToastFields({
  fields,
  onChange,
}: {
  fields: ToastFormFields
  onChange: (fields: ToastFormFields) => void
}) {
  const handleSilentChange = (event: ChangeEvent<HTMLInputElement>) => {
    onChange({ ...fields, silent: event.target.checked })
  }

  return (
    <>
      {TOAST_TEXT_FIELDS.map(({ key, label }) => (
        <TextField
          key={key}
          label={label}
          value={fields[key]}
          onChange={(value) => onChange({ ...fields, [key]: value })}
        />
      ))}
      <label className={styles.wide}>
        <input type="checkbox" checked={fields.silent} onChange={handleSilentChange} /> Silent
        (writes Silent=&quot;true&quot; on Sound)
      </label>
    </>
  )
}

function RawField({
  fields,
  hint,
  onChange,
}: {
  fields: RawFormFields
  hint: string
  onChange: (fields: RawFormFields) => void
}) {
  const hintId = useId()
  const handleChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    onChange({ type: 'raw', body: event.target.value })
  }

  return (
    <label className={`${styles.wide} ${styles.tools}`}>
      <span>Raw body</span>
      <textarea
        value={fields.body}
        spellCheck={false}
        aria-describedby={hintId}
        onChange={handleChange}
      />
      <span id={hintId} className={styles.groupLabel}>
        {hint}
      </span>
    </label>
  )
}
