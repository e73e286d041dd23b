import type { AppDefinition } from '@/apps/app-model'
import { toChannelBindings } from '@/store/slices/device-model'
import type { AppState } from '@/store/slices/device-model'

/**
 * Formats a page and its query as the app receives them, `/Page2.xaml?NavigatedFrom=Toast&id=42`.
 * Keys and values are shown decoded.
 */
export function formatPagePath(
  page: string,
  query: ReadonlyArray<readonly [string, string]>,
): string {
  if (query.length === 0) {
    return page
  }
  const pairs = query.map(([key, value]) => `${key}=${value}`)
  return `${page}?${pairs.join('&')}`
}

/**
 * Turns a page path into the lower-case title style of WP8 page templates:
 * `/MainPage.xaml` becomes `main page`, `/Views/Page2.xaml` becomes `page 2`.
 */
export function toPageTitle(page: string): string {
  const fileName = page.split('/').filter(Boolean).at(-1) ?? ''
  const baseName = fileName.replace(/\.xaml$/i, '')
  const words = baseName
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase()
  return words === '' ? 'page' : words
}

/** Tells whether the app declares `page`, ignoring case as the phone's package paths do. */
export function isKnownPage(
  app: Pick<AppDefinition, 'pages' | 'defaultPage'>,
  page: string,
): boolean {
  const requested = page.toLowerCase()
  return [app.defaultPage, ...app.pages].some((known) => known.toLowerCase() === requested)
}

/**
 * Describes the app's push channel as its `HttpNotificationChannel` properties read: the
 * toast and tile bindings the app asked for when it last opened the channel.
 */
export function describeChannelBindings(
  app: Pick<AppDefinition, 'rawOnly'>,
  appState: Pick<AppState, 'channelUri' | 'permission' | 'tileUpdatesEnabled'>,
): string {
  if (appState.channelUri === undefined) {
    return 'No open channel.'
  }
  const { bindToast, bindTile } = toChannelBindings(app, appState)
  return `IsShellToastBound: ${String(bindToast)}, IsShellTileBound: ${String(bindTile)}`
}
