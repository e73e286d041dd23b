import { MotionGlobalConfig } from 'framer-motion'
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'

import { DEV_CONSOLE_ID, DevConsole } from './console/DevConsole'
import { Handset } from './device/Handset'
import { MotionModeProvider } from './device/motion-mode'
import styles from './App.module.css'
import { HandsetStoreProvider } from './store/handset-context'
import { MAX_HANDSETS, handsetRegistry, useHandsetRegistry } from './store/handset-registry'
import { getHandsetStore, removeHandset } from './store/handset-runtime'
import { useMotionSettings } from './store/motion-settings'
import { pageTheme, usePageTheme } from './store/page-theme'
import type { PageThemeSetting } from './store/page-theme'

/** Renders the emulator page: up to four handsets side by side, and the developer console. */
export function App() {
  const handsetIds = useHandsetRegistry(
    useShallow((state) => state.handsets.map((handset) => handset.id)),
  )
  const canAdd = handsetIds.length < MAX_HANDSETS
  const canRemove = handsetIds.length > 1
  const motion = useMotionSettings(
    useShallow((state) => ({ mode: state.mode, seed: state.seed, tick: state.tick })),
  )

  // Deterministic mode finishes every framer-motion animation at once, page turns and toast
  // slides included, so a screenshot never catches a frame in between.
  useEffect(() => {
    MotionGlobalConfig.skipAnimations = motion.mode === 'deterministic'
  }, [motion.mode])

  const themeSetting = usePageTheme((state) => state.setting)

  const handleAdd = () => {
    handsetRegistry.getState().addHandset()
  }

  return (
    <main className={styles.layout}>
      <a className={styles.skipLink} href={`#${DEV_CONSOLE_ID}`}>
        Skip to the developer console
      </a>
      <div className={styles.header}>
        <h1 className={styles.heading}>Windows Phone 8 push emulator</h1>
        <button type="button" className={styles.action} onClick={handleAdd} disabled={!canAdd}>
          Add handset
        </button>
        <label className={styles.themePicker}>
          <span>Page theme</span>
          <select
            value={themeSetting}
            onChange={(event) =>
              pageTheme.getState().chooseTheme(event.target.value as PageThemeSetting)
            }
          >
            <option value="system">Same as the system</option>
            <option value="dark">Dark</option>
            <option value="light">Light</option>
          </select>
        </label>
      </div>
      <div className={styles.workspace}>
        <MotionModeProvider mode={motion.mode} seed={motion.seed} tick={motion.tick}>
          <div className={styles.handsets}>
            {handsetIds.map((handsetId) => (
              <HandsetStoreProvider key={handsetId} store={getHandsetStore(handsetId)}>
                <Handset
                  handsetId={handsetId}
                  onRemove={canRemove ? () => removeHandset(handsetId) : undefined}
                />
              </HandsetStoreProvider>
            ))}
          </div>
        </MotionModeProvider>
        <DevConsole />
      </div>
    </main>
  )
}
