import { CHAT_GLYPH, PHOTOS_GLYPH, SCORES_GLYPH, STOCKS_GLYPH, WEATHER_GLYPH } from './app-glyphs'
import { toAppFileKey } from './app-model'
import type { AppDefinition, SecondaryTileOffer } from './app-model'
import { DEFAULT_PAGE } from './app-naming'
import { APP_CATALOGUE_STORAGE_KEY, createAppCatalogue } from './app-catalogue'

/** URL path at which the dev server and the build serve the files of `public/apps/`. */
const SAMPLE_ASSETS_URL = '/apps'

// NOTE: the samples bind every http and https origin, so any test server's images show.
/** The `BindToShellTile(baseUris)` allow-list that lets tiles show remote images from any host. */
const ANY_REMOTE_ORIGIN = ['http://', 'https://'] as const

const FLIP_TILE_IMAGES = {
  SmallBackgroundImage: '/Assets/Tiles/FlipCycleTileSmall.png',
  BackgroundImage: '/Assets/Tiles/FlipCycleTileMedium.png',
} as const

const WEATHER_CITY_PAGE = '/CityPage.xaml'

const SCORES_TEAM_PAGE = '/Views/Team.xaml'

const CONTOSO_WEATHER: AppDefinition = {
  id: 'contoso-weather',
  name: 'Contoso Weather',
  icon: WEATHER_GLYPH,
  iconPath: '/Assets/ApplicationIcon.png',
  tileTemplate: 'FlipTile',
  initialTile: {
    template: 'FlipTile',
    fields: {
      Title: 'Contoso Weather',
      ...FLIP_TILE_IMAGES,
      WideBackgroundImage: '/Assets/Tiles/FlipCycleTileLarge.png',
    },
  },
  defaultPage: DEFAULT_PAGE,
  pages: [DEFAULT_PAGE, WEATHER_CITY_PAGE],
  supportsWide: true,
  channelName: 'ContosoWeatherChannel',
  assets: toSampleAssets('contoso-weather', [
    '/Assets/ApplicationIcon.png',
    '/Assets/Tiles/FlipCycleTileSmall.png',
    '/Assets/Tiles/FlipCycleTileMedium.png',
    '/Assets/Tiles/FlipCycleTileLarge.png',
  ]),
  lockScreen: { iconCount: false, textField: false },
  secondaryTiles: [createCityTile('Oslo', true), createCityTile('Bergen', false)],
  tileImageBaseUris: ANY_REMOTE_ORIGIN,
  handlesRaw: true,
  origin: 'sample',
}

const CONTOSO_CHAT: AppDefinition = {
  id: 'contoso-chat',
  name: 'Contoso Chat',
  icon: CHAT_GLYPH,
  iconPath: '/Assets/ApplicationIcon.png',
  tileTemplate: 'IconicTile',
  initialTile: {
    template: 'IconicTile',
    fields: {
      Title: 'Contoso Chat',
      IconImage: '/Assets/Tiles/IconicTileMediumLarge.png',
      SmallIconImage: '/Assets/Tiles/IconicTileSmall.png',
    },
  },
  defaultPage: DEFAULT_PAGE,
  pages: [DEFAULT_PAGE],
  supportsWide: true,
  channelName: 'ContosoChatChannel',
  assets: toSampleAssets('contoso-chat', [
    '/Assets/ApplicationIcon.png',
    '/Assets/Tiles/IconicTileSmall.png',
    '/Assets/Tiles/IconicTileMediumLarge.png',
    '/Assets/LockScreen/LockIcon.png',
  ]),
  lockScreen: { iconCount: true, textField: true, lockIconPath: '/Assets/LockScreen/LockIcon.png' },
  secondaryTiles: [],
  tileImageBaseUris: ANY_REMOTE_ORIGIN,
  handlesRaw: true,
  origin: 'sample',
}

/**
 * A photo app with a Cycle tile. Photos 1 to 5 ship in the package, and photos 6 to 9 sit in
 * `isostore:/Shared/ShellContent`, where an app saves images it downloaded for its tiles.
 */
const CONTOSO_PHOTOS: AppDefinition = {
  id: 'contoso-photos',
  name: 'Contoso Photos',
  icon: PHOTOS_GLYPH,
  iconPath: '/Assets/ApplicationIcon.png',
  tileTemplate: 'CycleTile',
  initialTile: {
    template: 'CycleTile',
    fields: {
      Title: 'Contoso Photos',
      SmallBackgroundImage: '/Assets/Tiles/FlipCycleTileSmall.png',
      CycleImage1: '/Assets/Photos/Photo1.png',
      CycleImage2: '/Assets/Photos/Photo2.png',
      CycleImage3: '/Assets/Photos/Photo3.png',
      CycleImage4: '/Assets/Photos/Photo4.png',
      CycleImage5: '/Assets/Photos/Photo5.png',
    },
  },
  defaultPage: DEFAULT_PAGE,
  pages: [DEFAULT_PAGE],
  supportsWide: true,
  channelName: 'ContosoPhotosChannel',
  assets: toSampleAssets('contoso-photos', [
    '/Assets/ApplicationIcon.png',
    '/Assets/Tiles/FlipCycleTileSmall.png',
    '/Assets/Tiles/AlbumSmall.png',
    ...[1, 2, 3, 4, 5].map((number) => `/Assets/Photos/Photo${number}.png`),
    ...[6, 7, 8, 9].map((number) => `isostore:/Shared/ShellContent/Photo${number}.png`),
  ]),
  lockScreen: { iconCount: false, textField: false },
  secondaryTiles: [],
  tileImageBaseUris: ANY_REMOTE_ORIGIN,
  handlesRaw: false,
  origin: 'sample',
}

