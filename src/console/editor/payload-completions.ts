import { WP_NOTIFICATION_NAMESPACE } from '@/mpns/payload/notification'

import { findCursorContext, findWpPrefix } from './payload-context'
import type { OpenElement } from './payload-context'
import { createPayloadSchema, readTileTemplate } from './payload-schema'
import type {
  PayloadSchema,
  SchemaAttribute,
  SchemaElement,
  XmlPayloadType,
} from './payload-schema'

/** A completion request: the text, the cursor offset and the notification type. */
export interface CompletionRequest {
  text: string
  /** Cursor offset in UTF-16 code units. */
  position: number
  type: XmlPayloadType
  /** True when the user asked for completions (Ctrl+Space) rather than typed. */
  explicit: boolean
}

export type PayloadCompletionKind = 'element' | 'attribute' | 'value'

/** One completion: the text inserted over `from`…`to` and where the cursor lands in it. */
export interface PayloadCompletion {
  label: string
  kind: PayloadCompletionKind
  description: string
  insert: string
  /** Cursor offset into `insert` after it is applied. */
  cursor: number
  /** True when completing should list completions again, as for an attribute's empty value. */
  reopen: boolean
}

/** Completions that replace the text from `from` to `to`. */
export interface PayloadCompletionResult {
  from: number
  to: number
  options: PayloadCompletion[]
}

const NAME_CHARACTERS = /^[\w.:-]*/

/** Text after an element name whose tag is already written: `>`, `/>` or an attribute. */
const TAG_CONTINUES = /^(?:\s*\/?>|\s+[\w.:-]+\s*=)/

/**
 * Lists the `wp:` elements, attributes and attribute values valid at the cursor for a toast or
 * a tile of the template the payload names. Returns null where nothing can be completed.
 */
