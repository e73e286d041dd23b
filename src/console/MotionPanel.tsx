import { useId } from 'react'

import { motionSettings, useMotionSettings } from '@/store/motion-settings'
import type { MotionModeSetting } from '@/store/motion-settings'

import styles from './DevConsole.module.css'
import { SelectField } from './SettingFields'

const MODE_OPTIONS: ReadonlyArray<{ value: MotionModeSetting; label: string }> = [
  { value: 'animated', label: 'Animated' },
  { value: 'reduced', label: 'Reduced motion' },
  { value: 'deterministic', label: 'Deterministic (step by step)' },
]

/** Renders the tile animation mode, and the step button of the deterministic mode. */
export function MotionPanel() {
  const headingId = useId()
  const mode = useMotionSettings((state) => state.mode)
  const tick = useMotionSettings((state) => state.tick)

  const handleModeChange = (value: string) => {
    const option = MODE_OPTIONS.find((candidate) => candidate.value === value)
    if (option) {
      motionSettings.getState().changeMode(option.value)
    }
  }

  return (
    <section aria-labelledby={headingId} className={styles.panel}>
      <h3 id={headingId} className={styles.panelTitle}>
        Motion
      </h3>
      <div className={styles.settingsGrid}>
        <SelectField
          label="Tile animation"
          hint="Deterministic mode flips and cycles tiles only when stepped, with no random timing."
          value={mode}
          options={MODE_OPTIONS}
          onChange={handleModeChange}
        />
        <button
          type="button"
          className={styles.send}
          disabled={mode !== 'deterministic'}
          onClick={() => motionSettings.getState().advanceTileAnimation()}
        >
          Advance tile animation
        </button>
        <p className={styles.hint}>Step {tick}</p>
      </div>
    </section>
  )
}
