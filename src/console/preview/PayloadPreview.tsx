import { Suspense, lazy } from 'react'

import { useAfterFirstFrame } from '../use-after-first-frame'

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
