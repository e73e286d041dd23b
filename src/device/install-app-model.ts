import { MAX_APP_JSON_LENGTH, parseAppJson } from '@/apps/app-json'
import { GENERIC_APP_GLYPH } from '@/apps/app-glyphs'
import type { AppDefinition, PrimaryTileTemplate } from '@/apps/app-model'
import { DEFAULT_PAGE, deriveAppId, toDefaultChannelName } from '@/apps/app-naming'
import { MAX_MANIFEST_BYTES, parseAppManifest } from '@/apps/manifest'
import type { TileState } from '@/mpns/tile-state'
import { TILE_FIELDS_BY_TEMPLATE } from '@/mpns/tile-fields'

/** Values of the install form's controls. */
export interface InstallAppForm {
  name: string
  tileTemplate: PrimaryTileTemplate
  supportsWide: boolean
  channelName: string
  /** Empty for an unauthenticated channel. */
  serviceName: string
  lockScreenIconCount: boolean
  lockScreenTextField: boolean
}

/** An app read from a manifest or an app file, with the form it fills and what to tell the user. */
export type AppImportResult =
  | { ok: true; app: AppDefinition; form: InstallAppForm; warnings: string[] }
  | { ok: false; error: string }

/** A file the user chose, as far as sorting needs it. */
export interface ChosenFile {
  name: string
  /** Size in bytes. */
  size: number
}

/** The manifest and the usable images among the files chosen together. */
export type ManifestFileSelection<File extends ChosenFile> =
  { ok: true; manifest: File; images: File[]; warnings: string[] } | { ok: false; error: string }

export type BuildAppResult = { ok: true; app: AppDefinition } | { ok: false; errors: string[] }

export const TILE_TEMPLATE_OPTIONS: ReadonlyArray<{ value: PrimaryTileTemplate; label: string }> = [
  { value: 'FlipTile', label: 'Flip' },
  { value: 'IconicTile', label: 'Iconic' },
  { value: 'CycleTile', label: 'Cycle' },
  { value: 'Legacy', label: 'Windows Phone 7.5 standard tile' },
]

/** Largest image file read, in bytes. Tile images are a few kilobytes, and the app file embeds them. */
export const MAX_IMAGE_FILE_BYTES = 512 * 1024

const MAX_TEXT_LENGTH = 256

const IMAGE_FILE = /\.(?:png|jpe?g|gif)$/i

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
}

/** Fields each template shows, so a template change keeps only the ones the new tile has. */
/** Returns the form for an app typed in by hand: a FlipTile without wide support. */
export function createBlankForm(): InstallAppForm {
  return {
    name: '',
    tileTemplate: 'FlipTile',
    supportsWide: false,
    channelName: '',
    serviceName: '',
    lockScreenIconCount: false,
    lockScreenTextField: false,
  }
}

/** Fills the form from an imported app. */
export function toInstallAppForm(app: AppDefinition): InstallAppForm {
  return {
    name: app.name,
    tileTemplate: app.tileTemplate,
    supportsWide: app.supportsWide,
    channelName: app.channelName,
    serviceName: app.serviceName ?? '',
    lockScreenIconCount: app.lockScreen.iconCount,
    lockScreenTextField: app.lockScreen.textField,
  }
}

/** Changes the name, and the channel name with it while the channel name is still the default. */
export function withFormName(form: InstallAppForm, name: string): InstallAppForm {
  const followsName =
    form.channelName === '' || form.channelName === toDefaultChannelName(form.name)
  return {
    ...form,
    name,
    channelName: followsName ? toDefaultChannelName(name) : form.channelName,
  }
}

/**
 * Picks the manifest (`WMAppManifest.xml`, else the only `.xml` file) and the PNG, JPEG and GIF
 * images among files chosen together. Other files and images over 512 KB get a warning.
 */
export function sortManifestFiles<File extends ChosenFile>(
  files: readonly File[],
): ManifestFileSelection<File> {
  const xmlFiles = files.filter((file) => file.name.toLowerCase().endsWith('.xml'))
  const manifest =
    xmlFiles.find((file) => file.name.toLowerCase() === 'wmappmanifest.xml') ??
    (xmlFiles.length === 1 ? xmlFiles[0] : undefined)
  if (manifest === undefined) {
    const found = xmlFiles.length === 0 ? 'no .xml file' : `${xmlFiles.length} .xml files`
    return {
      ok: false,
      error: `The chosen files include ${found}. Choose WMAppManifest.xml from the project's Properties folder, with its images if you have them.`,
    }
  }
  if (manifest.size > MAX_MANIFEST_BYTES) {
    return {
      ok: false,
      error: `Invalid WMAppManifest.xml: "${manifest.name}" is larger than ${MAX_MANIFEST_BYTES / 1024} KB. Choose the manifest from the project's Properties folder.`,
    }
  }

  const images: File[] = []
  const warnings: string[] = []
  for (const file of files) {
    if (file === manifest) {
      continue
    }
    if (!IMAGE_FILE.test(file.name)) {
      warnings.push(`"${file.name}" is not a PNG, JPEG or GIF image, so it is ignored.`)
    } else if (file.size > MAX_IMAGE_FILE_BYTES) {
      warnings.push(
        `"${file.name}" is larger than ${MAX_IMAGE_FILE_BYTES / 1024} KB, so it is ignored. Tile images are far smaller.`,
      )
    } else {
      images.push(file)
    }
  }
  return { ok: true, manifest, images, warnings }
}

