import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'

/** Colours of the page around the handsets: the console, the header and the background. */
export type PageThemeSetting = 'system' | 'light' | 'dark'

export interface PageTheme {
  setting: PageThemeSetting
  chooseTheme: (setting: PageThemeSetting) => void
}

/** Storage key of the chosen page theme. The handset's phone theme is a separate setting of each handset. */
export const PAGE_THEME_STORAGE_KEY = 'wp8-emulator.page-theme'

const SETTINGS: readonly string[] = ['system', 'light', 'dark']

/**
 * Creates the page theme from the value in `storage`, or `system` when it contains no valid value.
 * Each choice is written to `storage` and passed to `applyTheme`, which sets the document's `data-theme`.
 */
export function createPageTheme(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
  applyTheme: (setting: PageThemeSetting) => void,
) {
  const stored = readStored(storage)
  applyTheme(stored)
  return createStore<PageTheme>()((set) => ({
    setting: stored,
    chooseTheme: (setting) => {
      applyTheme(setting)
      try {
        storage?.setItem(PAGE_THEME_STORAGE_KEY, setting)
      } catch {
        // A private window may reject storage. Then the choice lasts until the page reloads.
      }
      set({ setting })
    },
  }))
}

function readStored(storage: Pick<Storage, 'getItem'> | undefined): PageThemeSetting {
  try {
    const value = storage?.getItem(PAGE_THEME_STORAGE_KEY) ?? 'system'
    return SETTINGS.includes(value) ? (value as PageThemeSetting) : 'system'
  } catch {
    return 'system'
  }
}

const LIGHT_PREFERENCE_QUERY = '(prefers-color-scheme: light)'

/**
 * The theme of this page. `system` follows the operating system's light or dark preference, also
 * when it changes while the page is open.
 */
export const pageTheme = createPageTheme(
  typeof window === 'undefined' ? undefined : window.localStorage,
  applyToDocument,
)

if (typeof window !== 'undefined' && typeof window.matchMedia === 'function') {
  window.matchMedia(LIGHT_PREFERENCE_QUERY).addEventListener('change', () => {
    applyToDocument(pageTheme.getState().setting)
  })
}

function applyToDocument(setting: PageThemeSetting): void {
  if (typeof document === 'undefined') {
    return
  }
  const prefersLight =
    typeof window.matchMedia === 'function' && window.matchMedia(LIGHT_PREFERENCE_QUERY).matches
  let resolved: 'light' | 'dark' = prefersLight ? 'light' : 'dark'
  if (setting !== 'system') {
    resolved = setting
  }
  document.documentElement.dataset.theme = resolved
}

/** Selects from the page theme. */
export function usePageTheme<T>(selector: (state: PageTheme) => T): T {
  return useStore(pageTheme, selector)
}
