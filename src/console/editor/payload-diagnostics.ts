import { isMpnsError } from '@/mpns/errors'
import { parseNotificationRequest } from '@/mpns/request'
import { NOTIFICATION_CLASS_OPTIONS, TARGET_BY_TYPE } from '@/mpns/templates'
import type { EngineSettings, HeaderEntry, MpnsHttpRequest, NotificationType } from '@/mpns/types'
import { STRICT_MODE_EXEMPT_WARNINGS } from '@/mpns/warnings'
import type { SenderWarning, SenderWarningCode } from '@/mpns/warnings'
import type { RawEncoding } from '@/store/console-request'

import { locateInText, locateLine, locateStartTag, toLineColumn } from './payload-positions'
import type { TextRange } from './payload-positions'
import {
  findBase64OffsetPastLimit,
  findOffsetPastLimit,
  isBase64Payload,
  measurePayload,
  readPayloadBody,
} from './payload-size'

/** A check request: the payload, its notification type and the engine settings. */
export interface DiagnoseRequest {
  text: string
  type: NotificationType
  settings: EngineSettings
  /** True when the channel was opened for an authenticated web service. */
  authenticated: boolean
  /** Encoding of a raw payload. Toast and tile payloads are always text. @default 'text' */
  rawEncoding?: RawEncoding
}

/** One problem in the payload, with its range in UTF-16 offsets and its one-based position. */
export interface PayloadDiagnostic {
  from: number
  to: number
  severity: 'error' | 'warning'
  message: string
  line: number
  /** One-based column in UTF-16 code units, as the engine's XML messages count it. */
  column: number
}

/**
 * Warnings that depend on the body alone. The others depend on headers, which the console
 * writes itself, or on the tile the channel's app has pinned.
 */
const BODY_WARNING_CODES: ReadonlySet<SenderWarningCode> = new Set<SenderWarningCode>([
  'VERSION_MISSING',
  'VERSION_WITHOUT_TEMPLATE',
  'UNKNOWN_ELEMENT',
  'FOREIGN_ELEMENT',
  'DUPLICATE_ELEMENT',
  'UNKNOWN_ATTRIBUTE',
  'STRAY_TEXT',
  'EMPTY_TILE_ID',
  'CLEAR_WITH_VALUE',
  'EMPTY_ELEMENT',
  'ACTION_NOT_CLEAR',
  'COUNT_NOT_NUMBER',
  'COUNT_OUT_OF_RANGE',
  'BACKGROUND_COLOR_INVALID',
  'PARAM_FORM',
  'PARAM_TOO_LONG',
  'PARAM_AMPERSAND',
  'TOAST_WITHOUT_TEXT',
  'SOUND_INVALID',
])

/** Element each warning is about when its message gives no line, by local name. */
const ELEMENT_BY_WARNING_CODE: Partial<Record<SenderWarningCode, string>> = {
  VERSION_MISSING: 'Notification',
  VERSION_WITHOUT_TEMPLATE: 'Tile',
  STRAY_TEXT: '(?:Toast|Tile)',
  EMPTY_TILE_ID: 'Tile',
  COUNT_NOT_NUMBER: 'Count',
  COUNT_OUT_OF_RANGE: 'Count',
  BACKGROUND_COLOR_INVALID: 'BackgroundColor',
  PARAM_FORM: 'Param',
  PARAM_TOO_LONG: 'Param',
  PARAM_AMPERSAND: 'Param',
  TOAST_WITHOUT_TEXT: 'Toast',
  SOUND_INVALID: 'Sound',
}

/** Body size limit large enough that the parser never rejects a body for its size. */
const UNLIMITED_BYTES = Number.MAX_SAFE_INTEGER

/**
 * Checks a payload with the engine's own validator. Every type gets the body size limit, a raw
 * payload sent as Base64 gets its Base64 checked, and toasts and tiles get the XML errors and the
 * sender warnings that depend on the body alone. Strict mode turns those warnings into errors,
 * except the ones it exempts, as the engine does.
 */
