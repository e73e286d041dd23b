import type { TileState } from '@/mpns/tile-state'
import type { TileTemplate } from '@/mpns/types'

/** Sizes a Start tile can take: 99, 210 or 432 by 210 logical pixels. */
export type TileSize = 'small' | 'medium' | 'wide'

/** Templates a primary tile can be declared with; `Legacy` is the WP7.5 standard tile. */
export type PrimaryTileTemplate = TileTemplate

/** App icon as a single SVG path, drawn in white on the tile or toast colour. */
export interface AppIconGlyph {
  viewBox: string
  path: string
}

/** Lock-screen notifications that the manifest allows the app. */
export interface LockScreenSupport {
  /** `LockScreen_Notification_IconCount`: a quick-status icon with the primary tile's count. */
  iconCount: boolean
  /** `LockScreen_Notification_TextField`: the detailed-status text from the primary tile. */
  textField: boolean
  /** `DeviceLockImageURI`: package path of the white 38 x 38 lock icon. */
  lockIconPath?: string
}

/** A secondary tile a sample app offers to pin, as its code would call `ShellTile.Create`. */
export interface SecondaryTileOffer {
  /** Navigation URI of the tile: its `Id` in tile payloads and the deep link a tap opens. */
  navigationUri: string
  /** Label of the app-page button that pins it. */
  label: string
  initialTile: TileState
  supportsWide: boolean
}

/** An emulated app: what its manifest and its push-channel code declare. */
export interface AppDefinition {
  id: string
  name: string
  /** Drawn when the app has no icon image, and on the toast. */
  icon: AppIconGlyph
  /** `ApplicationIcon` package path, resolved through `assets`. */
  iconPath?: string
  tileTemplate: PrimaryTileTemplate
  /** Primary tile as the manifest declares it, before any push update. */
  initialTile: TileState
  /** Page opened by the tile, and by a toast without a usable Param. */
  defaultPage: string
  /** Pages the app has; a deep link to another page opens it with a "page not found" note. */
  pages: readonly string[]
  /** Whether the manifest allows the user to make the primary tile wide. */
  supportsWide: boolean
  /** Name the app passes to `new HttpNotificationChannel(channelName)`. */
  channelName: string
  /** Service name for an authenticated channel (the CN of the service's certificate). */
  serviceName?: string
  /**
   * The app's files: package paths (`/Assets/Tiles/FlipCycleTileMedium.png`) and isolated
   * storage paths (`isostore:/Shared/ShellContent/a.png`), normalised by `toAppFileKey`,
   * mapped to a URL the page can load.
   */
  assets: Readonly<Record<string, string>>
  lockScreen: LockScreenSupport
  secondaryTiles: readonly SecondaryTileOffer[]
  /**
   * The base-URI allow-list the app passes to `BindToShellTile(baseUris)`: a remote tile image
   * is allowed when its URL starts with one of them, ignoring case. Empty means the app bound
   * without a list, so a remote image raises `MessageBadContent`.
   */
  tileImageBaseUris: readonly string[]
  /** Whether the running app handles `HttpNotificationReceived` (raw notifications). */
  handlesRaw: boolean
  /**
   * Whether the app uses its channel for raw notifications only. Such an app shows no
   * notification prompt and binds the channel to neither toast nor tile. Absent means false.
   */
  rawOnly?: boolean
  /** Sample apps ship with the emulator; custom apps were installed or imported by the user. */
  origin: 'sample' | 'custom'
}

/**
 * Normalises a path an app or a payload names into the key of `AppDefinition.assets`.
 * `appdata:` and relative package paths become `/`-rooted package paths, and `isostore:`
 * paths keep their scheme. Backslashes become slashes, and the result is lower case because
 * the phone's file system ignores case.
 */
export function toAppFileKey(uri: string): string {
  const slashed = uri.trim().replace(/\\/g, '/')
  const lower = slashed.toLowerCase()
  if (lower.startsWith('isostore:')) {
    return `isostore:/${trimLeadingSlashes(slashed.slice('isostore:'.length))}`.toLowerCase()
  }
  if (lower.startsWith('appdata:')) {
    return `/${trimLeadingSlashes(slashed.slice('appdata:'.length))}`.toLowerCase()
  }
  return `/${trimLeadingSlashes(slashed)}`.toLowerCase()
}

function trimLeadingSlashes(path: string): string {
  return path.replace(/^\/+/, '')
}
