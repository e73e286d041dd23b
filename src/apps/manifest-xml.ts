import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { X2jOptions } from 'fast-xml-parser'

/** An element of a manifest, with namespace prefixes dropped from its name. */
export interface ManifestElement {
  /** Local name as written in the file. */
  name: string
  /** Attribute values keyed by lower-case local name, with character references decoded. */
  attributes: ReadonlyMap<string, string>
  children: readonly ManifestElement[]
  /** Text and CDATA content joined, with character references decoded. */
  text: string
}

export type ManifestXmlResult = { ok: true; root: ManifestElement } | { ok: false; error: string }

/** One entry of fast-xml-parser's `preserveOrder` output: a name key plus optional `:@`. */
type OrderedNode = Record<string, unknown>

/**
 * Prefix added to every name while fast-xml-parser runs, because the parser rejects names such
 * as "constructor" as object keys. "~" cannot occur in an XML name.
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
  // References are decoded by decodeReferences, so no entity is ever expanded from a declaration.
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
  transformTagName: (name) => NAME_MARKER + name,
  transformAttributeName: (name) => NAME_MARKER + name,
}

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
}

const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z]+));/g

const INVALID_PREFIX = 'Invalid WMAppManifest.xml:'

/**
 * Parses manifest text into an element tree. A byte order mark and whitespace before the XML
 * declaration are skipped. DOCTYPE and entity declarations, XML that is not well-formed and a
 * second root element return an error sentence.
 */
export function parseManifestXml(xml: string): ManifestXmlResult {
  const text = xml.replace(/^\uFEFF/, '').trimStart()
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    return {
      ok: false,
      error: `${INVALID_PREFIX} it contains a DOCTYPE or ENTITY declaration, which no Windows Phone manifest has. Remove the declaration or choose the manifest Visual Studio generated.`,
    }
  }

  const validation = XMLValidator.validate(text, { allowBooleanAttributes: false })
  if (validation !== true) {
    const { msg, line, col } = validation.err
    const reason = msg.endsWith('.') ? msg : `${msg}.`
    // The validator gives no column when the document ends before a root element.
    const location = typeof col === 'number' ? `line ${line}, column ${col}` : `line ${line}`
    return {
      ok: false,
      error: `${INVALID_PREFIX} the XML is not well-formed at ${location}: ${reason} Fix the file or choose the manifest Visual Studio generated.`,
    }
  }

  const roots = parseOrderedNodes(text).filter((node) => readElementName(node) !== undefined)
  const [root] = roots
  if (root === undefined || roots.length > 1) {
    return {
      ok: false,
      error: `${INVALID_PREFIX} the file must hold exactly one root element, <Deployment>. Choose the manifest from the project's Properties folder.`,
    }
  }
  return { ok: true, root: toElement(root) }
}

/** Returns the first child with this local name, ignoring letter case. */
export function findChild(element: ManifestElement, name: string): ManifestElement | undefined {
  const lowerName = name.toLowerCase()
  return element.children.find((child) => child.name.toLowerCase() === lowerName)
}

/** Returns every child with this local name, ignoring letter case. */
export function findChildren(element: ManifestElement, name: string): ManifestElement[] {
  const lowerName = name.toLowerCase()
  return element.children.filter((child) => child.name.toLowerCase() === lowerName)
}

/** Returns an attribute value, ignoring the letter case of its name. */
export function readAttribute(element: ManifestElement, name: string): string | undefined {
  return element.attributes.get(name.toLowerCase())
}

/** Decodes the five predefined entities and numeric character references. Other references stay as written. */
export function decodeReferences(text: string): string {
  return text.replace(
    REFERENCE,
    (reference, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
      if (name !== undefined) {
        return PREDEFINED_ENTITIES[name] ?? reference
      }
      const codePoint = Number.parseInt(hex ?? decimal ?? '', hex === undefined ? 10 : 16)
      return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : reference
    },
  )
}

function parseOrderedNodes(text: string): OrderedNode[] {
  const parsed: unknown = new XMLParser(PARSER_OPTIONS).parse(text)
  return Array.isArray(parsed) ? parsed.filter(isOrderedNode) : []
}

function toElement(node: OrderedNode): ManifestElement {
  const children: ManifestElement[] = []
  let text = ''
  for (const child of readChildNodes(node)) {
    if (readElementName(child) === undefined) {
      text += readTextContent(child)
    } else {
      children.push(toElement(child))
    }
  }

  return {
    name: toLocalName(readElementName(node) ?? ''),
    attributes: readAttributes(node),
    children,
    text,
  }
}

function readAttributes(node: OrderedNode): ReadonlyMap<string, string> {
  const raw = node[ATTRIBUTES_KEY]
  const attributes = new Map<string, string>()
  if (!isOrderedNode(raw)) {
    return attributes
  }

  for (const [name, value] of Object.entries(raw)) {
    const localName = toLocalName(name.replace(/^~+/, '')).toLowerCase()
    // XML turns literal tabs and line breaks in attribute values into spaces, but not the
    // ones written as character references, so references are decoded afterwards.
    const normalized = String(value).replace(/\r\n|[\t\n\r]/g, ' ')
    attributes.set(localName, decodeReferences(normalized))
  }
  return attributes
}

function readChildNodes(node: OrderedNode): OrderedNode[] {
  const key = findElementKey(node)
  const children = key === undefined ? undefined : node[key]
  return Array.isArray(children) ? children.filter(isOrderedNode) : []
}

/** Returns the text of a text or CDATA node. CDATA content is literal, so it is not decoded. */
function readTextContent(node: OrderedNode): string {
  const text = node['#text']
  if (typeof text === 'string') {
    return decodeReferences(text)
  }

  const cdata = node['#cdata']
  if (!Array.isArray(cdata)) {
    return ''
  }
  return cdata
    .filter(isOrderedNode)
    .map((part) => (typeof part['#text'] === 'string' ? part['#text'] : ''))
    .join('')
}

function readElementName(node: OrderedNode): string | undefined {
  // fast-xml-parser 5.12 applies transformTagName twice to self-closing tags, hence "~+".
  return findElementKey(node)?.replace(/^~+/, '')
}

function findElementKey(node: OrderedNode): string | undefined {
  return Object.keys(node).find((name) => name.startsWith(NAME_MARKER))
}

function toLocalName(qualifiedName: string): string {
  const colon = qualifiedName.indexOf(':')
  return colon === -1 ? qualifiedName : qualifiedName.slice(colon + 1)
}

function isOrderedNode(value: unknown): value is OrderedNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
