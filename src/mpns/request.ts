import { MpnsError } from './errors'
import { shortenForMessage } from './message-text'
import { NOTIFICATION_TYPE_NOUNS, readNotificationClass } from './notification-class'
import type { DelaySeconds } from './notification-class'
import { createRawPayload } from './payload/raw'
import { parseTilePayload } from './payload/tile'
import { parseToastPayload } from './payload/toast'
import { parseXmlDocument } from './payload/xml'
import type {
  EngineSettings,
  HeaderEntry,
  MpnsHttpRequest,
  NotificationPayload,
  NotificationType,
} from './types'
import { addWarning } from './warnings'
import type { SenderWarning } from './warnings'

/** A notification request that passed every check, with the warnings for the sender. */
export interface ParsedNotificationRequest {
  type: NotificationType
  notificationClass: number
  /** Batching interval of the class, in seconds. */
  delaySeconds: DelaySeconds
  /** The request's X-MessageID without surrounding whitespace. */
  messageId?: string
  payload: NotificationPayload
  warnings: SenderWarning[]
}

/** Options of parseNotificationRequest. */
export interface ParseRequestOptions {
  /**
   * True for an authenticated channel, whose body size limit is AUTHENTICATED_MAX_BODY_BYTES
   * unless the settings apply the documented limits everywhere. @default false
   */
  authenticated?: boolean
}

interface BodyLimitContext {
  type: NotificationType
  settings: EngineSettings
  authenticated: boolean
}

/**
 * Largest body on an authenticated channel while its size limits are lifted. Authenticated
 * channels are described as free of the size limits of unauthenticated ones, and this cap only
 * protects the engine from unbounded bodies.
 */
export const AUTHENTICATED_MAX_BODY_BYTES = 65_536

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

/**
 * Validates the headers and body of a POST to a channel URI and parses its payload.
 * Throws an MpnsError (400) for anything MPNS would reject, and adds mistakes MPNS accepted to the warnings.
 */
export function parseNotificationRequest(
  request: MpnsHttpRequest,
  settings: EngineSettings,
  options: ParseRequestOptions = {},
): ParsedNotificationRequest {
  const warnings: SenderWarning[] = []
  rejectWnsHeaders(request.headers)

  const type = readNotificationType(request.headers, warnings)
  const classRange = readNotificationClass({
    value: readHeader(request.headers, 'X-NotificationClass'),
    type,
    settings,
    warnings,
  })
  const messageId = readMessageId(request.headers)
  if (messageId !== undefined && !UUID.test(messageId)) {
    addWarning(
      warnings,
      'MESSAGE_ID_NOT_UUID',
      `X-MessageID "${shortenForMessage(messageId)}" is not a UUID. It is echoed as received, but MPNS documents a UUID such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427.`,
    )
  }
  if (type !== 'raw') {
    checkContentType(request.headers, type, warnings)
  }

  checkBodySize(request.body, { type, settings, authenticated: options.authenticated === true })
  const payload = parsePayload(request.body, type, warnings)

  const parsed: ParsedNotificationRequest = {
    type,
    ...classRange,
    payload,
    warnings,
  }
  if (messageId !== undefined) {
    parsed.messageId = messageId
  }
  return parsed
}

/** Reads X-MessageID in any letter case, trimmed, or undefined when the request has none. */
export function readMessageId(headers: readonly HeaderEntry[]): string | undefined {
  return readHeader(headers, 'X-MessageID')?.trim()
}

/** Reads a header in any letter case. Repeated headers are joined with ", ", as fetch joins them. */
export function readHeader(headers: readonly HeaderEntry[], name: string): string | undefined {
  const wanted = name.toLowerCase()
  const values = headers
    .filter(([candidate]) => candidate.toLowerCase() === wanted)
    .map(([, value]) => value)
  return values.length === 0 ? undefined : values.join(', ')
}

