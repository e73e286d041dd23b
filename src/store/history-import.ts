import type { ImportedHistory } from './history-json'
import { MAX_HISTORY_ENTRIES, capHistory } from './history-model'
import type { HistoryEntry } from './history-model'

/** Result of adding imported entries to the history. */
export interface MergedHistory {
  /** The whole history after the import, newest first and capped. */
  entries: HistoryEntry[]
  /** Imported entries that were new and survived the cap. */
  added: HistoryEntry[]
  /** Imported entries whose id the history already had. */
  duplicates: number
  /** Entries, old or imported, that the cap dropped. */
  dropped: number
}

/** Adds imported entries to `existing`, skipping ids already present, then applies the cap. */
export function mergeImported(
  existing: readonly HistoryEntry[],
  imported: readonly HistoryEntry[],
): MergedHistory {
  const knownIds = new Set(existing.map((entry) => entry.id))
  const fresh: HistoryEntry[] = []
  for (const entry of imported) {
    if (!knownIds.has(entry.id)) {
      knownIds.add(entry.id)
      fresh.push(entry)
    }
  }
  const entries = capHistory([...existing, ...fresh])
  const kept = new Set(entries)
  return {
    entries,
    added: fresh.filter((entry) => kept.has(entry)),
    duplicates: imported.length - fresh.length,
    dropped: existing.length + fresh.length - entries.length,
  }
}

/** Writes the status line after an import: what was added and what was skipped or dropped. */
export function describeImport(
  fileName: string,
  imported: ImportedHistory,
  merged: MergedHistory,
): string {
  const sentences = [`Imported ${countRequests(merged.added.length)} from "${fileName}".`]
  if (imported.skipped > 0) {
    const reason = imported.skipReason === undefined ? '' : `: ${imported.skipReason}`
    sentences.push(
      imported.source === 'har'
        ? `Skipped ${imported.skipped} ${plural(imported.skipped, 'entry', 'entries')} that ${imported.skipped === 1 ? 'is' : 'are'} not MPNS requests.`
        : `Skipped ${imported.skipped} invalid ${plural(imported.skipped, 'entry', 'entries')}${reason}.`,
    )
  }
  if (merged.duplicates > 0) {
    sentences.push(
      `${merged.duplicates} ${plural(merged.duplicates, 'was', 'were')} already in the history.`,
    )
  }
  if (merged.dropped > 0) {
    sentences.push(
      `The oldest ${merged.dropped} ${plural(merged.dropped, 'entry was', 'entries were')} dropped to keep ${MAX_HISTORY_ENTRIES.toLocaleString('en-US')}.`,
    )
  }
  return sentences.join(' ')
}

function countRequests(count: number): string {
  return `${count} ${plural(count, 'request', 'requests')}`
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many
}
