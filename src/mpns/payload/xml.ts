import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { X2jOptions } from 'fast-xml-parser'

import { invariant } from '../../lib/invariant'
import { MpnsError } from '../errors'
import { createValidatorError } from './xml-diagnostics'
import { decodeXmlBytes } from './xml-encoding'
import { checkMarkup, createMarkupError, decodeReferences } from './xml-markup'
import {
  createNamespaceScope,
  declareNamespaces,
  isNamespaceDeclaration,
  resolveQualifiedName,
} from './xml-namespaces'
import type { NamespaceScope } from './xml-namespaces'

/** An attribute with its namespace resolved. Namespace declarations (xmlns) are not attributes here. */
export interface XmlAttribute {
  namespaceUri: string | null
  localName: string
  prefix: string | null
  value: string
}

/** An element with its namespace resolved, its attributes, child elements and text. */
export interface XmlElement {
  namespaceUri: string | null
  localName: string
  prefix: string | null
  attributes: XmlAttribute[]
  children: XmlElement[]
  /** Text and CDATA content, or '' when only whitespace sits between child elements. */
  text: string
  /** One-based line of the start tag. */
  line?: number
}

/** One entry of fast-xml-parser's `preserveOrder` output: a name key plus optional `:@`. */
type OrderedNode = Record<string, unknown>

interface BuildContext {
  text: string
  lineStarts: number[]
  scope: NamespaceScope
}

/**
 * Prefix added to every element and attribute name while fast-xml-parser runs. The parser
 * rejects names such as "constructor" as object keys; "~" cannot occur in an XML name.
 */
const NAME_MARKER = '~'

const ATTRIBUTES_KEY = ':@'

const PARSER_OPTIONS: X2jOptions = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // References are decoded by decodeReferences, because the parser leaves numeric ones as-is.
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
  ignoreDeclaration: true,
  ignorePiTags: true,
  captureMetaData: true,
  transformTagName: (name) => NAME_MARKER + name,
  transformAttributeName: (name) => NAME_MARKER + name,
}

/**
 * Parses a toast or tile body into a namespace-aware element tree.
 * Throws an MpnsError (400) for encoding problems, declarations and XML that is not well-formed.
 */
export function parseXmlDocument(bytes: Uint8Array): XmlElement {
  const text = decodeXmlBytes(bytes)
  checkMarkup(text)
  validateWellFormed(text)

  const rootNode = parseOrderedNodes(text).find((node) => readElementName(node) !== undefined)
  invariant(
    rootNode !== undefined,
    'Failed to parse XML: the validated document has no root element',
  )
  checkAfterRoot(text, readMetadata(rootNode)?.endIndex)

  const context: BuildContext = {
    text,
    lineStarts: findLineStarts(text),
    scope: createNamespaceScope(),
  }
  return toElement(rootNode, context)
}

function validateWellFormed(text: string): void {
  const result = XMLValidator.validate(text, { allowBooleanAttributes: false })
  if (result !== true) {
    throw createValidatorError(result.err, text)
  }
}

/**
 * Rejects anything but whitespace, comments and processing instructions after the root element.
 * The validator misses a second root or trailing text when the root tag is self-closing.
 */
function checkAfterRoot(text: string, rootEndIndex: number | undefined): void {
  if (rootEndIndex === undefined) {
    return
  }

  const skippable = /^(?:\s+|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)*/.exec(text.slice(rootEndIndex))
  const index = rootEndIndex + (skippable?.[0].length ?? 0)
  if (index >= text.length) {
    return
  }
  throw createMarkupError(
    text,
    index,
    text[index] === '<'
      ? 'a second root element follows the first. Put everything inside one <wp:Notification> element.'
      : 'text follows the root element. Remove everything after the closing root tag.',
  )
}

function parseOrderedNodes(text: string): OrderedNode[] {
  let parsed: unknown
  try {
    parsed = new XMLParser(PARSER_OPTIONS).parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new MpnsError({
      code: 'MALFORMED_PAYLOAD',
      status: 400,
      message: `Malformed XML payload: the XML parser rejected it (${reason}). Fix the XML before sending.`,
    })
  }

  invariant(Array.isArray(parsed), 'Failed to parse XML: fast-xml-parser returned no node list')
  return parsed.filter(isOrderedNode)
}

