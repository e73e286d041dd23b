import { findApp } from '@/apps/sample-apps'
import type { AppDefinition } from '@/apps/app-model'
import { isMpnsError } from '@/mpns/errors'
import { parseTilePayload } from '@/mpns/payload/tile'
import { parseToastPayload } from '@/mpns/payload/toast'
import { parseXmlDocument } from '@/mpns/payload/xml'
import { TILE_FIELD_NAMES } from '@/mpns/tile-fields'
import type { TileState } from '@/mpns/tile-state'
import type {
  NotificationPayload,
  NotificationType,
  QueuedNotification,
  TileFieldName,
  TilePayload,
  ToastPayload,
} from '@/mpns/types'
import type { SenderWarning } from '@/mpns/warnings'
import type { AppLogEntry, AppState } from '@/store/slices/device-model'
import {
  applyCheckedTileUpdate,
  applyNotificationToHandset,
} from '@/store/slices/notification-model'
import type { NotificationChanges, NotificationTarget } from '@/store/slices/notification-model'

/** Input of buildPayloadPreview: a payload, and the handset state and app it is merged onto. */
export interface PreviewInput {
  type: NotificationType
  /** Payload text from the editor. */
  payload: string
  handsetId: string
  appId: string
  /** The handset's screen, apps, toasts and conditions, read from its store. */
  handset: NotificationTarget
}

/** One tile element whose value the update changes. Undefined means the element is not set. */
export interface TileFieldChange {
  field: TileFieldName
  before: string | undefined
  after: string | undefined
}

/** Destination of a toast on the handset in its present state. */
export type ToastPreviewOutcome = 'banner' | 'in-app' | 'none'

export interface ToastPreview {
  kind: 'toast'
  app: AppDefinition
  toast: ToastPayload
  outcome: ToastPreviewOutcome
}

export interface TilePreview {
  kind: 'tile'
  app: AppDefinition
  /** Navigation URI of the secondary tile the payload's Id names; absent for the primary tile. */
  tileId?: string
  /** The tile as the handset shows it now, or undefined when no tile has the payload's Id. */
  before: TileState | undefined
  /** The tile once the update merged, which equals `before` when the handset drops the update. */
  after: TileState | undefined
  changes: TileFieldChange[]
  /** Remote image URLs the handset downloads before it shows the update. */
  remoteImages: string[]
  /** Lines the app log would gain: why the update is dropped, or which images are missing. */
  notes: string[]
}

export interface RawPreview {
  kind: 'raw'
  body: string
}

/** A payload the engine rejects, with the engine's message. */
export interface InvalidPreview {
  kind: 'invalid'
  message: string
}

export type PayloadPreview = ToastPreview | TilePreview | RawPreview | InvalidPreview

/** Delivery id of the notification the preview applies, which never reaches a handset. */
const PREVIEW_DELIVERY_ID = 'payload-preview'

const encoder = new TextEncoder()

/**
 * Builds the preview of a payload for one app on one handset. The payload is parsed by the
 * engine's parser and applied with the handset's own notification rules to a copy of its
 * state, so the store and the handset stay unchanged.
 */
export function buildPayloadPreview(input: PreviewInput): PayloadPreview {
  if (input.type === 'raw') {
    return { kind: 'raw', body: input.payload }
  }

  let payload: NotificationPayload
  try {
    payload = parsePreviewPayload(input.type, input.payload)
  } catch (error) {
    if (isMpnsError(error)) {
      return { kind: 'invalid', message: error.message }
    }
    throw error
  }

  const app = findApp(input.appId)
  if (app === undefined || input.handset.apps[input.appId]?.installed !== true) {
    return {
      kind: 'invalid',
      message: `App "${input.appId}" is not installed on ${input.handsetId}, so nothing would change. Install the app or choose another channel.`,
    }
  }

  const now = Date.now()
  const changes = applyNotificationToHandset(
    input.handset,
    toPreviewNotification(input, payload),
    now,
  )
  if (payload.type === 'toast') {
    return { kind: 'toast', app, toast: payload.toast, outcome: toToastOutcome(changes) }
  }
  if (payload.type === 'tile') {
    return toTilePreview({ app, input, update: payload.tile, changes, now })
  }
  return { kind: 'raw', body: input.payload }
}

