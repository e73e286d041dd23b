import { AUTHENTICATED_MAX_BODY_BYTES } from '@/mpns/request'
import type { EngineSettings, NotificationType } from '@/mpns/types'
import { readDraftBody } from '@/store/console-request'
import type { DraftBody, RawEncoding } from '@/store/console-request'

/** Inputs that decide the body size and the size limit of one request. */
export interface PayloadLimitContext {
  type: NotificationType
  settings: EngineSettings
  /** True when the channel was opened for an authenticated web service. */
  authenticated: boolean
  /** Encoding of a raw payload. Toast and tile payloads are always text. @default 'text' */
  rawEncoding?: RawEncoding
}

/** The byte count of a payload and the limit it is measured against. */
export interface PayloadSize {
  /** Bytes the payload sends, or null for invalid Base64, which cannot be sent. */
  bytes: number | null
  limit: number
  overLimit: boolean
}

/** Bits that one Base64 digit encodes. */
const BITS_PER_BASE64_DIGIT = 6

const encoder = new TextEncoder()

/** Counts the UTF-8 bytes of a payload, as the console sends it. */
export function countUtf8Bytes(text: string): number {
  return encoder.encode(text).length
}

/** Tells whether a payload is Base64 of the bytes to send rather than text. */
export function isBase64Payload(type: NotificationType, rawEncoding: RawEncoding | undefined) {
  return type === 'raw' && rawEncoding === 'base64'
}

/**
 * Counts the bytes a payload sends: its UTF-8 bytes, or the bytes a Base64 raw payload decodes
 * to. Returns null for invalid Base64.
 */
export function countPayloadBytes(
  text: string,
  type: NotificationType,
  rawEncoding: RawEncoding | undefined,
): number | null {
  if (!isBase64Payload(type, rawEncoding)) {
    return countUtf8Bytes(text)
  }
  const body = readPayloadBody(text, type, rawEncoding)
  return body.ok ? body.bytes.byteLength : null
}

/** Encodes a payload as the bytes Send would post, or returns why it cannot be sent. */
export function readPayloadBody(
  text: string,
  type: NotificationType,
  rawEncoding: RawEncoding | undefined,
): DraftBody {
  return readDraftBody({
    notificationType: type,
    notificationClass: '',
    messageId: '',
    payload: text,
    rawEncoding: rawEncoding ?? 'text',
  })
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
  const bytes = countPayloadBytes(text, context.type, context.rawEncoding)
  const limit = selectPayloadByteLimit(context)
  return { bytes, limit, overLimit: bytes !== null && bytes > limit }
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

/**
 * Returns the offset of the first Base64 digit that encodes bits of a byte past `limit`, or the
 * text length when the decoded bytes fit. Whitespace between the digits is skipped, as the
 * decoder skips it.
 */
export function findBase64OffsetPastLimit(text: string, limit: number): number {
  const digitOffsets: number[] = []
  for (let offset = 0; offset < text.length; offset += 1) {
    const character = text.charAt(offset)
    if (!/\s/.test(character) && character !== '=') {
      digitOffsets.push(offset)
    }
  }
  // Bits left over after the last whole byte are padding, not a byte.
  const decodedBytes = Math.floor((digitOffsets.length * BITS_PER_BASE64_DIGIT) / 8)
  if (decodedBytes <= limit) {
    return text.length
  }
  // Byte number `limit`, counted from zero, is the first one past the limit.
  return digitOffsets[Math.floor((limit * 8) / BITS_PER_BASE64_DIGIT)] ?? text.length
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