export function completePayload(request: CompletionRequest): PayloadCompletionResult | null {
  const { text, position } = request
  const context = findCursorContext(text, position)
  const schema = createPayloadSchema(request.type, readTileTemplate(text))
  const prefix = findWpPrefix(text)
  const wordEnd = position + (NAME_CHARACTERS.exec(text.slice(position))?.[0].length ?? 0)

  switch (context.kind) {
    case 'element-name': {
      const names = listChildNames(schema, context.parent, context.siblings)
      const tagContinues = TAG_CONTINUES.test(text.slice(wordEnd))
      const options = names.map((name) =>
        toElementCompletion(schema, { name, prefix, withBrackets: false, tagContinues }),
      )
      return toResult(context.from, wordEnd, options)
    }
    case 'end-tag-name': {
      const options = [toEndTagCompletion(context.element, text[wordEnd] === '>')]
      return toResult(context.from, wordEnd, options)
    }
    case 'attribute-name': {
      const element = schema.elements.get(context.element.localName)
      const hasValue = /^\s*=/.test(text.slice(wordEnd))
      const options = (element?.attributes ?? [])
        .filter((attribute) => !context.present.includes(toAttributeName(attribute, prefix)))
        .map((attribute) => toAttributeCompletion(attribute, { prefix, hasValue }))
      return toResult(context.from, wordEnd, options)
    }
    case 'attribute-value': {
      const attribute = findAttribute(schema, context.element, context.attribute, prefix)
      const valueEnd = position + (/^[^"'<>]*/.exec(text.slice(position))?.[0].length ?? 0)
      const options = (attribute?.values ?? []).map((value) => toValueCompletion(attribute, value))
      return toResult(context.from, valueEnd, options)
    }
    case 'content': {
      if (!request.explicit) {
        return null
      }
      const names = listChildNames(schema, context.parent, context.siblings)
      const options = names.map((name) =>
        toElementCompletion(schema, { name, prefix, withBrackets: true, tagContinues: false }),
      )
      return toResult(position, position, options)
    }
    case 'none':
      return null
  }
}

/** Lists the children the schema allows in `parent` that are not there yet, because each appears once. */
function listChildNames(
  schema: PayloadSchema,
  parent: OpenElement | null,
  siblings: readonly string[],
): string[] {
  if (parent === null) {
    return siblings.length === 0 ? [schema.root] : []
  }
  const allowed = schema.elements.get(parent.localName)?.children ?? []
  return allowed.filter((name) => !siblings.includes(name))
}

function toElementCompletion(
  schema: PayloadSchema,
  options: { name: string; prefix: string; withBrackets: boolean; tagContinues: boolean },
): PayloadCompletion {
  const { name, prefix, withBrackets, tagContinues } = options
  const element = schema.elements.get(name)
  const qualified = prefix === '' ? name : `${prefix}:${name}`
  const open = withBrackets ? '<' : ''
  const label = withBrackets ? `<${qualified}>` : qualified
  const description = element?.description ?? ''

  if (tagContinues) {
    return {
      label,
      kind: 'element',
      description,
      insert: qualified,
      cursor: qualified.length,
      reopen: false,
    }
  }
  const startTag = `${open}${qualified}${describeRootAttributes(element, schema, prefix)}>`
  const insert = `${startTag}</${qualified}>`
  return { label, kind: 'element', description, insert, cursor: startTag.length, reopen: false }
}

/** Writes the namespace declaration, and Version where the schema takes it, into a new root tag. */
function describeRootAttributes(
  element: SchemaElement | undefined,
  schema: PayloadSchema,
  prefix: string,
): string {
  if (element === undefined || element.name !== schema.root) {
    return ''
  }
  const declaration = prefix === '' ? 'xmlns' : `xmlns:${prefix}`
  const version = element.attributes.some((attribute) => attribute.name === 'Version')
    ? ' Version="2.0"'
    : ''
  return ` ${declaration}="${WP_NOTIFICATION_NAMESPACE}"${version}`
}

function toEndTagCompletion(element: OpenElement, closed: boolean): PayloadCompletion {
  const insert = closed ? element.name : `${element.name}>`
  return {
    label: `/${element.name}`,
    kind: 'element',
    description: `Closes <${element.name}>.`,
    insert,
    cursor: insert.length,
    reopen: false,
  }
}

function toAttributeCompletion(
  attribute: SchemaAttribute,
  options: { prefix: string; hasValue: boolean },
): PayloadCompletion {
  const name = toAttributeName(attribute, options.prefix)
  const base = { label: name, kind: 'attribute' as const, description: attribute.description }
  if (options.hasValue) {
    return { ...base, insert: name, cursor: name.length, reopen: false }
  }

  const [onlyValue, ...otherValues] = attribute.values
  if (onlyValue !== undefined && otherValues.length === 0) {
    const insert = `${name}="${onlyValue}"`
    return { ...base, insert, cursor: insert.length, reopen: false }
  }
  const insert = `${name}=""`
  return { ...base, insert, cursor: insert.length - 1, reopen: attribute.values.length > 0 }
}

function toValueCompletion(
  attribute: SchemaAttribute | undefined,
  value: string,
): PayloadCompletion {
  return {
    label: value,
    kind: 'value',
    description: attribute?.description ?? '',
    insert: value,
    cursor: value.length,
    reopen: false,
  }
}

/** Finds a schema attribute by its name in the tag, reading `xmlns:p` as the declaration. */
function findAttribute(
  schema: PayloadSchema,
  element: OpenElement,
  writtenName: string,
  prefix: string,
): SchemaAttribute | undefined {
  const attributes = schema.elements.get(element.localName)?.attributes ?? []
  return attributes.find((attribute) => toAttributeName(attribute, prefix) === writtenName)
}

/** Writes the namespace declaration with the document's own prefix. */
function toAttributeName(attribute: SchemaAttribute, prefix: string): string {
  if (!attribute.name.startsWith('xmlns:')) {
    return attribute.name
  }
  return prefix === '' ? 'xmlns' : `xmlns:${prefix}`
}

function toResult(
  from: number,
  to: number,
  options: PayloadCompletion[],
): PayloadCompletionResult | null {
  return options.length === 0 ? null : { from, to, options }
}
