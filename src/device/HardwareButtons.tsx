import { logInfo } from '@/lib/log'
import { useHandsetStore } from '@/store/handset-context'

import styles from './Handset.module.css'

const BACK_ARROW = 'M20 12H6M11 6l-6 6 6 6'
const START_LOGO = 'M3 5l8-1v7.5H3zM12 3.9 21 2.5v9H12zM3 12.5h8V20l-8-1zM12 12.5h9v9l-9-1.4z'
const SEARCH_GLASS = 'M10 4a6 6 0 1 1 0 12 6 6 0 0 1 0-12zM14.5 14.5 20 20'

/** Renders the three capacitive keys under the screen: Back, Start and Search. */
export function HardwareButtons() {
  const goBack = useHandsetStore((state) => state.goBack)
  const goStart = useHandsetStore((state) => state.goStart)

  // TODO: the Search key opens Bing on a real handset; the emulator has no search to open.
  const handleSearch = () => logInfo('[app]', 'Search key pressed; search is not emulated.')

  return (
    <div className={styles.keys}>
      <button type="button" className={styles.key} aria-label="Back" onClick={goBack}>
        <KeyGlyph path={BACK_ARROW} />
      </button>
      <button type="button" className={styles.key} aria-label="Start" onClick={goStart}>
        <KeyGlyph path={START_LOGO} filled />
      </button>
      <button type="button" className={styles.key} aria-label="Search" onClick={handleSearch}>
        <KeyGlyph path={SEARCH_GLASS} />
      </button>
    </div>
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
