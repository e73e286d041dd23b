import type { HistoryEntry } from './history-model'
import { isRecord, parseHistoryEntry } from './history-validation'

/** The console's history export, described in docs/console-history.md. */
export interface HistoryExport {
  format: typeof HISTORY_FORMAT
  version: typeof HISTORY_FORMAT_VERSION
  /** Time of the export, as an ISO 8601 string. */
  exportedAt: string
  entries: HistoryEntry[]
}

/** Entries read from a file, and how many of its records were skipped and why. */
export interface ImportedHistory {
  /** HAR keeps its entries in file order; a history export sorts them by time. */
  source: 'har' | 'history'
  entries: HistoryEntry[]
  skipped: number
  /** Reason the first skipped record was skipped. */
  skipReason?: string
}

/** Result of reading a file: the entries, or a message saying why the file is unusable. */
export type HistoryImport = ImportedHistory | { error: string }

/** Value of the `format` field that marks a history export. */
export const HISTORY_FORMAT = 'wp8-mpns-emulator-history'

/** Version of the export format this code writes and reads. */
export const HISTORY_FORMAT_VERSION = 1

/** Builds the JSON export of `entries`, newest first as given. */
export function toHistoryExport(entries: readonly HistoryEntry[], exportedAt: Date): HistoryExport {
  return {
    format: HISTORY_FORMAT,
    version: HISTORY_FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    entries: [...entries],
  }
}

/**
 * Reads a parsed JSON value: a history export, or one bare entry as a single-entry file.
 * Invalid entries are skipped and counted; a value with no usable entry returns an error.
 */
export function fromHistoryJson(value: unknown): HistoryImport {
  if (!isRecord(value)) {
    return { error: 'The file is not a history export: its JSON is not an object.' }
  }
  if (value.format === undefined && value.entries === undefined) {
    return readSingleEntry(value)
  }
  if (value.format !== HISTORY_FORMAT) {
    return {
      error: `The file is not a history export: its "format" is ${JSON.stringify(value.format)}, not "${HISTORY_FORMAT}".`,
    }
  }
  if (value.version !== HISTORY_FORMAT_VERSION) {
    return {
      error: `The history export has version ${JSON.stringify(value.version)}, but this emulator reads version ${HISTORY_FORMAT_VERSION}. Export it again from this emulator.`,
    }
  }
  if (!Array.isArray(value.entries)) {
    return { error: 'The history export has no "entries" list.' }
  }
  return readEntries(value.entries as unknown[])
}

function readEntries(records: readonly unknown[]): HistoryImport {
  const imported: ImportedHistory = { source: 'history', entries: [], skipped: 0 }
  for (const record of records) {
    const parsed = parseHistoryEntry(record)
    if ('entry' in parsed) {
      imported.entries.push(parsed.entry)
      continue
    }
    imported.skipped += 1
    imported.skipReason ??= parsed.problem
  }
  if (imported.entries.length === 0 && imported.skipped > 0) {
    return {
      error: `The history export has no valid entry: ${imported.skipReason ?? 'every entry is invalid'}.`,
    }
  }
  return imported
}

function readSingleEntry(value: Record<string, unknown>): HistoryImport {
  const parsed = parseHistoryEntry(value)
  if ('entry' in parsed) {
    return { source: 'history', entries: [parsed.entry], skipped: 0 }
  }
  return {
    error: `The file is neither a history export nor a saved request: ${parsed.problem}.`,
  }
}
