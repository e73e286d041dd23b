import type { TileState } from '@/mpns/tile-state'
import type { TileFieldName, TileTemplate } from '@/mpns/types'
import { TILE_FIELD_NAMES } from '@/mpns/tile-fields'

import { toAppFileKey } from './app-model'
import type { AppIconGlyph, LockScreenSupport, SecondaryTileOffer } from './app-model'

/** A field of an app JSON file that is missing or has the wrong shape, with its path. */
export class InvalidAppFieldError extends Error {
  constructor(
    readonly fieldPath: string,
    readonly requirement: string,
  ) {
    super(`${fieldPath} ${requirement}`)
    this.name = 'InvalidAppFieldError'
  }
}

/** Requirements on a string field. */
export interface TextRule {
  /** Maximum length in UTF-16 code units. @default 256 */
  maxLength?: number
  pattern?: RegExp
  /** Whether an empty or whitespace-only value is accepted. @default false */
  allowBlank?: boolean
  /** Expected value, as the message words it (`a page path that starts with "/"`). */
  description?: string
}

/** A JSON object being read, with the path of its fields for messages (`app.initialTile`). */
export interface JsonObject {
  path: string
  record: Readonly<Record<string, unknown>>
}

export const TILE_TEMPLATES: readonly TileTemplate[] = [
  'Legacy',
  'FlipTile',
  'IconicTile',
  'CycleTile',
]

/** Maximum length of an app's text field in UTF-16 code units, unless the field sets its own. */
const MAX_TEXT_LENGTH = 256

/** Maximum length of a tile field value. A whole tile payload is at most 3,072 bytes by default. */
const MAX_TILE_VALUE_LENGTH = 4096

/** Maximum length of an asset URL, which bounds one base64 image at about 1.5 MB. */
const MAX_ASSET_URL_LENGTH = 2 * 1024 * 1024

const MAX_LIST_LENGTH = 64

const TILE_FIELD_NAME_SET: ReadonlySet<string> = new Set(TILE_FIELD_NAMES)

/** An image as a data URL: the only scheme besides same-origin paths that survives a reload. */
const IMAGE_DATA_URL = /^data:image\/(?:png|jpeg|gif|bmp|webp|svg\+xml)[;,]/i

/** A same-origin path under `/apps/`, without `.` or `..` segments, backslashes or a query. */
const SAMPLE_ASSET_PATH =
  /^\/apps\/(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*\/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*$/

const SVG_VIEW_BOX = /^-?[\d.]+(?:[\s,]+-?[\d.]+){3}$/

const SVG_PATH_DATA = /^[MmLlHhVvCcSsQqTtAaZz\d\s.,eE+-]+$/

/** Reads a JSON object, or throws InvalidAppFieldError naming the path. */
export function toJsonObject(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidAppFieldError(path, 'must be an object')
  }
  return { path, record: value as Readonly<Record<string, unknown>> }
}

/** Reads an array of at most 64 entries. */
export function readArray(object: JsonObject, key: string): { path: string; items: unknown[] } {
  const value = object.record[key]
  const path = `${object.path}.${key}`
  if (!Array.isArray(value) || value.length > MAX_LIST_LENGTH) {
    throw new InvalidAppFieldError(path, `must be an array of at most ${MAX_LIST_LENGTH} entries`)
  }
  return { path, items: value as unknown[] }
}

/** Reads the array's entries, each with its path (`app.pages[2]`). */
export function listEntries(array: { path: string; items: unknown[] }): Array<[unknown, string]> {
  return array.items.map((item, index) => [item, `${array.path}[${index}]`])
}

/** Reads a string field that is not blank, of at most `maxLength` code units and matching `pattern`. */
export function readText(object: JsonObject, key: string, rule: TextRule = {}): string {
  return checkText(object.record[key], `${object.path}.${key}`, rule)
}

/** Checks that a value is a string that is not blank, of at most `maxLength` code units and matching `pattern`. */
export function checkText(value: unknown, path: string, rule: TextRule = {}): string {
  const maxLength = rule.maxLength ?? MAX_TEXT_LENGTH
  const isValid =
    typeof value === 'string' &&
    (rule.allowBlank === true || value.trim() !== '') &&
    value.length <= maxLength &&
    (rule.pattern === undefined || rule.pattern.test(value))
  if (!isValid) {
    const description = rule.description ?? `a string of 1 to ${maxLength} characters`
    throw new InvalidAppFieldError(path, `must be ${description}`)
  }
  return value
}

/** Reads an optional string field, returning undefined when it is absent or undefined. */
export function readOptionalText(
  object: JsonObject,
  key: string,
  rule: TextRule = {},
): string | undefined {
  return object.record[key] === undefined ? undefined : readText(object, key, rule)
}

