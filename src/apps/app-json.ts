import {
  InvalidAppFieldError,
  TILE_TEMPLATES,
  checkPagePath,
  listEntries,
  readArray,
  readAssets,
  readBaseUri,
  readBoolean,
  readChoice,
  readIcon,
  readLockScreen,
  readOptionalText,
  readPagePath,
  readSecondaryTile,
  readText,
  readTileState,
  toJsonObject,
} from './app-json-fields'
import type { JsonObject } from './app-json-fields'
import type { AppDefinition } from './app-model'

export type AppJsonResult = { ok: true; app: AppDefinition } | { ok: false; error: string }

/** Value of the `format` field that marks an app file this emulator wrote. */
export const APP_JSON_FORMAT = 'wp8-emulator-app'

/** Version of the app file layout that `toAppJson` writes and `parseAppJson` reads. */
export const APP_JSON_VERSION = 1

/** Largest app file accepted, in UTF-16 code units. Embedded images make up most of a file. */
export const MAX_APP_JSON_LENGTH = 8 * 1024 * 1024

const APP_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/

const INVALID_PREFIX = 'Invalid app JSON:'

const FIX_HINT = 'Fix the field or export the app again.'

/** Serialises an app as an app file: `{ "format", "version", "app" }`, indented for reading. */
export function toAppJson(app: AppDefinition): string {
  return JSON.stringify({ format: APP_JSON_FORMAT, version: APP_JSON_VERSION, app }, null, 2)
}

/**
 * Parses an app file that `toAppJson` wrote, checking every field of the app. Returns a plain
 * sentence that names the first invalid field when the file cannot be used.
 */
export function parseAppJson(text: string): AppJsonResult {
  if (text.length > MAX_APP_JSON_LENGTH) {
    return {
      ok: false,
      error: `${INVALID_PREFIX} the file is larger than ${MAX_APP_JSON_LENGTH / 1024 / 1024} MB. Use smaller images in the app.`,
    }
  }

  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : String(error)
    return {
      ok: false,
      error: `${INVALID_PREFIX} the file is not JSON (${reason}). Choose a file the emulator exported.`,
    }
  }

  const fileError = checkFileHeader(parsed)
  if (fileError !== undefined) {
    return { ok: false, error: fileError }
  }

  try {
    return { ok: true, app: readApp(toJsonObject(toJsonObject(parsed, 'file').record.app, 'app')) }
  } catch (error) {
    if (error instanceof InvalidAppFieldError) {
      return { ok: false, error: `${INVALID_PREFIX} ${error.message}. ${FIX_HINT}` }
    }
    throw error
  }
}

/** Checks `format` and `version`, which tell whether this emulator can read the rest. */
function checkFileHeader(parsed: unknown): string | undefined {
  const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
  const header = isObject ? (parsed as Readonly<Record<string, unknown>>) : {}
  if (header.format !== APP_JSON_FORMAT) {
    return `${INVALID_PREFIX} the file has no "format": "${APP_JSON_FORMAT}", so the emulator did not export it. Choose an app file the emulator exported.`
  }

  const version = header.version
  if (typeof version === 'number' && version > APP_JSON_VERSION) {
    return `${INVALID_PREFIX} the file has version ${version}, written by a newer emulator, but this one reads only version ${APP_JSON_VERSION}. Update the emulator.`
  }
  if (version !== APP_JSON_VERSION) {
    return `${INVALID_PREFIX} "version" must be ${APP_JSON_VERSION}. ${FIX_HINT}`
  }
  return undefined
}

function readApp(object: JsonObject): AppDefinition {
  const tileTemplate = readChoice(object, 'tileTemplate', TILE_TEMPLATES)
  const initialTile = readTileState(object.record.initialTile, 'app.initialTile')
  if (initialTile.template !== tileTemplate) {
    throw new InvalidAppFieldError('app.initialTile.template', `must equal "${tileTemplate}"`)
  }
  const pages = listEntries(readArray(object, 'pages')).map(([item, path]) =>
    checkPagePath(item, path),
  )
  const defaultPage = readPagePath(object, 'defaultPage')
  if (!pages.includes(defaultPage)) {
    throw new InvalidAppFieldError('app.pages', `must include the default page "${defaultPage}"`)
  }

  const app: AppDefinition = {
    id: readText(object, 'id', {
      maxLength: 64,
      pattern: APP_ID,
      description: 'lower-case letters, digits and inner hyphens, at most 64',
    }),
    name: readText(object, 'name'),
    icon: readIcon(object.record.icon, 'app.icon'),
    tileTemplate,
    initialTile,
    defaultPage,
    pages,
    supportsWide: readBoolean(object, 'supportsWide'),
    channelName: readText(object, 'channelName'),
    assets: readAssets(object.record.assets, 'app.assets'),
    lockScreen: readLockScreen(object.record.lockScreen, 'app.lockScreen'),
    secondaryTiles: readSecondaryTiles(object),
    tileImageBaseUris: listEntries(readArray(object, 'tileImageBaseUris')).map(([item, path]) =>
      readBaseUri(item, path),
    ),
    handlesRaw: readBoolean(object, 'handlesRaw'),
    origin: readChoice(object, 'origin', ['sample', 'custom'] as const),
  }
  addOptionalFields(app, object)
  return app
}

function readSecondaryTiles(object: JsonObject): AppDefinition['secondaryTiles'] {
  const offers = listEntries(readArray(object, 'secondaryTiles')).map(([item, path]) =>
    readSecondaryTile(item, path),
  )
  const uris = offers.map((offer) => offer.navigationUri)
  const duplicate = uris.find((uri, index) => uris.indexOf(uri) !== index)
  if (duplicate !== undefined) {
    // ShellTile.Create rejects a second tile with the same navigation URI.
    throw new InvalidAppFieldError(
      'app.secondaryTiles',
      `must not repeat the navigation URI "${duplicate}"`,
    )
  }
  return offers
}

function addOptionalFields(app: AppDefinition, object: JsonObject): void {
  const iconPath = readOptionalText(object, 'iconPath', { maxLength: 1024 })
  if (iconPath !== undefined) {
    app.iconPath = iconPath
  }
  const serviceName = readOptionalText(object, 'serviceName')
  if (serviceName !== undefined) {
    app.serviceName = serviceName
  }
}
