import { useEffect, useId, useState } from 'react'

import { useConsoleStore } from '@/store/console-store'
import type { SendOption } from '@/store/slices/send-series-slice'
import { SEND_OPTION_LIMITS } from '@/store/slices/send-series-slice'

import styles from './SendOptions.module.css'

/** Refresh interval of the countdown shown, in real milliseconds. */
const COUNTDOWN_REFRESH_MS = 250
const MS_PER_SECOND = 1000

/** Renders the Send count and Delay in seconds fields that shape what Send does. */
export function SendOptions() {
  return (
    <div className={styles.options}>
      <SendOptionField option="sendCount" label="Send count" />
      <SendOptionField option="delaySeconds" label="Delay in seconds" />
    </div>
  )
}

/** Shows the countdown or the request in flight of a series, with its Cancel button. */
export function SendProgress() {
  const series = useConsoleStore((state) => state.series)
  const cancelSending = useConsoleStore((state) => state.cancelSending)
  const seriesNotice = useConsoleStore((state) => state.seriesNotice)
  const remainingSeconds = useRemainingSeconds(series?.countdownEndsAt)
  if (series === null) {
    return seriesNotice === null ? null : (
      <p role="status" aria-label="Send progress" className={styles.progress}>
        {seriesNotice}
      </p>
    )
  }

  const text =
    series.countdownEndsAt === undefined
      ? `Sending ${series.current} of ${series.total}`
      : `Sending in ${remainingSeconds} s`
  return (
    <div className={styles.progress}>
      <p role="status" aria-label="Send progress">
        {text}
      </p>
      <button type="button" className={styles.cancel} onClick={cancelSending}>
        Cancel
      </button>
    </div>
  )
}

function SendOptionField({ option, label }: { option: SendOption; label: string }) {
  const inputId = useId()
  const errorId = useId()
  const value = useConsoleStore((state) => state[option])
  const error = useConsoleStore((state) => state.sendOptionErrors[option])
  const chooseSendOption = useConsoleStore((state) => state.chooseSendOption)
  const [text, setText] = useState(String(value))
  const { min, max } = SEND_OPTION_LIMITS[option]

  return (
    <div className={styles.option}>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="number"
        min={min}
        max={max}
        step={1}
        value={text}
        aria-invalid={error !== undefined}
        aria-describedby={error === undefined ? undefined : errorId}
        onChange={(event) => {
          setText(event.target.value)
          chooseSendOption(option, event.target.value)
        }}
      />
      {error !== undefined && (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      )}
    </div>
  )
}

/** Returns the whole seconds left until `endsAt` (real epoch ms), refreshed while it runs. */
function useRemainingSeconds(endsAt: number | undefined): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (endsAt === undefined) {
      return
    }
    const tick = () => setNow(Date.now())
    // The first tick replaces the time read when the component mounted, before this countdown.
    const firstTick = setTimeout(tick, 0)
    const timer = setInterval(tick, COUNTDOWN_REFRESH_MS)
    return () => {
      clearTimeout(firstTick)
      clearInterval(timer)
    }
  }, [endsAt])
  return endsAt === undefined ? 0 : Math.max(0, Math.ceil((endsAt - now) / MS_PER_SECOND))
}
