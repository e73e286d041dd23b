import { useEffect, useState } from 'react'

// The clocks show minutes, so a 15 s refresh is late by at most 15 s.
const CLOCK_REFRESH_MS = 15_000

/** Returns the current time, refreshed every 15 seconds while the component is mounted. */
export function useClock(): Date {
  const [now, setNow] = useState(() => new Date())

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), CLOCK_REFRESH_MS)
    return () => clearInterval(timer)
  }, [])

  return now
}
