import { useEffect, useId, useState } from 'react'
import type { FormEvent } from 'react'

import type { EngineClockSnapshot } from '@/messaging/messages'
import { readEngineClock } from '@/mpns/clock'
import { useConsoleStore } from '@/store/console-store'

import styles from './DevConsole.module.css'
import { CLOCK_SPEEDS, formatClockSpeed, formatEngineTime } from './engine-settings-model'
import { SelectField } from './SettingFields'

/** Refresh interval of the engine time shown, in real milliseconds. */
const ENGINE_TIME_REFRESH_MS = 500
const DEFAULT_ADVANCE_MINUTES = '60'

/** Renders the engine clock: engine time in UTC, its speed, and a jump forward. */
export function EngineClockPanel() {
  const headingId = useId()
  const clock = useConsoleStore((state) => state.clock)

  return (
    <section aria-labelledby={headingId} className={styles.subpanel}>
      <h4 id={headingId} className={styles.panelTitle}>
        Engine clock
      </h4>
      {clock === null ? (
        <p className={styles.hint}>Waiting for the service worker to send the engine clock.</p>
      ) : (
        <ClockControls snapshot={clock} />
      )}
    </section>
  )
}

function ClockControls({ snapshot }: { snapshot: EngineClockSnapshot }) {
  const engineNow = useEngineNow(snapshot)
  const errors = useConsoleStore((state) => state.clockErrors)
  const changeClockSpeed = useConsoleStore((state) => state.changeClockSpeed)
  const advanceClock = useConsoleStore((state) => state.advanceClock)
  const [minutes, setMinutes] = useState(DEFAULT_ADVANCE_MINUTES)
  const minutesId = useId()
  const minutesErrorId = useId()
  const engineTimeLabelId = useId()

  const { speed } = snapshot.clock
  const speedOptions = CLOCK_SPEEDS.includes(speed) ? CLOCK_SPEEDS : [...CLOCK_SPEEDS, speed]
  const handleAdvance = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    void advanceClock(minutes)
  }

  return (
    <div className={styles.form}>
      <p className={styles.engineTime}>
        <span id={engineTimeLabelId}>Engine time</span>{' '}
        <output role="status" aria-labelledby={engineTimeLabelId}>
          {formatEngineTime(engineNow)}
        </output>
      </p>
      <div className={styles.settingsGrid}>
        <SelectField
          label="Clock speed"
          value={String(speed)}
          options={speedOptions.map((option) => ({
            value: String(option),
            label: formatClockSpeed(option),
          }))}
          error={errors.speed}
          onChange={(value) => void changeClockSpeed(Number(value))}
        />
        <form className={styles.row} onSubmit={handleAdvance}>
          <div className={styles.setting}>
            <label htmlFor={minutesId}>Advance by minutes</label>
            <input
              id={minutesId}
              type="number"
              value={minutes}
              aria-describedby={errors.advance === undefined ? undefined : minutesErrorId}
              aria-invalid={errors.advance !== undefined}
              onChange={(event) => setMinutes(event.target.value)}
            />
          </div>
          <button type="submit">Advance clock</button>
        </form>
      </div>
      {errors.advance !== undefined && (
        <p id={minutesErrorId} className={styles.fieldError}>
          {errors.advance}
        </p>
      )}
    </div>
  )
}

/**
 * Returns engine time, refreshed every ENGINE_TIME_REFRESH_MS. It never shows less than the
 * snapshot's own engine time, so a jump forward shows at once rather than on the next tick.
 */
function useEngineNow(snapshot: EngineClockSnapshot): number {
  const [realNow, setRealNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setRealNow(Date.now()), ENGINE_TIME_REFRESH_MS)
    return () => clearInterval(timer)
  }, [])
  return Math.max(readEngineClock(snapshot.clock, realNow), snapshot.engineNow)
}
