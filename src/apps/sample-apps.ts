import type { TileState } from '@/mpns/tile-state'
import type { TileTemplate } from '@/mpns/types'

/** Templates a primary tile can be declared with in an app manifest. */
export type PrimaryTileTemplate = Extract<TileTemplate, 'FlipTile' | 'IconicTile'>

/** App icon as a single SVG path, drawn in white on the tile or toast colour. */
export interface AppIconGlyph {
  viewBox: string
  path: string
}

/** An emulated app: what its manifest and its push-channel code would declare. */
export interface AppDefinition {
  id: string
  name: string
  icon: AppIconGlyph
  tileTemplate: PrimaryTileTemplate
  /** Primary tile as the manifest declares it, before any push update. */
  initialTile: TileState
  /** Page opened by the tile, and by a toast without a usable Param. */
  defaultPage: string
  /** Whether the manifest allows the user to make the primary tile wide. */
  supportsWide: boolean
  /** Name the app passes to `new HttpNotificationChannel(channelName)`. */
  channelName: string
}

const DEFAULT_PAGE = '/MainPage.xaml'

const WEATHER_ICON: AppIconGlyph = {
  viewBox: '0 0 48 48',
  path:
    'M31 7a8 8 0 0 1 7.7 10.2A9 9 0 0 1 37 35H13a9 9 0 0 1-1.4-17.9 ' +
    '11 11 0 0 1 12.3-8.6A8 8 0 0 1 31 7z',
}

const CHAT_ICON: AppIconGlyph = {
  viewBox: '0 0 48 48',
  path: 'M8 8h32a4 4 0 0 1 4 4v20a4 4 0 0 1-4 4H22l-10 8v-8H8a4 4 0 0 1-4-4V12a4 4 0 0 1 4-4z',
}

export const SAMPLE_APPS: readonly AppDefinition[] = [
  {
    id: 'contoso-weather',
    name: 'Contoso Weather',
    icon: WEATHER_ICON,
    tileTemplate: 'FlipTile',
    initialTile: { template: 'FlipTile', fields: { Title: 'Contoso Weather' } },
    defaultPage: DEFAULT_PAGE,
    supportsWide: true,
    channelName: 'ContosoWeatherChannel',
  },
  {
    id: 'contoso-chat',
    name: 'Contoso Chat',
    icon: CHAT_ICON,
    tileTemplate: 'IconicTile',
    initialTile: { template: 'IconicTile', fields: { Title: 'Contoso Chat' } },
    defaultPage: DEFAULT_PAGE,
    supportsWide: true,
    channelName: 'ContosoChatChannel',
  },
]

/** Returns the sample app with this id, or undefined when the handset has no such app. */
export function findApp(appId: string): AppDefinition | undefined {
  return SAMPLE_APPS.find((app) => app.id === appId)
}
