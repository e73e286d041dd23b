import { useEffect, useRef } from 'react'
import type { KeyboardEvent, RefObject } from 'react'

import { useHandsetStoreApi } from '@/store/handset-context'

import { pressHardwareKey, toHardwareKey } from './handset-keys'

/**
 * Returns the keydown handler for the hardware key shortcuts (F1 Back, F2 Start, F3 Search,
 * F4 Power). It goes on the handset's root element, so each handset on the page handles only
 * the keys pressed inside it, and the root must be focusable (`tabIndex={-1}`). When a key or
 * tap removes the focused element, as turning the display off does, focus returns to the root
 * so that the shortcuts keep working.
 */
export function useHardwareKeyShortcuts(
  rootRef: RefObject<HTMLElement | null>,
): (event: KeyboardEvent<HTMLElement>) => void {
  const store = useHandsetStoreApi()
  const wasUsedLastRef = useRef(false)

  useEffect(() => {
    const trackLastUse = (event: Event) => {
      const root = rootRef.current
      wasUsedLastRef.current =
        root !== null && event.target instanceof Node && root.contains(event.target)
    }
    document.addEventListener('focusin', trackLastUse)
    document.addEventListener('pointerdown', trackLastUse)
    return () => {
      document.removeEventListener('focusin', trackLastUse)
      document.removeEventListener('pointerdown', trackLastUse)
    }
  }, [rootRef])

  useEffect(() => {
    const root = rootRef.current
    if (!root) {
      return undefined
    }
    // Removing the focused element moves focus to the body, so removals inside the handset
    // are watched and focus goes back to the handset.
    const observer = new MutationObserver(() => {
      const isFocusLost =
        document.activeElement === null || document.activeElement === document.body
      if (wasUsedLastRef.current && isFocusLost) {
        root.focus({ preventScroll: true })
      }
    })
    observer.observe(root, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [rootRef])

  return (event: KeyboardEvent<HTMLElement>) => {
    const key = toHardwareKey(event)
    if (key === undefined) {
      return
    }
    // F1 and F3 would otherwise open the browser's help and find bar.
    event.preventDefault()
    pressHardwareKey(store.getState(), key)
  }
}
