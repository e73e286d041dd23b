import { Suspense, lazy, useEffect, useState } from 'react'

// The preview pulls in the tile components and the payload parser, so it loads after the first
// frame and stays out of the script the Start screen waits for.
const PayloadPreviewPanel = lazy(async () => ({
  default: (await import('./PayloadPreviewPanel')).PayloadPreviewPanel,
}))

/** Mounts the payload preview once the page has drawn its first frame. */
export function PayloadPreview() {
  const drawn = useAfterFirstFrame()
  if (!drawn) {
    return null
  }
  return (
    <Suspense fallback={null}>
      <PayloadPreviewPanel />
    </Suspense>
  )
}

function useAfterFirstFrame(): boolean {
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
