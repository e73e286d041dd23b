import { GENERIC_APP_GLYPH } from './app-glyphs'
import type { AppDefinition, LockScreenSupport } from './app-model'
import {
  DEFAULT_APP_NAME,
  DEFAULT_PAGE,
  deriveAppId,
  describeUnusableTitle,
  toDefaultChannelName,
  toPagePath,
} from './app-naming'
import { resolveManifestImages, toPackagePath } from './manifest-images'
import type { ImageReference } from './manifest-images'
import { readPrimaryTile } from './manifest-tile'
import type { ManifestTile } from './manifest-tile'
import { findChild, findChildren, parseManifestXml, readAttribute } from './manifest-xml'
import type { ManifestElement } from './manifest-xml'

export type ManifestParseResult =
  { ok: true; app: AppDefinition; warnings: string[] } | { ok: false; error: string }

/** Largest manifest accepted, in UTF-8 bytes. Real manifests are a few kilobytes. */
export const MAX_MANIFEST_BYTES = 512 * 1024

const PUSH_CAPABILITY = 'ID_CAP_PUSH_NOTIFICATION'

const ICON_COUNT_EXTENSION = 'LockScreen_Notification_IconCount'

const TEXT_FIELD_EXTENSION = 'LockScreen_Notification_TextField'

const CHOOSE_MANIFEST = "Choose the WMAppManifest.xml from the project's Properties folder."

/**
 * Builds a custom app from a `WMAppManifest.xml` (Windows Phone 7.1, 8.0 or 8.1). `files` maps
 * the names of image files the user chose to URLs, and an image without a matching file gets a
 * placeholder and a warning. A problem that leaves no app returns an error sentence.
 */
export function parseAppManifest(
  xml: string,
  files: ReadonlyMap<string, string> = new Map(),
): ManifestParseResult {
  const inputError = checkManifestInput(xml)
  if (inputError !== undefined) {
    return { ok: false, error: inputError }
  }
  const parsed = parseManifestXml(xml)
  if (!parsed.ok) {
    return parsed
  }
  const app = findAppElement(parsed.root)
  if (!app.ok) {
    return app
  }

  const warnings: string[] = []
  const name = readAppName(app.element, warnings)
  const tile = readPrimaryTile(app.element, name)
  warnings.push(...tile.warnings)
  const defaultPage = readDefaultPage(app.element, warnings)
  const lockScreen = readLockScreen(app.element, tile, warnings)
  checkPushCapability(app.element, warnings)

  const iconPath = readIconPath(app.element)
  const images = resolveManifestImages(collectImages(tile, iconPath), files)
  warnings.push(...images.warnings)

  const definition: AppDefinition = {
    id: deriveAppId(readAttribute(app.element, 'ProductID'), name),
    name,
    icon: GENERIC_APP_GLYPH,
    tileTemplate: tile.template,
    initialTile: { template: tile.template, fields: tile.fields },
    defaultPage,
    pages: [defaultPage],
    supportsWide: tile.supportsWide,
    channelName: toDefaultChannelName(name),
    assets: images.assets,
    lockScreen,
    secondaryTiles: [],
    // NOTE: a manifest does not say how the app's code binds its channel. Imported apps bind
    // with an allow-list of every http and https origin, as the sample apps do.
    tileImageBaseUris: ['http://', 'https://'],
    handlesRaw: true,
    origin: 'custom',
  }
  if (iconPath !== undefined) {
    definition.iconPath = iconPath
  }
  return { ok: true, app: definition, warnings }
}

/** Rejects a manifest that is too large to parse or empty. */
function checkManifestInput(xml: string): string | undefined {
  // A string never has more UTF-16 code units than its UTF-8 encoding has bytes, so a long
  // string is rejected before it is encoded.
  const tooLarge =
    xml.length > MAX_MANIFEST_BYTES || new TextEncoder().encode(xml).length > MAX_MANIFEST_BYTES
  if (tooLarge) {
    return `Invalid WMAppManifest.xml: the file is larger than ${MAX_MANIFEST_BYTES / 1024} KB, far more than a manifest holds. ${CHOOSE_MANIFEST}`
  }
  if (xml.replace(/^\uFEFF/, '').trim() === '') {
    return `Invalid WMAppManifest.xml: the file is empty. ${CHOOSE_MANIFEST}`
  }
  return undefined
}

function findAppElement(
  root: ManifestElement,
): { ok: true; element: ManifestElement } | { ok: false; error: string } {
  if (root.name.toLowerCase() !== 'deployment') {
    return {
      ok: false,
      error: `Invalid WMAppManifest.xml: the root element is <${root.name}>, not <Deployment>. ${CHOOSE_MANIFEST}`,
    }
  }
  const element = findChild(root, 'App')
  if (element === undefined) {
    return {
      ok: false,
      error: `Invalid WMAppManifest.xml: no <App> element inside <Deployment>. ${CHOOSE_MANIFEST}`,
    }
  }
  return { ok: true, element }
}

