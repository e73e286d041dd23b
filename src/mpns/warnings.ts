/**
 * Sender mistakes that MPNS accepted. Each becomes part of `X-Emulator-Warning`, and strict mode
 * turns each into 400 except the codes in STRICT_MODE_EXEMPT_WARNINGS.
 */
export type SenderWarningCode =
  | 'TARGET_LETTER_CASE'
  | 'TARGET_RAW'
  | 'CLASS_MISSING'
  | 'MESSAGE_ID_NOT_UUID'
  | 'CONTENT_TYPE_NOT_XML'
  | 'VERSION_MISSING'
  | 'VERSION_WITHOUT_TEMPLATE'
  | 'UNKNOWN_ELEMENT'
  | 'FOREIGN_ELEMENT'
  | 'DUPLICATE_ELEMENT'
  | 'UNKNOWN_ATTRIBUTE'
  | 'STRAY_TEXT'
  | 'EMPTY_TILE_ID'
  | 'CLEAR_WITH_VALUE'
  | 'EMPTY_ELEMENT'
  | 'ACTION_NOT_CLEAR'
  | 'COUNT_NOT_NUMBER'
  | 'COUNT_OUT_OF_RANGE'
  | 'BACKGROUND_COLOR_INVALID'
  | 'PARAM_FORM'
  | 'PARAM_TOO_LONG'
  | 'PARAM_AMPERSAND'
  | 'TOAST_WITHOUT_TEXT'
  | 'SOUND_INVALID'
  | 'TEMPLATE_MISMATCH'

/** One sender mistake that MPNS accepted, with the sentence the developer reads. */
export interface SenderWarning {
  code: SenderWarningCode
  message: string
}

/**
 * Warnings that strict mode leaves as warnings. The most used sender libraries never send
 * `Version="2.0"`, so rejecting its absence would reject nearly every real tile update.
 */
export const STRICT_MODE_EXEMPT_WARNINGS: ReadonlySet<SenderWarningCode> = new Set([
  'VERSION_MISSING',
])

/** Adds a warning to a list; a small helper so call sites read as one statement. */
export function addWarning(
  warnings: SenderWarning[],
  code: SenderWarningCode,
  message: string,
): void {
  warnings.push({ code, message })
}
