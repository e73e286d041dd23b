import { useId } from 'react'
import type { ReactNode } from 'react'

import type { SelectOption } from './settings-model'
import styles from './Settings.module.css'

interface SettingsPageLayoutProps {
  /** Upper-case line above the title: `SETTINGS`, or the app's name on its own settings page. */
  appTitle: string
  title: string
  children: ReactNode
}

interface SwitchRowProps {
  label: string
  checked: boolean
  disabled?: boolean
  onChange: (checked: boolean) => void
}

interface SelectRowProps {
  label: string
  value: string
  options: readonly SelectOption[]
  onChange: (value: string) => void
}

/**
 * Renders a settings page as a region named `<app line>, <page title>` (`settings, theme`,
 * `Contoso Chat, settings`), or `settings` for the Settings app's first page: the app line,
 * the page title and the page's controls.
 */
export function SettingsPageLayout({ appTitle, title, children }: SettingsPageLayoutProps) {
  const name = appTitle === title ? title : `${appTitle}, ${title}`
  return (
    <div role="region" aria-label={name} className={styles.page}>
      <header className={styles.header}>
        <p className={styles.appTitle}>{appTitle}</p>
        <h2 className={styles.pageTitle}>{title}</h2>
      </header>
      {children}
    </div>
  )
}

/** Renders an on/off switch with its label and its current state written out. */
export function SwitchRow({ label, checked, disabled = false, onChange }: SwitchRowProps) {
  const inputId = useId()
  return (
    <div className={styles.switchRow}>
      <label htmlFor={inputId}>
        {label}
        <span className={styles.switchState}>{checked ? 'On' : 'Off'}</span>
      </label>
      <input
        id={inputId}
        type="checkbox"
        role="switch"
        aria-label={label}
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
      />
    </div>
  )
}

/** Renders a labelled select. */
export function SelectRow({ label, value, options, onChange }: SelectRowProps) {
  return (
    <label className={styles.field}>
      <span className={styles.label}>{label}</span>
      <select
        className={styles.select}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  )
}