/**
 * Reads the app name from `App@Title`. A title the emulator cannot show falls back to the
 * primary token's id without its `Token` suffix, which Visual Studio derives from the project
 * name, and then to a fixed name.
 */
function readAppName(app: ManifestElement, warnings: string[]): string {
  const title = readAttribute(app, 'Title')?.trim() ?? ''
  const problem = title === '' ? undefined : describeUnusableTitle(title)
  if (title !== '' && problem === undefined) {
    return title
  }

  const fallback = readTokenName(app) ?? DEFAULT_APP_NAME
  const reason =
    problem === undefined ? '<App> has no Title' : `The app title "${title}" ${problem}`
  warnings.push(`${reason}, so the app is named "${fallback}". Change the name in the form.`)
  return fallback
}

function readTokenName(app: ManifestElement): string | undefined {
  const tokens = findChild(app, 'Tokens')
  const primaryToken = tokens === undefined ? undefined : findChild(tokens, 'PrimaryToken')
  const tokenId = primaryToken === undefined ? '' : (readAttribute(primaryToken, 'TokenID') ?? '')
  const name = tokenId.trim().replace(/Token$/i, '')
  return name === '' || describeUnusableTitle(name) !== undefined ? undefined : name
}

function readDefaultPage(app: ManifestElement, warnings: string[]): string {
  const tasks = findChild(app, 'Tasks')
  const task = tasks === undefined ? undefined : findChild(tasks, 'DefaultTask')
  const page = toPagePath((task && readAttribute(task, 'NavigationPage')) ?? '')
  if (page !== '') {
    return page
  }

  const program = task && readAttribute(task, 'ImagePath')
  if (task === undefined) {
    warnings.push(
      `The manifest has no <Tasks><DefaultTask>, so the app opens at "${DEFAULT_PAGE}".`,
    )
  } else if (program !== undefined && program.trim() !== '') {
    warnings.push(
      `<DefaultTask> starts the native program "${program.trim()}" rather than a XAML page, so the emulator opens "${DEFAULT_PAGE}".`,
    )
  } else {
    warnings.push(`<DefaultTask> names no NavigationPage, so the app opens at "${DEFAULT_PAGE}".`)
  }
  return DEFAULT_PAGE
}

function readLockScreen(
  app: ManifestElement,
  tile: ManifestTile,
  warnings: string[],
): LockScreenSupport {
  const extensions = findChild(app, 'Extensions')
  const names = new Set(
    (extensions === undefined ? [] : findChildren(extensions, 'Extension')).map((extension) =>
      (readAttribute(extension, 'ExtensionName') ?? '').trim().toLowerCase(),
    ),
  )
  const iconCount = names.has(ICON_COUNT_EXTENSION.toLowerCase())
  const textField = names.has(TEXT_FIELD_EXTENSION.toLowerCase())

  if (iconCount && tile.lockIconPath === undefined) {
    warnings.push(
      `The manifest declares ${ICON_COUNT_EXTENSION} but no DeviceLockImageURI, so the lock screen shows the count without an icon. Set DeviceLockImageURI to a 38 x 38 PNG of white pixels on transparency.`,
    )
  }
  if (!iconCount && !textField && tile.lockIconPath !== undefined) {
    warnings.push(
      `DeviceLockImageURI is set, but without the ${ICON_COUNT_EXTENSION} or ${TEXT_FIELD_EXTENSION} extension the user cannot add the app to the lock screen.`,
    )
  }

  const support: LockScreenSupport = { iconCount, textField }
  if (tile.lockIconPath !== undefined) {
    support.lockIconPath = tile.lockIconPath
  }
  return support
}

function checkPushCapability(app: ManifestElement, warnings: string[]): void {
  const capabilities = findChild(app, 'Capabilities')
  const declared = (
    capabilities === undefined ? [] : findChildren(capabilities, 'Capability')
  ).some(
    (capability) => readAttribute(capability, 'Name')?.trim().toUpperCase() === PUSH_CAPABILITY,
  )
  if (!declared) {
    // NOTE: the emulator does not enforce the capability, so an app without it still opens a
    // channel here.
    warnings.push(
      `The manifest does not declare ${PUSH_CAPABILITY}, which a phone app needs to use push notifications; the emulator opens its channel anyway. Add <Capability Name="${PUSH_CAPABILITY}" /> to <Capabilities>.`,
    )
  }
}

function readIconPath(app: ManifestElement): string | undefined {
  const path = findChild(app, 'IconPath')?.text.trim() ?? ''
  return path === '' ? undefined : toPackagePath(path)
}

function collectImages(tile: ManifestTile, iconPath: string | undefined): ImageReference[] {
  const images: ImageReference[] = []
  if (iconPath !== undefined) {
    images.push({ source: 'IconPath', path: iconPath, role: 'app-icon' })
  }
  images.push(...tile.images)
  return images
}