/**
 * Lists the tile elements whose value differs between two tile states, in the order of the
 * MPNS schema. An element that `Action="Clear"` removed changes to undefined.
 */
export function listTileFieldChanges(
  before: TileState | undefined,
  after: TileState | undefined,
): TileFieldChange[] {
  const changes: TileFieldChange[] = []
  for (const field of TILE_FIELD_NAMES) {
    const previous = before?.fields[field]
    const next = after?.fields[field]
    if (previous !== next) {
      changes.push({ field, before: previous, after: next })
    }
  }
  return changes
}

/** Formats a change as `Count: 3 -> 5`, writing an element that is not set as `(not set)`. */
export function formatTileFieldChange(change: TileFieldChange): string {
  const before = change.before ?? '(not set)'
  const after = change.after ?? (change.before === undefined ? '(not set)' : '(cleared)')
  return `${change.field}: ${before} -> ${after}`
}

function parsePreviewPayload(type: 'toast' | 'tile', text: string): NotificationPayload {
  const root = parseXmlDocument(encoder.encode(text))
  // Sender warnings belong in the response, and the preview shows only what the handset draws.
  const warnings: SenderWarning[] = []
  if (type === 'toast') {
    return { type, toast: parseToastPayload(root, warnings) }
  }
  return { type, tile: parseTilePayload(root, warnings) }
}

function toPreviewNotification(
  input: PreviewInput,
  payload: NotificationPayload,
): QueuedNotification {
  return {
    deliveryId: PREVIEW_DELIVERY_ID,
    token: '',
    handsetId: input.handsetId,
    appId: input.appId,
    notificationClass: 0,
    acceptedAt: 0,
    dueAt: 0,
    payload,
  }
}

function toToastOutcome(changes: NotificationChanges): ToastPreviewOutcome {
  if (changes.toasts?.some((toast) => toast.id === PREVIEW_DELIVERY_ID) === true) {
    return 'banner'
  }
  return changes.apps === undefined ? 'none' : 'in-app'
}

interface TilePreviewContext {
  app: AppDefinition
  input: PreviewInput
  update: TilePayload
  changes: NotificationChanges
  now: number
}

/**
 * Reads the merged tile from the handset's changes. An update that waits for remote images is
 * merged as if every image passed the image proxy, which is what the handset then shows.
 */
function toTilePreview({ app, input, update, changes, now }: TilePreviewContext): TilePreview {
  const appsBefore = input.handset.apps
  const deferred = changes.deferredTileUpdate
  const appsAfter =
    deferred === undefined
      ? (changes.apps ?? appsBefore)
      : applyCheckedTileUpdate(appsBefore, deferred, { outcome: 'ok' }, now)

  const before = readTargetTile(appsBefore[input.appId], update.id)
  const after = readTargetTile(appsAfter[input.appId], update.id)
  const preview: TilePreview = {
    kind: 'tile',
    app,
    before,
    after,
    changes: listTileFieldChanges(before, after),
    remoteImages: deferred?.remoteImages.map((image) => image.uri) ?? [],
    notes: listNewLogTexts(appsBefore[input.appId], appsAfter[input.appId]),
  }
  if (update.id !== undefined) {
    preview.tileId = update.id
  }
  return preview
}

function readTargetTile(
  app: AppState | undefined,
  tileId: string | undefined,
): TileState | undefined {
  if (app === undefined) {
    return undefined
  }
  return tileId === undefined ? app.tile : app.secondaryTiles[tileId]
}

/** Returns the texts of log entries the update appended, which are new objects in the log. */
function listNewLogTexts(before: AppState | undefined, after: AppState | undefined): string[] {
  const previous = new Set<AppLogEntry>(before?.log ?? [])
  return (after?.log ?? []).filter((entry) => !previous.has(entry)).map((entry) => entry.text)
}
