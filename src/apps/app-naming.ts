/** Name given to an imported app whose manifest has no usable title. */
export const DEFAULT_APP_NAME = 'Imported app'

/** Page a WP8 project template opens first, used when a manifest names none. */
export const DEFAULT_PAGE = '/MainPage.xaml'

const MAX_APP_ID_LENGTH = 64

const FALLBACK_APP_ID = 'imported-app'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A localised title such as `@AppResLib.dll,-100`: a string id in a resource DLL. */
const RESOURCE_REFERENCE = /^@[^,]+,\s*-?\d+$/

/** A Visual Studio template parameter such as `$safeprojectname$`, left in a template's files. */
const TEMPLATE_PARAMETER = /\$[A-Za-z0-9_]+\$/

/**
 * Converts text into an app id: lower-case ASCII letters, digits and single hyphens, at most
 * 64 characters. Accents are dropped, and text with no usable character returns ''.
 */
export function toAppIdSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_APP_ID_LENGTH)
    .replace(/-+$/, '')
}

/**
 * Derives a custom app's id from its ProductID GUID (with or without braces), else from its
 * name, else returns `imported-app`.
 */
export function deriveAppId(productId: string | undefined, name: string): string {
  const guid = productId?.trim().replace(/^\{|\}$/g, '') ?? ''
  if (GUID.test(guid)) {
    return guid.toLowerCase()
  }
  const slug = toAppIdSlug(name)
  return slug === '' ? FALLBACK_APP_ID : slug
}

/**
 * Returns why a manifest title cannot be shown as written (a string resource reference or a
 * Visual Studio template parameter), as a clause that follows the title, or undefined.
 */
export function describeUnusableTitle(title: string): string | undefined {
  if (RESOURCE_REFERENCE.test(title.trim())) {
    return 'refers to a string resource, which the emulator cannot read'
  }
  if (TEMPLATE_PARAMETER.test(title)) {
    return 'is a Visual Studio template parameter that was never filled in'
  }
  return undefined
}

/** Returns the channel name an app uses by default: its name without whitespace, plus `Channel`. */
export function toDefaultChannelName(name: string): string {
  return `${name.replace(/\s+/g, '')}Channel`
}

/**
 * Normalises a page path from a manifest or a form into the `/`-rooted form that navigation
 * URIs use: backslashes become slashes and surrounding whitespace goes. Returns '' for no page.
 */
export function toPagePath(page: string): string {
  const slashed = page.trim().replace(/\\/g, '/').replace(/^\/+/, '')
  return slashed === '' ? '' : `/${slashed}`
}