/** Reads a manifest with the images chosen with it, mapped from file name to URL. */
export function importManifest(xml: string, images: ReadonlyMap<string, string>): AppImportResult {
  const result = parseAppManifest(xml, images)
  if (!result.ok) {
    return result
  }
  return {
    ok: true,
    app: result.app,
    form: toInstallAppForm(result.app),
    warnings: result.warnings,
  }
}

/** Returns why an app file is too large to read, or undefined when its size is fine. */
export function checkAppFileSize(file: ChosenFile): string | undefined {
  // Checked on bytes before reading. App files are mostly ASCII, where bytes and characters match.
  if (file.size <= MAX_APP_JSON_LENGTH) {
    return undefined
  }
  return `Invalid app JSON: "${file.name}" is larger than ${MAX_APP_JSON_LENGTH / 1024 / 1024} MB. Use smaller images in the app.`
}

/** Reads an app file that the emulator exported. */
export function importAppJson(text: string): AppImportResult {
  const result = parseAppJson(text)
  if (!result.ok) {
    return result
  }
  return { ok: true, app: result.app, form: toInstallAppForm(result.app), warnings: [] }
}

/**
 * Gives a data URL the image type of its file name's extension. A browser that does not know a
 * file's type reads it as `application/octet-stream`, which app files reject.
 */
export function toImageDataUrl(dataUrl: string, fileName: string): string {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()
  const type = IMAGE_TYPES[extension]
  const comma = dataUrl.indexOf(',')
  if (type === undefined || comma === -1 || dataUrl.startsWith(`data:${type}`)) {
    return dataUrl
  }
  return `data:${type};base64${dataUrl.slice(comma)}`
}

/** Returns the template of a tile-template option value, or FlipTile for an unknown value. */
export function toTileTemplate(value: string): PrimaryTileTemplate {
  return TILE_TEMPLATE_OPTIONS.find((option) => option.value === value)?.value ?? 'FlipTile'
}

/** Describes a file the browser failed to read, as an import error. */
export function toFileReadFailure(fileName: string, error: unknown): AppImportResult {
  const reason = error instanceof Error ? error.message : String(error)
  return { ok: false, error: `Failed to read "${fileName}": ${reason}. Choose the file again.` }
}

/**
 * Builds the app to install from the form and the imported app, if any. The form wins for the
 * fields it shows, and everything else comes from the import or from defaults.
 */
export function buildAppFromForm(form: InstallAppForm, imported?: AppDefinition): BuildAppResult {
  const name = form.name.trim()
  const channelName = form.channelName.trim()
  const serviceName = form.serviceName.trim()
  const errors = [
    ...checkText(name, 'Enter the app name'),
    ...checkText(channelName, 'Enter the channel name the app passes to HttpNotificationChannel'),
    ...(serviceName === '' ? [] : checkText(serviceName, 'Shorten the service name')),
  ]
  if (errors.length > 0) {
    return { ok: false, errors }
  }

  const defaultPage = imported?.defaultPage ?? DEFAULT_PAGE
  const app: AppDefinition = {
    id: imported?.id ?? deriveAppId(undefined, name),
    name,
    icon: imported?.icon ?? GENERIC_APP_GLYPH,
    tileTemplate: form.tileTemplate,
    initialTile: toInitialTile(form.tileTemplate, name, imported?.initialTile),
    defaultPage,
    pages: imported?.pages ?? [defaultPage],
    // The WP7.5 standard tile has one size only.
    supportsWide: form.tileTemplate !== 'Legacy' && form.supportsWide,
    channelName,
    assets: imported?.assets ?? {},
    lockScreen: {
      ...imported?.lockScreen,
      iconCount: form.lockScreenIconCount,
      textField: form.lockScreenTextField,
    },
    secondaryTiles: imported?.secondaryTiles ?? [],
    tileImageBaseUris: imported?.tileImageBaseUris ?? ['http://', 'https://'],
    handlesRaw: imported?.handlesRaw ?? true,
    origin: 'custom',
  }
  if (imported?.iconPath !== undefined) {
    app.iconPath = imported.iconPath
  }
  if (serviceName !== '') {
    app.serviceName = serviceName
  }
  return { ok: true, app }
}

/** Keeps the imported tile's fields that the chosen template shows, with a Title at least. */
function toInitialTile(
  template: PrimaryTileTemplate,
  name: string,
  importedTile: TileState | undefined,
): TileState {
  const fields: TileState['fields'] = {}
  for (const field of TILE_FIELDS_BY_TEMPLATE[template]) {
    const value = importedTile?.fields[field]
    if (value !== undefined) {
      fields[field] = value
    }
  }
  if (importedTile === undefined) {
    fields.Title = name
  }
  return { template, fields }
}

function checkText(value: string, missingFix: string): string[] {
  if (value === '') {
    return [`${missingFix}.`]
  }
  if (value.length > MAX_TEXT_LENGTH) {
    return [`"${value.slice(0, 40)}…" is longer than ${MAX_TEXT_LENGTH} characters. Shorten it.`]
  }
  return []
}
