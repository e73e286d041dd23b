import { useId, useRef, useState } from 'react'
import type { ChangeEvent, FormEvent, KeyboardEvent } from 'react'

import type { AppDefinition } from '@/apps/app-model'

import styles from './InstallAppDialog.module.css'
import {
  TILE_TEMPLATE_OPTIONS,
  buildAppFromForm,
  checkAppFileSize,
  createBlankForm,
  importAppJson,
  importManifest,
  sortManifestFiles,
  toFileReadFailure,
  toImageDataUrl,
  toTileTemplate,
  withFormName,
} from './install-app-model'
import type { AppImportResult, InstallAppForm } from './install-app-model'

interface InstallAppDialogProps {
  onInstall: (app: AppDefinition) => void
  onClose: () => void
}

interface DialogMessages {
  errors: string[]
  warnings: string[]
}

const NO_MESSAGES: DialogMessages = { errors: [], warnings: [] }

/**
 * Renders the form that installs a custom app: typed in, read from a `WMAppManifest.xml` with
 * its images, or read from an app file the emulator exported.
 */
export function InstallAppDialog({ onInstall, onClose }: InstallAppDialogProps) {
  const titleId = useId()
  const [form, setForm] = useState<InstallAppForm>(createBlankForm)
  const [imported, setImported] = useState<AppDefinition | undefined>(undefined)
  const [messages, setMessages] = useState<DialogMessages>(NO_MESSAGES)
  const { handleManifestChange, handleJsonChange } = useAppImport((result, notes) => {
    if (!result.ok) {
      setMessages({ errors: [result.error], warnings: notes })
      return
    }
    setImported(result.app)
    setForm(result.form)
    setMessages({ errors: [], warnings: [...notes, ...result.warnings] })
  })

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const result = buildAppFromForm(form, imported)
    if (!result.ok) {
      setMessages({ errors: result.errors, warnings: messages.warnings })
      return
    }
    onInstall(result.app)
  }

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      onClose()
    }
  }

  return (
    <div className={styles.backdrop}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className={styles.dialog}
        onKeyDown={handleKeyDown}
      >
        <h2 id={titleId} className={styles.title}>
          Install app
        </h2>
        <form className={styles.form} onSubmit={handleSubmit} noValidate>
          <fieldset className={styles.group}>
            <legend>Import</legend>
            <label className={styles.field}>
              WMAppManifest.xml and its images
              <input
                type="file"
                multiple
                accept=".xml,.png,.jpg,.jpeg,.gif"
                onChange={handleManifestChange}
              />
            </label>
            <label className={styles.field}>
              App file (.json)
              <input type="file" accept=".json,application/json" onChange={handleJsonChange} />
            </label>
          </fieldset>

          <AppFormFields form={form} onChange={setForm} />

          <MessageList label="Errors" items={messages.errors} isAlert />
          <MessageList label="Warnings" items={messages.warnings} isAlert={false} />

          <div className={styles.buttons}>
            <button type="submit" className={styles.button}>
              Install
            </button>
            <button type="button" className={styles.button} onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  )
}

/**
 * Reads the files the user picks and reports each import. Only the latest import is reported,
 * however long an earlier one takes to read.
 */
function useAppImport(onImported: (result: AppImportResult, notes: string[]) => void) {
  const importCount = useRef(0)

  const startImport = () => {
    importCount.current += 1
    const sequence = importCount.current
    return (result: AppImportResult, notes: string[] = []) => {
      if (sequence === importCount.current) {
        onImported(result, notes)
      }
    }
  }

  const handleManifestChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])]
    if (files.length === 0) {
      return
    }
    const report = startImport()
    const selection = sortManifestFiles(files)
    if (!selection.ok) {
      report({ ok: false, error: selection.error })
      return
    }
    readManifestImport(selection.manifest, selection.images).then(
      (result) => report(result, selection.warnings),
      (error: unknown) => report(toFileReadFailure(selection.manifest.name, error)),
    )
  }

  const handleJsonChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    if (file === undefined) {
      return
    }
    const report = startImport()
    const sizeError = checkAppFileSize(file)
    if (sizeError !== undefined) {
      report({ ok: false, error: sizeError })
      return
    }
    file.text().then(
      (text) => report(importAppJson(text)),
      (error: unknown) => report(toFileReadFailure(file.name, error)),
    )
  }

  return { handleManifestChange, handleJsonChange }
}

function AppFormFields({
  form,
  onChange,
}: {
  form: InstallAppForm
  onChange: (form: InstallAppForm) => void
}) {
  const update = (changes: Partial<InstallAppForm>) => onChange({ ...form, ...changes })
  const isLegacy = form.tileTemplate === 'Legacy'

  return (
    <>
      <label className={styles.field}>
        Name
        <input
          type="text"
          value={form.name}
          onChange={(event) => onChange(withFormName(form, event.target.value))}
        />
      </label>
      <label className={styles.field}>
        Tile template
        <select
          value={form.tileTemplate}
          onChange={(event) => update({ tileTemplate: toTileTemplate(event.target.value) })}
        >
          {TILE_TEMPLATE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={form.supportsWide && !isLegacy}
          disabled={isLegacy}
          onChange={(event) => update({ supportsWide: event.target.checked })}
        />
        Wide tile
      </label>
      <label className={styles.field}>
        Channel name
        <input
          type="text"
          value={form.channelName}
          onChange={(event) => update({ channelName: event.target.value })}
        />
      </label>
      <label className={styles.field}>
        Service name (optional)
        <input
          type="text"
          value={form.serviceName}
          onChange={(event) => update({ serviceName: event.target.value })}
        />
      </label>
      <fieldset className={styles.group}>
        <legend>Lock screen</legend>
        <label className={styles.check}>
          <input
            type="checkbox"
            checked={form.lockScreenIconCount}
            onChange={(event) => update({ lockScreenIconCount: event.target.checked })}
          />
          Count on the lock screen
        </label>
        <label className={styles.check}>
          <input
            type="checkbox"
            checked={form.lockScreenTextField}
            onChange={(event) => update({ lockScreenTextField: event.target.checked })}
          />
          Text on the lock screen
        </label>
      </fieldset>
    </>
  )
}

/** Renders messages as a list inside a live region: an alert for errors, a status for warnings. */
function MessageList({
  label,
  items,
  isAlert,
}: {
  label: string
  items: string[]
  isAlert: boolean
}) {
  if (items.length === 0) {
    return null
  }
  return (
    <div
      role={isAlert ? 'alert' : 'status'}
      aria-label={label}
      className={isAlert ? styles.errors : styles.warnings}
    >
      <ul className={styles.messages}>
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </div>
  )
}

async function readManifestImport(
  manifest: File,
  images: readonly File[],
): Promise<AppImportResult> {
  const xml = await manifest.text()
  const urls = await Promise.all(images.map(readDataUrl))
  const imageUrls = new Map(
    images.map((image, index) => [image.name, toImageDataUrl(urls[index] ?? '', image.name)]),
  )
  return importManifest(xml, imageUrls)
}

/** Reads an image as a data URL, which keeps working after a reload, unlike a blob URL. */
function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '')
    reader.onerror = () => reject(reader.error ?? new Error(`Failed to read ${file.name}`))
    reader.readAsDataURL(file)
  })
}
