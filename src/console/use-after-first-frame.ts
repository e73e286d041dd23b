import { useEffect, useState } from 'react'

/**
 * Turns true once the page has drawn its first frame after the component mounted. Panels that
 * are not needed to draw the Start screen wait for it, so that the handset takes taps sooner.
 */
export function useAfterFirstFrame(): boolean {
  const [drawn, setDrawn] = useState(false)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      // A task queued from the frame callback runs once that frame is painted.
      timer = setTimeout(() => setDrawn(true), 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [])
  return drawn
}
