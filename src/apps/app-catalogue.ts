import { createJSONStorage, persist } from 'zustand/middleware'
import type { StateStorage } from 'zustand/middleware'
import { createStore } from 'zustand/vanilla'

import { APP_JSON_FORMAT, APP_JSON_VERSION, parseAppJson } from './app-json'
import type { AppDefinition } from './app-model'

/** Apps the user installed or imported, shared by every handset on the page and every tab. */
export interface AppCatalogue {
  customApps: AppDefinition[]
  /**
   * Adds an app, or replaces the custom app with the same id, as installing a new version of
   * an app does. An id that a sample app has is renamed (`-2`, `-3`...). Returns the app as
   * stored.
   */
  addCustomApp: (app: AppDefinition) => AppDefinition
}

/** localStorage key of the custom app list. */
export const APP_CATALOGUE_STORAGE_KEY = 'wp8-emulator:custom-apps'
const CATALOGUE_STORAGE_VERSION = 1
/** Custom apps the catalogue keeps; the oldest is dropped first. */
export const MAX_CUSTOM_APPS = 50

/** Creates the catalogue, persisted to `storage` (localStorage by default). */
export function createAppCatalogue(options: {
  reservedIds: readonly string[]
  storage?: StateStorage
}) {
  return createStore<AppCatalogue>()(
    persist(
      (set, get) => ({
        customApps: [],

        addCustomApp: (app) => {
          const customApps = get().customApps
          if (customApps.some((existing) => existing.id === app.id)) {
            const replacement: AppDefinition = { ...app, origin: 'custom' }
            set({
              customApps: customApps.map((existing) =>
                existing.id === app.id ? replacement : existing,
              ),
            })
            return replacement
          }

          const usedIds = new Set([
            ...options.reservedIds,
            ...customApps.map((existing) => existing.id),
          ])
          const stored: AppDefinition = { ...app, id: toFreeId(app.id, usedIds), origin: 'custom' }
          set({ customApps: [...customApps, stored].slice(-MAX_CUSTOM_APPS) })
          return stored
        },
      }),
      {
        name: APP_CATALOGUE_STORAGE_KEY,
        version: CATALOGUE_STORAGE_VERSION,
        storage: createJSONStorage(() => options.storage ?? window.localStorage),
        partialize: (state) => ({ customApps: state.customApps }),
        merge: (persisted, current) => ({
          ...current,
          customApps: restoreCustomApps(persisted, options.reservedIds),
        }),
      },
    ),
  )
}

/** Returns `id`, or `id-2`, `id-3`... whichever is not used yet. */
function toFreeId(id: string, usedIds: ReadonlySet<string>): string {
  if (!usedIds.has(id)) {
    return id
  }
  let suffix = 2
  while (usedIds.has(`${id}-${suffix}`)) {
    suffix += 1
  }
  return `${id}-${suffix}`
}

/**
 * Restores stored custom apps through the app file parser, so each one is checked field by
 * field as an imported file is. Invalid apps and ids that clash are dropped.
 */
function restoreCustomApps(persisted: unknown, reservedIds: readonly string[]): AppDefinition[] {
  const stored =
    typeof persisted === 'object' && persisted !== null && 'customApps' in persisted
      ? persisted.customApps
      : []
  if (!Array.isArray(stored)) {
    return []
  }

  const usedIds = new Set(reservedIds)
  const apps: AppDefinition[] = []
  for (const candidate of stored.slice(-MAX_CUSTOM_APPS)) {
    const file = { format: APP_JSON_FORMAT, version: APP_JSON_VERSION, app: candidate as unknown }
    const result = parseAppJson(JSON.stringify(file))
    if (result.ok && !usedIds.has(result.app.id)) {
      usedIds.add(result.app.id)
      apps.push({ ...result.app, origin: 'custom' })
    }
  }
  return apps
}
