import type { TileFieldName, TileTemplate } from './types'

/** The nine images of a Cycle tile, in the order it shows them. */
export const CYCLE_IMAGE_FIELDS = [
  'CycleImage1',
  'CycleImage2',
  'CycleImage3',
  'CycleImage4',
  'CycleImage5',
  'CycleImage6',
  'CycleImage7',
  'CycleImage8',
  'CycleImage9',
] as const satisfies readonly TileFieldName[]

const LEGACY_FIELDS = [
  'BackgroundImage',
  'Count',
  'Title',
  'BackBackgroundImage',
  'BackTitle',
  'BackContent',
] as const satisfies readonly TileFieldName[]

/** Elements each tile template takes. Other elements in a tile payload are ignored. */
export const TILE_FIELDS_BY_TEMPLATE: Readonly<Record<TileTemplate, readonly TileFieldName[]>> = {
  Legacy: LEGACY_FIELDS,
  FlipTile: [
    ...LEGACY_FIELDS,
    'SmallBackgroundImage',
    'WideBackgroundImage',
    'WideBackContent',
    'WideBackBackgroundImage',
  ],
  IconicTile: [
    'Count',
    'Title',
    'IconImage',
    'SmallIconImage',
    'WideContent1',
    'WideContent2',
    'WideContent3',
    'BackgroundColor',
  ],
  CycleTile: ['SmallBackgroundImage', ...CYCLE_IMAGE_FIELDS, 'Count', 'Title'],
}

/** Every tile element of every template, each once. */
export const TILE_FIELD_NAMES: readonly TileFieldName[] = [
  ...new Set(Object.values(TILE_FIELDS_BY_TEMPLATE).flat()),
]

/** Tile elements that name an image. */
export const TILE_IMAGE_FIELDS: readonly TileFieldName[] = TILE_FIELD_NAMES.filter((name) =>
  name.includes('Image'),
)
