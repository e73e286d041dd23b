import { toAppFileKey } from '@/apps/app-model'
import type { AppDefinition } from '@/apps/app-model'
import type { ShownToast, ToastSound } from '@/store/slices/device-model'

/** Text of a banner as it is drawn: the bold title and the regular content after it. */
export interface ToastLine {
  title: string
  content: string
}

/** A pointer position in CSS pixels of the page. */
export interface ScreenPoint {
  x: number
  y: number
}

/**
 * How long a toast banner stays before it leaves on its own, in milliseconds. The time runs
 * whether or not the banner can be seen, so a toast that arrives while the display is off is
 * gone after it.
 */
export const TOAST_VISIBLE_MS = 10_000

// A flick counts when the strip was dragged a quarter of the screen width or thrown fast.
const SWIPE_DISMISS_OFFSET_PX = 120
const SWIPE_DISMISS_VELOCITY_PX_PER_S = 600
/** Pointer travel between press and click, in CSS pixels, beyond which a click is a drag's end. */
const TAP_SLOP_PX = 6

const LINE_BREAKS = /[\r\n]+/g

/** Returns whether a drag that ended with this offset and velocity dismisses the banner. */
export function isDismissSwipe(offsetX: number, velocityX: number): boolean {
  return offsetX >= SWIPE_DISMISS_OFFSET_PX || velocityX >= SWIPE_DISMISS_VELOCITY_PX_PER_S
}

/** Returns whether the pointer travelled far enough between press and click to be a drag. */
export function hasMovedSincePress(press: ScreenPoint, release: ScreenPoint): boolean {
  return Math.hypot(release.x - press.x, release.y - press.y) > TAP_SLOP_PX
}

/**
 * Returns an accessible name for the banner's tap area when it shows no text, or undefined
 * when Text1 and Text2 name it.
 */
export function toEmptyToastLabel(toast: ShownToast, appName: string): string | undefined {
  return toast.text1 === '' && toast.text2 === '' ? `Open ${appName}` : undefined
}

/** Converts Text1 and Text2 to the banner's single line, with each line break drawn as a space. */
export function toToastLine(toast: Pick<ShownToast, 'text1' | 'text2'>): ToastLine {
  return {
    title: toast.text1.replace(LINE_BREAKS, ' '),
    content: toast.text2.replace(LINE_BREAKS, ' '),
  }
}

/**
 * Returns the URL of the app's icon image for the banner, or undefined when the app has no
 * `ApplicationIcon` file and the banner draws its glyph.
 */
export function toToastIconUrl(
  app: Pick<AppDefinition, 'iconPath' | 'assets'>,
): string | undefined {
  if (app.iconPath === undefined) {
    return undefined
  }
  return app.assets[toAppFileKey(app.iconPath)]
}

/**
 * Returns the text of the banner's sound cue: `Default sound`, `Silent`, or the file name of a
 * custom sound (`chime.wav` for `/Assets/Sounds/chime.wav`).
 */
export function toToastSoundLabel(sound: ToastSound | undefined): string {
  if (sound === undefined || sound.kind === 'default') {
    return 'Default sound'
  }
  if (sound.kind === 'silent') {
    return 'Silent'
  }
  return toFileName(sound.path)
}

/** Returns the last segment of a package path or URI, or the whole text when it has none. */
function toFileName(path: string): string {
  const segments = path.trim().split(/[/\\]/)
  const last = segments.at(-1) ?? ''
  return last === '' ? path : last
}
