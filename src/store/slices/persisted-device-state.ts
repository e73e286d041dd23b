import type { TileState } from '@/mpns/tile-state'
import type { TileFieldName } from '@/mpns/types'

import type { DeviceStore } from '../device-store'
import { MAX_APPLIED_DELIVERY_IDS, MAX_LOG_ENTRIES, MAX_QUEUED_TOASTS } from './device-model'
import type { AppLogEntry, AppState, PermissionAnswer, ShownToast } from './device-model'

/** The part of the handset that survives a reload. Navigation starts again on Start. */
export type PersistedDeviceState = Pick<DeviceStore, 'apps' | 'toasts' | 'appliedDeliveryIds'>

const PERMISSION_ANSWERS: readonly string[] = [
  'unasked',
  'allowed',
  'declined',
] satisfies PermissionAnswer[]
const LOG_KINDS: readonly string[] = ['raw', 'toast', 'info'] satisfies AppLogEntry['kind'][]

/** Selects the state written to storage. */
export function toPersistedDeviceState(state: DeviceStore): PersistedDeviceState {
  return {
    apps: state.apps,
    toasts: state.toasts,
    appliedDeliveryIds: state.appliedDeliveryIds,
  }
}

/**
 * Merges stored state into a fresh store. Storage is outside the app's control, so every
 * value is checked: an invalid field keeps its fresh value, apps no longer installed are
 * dropped and newly installed apps keep their initial state.
 */
export function mergePersistedDeviceState(persisted: unknown, current: DeviceStore): DeviceStore {
  if (!isRecord(persisted)) {
    return current
  }

  const apps: Record<string, AppState> = {}
  const storedApps = isRecord(persisted.apps) ? persisted.apps : {}
  for (const [appId, fresh] of Object.entries(current.apps)) {
    apps[appId] = restoreAppState(storedApps[appId], fresh)
  }

  const toasts = Array.isArray(persisted.toasts)
    ? persisted.toasts.filter((toast): toast is ShownToast => isShownToast(toast, apps))
    : current.toasts
  const appliedDeliveryIds = Array.isArray(persisted.appliedDeliveryIds)
    ? persisted.appliedDeliveryIds.filter((id): id is string => typeof id === 'string')
    : current.appliedDeliveryIds

  return {
    ...current,
    apps,
    toasts: toasts.slice(-MAX_QUEUED_TOASTS),
    appliedDeliveryIds: appliedDeliveryIds.slice(-MAX_APPLIED_DELIVERY_IDS),
  }
}

function restoreAppState(stored: unknown, fresh: AppState): AppState {
  if (!isRecord(stored)) {
    return fresh
  }

  const restored: AppState = {
    permission: isOneOf(stored.permission, PERMISSION_ANSWERS)
      ? (stored.permission as PermissionAnswer)
      : fresh.permission,
    launched: typeof stored.launched === 'boolean' ? stored.launched : fresh.launched,
    log: Array.isArray(stored.log)
      ? stored.log.filter(isAppLogEntry).slice(-MAX_LOG_ENTRIES)
      : fresh.log,
    tile: restoreTileState(stored.tile, fresh.tile),
  }
  if (typeof stored.channelUri === 'string') {
    restored.channelUri = stored.channelUri
  }
  return restored
}

function restoreTileState(stored: unknown, fresh: TileState): TileState {
  // The primary tile's template is fixed by the manifest, so stored state of another
  // template belongs to an older app version and is discarded.
  if (!isRecord(stored) || stored.template !== fresh.template || !isRecord(stored.fields)) {
    return fresh
  }
  const fields: Partial<Record<TileFieldName, string>> = {}
  for (const [name, value] of Object.entries(stored.fields)) {
    if (typeof value === 'string') {
      fields[name as TileFieldName] = value
    }
  }
  return { template: fresh.template, fields }
}

function isAppLogEntry(value: unknown): value is AppLogEntry {
  return (
    isRecord(value) &&
    isOneOf(value.kind, LOG_KINDS) &&
    typeof value.text === 'string' &&
    typeof value.time === 'number'
  )
}

function isShownToast(value: unknown, apps: Record<string, AppState>): boolean {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.appId === 'string' &&
    value.appId in apps &&
    typeof value.text1 === 'string' &&
    typeof value.text2 === 'string' &&
    (value.param === undefined || typeof value.param === 'string')
  )
}

function isOneOf(value: unknown, allowed: readonly string[]): boolean {
  return typeof value === 'string' && allowed.includes(value)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
