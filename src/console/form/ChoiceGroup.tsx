import { useId } from 'react'

import styles from './PayloadTools.module.css'

export interface Choice<Value extends string> {
  value: Value
  label: string
}

interface ChoiceGroupProps<Value extends string> {
  /** Accessible name of the radio group. */
  label: string
  choices: readonly Choice<Value>[]
  value: Value
  onChange: (value: Value) => void
}

/** Renders a labelled radio group whose options read as a row of toggle buttons. */
export function ChoiceGroup<Value extends string>({
  label,
  choices,
  value,
  onChange,
}: ChoiceGroupProps<Value>) {
  const name = useId()
  return (
    <div role="radiogroup" aria-label={label} className={styles.choices}>
      <span className={styles.groupLabel}>{label}</span>
      {choices.map((choice) => (
        <label key={choice.value} className={styles.choice}>
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={choice.value === value}
            onChange={() => onChange(choice.value)}
          />
          {choice.label}
        </label>
      ))}
    </div>
  )
}
