import { fromHarDocument } from './history-har'
import type { CreateId } from './history-har'
import { fromHistoryJson } from './history-json'
import type { HistoryImport } from './history-json'
import { isRecord } from './history-validation'

/** Largest file the console reads, in bytes: 1 MiB. */
export const MAX_CONSOLE_FILE_BYTES = 1024 * 1024

/**
 * Reads the text of an imported file: a HAR document (it has a `log`), a history export, or
 * a single saved entry. Returns an error message for anything else, never throws.
 */
export function readHistoryFile(options: {
  fileName: string
  text: string
  createId: CreateId
}): HistoryImport {
  if (!isJsonFile(options.fileName, options.text)) {
    return {
      error: `"${options.fileName}" is not a supported file type. Import a history export (.json) or a HAR file (.har).`,
    }
  }

  let value: unknown
  try {
    value = JSON.parse(options.text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return {
      error: `"${options.fileName}" is not valid JSON (${reason}). Import a history export (.json) or a HAR file (.har).`,
    }
  }
  if (isRecord(value) && value.log !== undefined) {
    return fromHarDocument(value, options.createId)
  }
  return fromHistoryJson(value)
}

/**
 * Tells whether a file is read as JSON: by its .json or .har extension, or, under any other
 * name, by text that starts like a JSON object or array.
 */
export function isJsonFile(fileName: string, text: string): boolean {
  return /\.(?:json|har)$/i.test(fileName) || /^[[{]/.test(text.trimStart())
}

/** Formats a file size limit message for `fileName`. */
export function describeOversizedFile(fileName: string, byteLength: number): string {
  return `"${fileName}" is ${formatKibibytes(byteLength)}, over the 1,024 KB limit for console files. Pick a smaller file.`
}

function formatKibibytes(byteLength: number): string {
  return `${Math.ceil(byteLength / 1024).toLocaleString('en-US')} KB`
}
