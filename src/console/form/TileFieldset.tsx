import type { ChangeEvent } from 'react'

import type { TileFieldName, TileTemplate } from '@/mpns/types'

import { FORM_FIELDS_BY_TEMPLATE, changeTileTemplate } from './payload-form-model'
import type { TileFormElement, TileFormFields } from './payload-form-model'
import styles from './PayloadTools.module.css'
import { TextField } from './TextField'

interface TileFieldsetProps {
  fields: TileFormFields
  onChange: (fields: TileFormFields) => void
}

const TEMPLATE_OPTIONS: readonly { value: TileTemplate; label: string }[] = [
  { value: 'Legacy', label: 'Legacy tile (no Template)' },
  { value: 'FlipTile', label: 'FlipTile' },
  { value: 'IconicTile', label: 'IconicTile' },
  { value: 'CycleTile', label: 'CycleTile' },
]

const EMPTY_ELEMENT: TileFormElement = { value: '', clear: false }

/** Renders the tile template, the secondary tile Id and each element with its Clear switch. */
export function TileFieldset({ fields, onChange }: TileFieldsetProps) {
  const handleTemplateChange = (event: ChangeEvent<HTMLSelectElement>) => {
    onChange(changeTileTemplate(fields, event.target.value as TileTemplate))
  }
  const changeElement = (name: TileFieldName, element: TileFormElement) => {
    onChange({ ...fields, elements: { ...fields.elements, [name]: element } })
  }

  return (
    <>
      <label className={styles.fieldRow}>
        <span>Tile template</span>
        <select value={fields.template} onChange={handleTemplateChange}>
          {TEMPLATE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <span />
      </label>
      <TextField
        label="Tile Id"
        value={fields.id}
        placeholder="empty for the application tile"
        onChange={(id) => onChange({ ...fields, id })}
      />
      {FORM_FIELDS_BY_TEMPLATE[fields.template].map((name) => (
        <TileElementRow
          key={name}
          name={name}
          element={fields.elements[name] ?? EMPTY_ELEMENT}
          onChange={(element) => changeElement(name, element)}
        />
      ))}
    </>
  )
}

function TileElementRow({
  name,
  element,
  onChange,
}: {
  name: TileFieldName
  element: TileFormElement
  onChange: (element: TileFormElement) => void
}) {
  const handleClearChange = (event: ChangeEvent<HTMLInputElement>) => {
    onChange({ value: '', clear: event.target.checked })
  }

  return (
    <>
      <label className={styles.fieldRow}>
        <span>{name}</span>
        <input
          type="text"
          value={element.value}
          disabled={element.clear}
          spellCheck={false}
          onChange={(event) => onChange({ value: event.target.value, clear: false })}
        />
      </label>
      <label>
        <input
          type="checkbox"
          checked={element.clear}
          aria-label={`Clear ${name}`}
          onChange={handleClearChange}
        />{' '}
        Clear
      </label>
    </>
  )
}
