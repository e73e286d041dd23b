import { useHandsetStoreApi } from '@/store/handset-context'

import { HARDWARE_KEY_SHORTCUTS, pressHardwareKey } from './handset-keys'
import type { HardwareKey } from './handset-keys'
import styles from './Handset.module.css'

const BACK_ARROW = 'M20 12H6M11 6l-6 6 6 6'
const START_LOGO = 'M3 5l8-1v7.5H3zM12 3.9 21 2.5v9H12zM3 12.5h8V20l-8-1zM12 12.5h9v9l-9-1.4z'
const SEARCH_GLASS = 'M10 4a6 6 0 1 1 0 12 6 6 0 0 1 0-12zM14.5 14.5 20 20'

/**
 * Renders the three capacitive keys under the screen: Back, Start and Search. They do nothing
 * while the display is off or locked.
 */
export function HardwareButtons() {
  const store = useHandsetStoreApi()
  const press = (key: HardwareKey) => pressHardwareKey(store.getState(), key)

  return (
    <div className={styles.keys}>
      <button
        type="button"
        className={styles.key}
        aria-label="Back"
        aria-keyshortcuts={HARDWARE_KEY_SHORTCUTS.back}
        onClick={() => press('back')}
      >
        <KeyGlyph path={BACK_ARROW} />
      </button>
      <button
        type="button"
        className={styles.key}
        aria-label="Start"
        aria-keyshortcuts={HARDWARE_KEY_SHORTCUTS.start}
        onClick={() => press('start')}
      >
        <KeyGlyph path={START_LOGO} filled />
      </button>
      <button
        type="button"
        className={styles.key}
        aria-label="Search"
        aria-keyshortcuts={HARDWARE_KEY_SHORTCUTS.search}
        onClick={() => press('search')}
      >
        <KeyGlyph path={SEARCH_GLASS} />
      </button>
    </div>
  )
}

/** Renders the Power button on the handset's right side, outside the screen. */
export function PowerButton() {
  const store = useHandsetStoreApi()
  const shortcut = HARDWARE_KEY_SHORTCUTS.power

  return (
    <button
      type="button"
      className={styles.power}
      aria-label="Power"
      aria-keyshortcuts={shortcut}
      title={`Power (${shortcut})`}
      onClick={() => pressHardwareKey(store.getState(), 'power')}
    />
  )
}

function KeyGlyph({ path, filled = false }: { path: string; filled?: boolean }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={path}
        fill={filled ? 'currentColor' : 'none'}
        stroke={filled ? 'none' : 'currentColor'}
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}
