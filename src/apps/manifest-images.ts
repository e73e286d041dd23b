import { toAppFileKey } from './app-model'

/** Kind of image, which sets the size and style of its placeholder. */
export type ImageRole =
  | 'app-icon'
  | 'small-tile'
  | 'medium-tile'
  | 'wide-tile'
  | 'legacy-tile'
  | 'iconic-small-icon'
  | 'iconic-icon'
  | 'lock-icon'

/** An image file the manifest names. */
export interface ImageReference {
  /** Manifest element that names it, for messages (`BackgroundImageURI`). */
  source: string
  /** Package path as the tile fields hold it (`/Assets/Tiles/FlipCycleTileMedium.png`). */
  path: string
  role: ImageRole
}

/** The app's files after matching, and one warning per image that got a placeholder. */
export interface ResolvedImages {
  assets: Record<string, string>
  warnings: string[]
}

interface PlaceholderStyle {
  /** Width and height in WXGA pixels, the size Microsoft quotes for tile images. */
  width: number
  height: number
  /** Icons are white on transparent, because the shell uses their alpha channel only. */
  isIcon: boolean
}

const PLACEHOLDER_STYLES: Readonly<Record<ImageRole, PlaceholderStyle>> = {
  'app-icon': { width: 100, height: 100, isIcon: false },
  'small-tile': { width: 159, height: 159, isIcon: false },
  'medium-tile': { width: 336, height: 336, isIcon: false },
  'wide-tile': { width: 691, height: 336, isIcon: false },
  'legacy-tile': { width: 173, height: 173, isIcon: false },
  'iconic-small-icon': { width: 70, height: 110, isIcon: true },
  'iconic-icon': { width: 130, height: 202, isIcon: true },
  'lock-icon': { width: 38, height: 38, isIcon: true },
}

const PLACEHOLDER_FILL = '#4d4d4d'

/** Average glyph advance of a sans-serif face as a fraction of the font size, for fitting text. */
const AVERAGE_GLYPH_WIDTH = 0.55

/**
 * Converts a path a manifest names (`Assets\Tiles\Small.png`) into the `/`-rooted package path
 * with forward slashes that tile fields hold. Letter case is kept.
 */
export function toPackagePath(manifestPath: string): string {
  return `/${manifestPath.trim().replace(/\\/g, '/').replace(/^\/+/, '')}`
}

/**
 * Maps every referenced image to a supplied file or, when none matches, to a placeholder.
 * A supplied name matches when it equals the package path or ends it, ignoring case, so a bare
 * file name matches an image in any folder. The longest match wins.
 */
export function resolveManifestImages(
  references: readonly ImageReference[],
  files: ReadonlyMap<string, string>,
): ResolvedImages {
  const assets: Record<string, string> = {}
  const warnings: string[] = []
  const usedFiles = new Set<string>()

  for (const reference of references) {
    const key = toAppFileKey(reference.path)
    if (assets[key] !== undefined) {
      continue
    }
    const match = findSuppliedFile(key, files)
    if (match !== undefined) {
      assets[key] = match.url
      usedFiles.add(match.name)
      continue
    }
    const fileName = toFileName(reference.path)
    assets[key] = createPlaceholderImage(fileName, reference.role)
    warnings.push(
      `No image file was chosen for ${reference.source} "${reference.path}", so a placeholder shows in its place. Choose "${fileName}" together with the manifest to see the real image.`,
    )
  }

  for (const name of files.keys()) {
    if (!usedFiles.has(name)) {
      warnings.push(`The manifest names no image "${name}", so that file is not used.`)
    }
  }
  return { assets, warnings }
}

/**
 * Draws a placeholder for a missing image as an SVG data URL of the role's size: a grey tile,
 * or a dashed white outline for icons, with the file name in the middle.
 */
export function createPlaceholderImage(fileName: string, role: ImageRole): string {
  const { width, height, isIcon } = PLACEHOLDER_STYLES[role]
  const fontSize = Math.max(6, Math.round(Math.min(width, height) / 9))
  const maxTextWidth = Math.round(width * 0.9)
  const fitsWidth = fileName.length * fontSize * AVERAGE_GLYPH_WIDTH <= maxTextWidth
  const textLength = fitsWidth
    ? ''
    : ` textLength="${maxTextWidth}" lengthAdjust="spacingAndGlyphs"`
  const shape = isIcon
    ? `<rect x="1" y="1" width="${width - 2}" height="${height - 2}" fill="none" stroke="#fff" stroke-width="2" stroke-dasharray="6 4"/>`
    : `<rect width="${width}" height="${height}" fill="${PLACEHOLDER_FILL}"/>`
  const label =
    `<text x="${width / 2}" y="${height / 2}" fill="#fff" font-family="sans-serif" ` +
    `font-size="${fontSize}" text-anchor="middle" dominant-baseline="middle"${textLength}>` +
    `${escapeXmlText(fileName)}</text>`
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${shape}${label}</svg>`
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

function findSuppliedFile(
  key: string,
  files: ReadonlyMap<string, string>,
): { name: string; url: string } | undefined {
  let best: { name: string; url: string; length: number } | undefined
  for (const [name, url] of files) {
    const suppliedKey = toAppFileKey(name)
    const matches = suppliedKey === key || key.endsWith(suppliedKey)
    if (matches && (best === undefined || suppliedKey.length > best.length)) {
      best = { name, url, length: suppliedKey.length }
    }
  }
  return best === undefined ? undefined : { name: best.name, url: best.url }
}

function toFileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
