import { WP_NOTIFICATION_NAMESPACE } from '@/mpns/payload/notification'
import { TILE_FIELD_NAMES, TILE_FIELDS_BY_TEMPLATE } from '@/mpns/tile-fields'
import type { TileFieldName, TileTemplate } from '@/mpns/types'

/** The payload kinds the editor completes. Raw bodies have no schema. */
export type XmlPayloadType = 'toast' | 'tile'

/** An attribute the engine reads, with the values it accepts when they form a closed list. */
export interface SchemaAttribute {
  name: string
  /** Accepted values, or empty when any text is accepted. */
  values: readonly string[]
  description: string
}

/** An element of the WPNotification namespace, by local name. */
export interface SchemaElement {
  name: string
  attributes: readonly SchemaAttribute[]
  /** Local names of the child elements it takes, none for elements that contain only text. */
  children: readonly string[]
  description: string
}

/** Elements by local name, plus the name of the root element. */
export interface PayloadSchema {
  root: string
  elements: ReadonlyMap<string, SchemaElement>
}

/** Values of `Template` on `wp:Tile`. A tile without the attribute is a legacy tile. */
export const TILE_TEMPLATE_VALUES = ['FlipTile', 'IconicTile', 'CycleTile'] as const

const TOAST_CHILDREN: readonly SchemaElement[] = [
  textElement('Text1', 'Bold title shown after the app icon.'),
  textElement('Text2', 'Normal-weight text after the title.'),
  textElement(
    'Param',
    'Page path and/or query passed to the app on a tap, as "/Page.xaml?k=v" or "?k=v". Escape "&" as "&amp;".',
  ),
  {
    name: 'Sound',
    attributes: [
      {
        name: 'Silent',
        values: ['true', 'false'],
        description: 'Silent="true" mutes the toast sound.',
      },
    ],
    children: [],
    description: 'Sound file from the app package (Windows Phone 8 Update 3).',
  },
]

const TILE_FIELD_DESCRIPTIONS: Readonly<Record<TileFieldName, string>> = {
  BackgroundImage: 'Image URI of the medium front.',
  Count: 'Badge count: 1 to 99 shown, 0 hides the badge.',
  Title: 'Title on the medium and wide front.',
  BackBackgroundImage: 'Image URI of the medium back.',
  BackTitle: 'Title on the back.',
  BackContent: 'Text on the medium back.',
  SmallBackgroundImage: 'Image URI of the small tile.',
  WideBackgroundImage: 'Image URI of the wide front.',
  WideBackContent: 'Text on the wide back.',
  WideBackBackgroundImage: 'Image URI of the wide back.',
  IconImage: 'Icon URI of the medium and wide tile.',
  SmallIconImage: 'Icon URI of the small tile.',
  WideContent1: 'First text row of the wide tile.',
  WideContent2: 'Second text row of the wide tile.',
  WideContent3: 'Third text row of the wide tile.',
  BackgroundColor: 'Background colour as #AARRGGBB, such as #FF1BA1E2.',
  CycleImage1: 'First cycled image, from a local URI only.',
  CycleImage2: 'Second cycled image, from a local URI only.',
  CycleImage3: 'Third cycled image, from a local URI only.',
  CycleImage4: 'Fourth cycled image, from a local URI only.',
  CycleImage5: 'Fifth cycled image, from a local URI only.',
  CycleImage6: 'Sixth cycled image, from a local URI only.',
  CycleImage7: 'Seventh cycled image, from a local URI only.',
  CycleImage8: 'Eighth cycled image, from a local URI only.',
  CycleImage9: 'Ninth cycled image, from a local URI only.',
}

const CLEAR_ACTION: SchemaAttribute = {
  name: 'Action',
  values: ['Clear'],
  description: 'Action="Clear" resets the property, and a value sent with it is ignored.',
}

const NAMESPACE_DECLARATION: SchemaAttribute = {
  name: 'xmlns:wp',
  values: [WP_NOTIFICATION_NAMESPACE],
  description: 'Binds the wp prefix to the WPNotification namespace.',
}

/**
 * Builds the elements and attributes that the engine reads for a toast, or for a tile of the
 * given template. With `template` undefined, because the payload names no tile yet or names a
 * template the engine rejects, every tile element is offered.
 */
export function createPayloadSchema(
  type: XmlPayloadType,
  template: TileTemplate | undefined,
): PayloadSchema {
  const elements = type === 'toast' ? createToastElements() : createTileElements(template)
  return { root: 'Notification', elements: new Map(elements.map((e) => [e.name, e])) }
}

/**
 * Reads the tile template that a payload names in `Template` on its Tile element: 'Legacy' when
 * the Tile element has no such attribute, and undefined without a Tile element or for a value
 * the engine does not know.
 */
export function readTileTemplate(text: string): TileTemplate | undefined {
  const tileTag = /<(?:[\w.-]+:)?Tile(?=[\s/>])([^>]*)>?/.exec(text)
  if (!tileTag) {
    return undefined
  }

  const template = /\sTemplate\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tileTag[1] ?? '')
  if (!template) {
    return 'Legacy'
  }
  const value = template[1] ?? template[2] ?? ''
  return TILE_TEMPLATE_VALUES.find((known) => known === value)
}

function createToastElements(): SchemaElement[] {
  return [
    {
      name: 'Notification',
      attributes: [NAMESPACE_DECLARATION],
      children: ['Toast'],
      description: 'Root of every MPNS payload.',
    },
    {
      name: 'Toast',
      attributes: [],
      children: TOAST_CHILDREN.map((child) => child.name),
      description: 'The toast: Text1, Text2, Param and Sound, each at most once.',
    },
    ...TOAST_CHILDREN,
  ]
}

function createTileElements(template: TileTemplate | undefined): SchemaElement[] {
  const fields = template === undefined ? TILE_FIELD_NAMES : TILE_FIELDS_BY_TEMPLATE[template]
  const templateName = template === undefined ? 'any template' : `the ${template} template`
  // Version="2.0" belongs to the Windows Phone 8 templates, so a legacy tile is sent without it.
  const version: SchemaAttribute[] =
    template === 'Legacy'
      ? []
      : [
          {
            name: 'Version',
            values: ['2.0'],
            description: 'Required by the Windows Phone 8 tile templates.',
          },
        ]

  return [
    {
      name: 'Notification',
      attributes: [NAMESPACE_DECLARATION, ...version],
      children: ['Tile'],
      description: 'Root of every MPNS payload.',
    },
    {
      name: 'Tile',
      attributes: [
        {
          name: 'Template',
          values: TILE_TEMPLATE_VALUES,
          description: 'Windows Phone 8 tile template. Leave it out for a legacy tile.',
        },
        {
          name: 'Id',
          values: [],
          description: 'Navigation URI of a secondary tile. Leave it out for the application tile.',
        },
      ],
      children: fields,
      description: `Tile update for ${templateName}. Each element is read once.`,
    },
    ...fields.map((name) => ({
      name,
      attributes: [CLEAR_ACTION],
      children: [],
      description: TILE_FIELD_DESCRIPTIONS[name],
    })),
  ]
}

function textElement(name: string, description: string): SchemaElement {
  return { name, attributes: [], children: [], description }
}
