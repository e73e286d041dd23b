import { MpnsError } from '../errors'
import { shortenForMessage } from '../message-text'

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const

/**
 * Lead bytes of multi-byte UTF-8 sequences, with the sequence length and the allowed range of
 * the second byte. The narrowed ranges exclude overlong forms, UTF-16 surrogates and code
 * points above U+10FFFF.
 */
const LEAD_BYTE_RANGES = [
  { min: 0xc2, max: 0xdf, length: 2, secondMin: 0x80, secondMax: 0xbf },
  { min: 0xe0, max: 0xe0, length: 3, secondMin: 0xa0, secondMax: 0xbf },
  { min: 0xe1, max: 0xec, length: 3, secondMin: 0x80, secondMax: 0xbf },
  { min: 0xed, max: 0xed, length: 3, secondMin: 0x80, secondMax: 0x9f },
  { min: 0xee, max: 0xef, length: 3, secondMin: 0x80, secondMax: 0xbf },
  { min: 0xf0, max: 0xf0, length: 4, secondMin: 0x90, secondMax: 0xbf },
  { min: 0xf1, max: 0xf3, length: 4, secondMin: 0x80, secondMax: 0xbf },
  { min: 0xf4, max: 0xf4, length: 4, secondMin: 0x80, secondMax: 0x8f },
] as const

