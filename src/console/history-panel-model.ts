import type { HistoryEntry } from '@/store/history-model'

const TYPE_LABELS: Readonly<Record<HistoryEntry['draft']['notificationType'], string>> = {
  toast: 'Toast',
  tile: 'Tile',
  raw: 'Raw',
}

/** Formats epoch milliseconds as local `YYYY-MM-DD HH:MM:SS`. */
export function formatSentAt(sentAt: number): string {
  const date = new Date(sentAt)
  const pad = (value: number) => String(value).padStart(2, '0')
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}

/** Names an entry's notification type as the list shows it. */
export function toTypeLabel(entry: HistoryEntry): string {
  return TYPE_LABELS[entry.draft.notificationType]
}

/** Names an export file after the moment of export: `mpns-history-20250601-120000.json`. */
export function toExportFileName(exportedAt: Date, extension: 'json' | 'har'): string {
  const stamp = formatSentAt(exportedAt.getTime()).replace(/[-:]/g, '').replace(' ', '-')
  return `mpns-history-${stamp}.${extension}`
}
