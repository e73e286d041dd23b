import { parseXmlDocument } from '@/mpns/payload/xml'
import type { NotificationType } from '@/mpns/types'

import type { ConsoleDraft } from './console-request'
import type { CreateId } from './history-har'
import { isJsonFile, readHistoryFile } from './history-files'
import { sortNewestFirst } from './history-model'

/** Content of a file dropped on the console or picked in "Load payload file", for the form. */
export type ConsoleFileContent =
  | {
      kind: 'payload'
      /** Type the payload's element names, or null to keep the type the form shows. */
      notificationType: NotificationType | null
      payload: string
      message: string
    }
  | { kind: 'draft'; draft: ConsoleDraft; message: string }
  | { kind: 'error'; message: string }

const NOTIFICATION_ELEMENTS: Readonly<Record<string, NotificationType>> = {
  Toast: 'toast',
  Tile: 'tile',
}

/**
 * Reads a file for the send form. An XML file becomes the payload, and the element under its
 * root sets the type. A history export yields its newest request, and a HAR file its first
 * MPNS request. Any other file gets an error that lists these three kinds.
 */
export function readConsoleFile(options: {
  fileName: string
  text: string
  createId: CreateId
}): ConsoleFileContent {
  const { fileName, text } = options
  if (isXmlFile(fileName, text)) {
    return readPayloadXml(fileName, text)
  }
  if (!isJsonFile(fileName, text)) {
    return {
      kind: 'error',
      message: `"${fileName}" is not a supported file type. Open an XML payload (.xml), a history export (.json) or a HAR file (.har).`,
    }
  }

  const imported = readHistoryFile(options)
  if ('error' in imported) {
    return { kind: 'error', message: imported.error }
  }
  const isHar = imported.source === 'har'
  const chosen = isHar ? imported.entries[0] : sortNewestFirst(imported.entries)[0]
  if (!chosen) {
    return { kind: 'error', message: `"${fileName}" contains no saved request.` }
  }
  const count = imported.entries.length
  const which =
    count === 1
      ? 'the saved request'
      : `the ${isHar ? 'first' : 'newest'} of ${count} saved requests`
  const target = chosen.appName === undefined ? '' : ` to ${chosen.appName}`
  return {
    kind: 'draft',
    draft: chosen.draft,
    message: `Loaded ${which} from "${fileName}": a ${chosen.draft.notificationType}${target}.`,
  }
}

function isXmlFile(fileName: string, text: string): boolean {
  if (/\.xml$/i.test(fileName)) {
    return true
  }
  return !/\.(?:json|har)$/i.test(fileName) && text.trimStart().startsWith('<')
}

function readPayloadXml(fileName: string, text: string): ConsoleFileContent {
  let root
  try {
    root = parseXmlDocument(new TextEncoder().encode(text))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return {
      kind: 'payload',
      notificationType: null,
      payload: text,
      message: `"${fileName}" is not well-formed XML, so it was loaded as is into the payload: ${reason}`,
    }
  }

  const element = root.children.find(
    (child) => NOTIFICATION_ELEMENTS[child.localName] !== undefined,
  )
  const notificationType = element ? NOTIFICATION_ELEMENTS[element.localName] : undefined
  if (root.localName !== 'Notification' || !element || notificationType === undefined) {
    return {
      kind: 'payload',
      notificationType: null,
      payload: text,
      message: `"${fileName}" has no wp:Toast or wp:Tile under wp:Notification, so it was loaded as is into the payload.`,
    }
  }

  const template = element.attributes.find((attribute) => attribute.localName === 'Template')?.value
  const described =
    notificationType === 'toast'
      ? 'toast payload'
      : template === undefined
        ? 'tile payload, which has no Template attribute,'
        : `${template} tile payload`
  return {
    kind: 'payload',
    notificationType,
    payload: text,
    message: `Loaded the ${described} from "${fileName}".`,
  }
}
