import { MpnsError } from './errors'
import { shortenForMessage } from './message-text'
import type { EngineSettings, NotificationType } from './types'
import { addWarning } from './warnings'
import type { SenderWarning } from './warnings'

/** Batching interval of a notification class, in seconds. */
export type DelaySeconds = 0 | 450 | 900

interface ClassRange {
  min: number
  max: number
  delaySeconds: DelaySeconds
}

/** X-NotificationClass values per type, from the immediate range to the 900-second range. */
const CLASS_RANGES: Readonly<
  Record<
    NotificationType,
    readonly [immediate: ClassRange, within450: ClassRange, within900: ClassRange]
  >
> = {
  toast: [
    { min: 2, max: 2, delaySeconds: 0 },
    { min: 12, max: 12, delaySeconds: 450 },
    { min: 22, max: 22, delaySeconds: 900 },
  ],
  tile: [
    { min: 1, max: 1, delaySeconds: 0 },
    { min: 11, max: 11, delaySeconds: 450 },
    { min: 21, max: 21, delaySeconds: 900 },
  ],
  raw: [
    { min: 3, max: 10, delaySeconds: 0 },
    { min: 13, max: 20, delaySeconds: 450 },
    { min: 23, max: 31, delaySeconds: 900 },
  ],
}

const ACCEPTED_CLASSES: Readonly<Record<NotificationType, string>> = {
  toast: 'toasts accept 2, 12 or 22',
  tile: 'tiles accept 1, 11 or 21',
  raw: 'raw notifications accept 3 to 10, 13 to 20 or 23 to 31',
}

/** Singular nouns with article for messages, such as "a toast". */
export const NOTIFICATION_TYPE_NOUNS: Readonly<Record<NotificationType, string>> = {
  toast: 'a toast',
  tile: 'a tile',
  raw: 'a raw notification',
}

const NOTIFICATION_TYPE_PLURALS: Readonly<Record<NotificationType, string>> = {
  toast: 'toasts',
  tile: 'tiles',
  raw: 'raw notifications',
}

/**
 * Reads the X-NotificationClass value for a type and returns the class and its batching interval.
 * A missing value gets the default class with a warning, and an invalid one throws an MpnsError (400).
 */
export function readNotificationClass(options: {
  /** The header value, or undefined when the request has no X-NotificationClass. */
  value: string | undefined
  type: NotificationType
  settings: EngineSettings
  warnings: SenderWarning[]
}): { notificationClass: number; delaySeconds: DelaySeconds } {
  const { value, type, settings, warnings } = options
  const ranges = CLASS_RANGES[type]

  if (value === undefined) {
    return selectDefaultClass(type, settings, warnings)
  }

  const trimmed = value.trim()
  const notificationClass = /^[0-9]{1,9}$/.test(trimmed) ? Number(trimmed) : Number.NaN
  const range = ranges.find(({ min, max }) => notificationClass >= min && notificationClass <= max)
  if (range !== undefined) {
    return { notificationClass, delaySeconds: range.delaySeconds }
  }

  const owner = findClassOwner(notificationClass)
  const ownerHint =
    owner === undefined
      ? ''
      : ` Class ${notificationClass} is for ${NOTIFICATION_TYPE_PLURALS[owner]}.`
  throw new MpnsError({
    code: 'INVALID_NOTIFICATION_CLASS',
    status: 400,
    message: `Invalid X-NotificationClass "${shortenForMessage(value)}" for ${NOTIFICATION_TYPE_NOUNS[type]}: ${ACCEPTED_CLASSES[type]}. Set the header to one of those values.${ownerHint}`,
  })
}

function selectDefaultClass(
  type: NotificationType,
  settings: EngineSettings,
  warnings: SenderWarning[],
): { notificationClass: number; delaySeconds: DelaySeconds } {
  const ranges = CLASS_RANGES[type]
  const range = settings.missingClassDefault === 'immediate' ? ranges[0] : ranges[2]
  addWarning(
    warnings,
    'CLASS_MISSING',
    `X-NotificationClass is missing, so ${NOTIFICATION_TYPE_NOUNS[type]} gets class ${range.min} (${describeDelay(range.delaySeconds)}). Send the header to choose the batching interval.`,
  )
  return { notificationClass: range.min, delaySeconds: range.delaySeconds }
}

function findClassOwner(notificationClass: number): NotificationType | undefined {
  const types: NotificationType[] = ['toast', 'tile', 'raw']
  return types.find((type) =>
    CLASS_RANGES[type].some(({ min, max }) => notificationClass >= min && notificationClass <= max),
  )
}

/** Describes a batching interval for messages, such as "delivery within 450 seconds". */
export function describeDelay(delaySeconds: DelaySeconds): string {
  return delaySeconds === 0 ? 'immediate delivery' : `delivery within ${delaySeconds} seconds`
}
