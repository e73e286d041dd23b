import type { Transition, Variants } from 'framer-motion'

import type { NavigationDirection } from '@/store/slices/device-model'

type Easing = (progress: number) => number

// Turnstile numbers come from the Windows Phone Toolkit's storyboards. The page turns about
// its left edge: forward in from -80° to 0 over 350 ms, forward out from 0 to 50° over 250 ms,
// and the mirror image going back. Easing is exponential with exponent 6.
const TURNSTILE_IN_MS = 350
const TURNSTILE_OUT_MS = 250
const TURNSTILE_EXPONENT = 6
const TURNSTILE_FADE_MS = 10

/**
 * Half a tile flip, one face turning 90° about the horizontal axis. A whole flip takes 600 ms,
 * a little faster than the Toolkit HubTile's 850 ms.
 */
const TILE_FLIP_HALF_MS = 300
const TOAST_SLIDE_MS = 250
// NOTE: the durations of the tray reveal and the lock screen's slide are not published.
const TRAY_SLIDE_MS = 200
const LOCK_SCREEN_EXIT_MS = 300

/** Creates an exponential ease-in, as Silverlight's ExponentialEase with this exponent. */
export function createExponentialEaseIn(exponent: number): Easing {
  const scale = Math.expm1(exponent)
  return (progress) => Math.expm1(exponent * progress) / scale
}

/** Creates the ease-out mirror of `createExponentialEaseIn`. */
export function createExponentialEaseOut(exponent: number): Easing {
  const easeIn = createExponentialEaseIn(exponent)
  return (progress) => 1 - easeIn(1 - progress)
}

const turnstileEaseIn = createExponentialEaseIn(TURNSTILE_EXPONENT)
const turnstileEaseOut = createExponentialEaseOut(TURNSTILE_EXPONENT)

const TURNSTILE_ENTER_ANGLE: Record<NavigationDirection, number> = {
  forward: -80,
  backward: 50,
}
const TURNSTILE_EXIT_ANGLE: Record<NavigationDirection, number> = {
  forward: 50,
  backward: -80,
}

/**
 * Page turnstile keyed by navigation direction, passed through AnimatePresence's `custom`.
 * The page stays opaque until 10 ms before the exit ends, and appears within 10 ms of entering.
 */
export const TURNSTILE_VARIANTS: Variants = {
  enter: (direction: NavigationDirection) => ({
    rotateY: TURNSTILE_ENTER_ANGLE[direction],
    opacity: 0,
  }),
  center: {
    rotateY: 0,
    opacity: 1,
    transition: {
      rotateY: { duration: TURNSTILE_IN_MS / 1000, ease: turnstileEaseOut },
      opacity: { duration: TURNSTILE_FADE_MS / 1000, ease: 'linear' },
    },
  },
  exit: (direction: NavigationDirection) => ({
    rotateY: TURNSTILE_EXIT_ANGLE[direction],
    opacity: [1, 1, 0],
    transition: {
      rotateY: { duration: TURNSTILE_OUT_MS / 1000, ease: turnstileEaseIn },
      opacity: {
        duration: TURNSTILE_OUT_MS / 1000,
        times: [0, (TURNSTILE_OUT_MS - TURNSTILE_FADE_MS) / TURNSTILE_OUT_MS, 1],
      },
    },
  }),
}

/** Tile face flip: the leaving face turns to 90°, the arriving one turns in from -90°. */
export const TILE_FLIP_VARIANTS: Variants = {
  enter: { rotateX: -90 },
  center: {
    rotateX: 0,
    transition: { duration: TILE_FLIP_HALF_MS / 1000, ease: 'easeOut' },
  },
  exit: {
    rotateX: 90,
    transition: { duration: TILE_FLIP_HALF_MS / 1000, ease: 'easeIn' },
  },
}

/** Toast banner: slides down from above the screen and back up when it leaves. */
export const TOAST_SLIDE_TRANSITION: Transition = {
  duration: TOAST_SLIDE_MS / 1000,
  ease: 'easeOut',
}

/** Status bar indicators: slide in from above when the tray is tapped, and back out. */
export const TRAY_REVEAL_TRANSITION: Transition = {
  duration: TRAY_SLIDE_MS / 1000,
  ease: 'easeOut',
}

/** Lock screen: slides up and off the screen when it unlocks. */
export const LOCK_SCREEN_EXIT_TRANSITION: Transition = {
  duration: LOCK_SCREEN_EXIT_MS / 1000,
  ease: 'easeOut',
}
