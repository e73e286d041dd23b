import { Suspense, lazy } from 'react'
import type { ComponentType } from 'react'

import { useAfterFirstFrame } from './use-after-first-frame'

/**
 * Wraps a component that `load` imports on demand, so that it renders nothing until the page has
 * drawn its first frame and the import has finished. Console parts that the Start screen does not
 * need load this way, which keeps them out of the script the handset waits for.
 */
export function loadAfterFirstFrame<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): ComponentType<Props> {
  const Loaded = lazy(async () => ({ default: await load() }))
  return function AfterFirstFrame(props: Props) {
    const drawn = useAfterFirstFrame()
    if (!drawn) {
      return null
    }
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    )
  }
}
