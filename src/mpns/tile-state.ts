import type { TileFieldName, TilePayload, TileTemplate } from './types'

/** Current content of a tile: its template and the value of each field that is set. */
export interface TileState {
  template: TileTemplate
  fields: Partial<Record<TileFieldName, string>>
}

/** A tile colour read from `#AARRGGBB` or `#RRGGBB`. */
export interface TileColor {
  /** Alpha channel from 0 to 255, which is 255 for `#RRGGBB`. */
  alpha: number
  /** Red, green and blue as `#RRGGBB` in upper case. */
  rgb: string
}

/** Maximum count a tile badge shows. Higher counts show as this value. */
export const MAX_DISPLAYED_COUNT = 99

const DECIMAL_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/

const HEX_COLOR = /^#([0-9a-fA-F]{2})?([0-9a-fA-F]{6})$/

/**
 * Tells whether an update of one template can change a tile of another.
 * WP8 shows legacy tiles as flip tiles, so a legacy update also applies to a FlipTile.
 */
export function isTemplateCompatible(
  tileTemplate: TileTemplate,
  updateTemplate: TileTemplate,
): boolean {
  return (
    tileTemplate === updateTemplate || (tileTemplate === 'FlipTile' && updateTemplate === 'Legacy')
  )
}

/**
 * Applies a tile update: omitted fields keep their value, cleared fields are removed, and a
 * Count that is not a number keeps the previous count. An incompatible template changes nothing.
 */
export function mergeTileState(current: TileState, update: TilePayload): TileState {
  if (!isTemplateCompatible(current.template, update.template)) {
    return current
  }

  const fields = { ...current.fields }
  for (const [name, change] of Object.entries(update.fields) as Array<
    [TileFieldName, TilePayload['fields'][TileFieldName]]
  >) {
    if (change === undefined) {
      continue
    }
    if (change.action === 'clear') {
      delete fields[name]
    } else if (name !== 'Count' || toCountNumber(change.value) !== undefined) {
      fields[name] = change.value
    }
  }

  return { template: current.template, fields }
}

/** Converts a stored Count to the badge number: floored, at most 99, or undefined for no badge. */
export function toDisplayedCount(value: string | undefined): number | undefined {
  const count = value === undefined ? undefined : toCountNumber(value)
  if (count === undefined) {
    return undefined
  }

  const whole = Math.floor(count)
  if (whole < 1) {
    return undefined
  }
  return Math.min(whole, MAX_DISPLAYED_COUNT)
}

/**
 * Parses a Count value written as a decimal number, or returns undefined when it is not one.
 * A run of digits too long for a double returns Infinity, which the badge shows as 99.
 */
export function toCountNumber(value: string): number | undefined {
  const trimmed = value.trim()
  if (!DECIMAL_NUMBER.test(trimmed)) {
    return undefined
  }
  return Number(trimmed)
}

/** Parses a BackgroundColor value written as `#AARRGGBB` or `#RRGGBB`, ignoring surrounding whitespace. */
export function parseTileColor(value: string): TileColor | undefined {
  const match = HEX_COLOR.exec(value.trim())
  const rgb = match?.[2]
  if (match === null || rgb === undefined) {
    return undefined
  }

  const alpha = match[1] === undefined ? 0xff : Number.parseInt(match[1], 16)
  return { alpha, rgb: `#${rgb.toUpperCase()}` }
}
