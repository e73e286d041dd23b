import { MpnsError } from '../errors'
import { shortenForMessage } from '../message-text'
import { addWarning } from '../warnings'
import type { SenderWarning } from '../warnings'
import type { XmlAttribute, XmlElement } from './xml'

/** The notification kinds that travel as XML. */
export type XmlNotificationKind = 'Toast' | 'Tile'

/** The checked `wp:Notification` root and its single `wp:Toast` or `wp:Tile` child. */
export interface NotificationEnvelope {
  notification: XmlElement
  body: XmlElement
}

/** Namespace URI of every element in an MPNS payload. */
export const WP_NOTIFICATION_NAMESPACE = 'WPNotification'

/** Root element names of Windows Notification Service (WNS) payloads. */
const WNS_ROOT_NAMES = new Set(['toast', 'tile', 'badge'])

/** Elements that contain other elements. Every other payload element contains only text. */
const ENVELOPE_ELEMENTS: ReadonlySet<string> = new Set(['Notification', 'Toast', 'Tile'])

const TARGET_BY_KIND: Readonly<Record<XmlNotificationKind, string>> = {
  Toast: 'toast',
  Tile: 'token',
}

/**
 * Checks the `wp:Notification` envelope for the expected kind and returns its body element.
 * Throws an MpnsError (400) for WNS payloads, elements outside the WPNotification namespace,
 * another root, or anything but exactly one body element of the kind the target names.
 * Attributes the schema does not define on `wp:Notification` are added to `warnings`.
 */
export function readNotificationEnvelope(
  root: XmlElement,
  kind: XmlNotificationKind,
  warnings: SenderWarning[],
): NotificationEnvelope {
  rejectWnsPayload(root)
  checkNamespaces(root)

  if (root.localName !== 'Notification') {
    throw createPayloadError(
      `Invalid root element <${toDisplayName(root)}>${formatLine(root)}: an MPNS payload starts with <wp:Notification xmlns:wp="WPNotification">. Wrap the ${kind.toLowerCase()} in that element.`,
    )
  }

  const [body, ...extra] = root.children
  if (body === undefined) {
    throw createPayloadError(
      `Missing <wp:${kind}> in <wp:Notification>${formatLine(root)}: the payload carries no notification. Add one <wp:${kind}> element.`,
    )
  }
  if (body.localName !== kind) {
    throw createMismatchError(body, kind)
  }
  if (extra.length > 0) {
    throw createPayloadError(
      `Invalid payload: <wp:Notification> contains ${root.children.length} elements, but one POST carries exactly one notification. Send each notification in its own request.`,
    )
  }

  warnAboutUnknownAttributes(root, ['Version'], warnings)
  return { notification: root, body }
}

/**
 * Adds an UNKNOWN_ATTRIBUTE warning for each attribute of the element that is not in `known`.
 * Such attributes are ignored. Namespace declarations are not attributes here.
 */
export function warnAboutUnknownAttributes(
  element: XmlElement,
  known: readonly string[],
  warnings: SenderWarning[],
): void {
  const elementName = `<${toDisplayName(element)}>`
  const takes =
    known.length === 0
      ? `${elementName} takes no attributes.`
      : `${elementName} takes only ${joinWithAnd(known)}.`

  for (const attribute of element.attributes) {
    const isKnown = attribute.namespaceUri === null && known.includes(attribute.localName)
    if (isKnown) {
      continue
    }
    addWarning(
      warnings,
      'UNKNOWN_ATTRIBUTE',
      `Attribute ${toDisplayName(attribute)}="${shortenForMessage(attribute.value)}" on ${elementName}${formatLine(element)} is not part of the MPNS schema and was ignored. ${takes}`,
    )
  }
}

/** Returns the value of an attribute in no namespace, or undefined when it is absent. */
export function readAttribute(element: XmlElement, localName: string): string | undefined {
  return element.attributes.find(
    (attribute: XmlAttribute) =>
      attribute.namespaceUri === null && attribute.localName === localName,
  )?.value
}

/** Formats " at line N" for messages, or nothing when the line is unknown. */
export function formatLine(element: XmlElement): string {
  return element.line === undefined ? '' : ` at line ${element.line}`
}

/** Builds the 400 error for a well-formed payload that is not a valid MPNS notification. */
export function createPayloadError(message: string): MpnsError {
  return new MpnsError({ code: 'INVALID_PAYLOAD', status: 400, message })
}

function rejectWnsPayload(root: XmlElement): void {
  if (root.namespaceUri === WP_NOTIFICATION_NAMESPACE || !WNS_ROOT_NAMES.has(root.localName)) {
    return
  }

  throw new MpnsError({
    code: 'WNS_FORMAT',
    status: 400,
    message: `Invalid payload root <${toDisplayName(root)}>: this is the Windows Notification Service (WNS) format for Windows Store apps, not MPNS. Send a <wp:Notification xmlns:wp="WPNotification"> payload to a Windows Phone channel URI.`,
  })
}

/** Rejects the first element, in document order, that is outside the WPNotification namespace. */
function checkNamespaces(element: XmlElement, parent?: XmlElement): void {
  if (element.namespaceUri !== WP_NOTIFICATION_NAMESPACE) {
    throw createPayloadError(describeForeignElement(element, parent))
  }

  for (const child of element.children) {
    checkNamespaces(child, element)
  }
}

function describeForeignElement(element: XmlElement, parent: XmlElement | undefined): string {
  const name = toDisplayName(element)
  // Markup inside a text element such as <wp:Text1> is most often text that was not escaped.
  if (parent !== undefined && !ENVELOPE_ELEMENTS.has(parent.localName)) {
    return `Invalid element <${name}>${formatLine(element)} inside <wp:${shortenForMessage(parent.localName)}>: payload elements hold text only. To show "<${name}>" as text, escape it as &lt;${name}&gt;.`
  }

  const where =
    element.namespaceUri === null
      ? 'is in no namespace'
      : `is in the namespace "${shortenForMessage(element.namespaceUri)}"`
  return `Invalid element <${name}>${formatLine(element)}: it ${where}, but every element of an MPNS payload must be in the "WPNotification" namespace. Declare xmlns:wp="WPNotification" on the root and write <wp:${shortenForMessage(element.localName)}>.`
}

function createMismatchError(body: XmlElement, kind: XmlNotificationKind): MpnsError {
  const target = TARGET_BY_KIND[kind]
  const sent = body.localName
  if (sent !== 'Toast' && sent !== 'Tile') {
    return createPayloadError(
      `Invalid element <wp:${shortenForMessage(sent)}>${formatLine(body)} in <wp:Notification>: it must contain one <wp:${kind}>. Replace the element with <wp:${kind}>.`,
    )
  }

  const rightTarget = TARGET_BY_KIND[sent]
  return createPayloadError(
    `Mismatched payload: X-WindowsPhone-Target "${target}" announces a ${kind.toLowerCase()}, but the payload contains <wp:${sent}>. Send a ${sent.toLowerCase()} with X-WindowsPhone-Target "${rightTarget}", or send a <wp:${kind}> payload.`,
  )
}

function toDisplayName(node: XmlElement | XmlAttribute): string {
  const name = node.prefix === null ? node.localName : `${node.prefix}:${node.localName}`
  return shortenForMessage(name)
}

function joinWithAnd(names: readonly string[]): string {
  return names.length < 2
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`
}
