import { useId, useState } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'

import styles from './DevConsole.module.css'

interface FieldTexts {
  label: string
  /** Short sentence on the effect of the setting. */
  hint?: string
  /** `Assumed default: …`, for a setting whose default is an assumption. */
  assumedDefault?: string
  /** Rejection message of the last change. */
  error?: string | undefined
}

export interface SelectOption {
  value: string
  label: string
  disabled?: boolean
}

interface CheckboxFieldProps extends FieldTexts {
  checked: boolean
  onChange: (checked: boolean) => void
}

interface SelectFieldProps extends FieldTexts {
  value: string
  options: readonly SelectOption[]
  onChange: (value: string) => void
}

interface NumberFieldProps extends FieldTexts {
  value: number
  /** Receives the typed text on blur or Enter; it may not be a number. */
  onCommit: (text: string) => void
}

/** Renders a labelled checkbox with its hint, assumed default and error as its description. */
export function CheckboxField({ checked, onChange, ...texts }: CheckboxFieldProps) {
  const { inputId, describedBy, descriptions } = useFieldTexts(texts)
  return (
    <div className={styles.setting}>
      <label htmlFor={inputId} className={styles.checkboxLabel}>
        <input
          id={inputId}
          type="checkbox"
          checked={checked}
          aria-describedby={describedBy}
          aria-invalid={texts.error !== undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        {texts.label}
      </label>
      {descriptions}
    </div>
  )
}

/** Renders a labelled select with its hint, assumed default and error as its description. */
export function SelectField({ value, options, onChange, ...texts }: SelectFieldProps) {
  const { inputId, describedBy, descriptions } = useFieldTexts(texts)
  return (
    <div className={styles.setting}>
      <label htmlFor={inputId}>{texts.label}</label>
      <select
        id={inputId}
        value={value}
        aria-describedby={describedBy}
        aria-invalid={texts.error !== undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      {descriptions}
    </div>
  )
}

/**
 * Renders a labelled number input that applies its text on blur or Enter, and shows the
 * stored value again whenever the stored value changes.
 */
export function NumberField({ value, onCommit, ...texts }: NumberFieldProps) {
  const { inputId, describedBy, descriptions } = useFieldTexts(texts)
  const [draft, setDraft] = useState(String(value))
  const [shownValue, setShownValue] = useState(value)
  if (shownValue !== value) {
    setShownValue(value)
    setDraft(String(value))
  }

  const commit = () => {
    if (draft !== String(value) || texts.error !== undefined) {
      onCommit(draft)
    }
  }
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      commit()
    }
  }

  return (
    <div className={styles.setting}>
      <label htmlFor={inputId}>{texts.label}</label>
      <input
        id={inputId}
        type="number"
        value={draft}
        aria-describedby={describedBy}
        aria-invalid={texts.error !== undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={handleKeyDown}
      />
      {descriptions}
    </div>
  )
}

/** Builds the ids and description paragraphs shared by every field. */
function useFieldTexts({ hint, assumedDefault, error }: FieldTexts): {
  inputId: string
  describedBy: string | undefined
  descriptions: ReactNode
} {
  const inputId = useId()
  const hintId = `${inputId}-hint`
  const defaultId = `${inputId}-default`
  const errorId = `${inputId}-error`
  const ids = [
    hint === undefined ? null : hintId,
    assumedDefault === undefined ? null : defaultId,
    error === undefined ? null : errorId,
  ].filter((id) => id !== null)

  const descriptions = (
    <>
      {hint !== undefined && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
      {assumedDefault !== undefined && (
        <p id={defaultId} className={styles.assumedDefault}>
          {assumedDefault}
        </p>
      )}
      {error !== undefined && (
        <p id={errorId} className={styles.fieldError}>
          {error}
        </p>
      )}
    </>
  )
  return { inputId, describedBy: ids.length > 0 ? ids.join(' ') : undefined, descriptions }
}