function toElement(node: OrderedNode, context: BuildContext): XmlElement {
  const startIndex = readMetadata(node)?.startIndex
  const qualifiedName = readElementName(node) ?? ''
  const rawAttributes = readRawAttributes(node)
  const scope = declareNamespaces(context.scope, rawAttributes)
  const location = { text: context.text, index: startIndex ?? 0 }
  const name = resolveQualifiedName(qualifiedName, scope, {
    ...location,
    isAttribute: false,
  })

  const attributes = rawAttributes
    .filter(([attributeName]) => !isNamespaceDeclaration(attributeName))
    .map(([attributeName, value]) => ({
      ...resolveQualifiedName(attributeName, scope, {
        ...location,
        isAttribute: true,
      }),
      value,
    }))

  const { children, text } = readContent(node, { ...context, scope })
  const element: XmlElement = { ...name, attributes, children, text }
  if (startIndex !== undefined) {
    element.line = findLine(context.lineStarts, startIndex)
  }
  return element
}

/** Builds the child elements and joins the text, dropping whitespace that only separates them. */
function readContent(
  node: OrderedNode,
  context: BuildContext,
): Pick<XmlElement, 'children' | 'text'> {
  const children: XmlElement[] = []
  let text = ''
  for (const child of readChildNodes(node)) {
    if (readElementName(child) !== undefined) {
      children.push(toElement(child, context))
    } else {
      text += readTextContent(child)
    }
  }

  const isIndentation = children.length > 0 && text.trim() === ''
  return { children, text: isIndentation ? '' : text }
}

function isOrderedNode(value: unknown): value is OrderedNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Returns the element name of a node, or undefined for text, CDATA and comment nodes. */
function readElementName(node: OrderedNode): string | undefined {
  // fast-xml-parser 5.12 applies transformTagName twice to self-closing tags, hence "~+".
  return findElementKey(node)?.replace(/^~+/, '')
}

function readChildNodes(node: OrderedNode): OrderedNode[] {
  const key = findElementKey(node)
  const children = key === undefined ? undefined : node[key]
  return Array.isArray(children) ? children.filter(isOrderedNode) : []
}

function findElementKey(node: OrderedNode): string | undefined {
  return Object.keys(node).find((name) => name.startsWith(NAME_MARKER))
}

function readRawAttributes(node: OrderedNode): Array<[string, string]> {
  const attributes = node[ATTRIBUTES_KEY]
  if (!isOrderedNode(attributes)) {
    return []
  }

  return Object.entries(attributes).map(([name, value]): [string, string] => {
    const raw = typeof value === 'string' ? value : String(value)
    // XML normalizes literal tabs and line breaks in attribute values to spaces, but not
    // the ones written as character references, so references are decoded afterwards.
    return [name.replace(/^~+/, ''), decodeReferences(raw.replace(/\r\n|[\t\n\r]/g, ' '))]
  })
}

/** Returns the text of a text or CDATA node, or '' for a comment. */
function readTextContent(node: OrderedNode): string {
  const text = node['#text']
  if (typeof text === 'string') {
    return decodeReferences(text)
  }

  const cdata = node['#cdata']
  if (!Array.isArray(cdata)) {
    return ''
  }
  // CDATA content is literal: references inside it are not decoded.
  return cdata
    .filter(isOrderedNode)
    .map((part) => (typeof part['#text'] === 'string' ? part['#text'] : ''))
    .join('')
}

function readMetadata(node: OrderedNode): { startIndex: number; endIndex: number } | undefined {
  const symbol: unknown = XMLParser.getMetaDataSymbol()
  const metadata: unknown = typeof symbol === 'symbol' ? Reflect.get(node, symbol) : undefined
  if (!isOrderedNode(metadata)) {
    return undefined
  }

  const { startIndex, endIndex } = metadata
  if (typeof startIndex !== 'number' || typeof endIndex !== 'number') {
    return undefined
  }
  return { startIndex, endIndex }
}

function findLineStarts(text: string): number[] {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    starts.push(index + 1)
  }
  return starts
}

/** Returns the one-based line that contains the index, by binary search over line starts. */
function findLine(lineStarts: readonly number[], index: number): number {
  let low = 0
  let high = lineStarts.length - 1
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if ((lineStarts[middle] ?? 0) <= index) {
      low = middle
    } else {
      high = middle - 1
    }
  }
  return low + 1
}