/**
 * A Windows Phone 7.5 app with the standard tile, whose files sit at the package root as the
 * WP7 project template put them. It binds its channel without an allow-list, so a tile update
 * with a remote image raises `MessageBadContent`.
 */
const FABRIKAM_SCORES: AppDefinition = {
  id: 'fabrikam-scores',
  name: 'Fabrikam Scores',
  icon: SCORES_GLYPH,
  iconPath: '/ApplicationIcon.png',
  tileTemplate: 'Legacy',
  initialTile: {
    template: 'Legacy',
    fields: { Title: 'Fabrikam Scores', BackgroundImage: '/Background.png' },
  },
  defaultPage: DEFAULT_PAGE,
  pages: [DEFAULT_PAGE, SCORES_TEAM_PAGE],
  supportsWide: false,
  channelName: 'FabrikamScoresChannel',
  assets: toSampleAssets('fabrikam-scores', [
    '/ApplicationIcon.png',
    '/Background.png',
    '/Images/back.png',
    '/Images/Team42.png',
  ]),
  lockScreen: { iconCount: false, textField: false },
  secondaryTiles: [
    {
      navigationUri: `${SCORES_TEAM_PAGE}?team=42`,
      label: 'Pin Team 42',
      initialTile: {
        template: 'Legacy',
        fields: { Title: 'Team 42', BackgroundImage: '/Images/Team42.png' },
      },
      supportsWide: false,
    },
  ],
  tileImageBaseUris: [],
  handlesRaw: false,
  origin: 'sample',
}

/** A stock ticker that takes its prices as raw notifications while it runs. */
const WOODGROVE_STOCKS: AppDefinition = {
  id: 'woodgrove-stocks',
  name: 'Woodgrove Stocks',
  icon: STOCKS_GLYPH,
  iconPath: '/Assets/ApplicationIcon.png',
  tileTemplate: 'FlipTile',
  initialTile: { template: 'FlipTile', fields: { Title: 'Woodgrove Stocks', ...FLIP_TILE_IMAGES } },
  defaultPage: DEFAULT_PAGE,
  pages: [DEFAULT_PAGE],
  supportsWide: false,
  channelName: 'WoodgroveStocksChannel',
  assets: toSampleAssets('woodgrove-stocks', [
    '/Assets/ApplicationIcon.png',
    '/Assets/Tiles/FlipCycleTileSmall.png',
    '/Assets/Tiles/FlipCycleTileMedium.png',
  ]),
  lockScreen: { iconCount: false, textField: false },
  secondaryTiles: [],
  tileImageBaseUris: ANY_REMOTE_ORIGIN,
  handlesRaw: true,
  origin: 'sample',
}

export const SAMPLE_APPS: readonly AppDefinition[] = [
  CONTOSO_WEATHER,
  CONTOSO_CHAT,
  CONTOSO_PHOTOS,
  FABRIKAM_SCORES,
  WOODGROVE_STOCKS,
]

/** The page's custom apps, which every handset on it can install. */
export const appCatalogue = createAppCatalogue({ reservedIds: SAMPLE_APPS.map((app) => app.id) })

if (typeof window !== 'undefined') {
  // Another tab installed or imported an app.
  window.addEventListener('storage', (event) => {
    if (event.key === APP_CATALOGUE_STORAGE_KEY) {
      void appCatalogue.persist.rehydrate()
    }
  })
}

/** Returns the sample or custom app with this id, or undefined when there is none. */
export function findApp(appId: string): AppDefinition | undefined {
  return (
    SAMPLE_APPS.find((app) => app.id === appId) ??
    appCatalogue.getState().customApps.find((app) => app.id === appId)
  )
}

/** Returns every app the handsets can install: the samples, then the custom apps. */
export function listAllApps(customApps: readonly AppDefinition[]): AppDefinition[] {
  return [...SAMPLE_APPS, ...customApps]
}

/**
 * Returns the URL of a sample app's file: package paths map to `/apps/<app-id>/<path>` and
 * `isostore:` paths to `/apps/<app-id>/isostore/<path>`, with the letter case kept.
 */
export function toSampleAssetUrl(appId: string, path: string): string {
  const isolatedStorage = /^isostore:\/*/i.exec(path)
  const relative =
    isolatedStorage === null
      ? path.replace(/^\/+/, '')
      : `isostore/${path.slice(isolatedStorage[0].length)}`
  return `${SAMPLE_ASSETS_URL}/${appId}/${relative}`
}

function toSampleAssets(appId: string, paths: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    paths.map((path) => [toAppFileKey(path), toSampleAssetUrl(appId, path)]),
  )
}

function createCityTile(city: string, supportsWide: boolean): SecondaryTileOffer {
  return {
    navigationUri: `${WEATHER_CITY_PAGE}?city=${city}`,
    label: `Pin ${city} to Start`,
    initialTile: {
      template: 'FlipTile',
      fields: {
        Title: city,
        ...FLIP_TILE_IMAGES,
        WideBackgroundImage: '/Assets/Tiles/FlipCycleTileLarge.png',
      },
    },
    supportsWide,
  }
}
