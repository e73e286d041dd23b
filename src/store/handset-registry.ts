import { createStore } from 'zustand/vanilla'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { StateStorage } from 'zustand/middleware'
import { useStore } from 'zustand'

import { ACCENT_COLORS, DEFAULT_ACCENT, DEVICE_MODELS, OS_VERSIONS } from './slices/handset-profile'
import type { HandsetProfile, Theme } from './slices/handset-profile'

/** The handsets on the page, in the order they are drawn, with each one's look and OS. */
export interface HandsetRegistry {
  handsets: HandsetProfile[]
  /** Adds a handset with the lowest free number, unless the page already has the maximum. */
  addHandset: () => HandsetProfile | undefined
  /** Removes a handset unless it is the last one. */
  removeHandset: (handsetId: string) => void
  /** Gives a handset another name; a blank name or one longer than 40 characters is ignored. */
  renameHandset: (handsetId: string, name: string) => void
  /** Changes a handset's model, OS version, theme or accent colour. */
  updateHandset: (
    handsetId: string,
    changes: Partial<Pick<HandsetProfile, 'model' | 'osVersion' | 'theme' | 'accent'>>,
  ) => void
}

/** Handsets one page shows side by side. */
export const MAX_HANDSETS = 4
/** localStorage key of the handset list, shared by every tab of the emulator. */
export const HANDSET_REGISTRY_STORAGE_KEY = 'wp8-emulator:handsets'
const REGISTRY_STORAGE_VERSION = 1

const THEMES: readonly string[] = ['dark', 'light'] satisfies Theme[]
const MAX_HANDSET_NAME_LENGTH = 40

/** Creates the registry, persisted to `storage` (localStorage by default). */
export function createHandsetRegistry(storage?: StateStorage) {
  return createStore<HandsetRegistry>()(
    persist(
      (set, get) => ({
        handsets: [createHandsetProfile(1)],

        addHandset: () => {
          const { handsets } = get()
          if (handsets.length >= MAX_HANDSETS) {
            return undefined
          }
          const profile = createHandsetProfile(lowestFreeNumber(handsets))
          set({ handsets: [...handsets, profile] })
          return profile
        },

        removeHandset: (handsetId) => {
          const { handsets } = get()
          if (handsets.length <= 1 || !handsets.some((handset) => handset.id === handsetId)) {
            return
          }
          set({ handsets: handsets.filter((handset) => handset.id !== handsetId) })
        },

        renameHandset: (handsetId, name) => {
          if (!isHandsetName(name)) {
            return
          }
          set((state) => ({
            handsets: state.handsets.map((handset) =>
              handset.id === handsetId ? { ...handset, name } : handset,
            ),
          }))
        },

        updateHandset: (handsetId, changes) => {
          set((state) => ({
            handsets: state.handsets.map((handset) =>
              handset.id === handsetId ? { ...handset, ...changes } : handset,
            ),
          }))
        },
      }),
      {
        name: HANDSET_REGISTRY_STORAGE_KEY,
        version: REGISTRY_STORAGE_VERSION,
        storage: createJSONStorage(() => storage ?? window.localStorage),
        partialize: (state) => ({ handsets: state.handsets }),
        merge: (persisted, current) => ({
          ...current,
          handsets: restoreHandsets(persisted, current),
        }),
      },
    ),
  )
}

/** Creates the profile of handset number `number`: WVGA, Update 3, dark theme, cobalt. */
export function createHandsetProfile(number: number): HandsetProfile {
  return {
    id: `handset-${number}`,
    name: `Handset ${number}`,
    model: 'wvga',
    osVersion: '8.0-update3',
    theme: 'dark',
    accent: DEFAULT_ACCENT,
  }
}

export const handsetRegistry = createHandsetRegistry()

if (typeof window !== 'undefined') {
  // Another tab added, removed or restyled a handset.
  window.addEventListener('storage', (event) => {
    if (event.key === HANDSET_REGISTRY_STORAGE_KEY) {
      void handsetRegistry.persist.rehydrate()
    }
  })
}

/** Selects from the page's handset registry. */
export function useHandsetRegistry<T>(selector: (state: HandsetRegistry) => T): T {
  return useStore(handsetRegistry, selector)
}

/** Returns a selector of one handset's profile, which keeps its identity until it changes. */
export function selectHandsetProfile(
  handsetId: string,
): (state: HandsetRegistry) => HandsetProfile | undefined {
  return (state) => state.handsets.find((handset) => handset.id === handsetId)
}

function lowestFreeNumber(handsets: readonly HandsetProfile[]): number {
  const usedIds = new Set(handsets.map((handset) => handset.id))
  let number = 1
  while (usedIds.has(`handset-${number}`)) {
    number += 1
  }
  return number
}

/**
 * Restores the stored handset list. Storage is outside the app's control, so each profile is
 * checked field by field, duplicates and extras are dropped, and an empty list keeps the default.
 */
function restoreHandsets(persisted: unknown, current: HandsetRegistry): HandsetProfile[] {
  const stored = isRecord(persisted) && Array.isArray(persisted.handsets) ? persisted.handsets : []
  const handsets: HandsetProfile[] = []
  for (const candidate of stored) {
    const profile = restoreProfile(candidate)
    if (profile && !handsets.some((handset) => handset.id === profile.id)) {
      handsets.push(profile)
    }
  }
  return handsets.length > 0 ? handsets.slice(0, MAX_HANDSETS) : current.handsets
}

function restoreProfile(value: unknown): HandsetProfile | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || !/^handset-\d{1,2}$/.test(value.id)) {
    return undefined
  }
  const fresh = createHandsetProfile(Number(value.id.slice('handset-'.length)))
  return {
    ...fresh,
    name: isHandsetName(value.name) ? value.name : fresh.name,
    model:
      oneOf(
        value.model,
        DEVICE_MODELS.map((model) => model.id),
      ) ?? fresh.model,
    osVersion:
      oneOf(
        value.osVersion,
        OS_VERSIONS.map((version) => version.id),
      ) ?? fresh.osVersion,
    theme: (oneOf(value.theme, THEMES) as Theme | undefined) ?? fresh.theme,
    accent:
      oneOf(
        value.accent,
        ACCENT_COLORS.map((color) => color.name),
      ) ?? fresh.accent,
  }
}

function isHandsetName(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_HANDSET_NAME_LENGTH
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
