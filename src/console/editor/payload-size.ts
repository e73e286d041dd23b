import { AUTHENTICATED_MAX_BODY_BYTES } from '@/mpns/request'
import type { EngineSettings, NotificationType } from '@/mpns/types'

/** Inputs that decide the body size limit of one request. */
export interface PayloadLimitContext {
  type: NotificationType
  settings: EngineSettings
  /** True when the channel was opened for an authenticated web service. */
  authenticated: boolean
}

/** The byte count of a payload and the limit it is measured against. */
export interface PayloadSize {
  bytes: number
  limit: number
  overLimit: boolean
}

const encoder = new TextEncoder()

/** Counts the UTF-8 bytes of a payload, as the console sends it. */
export function countUtf8Bytes(text: string): number {
  return encoder.encode(text).length
}

/**
 * Returns the body size limit the engine applies: the raw or XML limit from the settings, or the
 * engine's cap on authenticated channels while their limits are lifted.
 */
export function selectPayloadByteLimit(context: PayloadLimitContext): number {
  const { type, settings, authenticated } = context
  if (authenticated && settings.authenticatedLimits === 'lifted') {
    return AUTHENTICATED_MAX_BODY_BYTES
  }
  return type === 'raw' ? settings.maxRawBodyBytes : settings.maxXmlBodyBytes
}

/** Measures a payload against the limit that applies to it. */
export function measurePayload(text: string, context: PayloadLimitContext): PayloadSize {
  const bytes = countUtf8Bytes(text)
  const limit = selectPayloadByteLimit(context)
  return { bytes, limit, overLimit: bytes > limit }
}

/**
 * Returns the offset of the first character whose UTF-8 bytes cross `limit`, or the text length
 * when the text fits. Offsets count UTF-16 code units, as editor positions do.
 */
export function findOffsetPastLimit(text: string, limit: number): number {
  let bytes = 0
  let offset = 0
  for (const character of text) {
    bytes += toUtf8Length(character.codePointAt(0) ?? 0)
    if (bytes > limit) {
      return offset
    }
    offset += character.length
  }
  return text.length
}

/** UTF-8 length of one code point. A lone surrogate is sent as U+FFFD, which takes 3 bytes. */
function toUtf8Length(codePoint: number): number {
  if (codePoint < 0x80) {
    return 1
  }
  if (codePoint < 0x800) {
    return 2
  }
  return codePoint < 0x10000 ? 3 : 4
}