const ENCODING_DECLARATION = /^<\?xml\s[^?]*?\bencoding\s*=\s*(["'])([^"']*)\1/

/**
 * Decodes a toast or tile body as UTF-8 text, dropping a UTF-8 byte order mark.
 * Throws an MpnsError with the byte offset for UTF-16, invalid UTF-8, a declared encoding
 * other than UTF-8, a control character other than tab, line feed and carriage return, or
 * U+FFFE and U+FFFF.
 */
export function decodeXmlBytes(bytes: Uint8Array): string {
  rejectUtf16(bytes)

  const bomLength = startsWithUtf8Bom(bytes) ? UTF8_BOM.length : 0
  const content = bytes.subarray(bomLength)
  const invalidOffset = findInvalidUtf8Offset(content)
  if (invalidOffset !== -1) {
    const offset = bomLength + invalidOffset
    throw new MpnsError({
      code: 'INVALID_ENCODING',
      status: 400,
      message: `Invalid UTF-8 in the payload at byte offset ${offset}: the sequence that starts with byte 0x${toHex(bytes[offset])} is not valid UTF-8. Encode the XML as UTF-8 before sending.`,
    })
  }

  const text = new TextDecoder('utf-8', {
    fatal: true,
    ignoreBOM: true,
  }).decode(content)
  rejectDeclaredEncoding(text, bomLength)
  rejectForbiddenCharacters(bytes, bomLength)
  return text
}

/** Returns the offset of the first byte that breaks UTF-8, or -1 when every sequence is valid. */
export function findInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0

  while (index < bytes.length) {
    const length = readSequenceLength(bytes, index)
    if (length === 0) {
      return index
    }
    index += length
  }

  return -1
}

function rejectUtf16(bytes: Uint8Array): void {
  const [first, second] = bytes
  const hasUtf16Bom = (first === 0xfe && second === 0xff) || (first === 0xff && second === 0xfe)
  if (hasUtf16Bom) {
    // NOTE: XML parsers accept UTF-16 with a byte order mark, and what MPNS did with it is
    // unknown. Payloads are documented as UTF-8, so the emulator rejects it.
    throw new MpnsError({
      code: 'INVALID_ENCODING',
      status: 400,
      message:
        'Invalid encoding at byte offset 0: the payload starts with a UTF-16 byte order mark. Encode the XML as UTF-8 before sending.',
    })
  }

  const asciiCharacter = findUtf16AsciiStart(bytes)
  if (asciiCharacter !== undefined) {
    throw new MpnsError({
      code: 'INVALID_ENCODING',
      status: 400,
      message: `Invalid encoding at byte offset 0: the payload looks like UTF-16 without a byte order mark (a zero byte beside "${asciiCharacter}"). Encode the XML as UTF-8 before sending.`,
    })
  }
}

/**
 * Returns the first character when the body starts like UTF-16 without a byte order mark, or
 * undefined. As in XML 1.0 Appendix F, each printable ASCII character then has a zero byte
 * before it (big-endian) or after it (little-endian).
 */
function findUtf16AsciiStart(bytes: Uint8Array): string | undefined {
  const unitCount = Math.min(2, Math.floor(bytes.length / 2))
  if (unitCount === 0) {
    return undefined
  }

  let isBigEndian = true
  let isLittleEndian = true
  for (let unit = 0; unit < unitCount; unit++) {
    const first = bytes[2 * unit] ?? 0
    const second = bytes[2 * unit + 1] ?? 0
    isBigEndian &&= first === 0 && isPrintableAscii(second)
    isLittleEndian &&= second === 0 && isPrintableAscii(first)
  }

  if (isBigEndian) {
    return String.fromCharCode(bytes[1] ?? 0)
  }
  return isLittleEndian ? String.fromCharCode(bytes[0] ?? 0) : undefined
}

function isPrintableAscii(byte: number): boolean {
  return byte >= 0x20 && byte < 0x7f
}

function rejectDeclaredEncoding(text: string, bomLength: number): void {
  const match = ENCODING_DECLARATION.exec(text)
  const declared = match?.[2]
  if (match === null || declared === undefined || declared.toLowerCase() === 'utf-8') {
    return
  }

  const valueIndex = match[0].length - declared.length - 1
  const offset = bomLength + new TextEncoder().encode(text.slice(0, valueIndex)).length
  throw new MpnsError({
    code: 'INVALID_ENCODING',
    status: 400,
    message: `Invalid encoding "${shortenForMessage(declared)}" in the XML declaration at byte offset ${offset}: MPNS payloads must be UTF-8. Encode the XML as UTF-8 and declare encoding="utf-8".`,
  })
}

/**
 * Rejects, with its byte offset, a character a payload may not contain. Payloads take no control
 * character but tab, line feed and carriage return, so DEL and C1 are rejected although XML 1.0
 * permits them. XML 1.0 excludes U+FFFE and U+FFFF. Surrogates are already invalid UTF-8.
 */
function rejectForbiddenCharacters(bytes: Uint8Array, start: number): void {
  for (let offset = start; offset < bytes.length; offset++) {
    const codePoint = readForbiddenCodePoint(bytes, offset)
    if (codePoint === undefined) {
      continue
    }

    const { line, column } = findBytePosition(bytes, { start, offset })
    const where = `Malformed XML payload at line ${line}, column ${column} (byte offset ${offset})`
    const name = `U+${toHex(codePoint, 4)}`
    throw new MpnsError({
      code: 'MALFORMED_PAYLOAD',
      status: 400,
      message:
        codePoint >= 0xfffe
          ? `${where}: character ${name} is not allowed, because XML 1.0 excludes U+FFFE and U+FFFF. Remove it.`
          : `${where}: control character ${name} is not allowed, because a payload may contain only tab, line feed and carriage return among the control characters. Remove it or replace it with a space.`,
    })
  }
}

/** Returns the forbidden code point whose UTF-8 sequence starts at the offset, if there is one. */
function readForbiddenCodePoint(bytes: Uint8Array, offset: number): number | undefined {
  const byte = bytes[offset] ?? 0
  // Bytes from 0x80 up are parts of multi-byte sequences, never characters of their own.
  if (byte < 0x80 && isForbiddenControlCode(byte)) {
    return byte
  }

  const second = bytes[offset + 1] ?? 0
  // C1 controls are U+0080 to U+009F, written C2 80 to C2 9F.
  if (byte === 0xc2 && second >= 0x80 && second <= 0x9f) {
    return second
  }
  // U+FFFE and U+FFFF are written EF BF BE and EF BF BF.
  const third = bytes[offset + 2] ?? 0
  if (byte === 0xef && second === 0xbf && (third === 0xbe || third === 0xbf)) {
    return third === 0xbe ? 0xfffe : 0xffff
  }
  return undefined
}

/** Tells whether a code point is a control character that a payload may not contain. */
export function isForbiddenControlCode(codePoint: number): boolean {
  const isC0 = codePoint < 0x20 && codePoint !== 0x09 && codePoint !== 0x0a && codePoint !== 0x0d
  return isC0 || (codePoint >= 0x7f && codePoint <= 0x9f)
}

/** Converts a byte offset to a one-based line and a column counted in characters. */
function findBytePosition(
  bytes: Uint8Array,
  range: { start: number; offset: number },
): { line: number; column: number } {
  let line = 1
  let lineStart = range.start
  for (let index = range.start; index < range.offset; index++) {
    if (bytes[index] === 0x0a) {
      line++
      lineStart = index + 1
    }
  }

  // A continuation byte (10xxxxxx) does not start a character.
  const lineBytes = bytes.subarray(lineStart, range.offset)
  const column = 1 + lineBytes.filter((value) => (value & 0xc0) !== 0x80).length
  return { line, column }
}

function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((value, index) => bytes[index] === value)
}

/** Returns the length of the valid UTF-8 sequence at the index, or 0 when it is invalid. */
function readSequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index] ?? 0
  if (lead < 0x80) {
    return 1
  }

  const range = LEAD_BYTE_RANGES.find(({ min, max }) => lead >= min && lead <= max)
  if (range === undefined || index + range.length > bytes.length) {
    return 0
  }

  const second = bytes[index + 1] ?? 0
  if (second < range.secondMin || second > range.secondMax) {
    return 0
  }
  for (let next = index + 2; next < index + range.length; next++) {
    const byte = bytes[next] ?? 0
    if ((byte & 0xc0) !== 0x80) {
      return 0
    }
  }

  return range.length
}

function toHex(value: number | undefined, width = 2): string {
  return (value ?? 0).toString(16).toUpperCase().padStart(width, '0')
}