export function diagnosePayload(request: DiagnoseRequest): PayloadDiagnostic[] {
  const diagnostics: PayloadDiagnostic[] = []
  const bodyDiagnostic = checkBase64(request) ?? checkSize(request)
  if (bodyDiagnostic !== null) {
    diagnostics.push(bodyDiagnostic)
  }
  if (request.type === 'raw') {
    return diagnostics
  }

  try {
    const parsed = parseNotificationRequest(toMpnsRequest(request), toUnlimitedSettings(request))
    const bodyWarnings = parsed.warnings.filter((warning) => BODY_WARNING_CODES.has(warning.code))
    diagnostics.push(...bodyWarnings.map((warning) => toWarningDiagnostic(request, warning)))
  } catch (error) {
    if (!isMpnsError(error)) {
      throw error
    }
    const range = locateInText(request.text, error.message) ?? locateStartTag(request.text, null)
    diagnostics.push(
      toDiagnostic(request.text, range, { severity: 'error', message: error.message }),
    )
  }
  return diagnostics
}

/** Reports the first character that makes a Base64 raw payload invalid, as Send would. */
function checkBase64(request: DiagnoseRequest): PayloadDiagnostic | null {
  const { text, type, rawEncoding } = request
  if (!isBase64Payload(type, rawEncoding)) {
    return null
  }
  const body = readPayloadBody(text, type, rawEncoding)
  if (body.ok) {
    return null
  }
  return toDiagnostic(
    text,
    { from: body.from, to: body.to },
    { severity: 'error', message: body.message },
  )
}

function checkSize(request: DiagnoseRequest): PayloadDiagnostic | null {
  const { text, type } = request
  const size = measurePayload(text, request)
  if (!size.overLimit || size.bytes === null) {
    return null
  }

  const isBase64 = isBase64Payload(type, request.rawEncoding)
  const from = isBase64
    ? findBase64OffsetPastLimit(text, size.limit)
    : findOffsetPastLimit(text, size.limit)
  const shortenTo = isBase64
    ? `Shorten the payload to Base64 of ${size.limit} bytes or fewer.`
    : `Shorten the payload to ${size.limit} bytes or fewer.`
  const body = isBase64
    ? `the ${type} body decodes to ${size.bytes} bytes`
    : `the ${type} body is ${size.bytes} bytes`
  return toDiagnostic(
    text,
    { from, to: text.length },
    {
      severity: 'error',
      message: `Payload too large: ${body}, over the limit of ${size.limit} bytes. ${shortenTo}`,
    },
  )
}

function toWarningDiagnostic(request: DiagnoseRequest, warning: SenderWarning): PayloadDiagnostic {
  const { text, settings } = request
  const element = ELEMENT_BY_WARNING_CODE[warning.code]
  const range =
    locateInText(text, warning.message) ??
    (element === undefined ? null : locateStartTag(text, element)) ??
    locateLine(text, 1)
  const rejected = settings.strictMode && !STRICT_MODE_EXEMPT_WARNINGS.has(warning.code)
  return toDiagnostic(text, range, {
    severity: rejected ? 'error' : 'warning',
    message: rejected ? `Strict mode rejects this: ${warning.message}` : warning.message,
  })
}

function toDiagnostic(
  text: string,
  range: TextRange,
  details: Pick<PayloadDiagnostic, 'severity' | 'message'>,
): PayloadDiagnostic {
  return { ...range, ...toLineColumn(text, range.from), ...details }
}

/** Builds the request the console would send, with the headers it writes for the type. */
function toMpnsRequest(request: DiagnoseRequest): MpnsHttpRequest {
  const headers: HeaderEntry[] = [['Content-Type', 'text/xml']]
  const target = TARGET_BY_TYPE[request.type]
  if (target !== null) {
    headers.push(['X-WindowsPhone-Target', target])
  }
  const notificationClass = NOTIFICATION_CLASS_OPTIONS[request.type][0]?.value
  if (notificationClass !== undefined) {
    headers.push(['X-NotificationClass', notificationClass])
  }
  return {
    method: 'POST',
    // The parser reads only the headers and the body.
    url: 'http://127.0.0.1/',
    headers,
    body: new TextEncoder().encode(request.text),
  }
}

/** Lifts the size limits, which checkSize reports, so that the parser checks any body. */
function toUnlimitedSettings(request: DiagnoseRequest): EngineSettings {
  return {
    ...request.settings,
    maxXmlBodyBytes: UNLIMITED_BYTES,
    maxRawBodyBytes: UNLIMITED_BYTES,
    authenticatedLimits: 'documented',
  }
}
