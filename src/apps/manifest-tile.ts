import type { TileFieldName } from '@/mpns/types'
import { CYCLE_IMAGE_FIELDS } from '@/mpns/tile-fields'

import type { PrimaryTileTemplate } from './app-model'
import { describeUnusableTitle } from './app-naming'
import type { ImageReference, ImageRole } from './manifest-images'
import { toPackagePath } from './manifest-images'
import { findChild } from './manifest-xml'
import type { ManifestElement } from './manifest-xml'

/** The primary tile as the manifest's `PrimaryToken` declares it. */
export interface ManifestTile {
  template: PrimaryTileTemplate
  fields: Partial<Record<TileFieldName, string>>
  images: ImageReference[]
  supportsWide: boolean
  /** `DeviceLockImageURI` as a package path, when the manifest sets one. */
  lockIconPath?: string
  warnings: string[]
}

/** Mapping of one child element of a template element onto the tile. */
type ElementRule =
  | { kind: 'text'; field: TileFieldName }
  | { kind: 'image'; field: TileFieldName; role: ImageRole }
  | { kind: 'count' }
  | { kind: 'title' }
  | { kind: 'color' }
  | { kind: 'has-large' }
  | { kind: 'lock-icon' }
  | { kind: 'unused' }

interface TemplateRules {
  template: PrimaryTileTemplate
  /** Rules keyed by lower-case element name. */
  rules: ReadonlyMap<string, ElementRule>
}

const COUNT = { kind: 'count' } as const
const TITLE = { kind: 'title' } as const
const HAS_LARGE = { kind: 'has-large' } as const
const LOCK_ICON = { kind: 'lock-icon' } as const

/** Tile templates keyed by the lower-case name of their element inside `PrimaryToken`. */
const TEMPLATES: ReadonlyMap<string, TemplateRules> = new Map([
  [
    'templateflip',
    createRules('FlipTile', [
      ['SmallImageURI', { kind: 'image', field: 'SmallBackgroundImage', role: 'small-tile' }],
      ['Count', COUNT],
      ['BackgroundImageURI', { kind: 'image', field: 'BackgroundImage', role: 'medium-tile' }],
      ['Title', TITLE],
      ['BackContent', { kind: 'text', field: 'BackContent' }],
      [
        'BackBackgroundImageURI',
        { kind: 'image', field: 'BackBackgroundImage', role: 'medium-tile' },
      ],
      ['BackTitle', { kind: 'text', field: 'BackTitle' }],
      [
        'LargeBackgroundImageURI',
        { kind: 'image', field: 'WideBackgroundImage', role: 'wide-tile' },
      ],
      ['LargeBackContent', { kind: 'text', field: 'WideBackContent' }],
      [
        'LargeBackBackgroundImageURI',
        { kind: 'image', field: 'WideBackBackgroundImage', role: 'wide-tile' },
      ],
      ['DeviceLockImageURI', LOCK_ICON],
      ['HasLarge', HAS_LARGE],
    ]),
  ],
  [
    'templateiconic',
    createRules('IconicTile', [
      ['SmallImageURI', { kind: 'image', field: 'SmallIconImage', role: 'iconic-small-icon' }],
      ['Count', COUNT],
      ['IconImageURI', { kind: 'image', field: 'IconImage', role: 'iconic-icon' }],
      ['Title', TITLE],
      ['Message', { kind: 'unused' }],
      ['BackgroundColor', { kind: 'color' }],
      ['HasLarge', HAS_LARGE],
      ['LargeContent1', { kind: 'text', field: 'WideContent1' }],
      ['LargeContent2', { kind: 'text', field: 'WideContent2' }],
      ['LargeContent3', { kind: 'text', field: 'WideContent3' }],
      ['DeviceLockImageURI', LOCK_ICON],
    ]),
  ],
  [
    'templatecycle',
    createRules('CycleTile', [
      ['SmallImageURI', { kind: 'image', field: 'SmallBackgroundImage', role: 'small-tile' }],
      ['Title', TITLE],
      ...createPhotoRules(),
      ['Count', COUNT],
      ['HasLarge', HAS_LARGE],
      ['DeviceLockImageURI', LOCK_ICON],
    ]),
  ],
  [
    'templatetype5',
    createRules('Legacy', [
      ['BackgroundImageURI', { kind: 'image', field: 'BackgroundImage', role: 'legacy-tile' }],
      ['Count', COUNT],
      ['Title', TITLE],
    ]),
  ],
])

const HEX_COLOR = /^#(?:[0-9a-fA-F]{2})?[0-9a-fA-F]{6}$/

/** Names of the template elements, for messages. */
const TEMPLATE_NAMES = 'TemplateFlip, TemplateIconic, TemplateCycle or TemplateType5'

/**
 * Reads the primary tile from `App/Tokens/PrimaryToken`. A manifest without a token or with an
 * unknown template gets a FlipTile titled with the app name, and a warning.
 */
