import { shortenForMessage } from '../message-text'
import { createMarkupError } from './xml-markup'

/** Namespace URIs in scope, by prefix. The default namespace has the empty prefix. */
export type NamespaceScope = ReadonlyMap<string, string>

/** An element or attribute name with its prefix resolved to a namespace URI. */
export interface QualifiedName {
  namespaceUri: string | null
  localName: string
  prefix: string | null
}

/** Position of a name for error messages, and whether it names an attribute. */
export interface NameLocation {
  text: string
  index: number
  isAttribute: boolean
}

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace'

/** Creates the scope of a document root, where only the predefined `xml` prefix is bound. */
export function createNamespaceScope(): NamespaceScope {
  return new Map([['xml', XML_NAMESPACE]])
}

/** Returns the scope extended by an element's xmlns declarations, or the same scope without any. */
export function declareNamespaces(
  scope: NamespaceScope,
  attributes: ReadonlyArray<readonly [string, string]>,
): NamespaceScope {
  const declarations = attributes.filter(([name]) => isNamespaceDeclaration(name))
  if (declarations.length === 0) {
    return scope
  }

  const extended = new Map(scope)
  for (const [name, uri] of declarations) {
    const prefix = name === 'xmlns' ? '' : name.slice('xmlns:'.length)
    // xmlns="" takes the default namespace away from the element and its descendants.
    if (uri === '') {
      extended.delete(prefix)
    } else {
      extended.set(prefix, uri)
    }
  }
  return extended
}

/**
 * Resolves a `prefix:local` or unprefixed name against the scope.
 * Throws an MpnsError (400) for a name with several colons or an undeclared prefix.
 */
export function resolveQualifiedName(
  qualifiedName: string,
  scope: NamespaceScope,
  location: NameLocation,
): QualifiedName {
  const kind = location.isAttribute ? 'attribute' : 'element'
  const parts = qualifiedName.split(':')
  const [first = '', second] = parts
  if (parts.length > 2 || first === '' || second === '') {
    throw createMarkupError(
      location.text,
      location.index,
      `the ${kind} name "${shortenForMessage(qualifiedName)}" is not a valid qualified name. Use at most one ":" between a prefix and a local name.`,
    )
  }

  if (second === undefined) {
    // An unprefixed attribute is in no namespace, while an unprefixed element takes the default one.
    const namespaceUri = location.isAttribute ? null : (scope.get('') ?? null)
    return { namespaceUri, localName: first, prefix: null }
  }

  const namespaceUri = scope.get(first)
  if (namespaceUri === undefined) {
    throw createMarkupError(
      location.text,
      location.index,
      `the namespace prefix "${shortenForMessage(first)}" of the ${kind} "${shortenForMessage(qualifiedName)}" is not declared. Declare it, for example xmlns:${shortenForMessage(first)}="WPNotification".`,
    )
  }
  return { namespaceUri, localName: second, prefix: first }
}

/** Tells whether an attribute name declares a namespace (`xmlns` or `xmlns:prefix`). */
export function isNamespaceDeclaration(name: string): boolean {
  return name === 'xmlns' || name.startsWith('xmlns:')
}
