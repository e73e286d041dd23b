import type { Transition, Variants } from 'framer-motion'

import type { RandomSource } from '@/lib/seeded-random'
import type { NavigationDirection } from '@/store/slices/device-model'

/**
 * Animation mode of the handset. `animated` runs every preset on timers. `reduced` swaps tile
 * faces and images on the same timers, without rotation or slide. `deterministic` runs no
 * timers and derives every tile position from a tick, for tests and screenshots.
 */
export type MotionMode = 'animated' | 'reduced' | 'deterministic'

/**
 * A press tilt: rotations in degrees and the push-in along Z in logical px (negative is away).
 * A type alias, not an interface, so framer-motion's `animate` prop accepts it as a target.
 */
export type TiltPose = {
  rotateX: number
  rotateY: number
  z: number
}

/** Press position on an element, measured from its top-left corner, with the element's size. */
export interface PressPoint {
  x: number
  y: number
  width: number
  height: number
}

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
// NOTE: no source gives the toast's entrance, so sliding down from the top over 250 ms is a guess.
const TOAST_SLIDE_MS = 250
/** A flicked toast leaves across the whole 480-logical-px screen width. */
const TOAST_FLICK_EXIT_X_PX = 480

// The real shell's flip interval is not published, and the Toolkit's HubTile imitation
// waits 0.1 to 3 s. The handset waits a random 4 to 7 s so each side stays readable.
const MIN_TILE_CHANGE_DELAY_MS = 4_000
const MAX_TILE_CHANGE_DELAY_MS = 7_000
// NOTE: the shell's stagger between tiles is not published. Up to 2 s before a tile's first
// change keeps tiles that appear together from turning in step.
const MAX_TILE_STAGGER_MS = 2_000
// NOTE: the Cycle tile's slide direction and speed are not documented. The new image slides up
// from the bottom edge over 800 ms, as the built-in Photos tile is commonly described.
const CYCLE_SLIDE_MS = 800

// Tilt numbers come from the Windows Phone Toolkit's TiltEffect. Rotation reaches 0.3 rad when
// the touch is at a corner, and the push-in reaches 25 px when it is at the centre. On release
// the element waits 200 ms, then returns to flat over 100 ms, linear.
const TILT_MAX_ANGLE_RAD = 0.3
const TILT_MAX_DEPTH_PX = 25
const TILT_RETURN_DELAY_MS = 200
const TILT_RETURN_MS = 100
/**
 * Distance of the viewer from the pressed element, for the perspective of the tilt.
 * NOTE: the Toolkit source does not give PlaneProjection's camera distance, so 1000 px is a guess.
 */
export const TILT_PERSPECTIVE_PX = 1_000

/** A tilt that leaves the element flat. */
export const FLAT_TILT_POSE: TiltPose = { rotateX: 0, rotateY: 0, z: 0 }
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

/** Direction a toast banner leaves in: up after its time or a tap, right when flicked away. */
export type ToastExitDirection = 'up' | 'right'

const TOAST_SLIDE_TRANSITION: Transition = {
  duration: TOAST_SLIDE_MS / 1000,
  ease: 'easeOut',
}

/** Cycle tile image change: the next image pushes the current one up and out of the tile. */
export const CYCLE_SLIDE_VARIANTS: Variants = {
  enter: { y: '100%' },
  center: {
    y: '0%',
    transition: { duration: CYCLE_SLIDE_MS / 1000, ease: 'easeInOut' },
  },
  exit: {
    y: '-100%',
    transition: { duration: CYCLE_SLIDE_MS / 1000, ease: 'easeInOut' },
  },
}

/** Tilt applied while pressed: the element follows the touch at once. */
export const TILT_PRESS_TRANSITION: Transition = { duration: 0 }

/** Tilt return on release: a 200 ms wait, then back to flat over 100 ms, linear. */
export const TILT_RELEASE_TRANSITION: Transition = {
  delay: TILT_RETURN_DELAY_MS / 1000,
  duration: TILT_RETURN_MS / 1000,
  ease: 'linear',
}

/** Picks the wait before a live tile's next flip or image change, in milliseconds. */
export function pickTileChangeDelayMs(random: RandomSource = Math.random): number {
  const range = MAX_TILE_CHANGE_DELAY_MS - MIN_TILE_CHANGE_DELAY_MS
  return MIN_TILE_CHANGE_DELAY_MS + Math.round(random() * range)
}

/** Picks the extra wait before a tile's first change, so tiles shown together drift apart. */
export function pickTileStaggerMs(random: RandomSource = Math.random): number {
  return Math.round(random() * MAX_TILE_STAGGER_MS)
}

/**
 * Returns the position a tile with `stepCount` positions shows at `tick` in deterministic
 * mode: the tick modulo the count, so a Flip tile (two positions) shows its back on odd ticks.
 */
export function toDeterministicStep(tick: number, stepCount: number): number {
  if (stepCount < 1 || !Number.isFinite(tick)) {
    return 0
  }
  const whole = Math.trunc(tick)
  return ((whole % stepCount) + stepCount) % stepCount
}

/**
 * Computes the press tilt for a touch, with the pressed side moving away from the viewer. Each
 * axis offset from the centre is scaled to [-0.5, 0.5]. Their absolute sum (0 at the centre,
 * 1 at a corner) sets the angle, which the axes share in proportion to their offsets. The
 * push-in shrinks as the angle grows.
 */
export function toTiltPose(press: PressPoint): TiltPose {
  if (press.width <= 0 || press.height <= 0) {
    return FLAT_TILT_POSE
  }

  const offsetX = clampUnit(press.x / press.width) - 0.5
  const offsetY = clampUnit(press.y / press.height) - 0.5
  const distance = Math.abs(offsetX) + Math.abs(offsetY)
  const angleDeg = (distance * TILT_MAX_ANGLE_RAD * 180) / Math.PI
  const shareX = distance === 0 ? 0 : Math.abs(offsetX) / distance

  // CSS rotateY(+) moves the right edge away, and rotateX(+) moves the top edge away.
  return {
    rotateX: -Math.sign(offsetY) * angleDeg * (1 - shareX),
    rotateY: Math.sign(offsetX) * angleDeg * shareX,
    z: -(1 - distance) * TILT_MAX_DEPTH_PX,
  }
}

function clampUnit(value: number): number {
  return Math.min(Math.max(value, 0), 1)
}

/**
 * Returns the mode the handset runs in: `animated` becomes `reduced` when the user's system
 * requests reduced motion, and the other modes stay as requested.
 */
export function toEffectiveMotionMode(
  requested: MotionMode,
  prefersReducedMotion: boolean,
): MotionMode {
  return requested === 'animated' && prefersReducedMotion ? 'reduced' : requested
}

/**
 * Toast banner keyed by exit direction, passed through AnimatePresence's `custom`: it slides
 * down from above the screen, and leaves upwards or to the right.
 */
export const TOAST_VARIANTS: Variants = {
  enter: { x: 0, y: '-100%' },
  center: { x: 0, y: 0, transition: TOAST_SLIDE_TRANSITION },
  exit: (direction: ToastExitDirection) =>
    direction === 'right'
      ? { x: TOAST_FLICK_EXIT_X_PX, transition: TOAST_SLIDE_TRANSITION }
      : { y: '-100%', opacity: 0, transition: TOAST_SLIDE_TRANSITION },
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
