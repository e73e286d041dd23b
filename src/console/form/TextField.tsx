import type { ChangeEvent } from 'react'

import styles from './PayloadTools.module.css'

interface TextFieldProps {
  label: string
  value: string
  disabled?: boolean
  placeholder?: string
  onChange: (value: string) => void
}

/** Renders one labelled text input as a row of the payload fields grid. */
export function TextField({ label, value, disabled, placeholder, onChange }: TextFieldProps) {
  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    onChange(event.target.value)
  }

  return (
    <label className={styles.fieldRow}>
      <span>{label}</span>
      <input
        type="text"
        value={value}
        disabled={disabled}
        placeholder={placeholder}
        spellCheck={false}
        onChange={handleChange}
      />
      <span />
    </label>
  )
}
