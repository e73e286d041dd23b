import { shortenForMessage } from '../message-text'
import { TILE_FIELDS_BY_TEMPLATE } from '../tile-fields'
import type { TileFieldName, TileFieldUpdate, TilePayload, TileTemplate } from '../types'
import { addWarning } from '../warnings'
import type { SenderWarning } from '../warnings'
import {
  createPayloadError,
  formatLine,
  readAttribute,
  readNotificationEnvelope,
  warnAboutUnknownAttributes,
} from './notification'
import { checkTileFieldValue } from './tile-values'
import type { XmlElement } from './xml'

const TEMPLATE_ATTRIBUTE_VALUES: ReadonlySet<string> = new Set([
  'FlipTile',
  'IconicTile',
  'CycleTile',
])

const ALL_TILE_FIELDS: ReadonlySet<string> = new Set(Object.values(TILE_FIELDS_BY_TEMPLATE).flat())

/** Value of the `Version` attribute on `wp:Notification` for Windows Phone 8 templates. */
const TEMPLATE_VERSION = '2.0'

/**
 * Reads a tile payload: its template, the secondary tile Id and one update per element.
 * Sender mistakes that MPNS accepted are added to `warnings`, and structural errors throw an MpnsError.
 */
export function parseTilePayload(root: XmlElement, warnings: SenderWarning[]): TilePayload {
  const { notification, body } = readNotificationEnvelope(root, 'Tile', warnings)
  warnAboutUnknownAttributes(body, ['Id', 'Template'], warnings)
  const template = readTemplate(body, notification, warnings)
  const tile: TilePayload = { template, fields: {} }

  const id = readAttribute(body, 'Id')
  if (id === '') {
    addWarning(
      warnings,
      'EMPTY_TILE_ID',
      'The Id attribute of <wp:Tile> is empty, so the update goes to the application tile. Leave Id out for the application tile.',
    )
  } else if (id !== undefined) {
    tile.id = id
  }

  for (const child of body.children) {
    const name = acceptFieldName(child, { template, tile, warnings })
    const update = name === undefined ? undefined : readFieldUpdate(child, name, warnings)
    if (name !== undefined && update !== undefined) {
      tile.fields[name] = update
    }
  }

  if (body.text.trim() !== '') {
    addWarning(
      warnings,
      'STRAY_TEXT',
      `Text "${shortenForMessage(body.text.trim())}" directly inside <wp:Tile> was ignored. Put text in elements such as <wp:Title>.`,
    )
  }
  return tile
}

function readTemplate(
  body: XmlElement,
  notification: XmlElement,
  warnings: SenderWarning[],
): TileTemplate {
  const template = readAttribute(body, 'Template')
  const version = readAttribute(notification, 'Version')

  if (template === undefined) {
    if (version?.trim() === TEMPLATE_VERSION) {
      addWarning(
        warnings,
        'VERSION_WITHOUT_TEMPLATE',
        'The payload has Version="2.0" but <wp:Tile> has no Template attribute, so it is treated as a legacy tile. Add Template="FlipTile", "IconicTile" or "CycleTile".',
      )
    }
    return 'Legacy'
  }

  if (!isTemplateAttributeValue(template)) {
    throw createPayloadError(
      `Unknown tile template "${shortenForMessage(template)}"${formatLine(body)}: Windows Phone 8 knows FlipTile, IconicTile and CycleTile. Use one of them, or leave Template out for a legacy tile.`,
    )
  }
  if (version?.trim() !== TEMPLATE_VERSION) {
    addWarning(
      warnings,
      'VERSION_MISSING',
      `Template "${template}" is sent without Version="2.0" on <wp:Notification>. The tile is updated anyway, but add Version="2.0" as the Windows Phone 8 templates specify.`,
    )
  }
  return template
}

/** Returns the element's field name when the template takes it and it is the first of its name. */
function acceptFieldName(
  element: XmlElement,
  state: { template: TileTemplate; tile: TilePayload; warnings: SenderWarning[] },
): TileFieldName | undefined {
  const name = element.localName
  const where = `<wp:${shortenForMessage(name)}>${formatLine(element)}`

  if (!isTileFieldName(name)) {
    addWarning(
      state.warnings,
      'UNKNOWN_ELEMENT',
      `Element ${where} is not a tile element and was ignored. Check its spelling.`,
    )
    return undefined
  }
  if (!TILE_FIELDS_BY_TEMPLATE[state.template].includes(name)) {
    addWarning(
      state.warnings,
      'FOREIGN_ELEMENT',
      `Element ${where} does not belong to the ${state.template} template and was ignored. Send it only with a template that takes it.`,
    )
    return undefined
  }
  if (Object.hasOwn(state.tile.fields, name)) {
    addWarning(
      state.warnings,
      'DUPLICATE_ELEMENT',
      `Element ${where} appears more than once, so only the first one is used. Send it once.`,
    )
    return undefined
  }
  return name
}

function readFieldUpdate(
  element: XmlElement,
  name: TileFieldName,
  warnings: SenderWarning[],
): TileFieldUpdate | undefined {
  warnAboutUnknownAttributes(element, ['Action'], warnings)
  if (element.children.length > 0) {
    addWarning(
      warnings,
      'UNKNOWN_ELEMENT',
      `Element <wp:${name}>${formatLine(element)} contains child elements, which were ignored. Put only text in it.`,
    )
  }
  const hasValue = element.text.trim() !== ''
  const isClear = readClearAction(element, warnings)

  if (isClear) {
    if (hasValue) {
      addWarning(
        warnings,
        'CLEAR_WITH_VALUE',
        `Element <wp:${name}>${formatLine(element)} has Action="Clear" and a value, so it is cleared and the value is ignored. Send either the value or Action="Clear".`,
      )
    }
    return { action: 'clear' }
  }

  if (!hasValue) {
    addWarning(
      warnings,
      'EMPTY_ELEMENT',
      `Element <wp:${name}>${formatLine(element)} is empty, so the tile keeps its previous ${name}. Write <wp:${name} Action="Clear"></wp:${name}> to clear it.`,
    )
    return undefined
  }
  checkTileFieldValue(name, element.text, warnings)
  return { action: 'set', value: element.text }
}

/** Tells whether the element has Action="Clear", warning about other Action values. */
function readClearAction(element: XmlElement, warnings: SenderWarning[]): boolean {
  const action = readAttribute(element, 'Action')
  if (action === undefined || action === 'Clear') {
    return action === 'Clear'
  }

  const isClear = action.trim().toLowerCase() === 'clear'
  const where = `<wp:${element.localName}>${formatLine(element)}`
  addWarning(
    warnings,
    'ACTION_NOT_CLEAR',
    isClear
      ? `Element ${where} has Action="${shortenForMessage(action)}", which is read as Action="Clear". Write it as Action="Clear".`
      : `Element ${where} has Action="${shortenForMessage(action)}", which is not "Clear", so the attribute was ignored. Use Action="Clear" or leave it out.`,
  )
  return isClear
}

function isTemplateAttributeValue(value: string): value is Exclude<TileTemplate, 'Legacy'> {
  return TEMPLATE_ATTRIBUTE_VALUES.has(value)
}

function isTileFieldName(name: string): name is TileFieldName {
  return ALL_TILE_FIELDS.has(name)
}
