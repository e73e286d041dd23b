import type { StateCreator } from 'zustand'

import type { AppDefinition } from '@/apps/app-model'
import { findApp } from '@/apps/sample-apps'
import type { TileState } from '@/mpns/tile-state'

import type { DeviceStore } from '../device-store'

export interface LockScreenSlice {
  /** App whose primary tile text the lock screen shows as its detailed status, or null. */
  detailedStatusAppId: string | null
  /** Apps in the five quick-status slots, left to right, with null for an empty slot. */
  quickStatusAppIds: Array<string | null>
  /**
   * Chooses the detailed-status app, or none with null. An app whose manifest does not
   * declare `LockScreen_Notification_TextField`, or that is not installed, is ignored.
   */
  chooseDetailedStatusApp: (appId: string | null) => void
  /**
   * Puts an app in a quick-status slot (0 to 4), or empties it with null. An app already in
   * another slot moves. Apps without `LockScreen_Notification_IconCount` are ignored.
   */
  chooseQuickStatusApp: (slot: number, appId: string | null) => void
}

export type PersistedLockScreenState = Pick<
  LockScreenSlice,
  'detailedStatusAppId' | 'quickStatusAppIds'
>

/** Lines of detailed-status text the lock screen shows, like the wide tile's three rows. */
export const MAX_DETAILED_STATUS_LINES = 3

/** Quick-status slots on the WP8 lock screen. */
export const QUICK_STATUS_SLOT_COUNT = 5

const EMPTY_QUICK_STATUS: ReadonlyArray<string | null> = Array.from(
  { length: QUICK_STATUS_SLOT_COUNT },
  () => null,
)

export const createLockScreenSlice: StateCreator<DeviceStore, [], [], LockScreenSlice> = (
  set,
  get,
) => ({
  detailedStatusAppId: null,
  quickStatusAppIds: [...EMPTY_QUICK_STATUS],

  chooseDetailedStatusApp: (appId) => {
    if (appId !== null && !isChoosable(get(), appId, canShowDetailedStatus)) {
      return
    }
    if (get().detailedStatusAppId !== appId) {
      set({ detailedStatusAppId: appId })
    }
  },

  chooseQuickStatusApp: (slot, appId) => {
    const isSlot = Number.isInteger(slot) && slot >= 0 && slot < QUICK_STATUS_SLOT_COUNT
    if (!isSlot || (appId !== null && !isChoosable(get(), appId, canShowQuickStatus))) {
      return
    }
    const current = get().quickStatusAppIds
    if (current[slot] === appId) {
      return
    }
    const next = current.map((id, index) => {
      if (index === slot) {
        return appId
      }
      return id === appId ? null : id
    })
    set({ quickStatusAppIds: next })
  },
})

/** Returns whether the app's manifest lets the user show its count on the lock screen. */
export function canShowQuickStatus(app: AppDefinition): boolean {
  return app.lockScreen.iconCount
}

/** Returns whether the app's manifest lets the user show its tile text on the lock screen. */
export function canShowDetailedStatus(app: AppDefinition): boolean {
  return app.lockScreen.textField
}

/**
 * Restores the stored lock screen choices. Ids that are not strings become empty slots, and
 * the slot list is cut or padded to five. Whether an app may still be shown is checked when
 * the lock screen is drawn.
 */
export function restoreLockScreenState(
  stored: Record<string, unknown>,
  current: PersistedLockScreenState,
): PersistedLockScreenState {
  const detailedStatusAppId =
    typeof stored.detailedStatusAppId === 'string' || stored.detailedStatusAppId === null
      ? stored.detailedStatusAppId
      : current.detailedStatusAppId
  const storedSlots: unknown = stored.quickStatusAppIds
  if (!Array.isArray(storedSlots)) {
    return { detailedStatusAppId, quickStatusAppIds: current.quickStatusAppIds }
  }
  const quickStatusAppIds = EMPTY_QUICK_STATUS.map((_, index): string | null => {
    const id: unknown = storedSlots[index]
    return typeof id === 'string' ? id : null
  })
  return { detailedStatusAppId, quickStatusAppIds }
}

/**
 * Returns the text a primary tile gives the lock screen: an Iconic tile's WideContent1 to 3,
 * a Flip tile's WideBackContent, a legacy tile's BackContent, and nothing for a Cycle tile.
 * Blank lines are dropped and at most three lines are kept.
 */
export function toTileStatusLines(tile: TileState): string[] {
  const { fields } = tile
  let lines: Array<string | undefined>
  switch (tile.template) {
    case 'IconicTile':
      lines = [fields.WideContent1, fields.WideContent2, fields.WideContent3]
      break
    case 'FlipTile':
      // NOTE: Microsoft's docs do not name the Flip field the lock screen reads. The book
      // "Windows Phone 8 Unleashed" names WideBackContent, which the emulator follows.
      lines = splitLines(fields.WideBackContent)
      break
    case 'Legacy':
      lines = splitLines(fields.BackContent)
      break
    case 'CycleTile':
      lines = []
      break
  }
  return lines
    .filter((line): line is string => line !== undefined && line.trim() !== '')
    .slice(0, MAX_DETAILED_STATUS_LINES)
}

function isChoosable(
  state: DeviceStore,
  appId: string,
  isAllowed: (app: AppDefinition) => boolean,
): boolean {
  const app = findApp(appId)
  return app !== undefined && state.apps[appId]?.installed === true && isAllowed(app)
}

function splitLines(text: string | undefined): string[] {
  return text === undefined ? [] : text.split(/\r\n|\r|\n/)
}