export function readPrimaryTile(app: ManifestElement, appName: string): ManifestTile {
  const tokens = findChild(app, 'Tokens')
  const primaryToken = tokens === undefined ? undefined : findChild(tokens, 'PrimaryToken')
  const templateElement = primaryToken?.children.find((child) =>
    TEMPLATES.has(child.name.toLowerCase()),
  )
  const rules = templateElement && TEMPLATES.get(templateElement.name.toLowerCase())
  if (templateElement === undefined || rules === undefined) {
    const found = primaryToken === undefined ? 'no <Tokens><PrimaryToken>' : `no ${TEMPLATE_NAMES}`
    return {
      template: 'FlipTile',
      fields: { Title: appName },
      images: [],
      supportsWide: false,
      warnings: [
        `The manifest has ${found}, so the primary tile is a FlipTile titled "${appName}". Pick the tile template in the form.`,
      ],
    }
  }

  const tile: ManifestTile = {
    template: rules.template,
    fields: {},
    images: [],
    supportsWide: false,
    warnings: [],
  }
  for (const child of templateElement.children) {
    applyElement(tile, { element: child, parent: templateElement.name, rules, appName })
  }
  return tile
}

function applyElement(
  tile: ManifestTile,
  context: { element: ManifestElement; parent: string; rules: TemplateRules; appName: string },
): void {
  const { element, parent, rules, appName } = context
  const rule = rules.rules.get(element.name.toLowerCase())
  const value = element.text.trim()
  if (rule === undefined) {
    tile.warnings.push(
      `<${element.name}> inside <${parent}> is not a tile property, so it is ignored.`,
    )
    return
  }
  if (value === '' && rule.kind !== 'title') {
    return
  }

  switch (rule.kind) {
    case 'text':
      tile.fields[rule.field] = value
      return
    case 'image':
      tile.fields[rule.field] = readImagePath(tile, {
        value,
        source: element.name,
        role: rule.role,
      })
      return
    case 'count':
      readCount(tile, value)
      return
    case 'title':
      readTitle(tile, value, appName)
      return
    case 'color':
      readColor(tile, element.text)
      return
    case 'has-large':
      tile.supportsWide = readBoolean(tile, value)
      return
    case 'lock-icon':
      tile.lockIconPath = readImagePath(tile, { value, source: element.name, role: 'lock-icon' })
      return
    case 'unused':
      // NOTE: IconicTileData has no property for the manifest's <Message>, and what the phone
      // shows for it is unverified, so the emulator ignores it.
      tile.warnings.push(
        `<${element.name}> "${value}" has no counterpart on an Iconic tile, so it is ignored.`,
      )
  }
}

function readImagePath(
  tile: ManifestTile,
  image: { value: string; source: string; role: ImageRole },
): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(image.value)) {
    tile.warnings.push(
      `${image.source} "${image.value}" is a remote URL, but a manifest names files in the app package. Put the image in the project and name its path.`,
    )
    return image.value
  }
  const path = toPackagePath(image.value)
  tile.images.push({ source: image.source, path, role: image.role })
  return path
}

function readCount(tile: ManifestTile, value: string): void {
  if (!/^\d+$/.test(value)) {
    tile.warnings.push(`Count "${value}" is not a whole number, so the tile shows no count.`)
    return
  }
  // A count of 0 hides the badge, which is the same as no count.
  if (Number(value) > 0) {
    tile.fields.Count = value
  }
}

function readTitle(tile: ManifestTile, value: string, appName: string): void {
  if (value === '') {
    tile.warnings.push(
      'The primary tile has an empty <Title>, so it shows no title. The Store required one; set it in the manifest.',
    )
    return
  }
  const problem = describeUnusableTitle(value)
  if (problem !== undefined) {
    tile.warnings.push(`The tile title "${value}" ${problem}, so the tile shows "${appName}".`)
    tile.fields.Title = appName
    return
  }
  tile.fields.Title = value
}

/** Reads `BackgroundColor`, which the phone ignores when whitespace surrounds the hex value. */
function readColor(tile: ManifestTile, rawText: string): void {
  const value = rawText.trim()
  if (!HEX_COLOR.test(value)) {
    tile.warnings.push(
      `BackgroundColor "${value}" is not #RRGGBB or #AARRGGBB, so the tile uses the accent colour.`,
    )
    return
  }
  if (value !== rawText) {
    tile.warnings.push(
      `BackgroundColor "${value}" has whitespace around it, which makes the phone ignore it, so the tile uses the accent colour. Remove the whitespace.`,
    )
    return
  }
  tile.fields.BackgroundColor = value
}

function readBoolean(tile: ManifestTile, value: string): boolean {
  const lower = value.toLowerCase()
  if (lower !== 'true' && lower !== 'false') {
    tile.warnings.push(`HasLarge "${value}" is not true or false, so the tile cannot be wide.`)
  }
  return lower === 'true'
}

function createRules(
  template: PrimaryTileTemplate,
  entries: ReadonlyArray<readonly [string, ElementRule]>,
): TemplateRules {
  return {
    template,
    rules: new Map(entries.map(([name, rule]) => [name.toLowerCase(), rule])),
  }
}

/**
 * Maps the Cycle template's photo elements to CycleImage1 to CycleImage9. Visual Studio writes
 * them with two digits (`Photo01ImageURI`), and the one-digit spelling is accepted as well.
 */
function createPhotoRules(): Array<readonly [string, ElementRule]> {
  return CYCLE_IMAGE_FIELDS.flatMap((field, index) => {
    const rule: ElementRule = { kind: 'image', field, role: 'wide-tile' }
    const number = index + 1
    return [[`Photo0${number}ImageURI`, rule] as const, [`Photo${number}ImageURI`, rule] as const]
  })
}
