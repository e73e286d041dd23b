import { shortenForMessage } from '../message-text'
import { MAX_DISPLAYED_COUNT, parseTileColor, toCountNumber, toDisplayedCount } from '../tile-state'
import type { TileFieldName } from '../types'
import { addWarning } from '../warnings'
import type { SenderWarning } from '../warnings'

const COUNT_ADVICE = `Send a whole number from 0 to ${MAX_DISPLAYED_COUNT}.`

/**
 * Adds warnings for a Count or BackgroundColor value that the handset cannot show as sent.
 * The value is still stored as sent. Other fields carry text or image URIs and are not checked.
 */
export function checkTileFieldValue(
  name: TileFieldName,
  value: string,
  warnings: SenderWarning[],
): void {
  if (name === 'Count') {
    checkCount(value, warnings)
  } else if (name === 'BackgroundColor') {
    checkBackgroundColor(value, warnings)
  }
}

function checkCount(value: string, warnings: SenderWarning[]): void {
  const quoted = `Count "${shortenForMessage(value)}"`
  const count = toCountNumber(value)
  if (count === undefined) {
    addWarning(
      warnings,
      'COUNT_NOT_NUMBER',
      `${quoted} is not a number, so the tile keeps its previous count. ${COUNT_ADVICE}`,
    )
    return
  }

  const badge = describeBadge(value)
  if (!Number.isInteger(count) && Number.isFinite(count)) {
    addWarning(
      warnings,
      'COUNT_OUT_OF_RANGE',
      `${quoted} is not a whole number, so it is rounded down and ${badge}. ${COUNT_ADVICE}`,
    )
  } else if (count > MAX_DISPLAYED_COUNT) {
    addWarning(
      warnings,
      'COUNT_OUT_OF_RANGE',
      `${quoted} is above ${MAX_DISPLAYED_COUNT}, so ${badge}. ${COUNT_ADVICE}`,
    )
  } else if (count < 0) {
    addWarning(warnings, 'COUNT_OUT_OF_RANGE', `${quoted} is below 0, so ${badge}. ${COUNT_ADVICE}`)
  }
}

function describeBadge(value: string): string {
  const displayed = toDisplayedCount(value)
  return displayed === undefined ? 'the badge is hidden' : `the badge shows ${displayed}`
}

function checkBackgroundColor(value: string, warnings: SenderWarning[]): void {
  const quoted = `BackgroundColor "${shortenForMessage(value)}"`
  const color = parseTileColor(value)
  if (color === undefined) {
    addWarning(
      warnings,
      'BACKGROUND_COLOR_INVALID',
      `${quoted} is not a hex colour such as #FF1BA1E2, so the tile shows the accent colour. Write it as #AARRGGBB or #RRGGBB.`,
    )
    return
  }

  // NOTE: that a colour with alpha below FF falls back to the accent colour is widely reported
  // for WP8 but not documented.
  if (color.alpha !== 0xff) {
    const alpha = color.alpha.toString(16).toUpperCase().padStart(2, '0')
    addWarning(
      warnings,
      'BACKGROUND_COLOR_INVALID',
      `${quoted} is not fully opaque (alpha ${alpha}), so the tile shows the accent colour. Use alpha FF, as in #FF${color.rgb.slice(1)}.`,
    )
  }
}