export function readBoolean(object: JsonObject, key: string): boolean {
  const value = object.record[key]
  if (typeof value !== 'boolean') {
    throw new InvalidAppFieldError(`${object.path}.${key}`, 'must be true or false')
  }
  return value
}

/** Reads one of the listed string values. */
export function readChoice<Value extends string>(
  object: JsonObject,
  key: string,
  choices: readonly Value[],
): Value {
  const value = object.record[key]
  const match = choices.find((choice) => choice === value)
  if (match === undefined) {
    const list = choices.map((choice) => `"${choice}"`).join(', ')
    throw new InvalidAppFieldError(`${object.path}.${key}`, `must be one of ${list}`)
  }
  return match
}

/** Reads a page path: `/`-rooted, without a query, as `defaultPage` and `pages` hold it. */
export function readPagePath(object: JsonObject, key: string): string {
  return checkPagePath(object.record[key], `${object.path}.${key}`)
}

/** Checks a page path: `/`-rooted and without a query. */
export function checkPagePath(value: unknown, path: string): string {
  return checkText(value, path, {
    maxLength: 1024,
    pattern: /^\/[^?#]*$/,
    description: 'a page path that starts with "/" and has no query',
  })
}

export function readIcon(value: unknown, path: string): AppIconGlyph {
  const object = toJsonObject(value, path)
  return {
    viewBox: readText(object, 'viewBox', {
      maxLength: 64,
      pattern: SVG_VIEW_BOX,
      description: 'four numbers, as in an SVG viewBox',
    }),
    path: readText(object, 'path', {
      maxLength: 8192,
      pattern: SVG_PATH_DATA,
      description: 'SVG path data of commands and numbers only',
    }),
  }
}

export function readTileState(value: unknown, path: string): TileState {
  const object = toJsonObject(value, path)
  const template = readChoice(object, 'template', TILE_TEMPLATES)
  const fieldsObject = toJsonObject(object.record.fields, `${path}.fields`)
  const fields: TileState['fields'] = {}
  for (const name of Object.keys(fieldsObject.record)) {
    if (!TILE_FIELD_NAME_SET.has(name)) {
      throw new InvalidAppFieldError(`${path}.fields.${name}`, 'is not a tile field name')
    }
    fields[name as TileFieldName] = readText(fieldsObject, name, {
      maxLength: MAX_TILE_VALUE_LENGTH,
      allowBlank: true,
      description: `a string of at most ${MAX_TILE_VALUE_LENGTH} characters`,
    })
  }
  return { template, fields }
}

/**
 * Reads the app's files: keys as `toAppFileKey` writes them, values as image data URLs or
 * same-origin `/apps/` paths. Blob URLs are rejected because they stop working when the page that made them closes.
 */
export function readAssets(value: unknown, path: string): Record<string, string> {
  const object = toJsonObject(value, path)
  const assets: Record<string, string> = {}
  for (const key of Object.keys(object.record)) {
    if (toAppFileKey(key) !== key) {
      throw new InvalidAppFieldError(
        `${path}["${key}"]`,
        `must be written as "${toAppFileKey(key)}"`,
      )
    }
    const url = object.record[key]
    const isAllowed =
      typeof url === 'string' &&
      url.length <= MAX_ASSET_URL_LENGTH &&
      (IMAGE_DATA_URL.test(url) || SAMPLE_ASSET_PATH.test(url))
    if (!isAllowed) {
      throw new InvalidAppFieldError(
        `${path}["${key}"]`,
        'must be an image data: URL or a path under /apps/',
      )
    }
    assets[key] = url
  }
  return assets
}

export function readLockScreen(value: unknown, path: string): LockScreenSupport {
  const object = toJsonObject(value, path)
  const support: LockScreenSupport = {
    iconCount: readBoolean(object, 'iconCount'),
    textField: readBoolean(object, 'textField'),
  }
  const lockIconPath = readOptionalText(object, 'lockIconPath', { maxLength: 1024 })
  if (lockIconPath !== undefined) {
    support.lockIconPath = lockIconPath
  }
  return support
}

export function readSecondaryTile(value: unknown, path: string): SecondaryTileOffer {
  const object = toJsonObject(value, path)
  return {
    navigationUri: readText(object, 'navigationUri', {
      maxLength: 1024,
      pattern: /^\//,
      description: 'a navigation URI that starts with "/"',
    }),
    label: readText(object, 'label'),
    initialTile: readTileState(object.record.initialTile, `${path}.initialTile`),
    supportsWide: readBoolean(object, 'supportsWide'),
  }
}

/** Reads a `BindToShellTile` base URI: an absolute http or https URI prefix. */
export function readBaseUri(value: unknown, path: string): string {
  return checkText(value, path, {
    maxLength: 2048,
    pattern: /^https?:\/\//i,
    description: 'an http:// or https:// URI prefix',
  })
}