function rejectWnsHeaders(headers: readonly HeaderEntry[]): void {
  const wnsHeader = headers.find(([name]) => name.toLowerCase().startsWith('x-wns-'))
  if (wnsHeader === undefined) {
    return
  }

  throw new MpnsError({
    code: 'WNS_FORMAT',
    status: 400,
    message: `Invalid header "${wnsHeader[0]}": X-WNS-* headers belong to the Windows Notification Service (WNS) for Windows Store apps, not MPNS. Remove them and send MPNS headers such as X-WindowsPhone-Target to a Windows Phone channel URI.`,
  })
}

function readNotificationType(
  headers: readonly HeaderEntry[],
  warnings: SenderWarning[],
): NotificationType {
  const target = readHeader(headers, 'X-WindowsPhone-Target')
  if (target === undefined) {
    return 'raw'
  }

  const normalized = target.trim().toLowerCase()
  const quoted = `"${shortenForMessage(target)}"`
  if (normalized === 'toast' || normalized === 'token') {
    if (target !== normalized) {
      addWarning(
        warnings,
        'TARGET_LETTER_CASE',
        `X-WindowsPhone-Target ${quoted} was read as "${normalized}". Send it in lower case, as MPNS documents it.`,
      )
    }
    return normalized === 'toast' ? 'toast' : 'tile'
  }
  if (normalized === 'raw') {
    addWarning(
      warnings,
      'TARGET_RAW',
      `X-WindowsPhone-Target ${quoted} is not an MPNS value, so the request was treated as raw. Leave the header out for raw notifications.`,
    )
    return 'raw'
  }

  const detail =
    normalized === 'tile'
      ? 'tile notifications use the value "token". Set the header to "token".'
      : 'MPNS accepts "toast" for toasts and "token" for tiles, and no header for raw notifications. Set one of those values or leave the header out.'
  throw new MpnsError({
    code: 'INVALID_TARGET',
    status: 400,
    message: `Invalid X-WindowsPhone-Target ${quoted}: ${detail}`,
  })
}

function checkContentType(
  headers: readonly HeaderEntry[],
  type: NotificationType,
  warnings: SenderWarning[],
): void {
  const contentType = readHeader(headers, 'Content-Type')
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase()
  if (mediaType === 'text/xml') {
    return
  }

  const problem =
    contentType === undefined
      ? `Content-Type is missing on ${NOTIFICATION_TYPE_NOUNS[type]} request.`
      : `Content-Type "${shortenForMessage(contentType)}" is not text/xml.`
  addWarning(
    warnings,
    'CONTENT_TYPE_NOT_XML',
    `${problem} The body is parsed as XML anyway, but send Content-Type: text/xml.`,
  )
}

function checkBodySize(body: Uint8Array, context: BodyLimitContext): void {
  const { limit, appliesTo } = selectBodyLimit(context)
  if (body.length <= limit) {
    return
  }

  throw new MpnsError({
    code: 'PAYLOAD_TOO_LARGE',
    status: 400,
    message: `Payload too large: the ${context.type} body is ${body.length} bytes, over the limit of ${limit} bytes for ${appliesTo}. Shorten the payload to ${limit} bytes or fewer.`,
  })
}

function selectBodyLimit(context: BodyLimitContext): { limit: number; appliesTo: string } {
  const { type, settings, authenticated } = context
  if (authenticated && settings.authenticatedLimits === 'lifted') {
    return {
      limit: AUTHENTICATED_MAX_BODY_BYTES,
      appliesTo: 'authenticated channels, a cap that protects the emulator',
    }
  }
  if (type === 'raw') {
    return { limit: settings.maxRawBodyBytes, appliesTo: 'raw bodies' }
  }
  return { limit: settings.maxXmlBodyBytes, appliesTo: 'toast and tile bodies' }
}

function parsePayload(
  body: Uint8Array,
  type: NotificationType,
  warnings: SenderWarning[],
): NotificationPayload {
  if (type === 'raw') {
    return createRawPayload(body)
  }
  if (body.length === 0) {
    throw new MpnsError({
      code: 'MALFORMED_PAYLOAD',
      status: 400,
      message: `Missing payload: the ${type} request has an empty body. Send a <wp:Notification> XML document.`,
    })
  }

  const root = parseXmlDocument(body)
  return type === 'toast'
    ? { type, toast: parseToastPayload(root, warnings) }
    : { type, tile: parseTilePayload(root, warnings) }
}
