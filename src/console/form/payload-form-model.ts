import { MpnsError } from '@/mpns/errors'
import { parseTilePayload } from '@/mpns/payload/tile'
import { parseToastPayload } from '@/mpns/payload/toast'
import { parseXmlDocument } from '@/mpns/payload/xml'
import { CYCLE_IMAGE_FIELDS } from '@/mpns/tile-fields'
import type { NotificationType, TileFieldName, TileTemplate, TilePayload } from '@/mpns/types'
import type { SenderWarning, SenderWarningCode } from '@/mpns/warnings'

/** Toast elements as form fields. An empty string omits the element. */
export interface ToastFormFields {
  type: 'toast'
  text1: string
  text2: string
  param: string
  sound: string
  /** Writes `Silent="true"` on `wp:Sound`. */
  silent: boolean
}

/** One tile element as a form field: its text, or a reset through `Action="Clear"`. */
export interface TileFormElement {
  value: string
  clear: boolean
}

/** A tile payload as form fields. An element left out, or empty and not cleared, is omitted. */
export interface TileFormFields {
  type: 'tile'
  template: TileTemplate
  /** Navigation URI of a secondary tile. An empty string addresses the application tile. */
  id: string
  elements: Partial<Record<TileFieldName, TileFormElement>>
}

/** A raw body, edited as text in whichever encoding the console reads it. */
export interface RawFormFields {
  type: 'raw'
  body: string
}

export type PayloadFormFields = ToastFormFields | TileFormFields | RawFormFields

/** The form fields of a payload, or why the form cannot show the payload without changing it. */
export type FormParseResult =
  { ok: true; fields: PayloadFormFields } | { ok: false; message: string }

/** Tile elements in the order the form lists them: the front first, then the back and the sizes. */
export const FORM_FIELDS_BY_TEMPLATE: Readonly<Record<TileTemplate, readonly TileFieldName[]>> = {
  Legacy: ['BackgroundImage', 'Count', 'Title', 'BackBackgroundImage', 'BackTitle', 'BackContent'],
  FlipTile: [
    'Title',
    'Count',
    'BackgroundImage',
    'BackBackgroundImage',
    'BackTitle',
    'BackContent',
    'SmallBackgroundImage',
    'WideBackgroundImage',
    'WideBackBackgroundImage',
    'WideBackContent',
  ],
  IconicTile: [
    'Title',
    'Count',
    'IconImage',
    'SmallIconImage',
    'WideContent1',
    'WideContent2',
    'WideContent3',
    'BackgroundColor',
  ],
  CycleTile: ['Title', 'Count', 'SmallBackgroundImage', ...CYCLE_IMAGE_FIELDS],
}

/**
 * Warnings about markup that the form would drop or change on its next write: elements and
 * attributes the schema lacks, repeated elements, stray text, and values the engine ignores.
 */
const UNREPRESENTABLE_WARNINGS: ReadonlySet<SenderWarningCode> = new Set<SenderWarningCode>([
  'UNKNOWN_ELEMENT',
  'FOREIGN_ELEMENT',
  'DUPLICATE_ELEMENT',
  'UNKNOWN_ATTRIBUTE',
  'STRAY_TEXT',
  'CLEAR_WITH_VALUE',
  'ACTION_NOT_CLEAR',
  'SOUND_INVALID',
])

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
}

/**
 * Reads a payload into form fields with the engine's own parsers. Returns the engine's message
 * when the XML is not a valid payload of `type`, or when the form could not write it back
 * without dropping or changing part of it. An empty payload gives empty fields.
 */
export function parseFormFields(xml: string, type: NotificationType): FormParseResult {
  if (type === 'raw') {
    return { ok: true, fields: { type: 'raw', body: xml } }
  }
  if (xml.trim() === '') {
    return { ok: true, fields: createEmptyFields(type) }
  }

  const warnings: SenderWarning[] = []
  let fields: PayloadFormFields
  try {
    const root = parseXmlDocument(new TextEncoder().encode(xml))
    fields =
      type === 'toast'
        ? toToastFields(parseToastPayload(root, warnings))
        : toTileFields(parseTilePayload(root, warnings))
  } catch (error) {
    if (error instanceof MpnsError) {
      return { ok: false, message: error.message }
    }
    throw error
  }

  const unrepresentable = warnings.find((warning) => UNREPRESENTABLE_WARNINGS.has(warning.code))
  if (unrepresentable !== undefined) {
    return { ok: false, message: unrepresentable.message }
  }
  return { ok: true, fields }
}

