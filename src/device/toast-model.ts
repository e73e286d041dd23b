import type { ShownToast } from '@/store/slices/device-model'

/** How long a toast banner stays before it leaves on its own, in milliseconds. */
export const TOAST_VISIBLE_MS = 10_000

// A flick counts when the strip was dragged a quarter of the screen width or thrown fast.
const SWIPE_DISMISS_OFFSET_PX = 120
const SWIPE_DISMISS_VELOCITY_PX_PER_S = 600

/** Returns whether a drag that ended with this offset and velocity dismisses the banner. */
export function isDismissSwipe(offsetX: number, velocityX: number): boolean {
  return offsetX >= SWIPE_DISMISS_OFFSET_PX || velocityX >= SWIPE_DISMISS_VELOCITY_PX_PER_S
}

/**
 * Returns an accessible name for the banner's tap area when it shows no text, or undefined
 * when Text1 and Text2 name it.
 */
export function toEmptyToastLabel(toast: ShownToast, appName: string): string | undefined {
  return toast.text1 === '' && toast.text2 === '' ? `Open ${appName}` : undefined
}
