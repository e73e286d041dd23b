import type { AppDefinition, AppIconGlyph } from './app-model'

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
    lockScreen: { iconCount: false, textField: false },
    pages: [DEFAULT_PAGE],
    assets: {},
    secondaryTiles: [
      {
        navigationUri: '/CityPage.xaml?city=Oslo',
        label: 'Pin Oslo to Start',
        initialTile: { template: 'FlipTile', fields: { Title: 'Oslo' } },
        supportsWide: true,
      },
      {
        navigationUri: '/CityPage.xaml?city=Bergen',
        label: 'Pin Bergen to Start',
        initialTile: { template: 'FlipTile', fields: { Title: 'Bergen' } },
        supportsWide: false,
      },
    ],
    // NOTE: the samples bind every http and https origin, so any test server's images show.
    tileImageBaseUris: ['http://', 'https://'],
    handlesRaw: true,
    origin: 'sample',
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
    lockScreen: { iconCount: true, textField: true },
    pages: [DEFAULT_PAGE],
    assets: {},
    secondaryTiles: [],
    tileImageBaseUris: ['http://', 'https://'],
    handlesRaw: true,
    origin: 'sample',
  },
]

/** Returns the sample app with this id, or undefined when the handset has no such app. */
export function findApp(appId: string): AppDefinition | undefined {
  return SAMPLE_APPS.find((app) => app.id === appId)
}