/**
 * Writes form fields as a payload: XML with the declaration, the `wp` prefix and, for the
 * Windows Phone 8 tile templates, `Version="2.0"`. Text is XML-escaped, and a raw body is
 * returned as it is.
 * NOTE: the written XML keeps no comments, indentation or element order of the XML it replaces,
 * and it adds `Version="2.0"` where a template tile lacked it.
 */
export function writeFormFields(fields: PayloadFormFields): string {
  switch (fields.type) {
    case 'raw':
      return fields.body
    case 'toast':
      return writeToast(fields)
    case 'tile':
      return writeTile(fields)
  }
}

/** Returns empty fields of a type. A tile starts as a FlipTile for the application tile. */
export function createEmptyFields(type: NotificationType): PayloadFormFields {
  switch (type) {
    case 'raw':
      return { type: 'raw', body: '' }
    case 'toast':
      return { type: 'toast', text1: '', text2: '', param: '', sound: '', silent: false }
    case 'tile':
      return { type: 'tile', template: 'FlipTile', id: '', elements: {} }
  }
}

/** Switches a tile to another template, keeping the Id and the elements the new one takes. */
export function changeTileTemplate(fields: TileFormFields, template: TileTemplate): TileFormFields {
  const elements: TileFormFields['elements'] = {}
  for (const name of FORM_FIELDS_BY_TEMPLATE[template]) {
    const element = fields.elements[name]
    if (element !== undefined) {
      elements[name] = element
    }
  }
  return { ...fields, template, elements }
}

/** Escapes text for an XML text node or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => XML_ESCAPES[character] ?? character)
}

function toToastFields(toast: ReturnType<typeof parseToastPayload>): ToastFormFields {
  return {
    type: 'toast',
    text1: toast.text1 ?? '',
    text2: toast.text2 ?? '',
    param: toast.param ?? '',
    sound: toast.sound ?? '',
    silent: toast.silent,
  }
}

function toTileFields(tile: TilePayload): TileFormFields {
  const elements: TileFormFields['elements'] = {}
  for (const name of FORM_FIELDS_BY_TEMPLATE[tile.template]) {
    const update = tile.fields[name]
    if (update !== undefined) {
      elements[name] =
        update.action === 'clear'
          ? { value: '', clear: true }
          : { value: update.value, clear: false }
    }
  }
  return { type: 'tile', template: tile.template, id: tile.id ?? '', elements }
}

function writeToast(fields: ToastFormFields): string {
  const lines = [
    writeTextElement('Text1', fields.text1),
    writeTextElement('Text2', fields.text2),
    writeTextElement('Param', fields.param),
  ]
  if (fields.silent) {
    lines.push(`<wp:Sound Silent="true">${escapeXml(fields.sound)}</wp:Sound>`)
  } else {
    lines.push(writeTextElement('Sound', fields.sound))
  }

  return writeEnvelope({ version: false, open: '<wp:Toast>', close: '</wp:Toast>', lines })
}

function writeTile(fields: TileFormFields): string {
  const attributes: string[] = []
  if (fields.id !== '') {
    attributes.push(` Id="${escapeXml(fields.id)}"`)
  }
  const isLegacy = fields.template === 'Legacy'
  if (!isLegacy) {
    attributes.push(` Template="${fields.template}"`)
  }

  const lines = FORM_FIELDS_BY_TEMPLATE[fields.template].map((name) => {
    const element = fields.elements[name]
    if (element?.clear) {
      return `<wp:${name} Action="Clear"></wp:${name}>`
    }
    return writeTextElement(name, element?.value ?? '')
  })

  return writeEnvelope({
    version: !isLegacy,
    open: `<wp:Tile${attributes.join('')}>`,
    close: '</wp:Tile>',
    lines,
  })
}

function writeTextElement(name: string, value: string): string {
  return value === '' ? '' : `<wp:${name}>${escapeXml(value)}</wp:${name}>`
}

function writeEnvelope(parts: {
  version: boolean
  open: string
  close: string
  lines: readonly string[]
}): string {
  const version = parts.version ? ' Version="2.0"' : ''
  return [
    XML_DECLARATION,
    `<wp:Notification xmlns:wp="WPNotification"${version}>`,
    `  ${parts.open}`,
    ...parts.lines.filter((line) => line !== '').map((line) => `    ${line}`),
    `  ${parts.close}`,
    '</wp:Notification>',
  ].join('\n')
}
