import { MpnsError } from '../errors'

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
 * other than UTF-8, or a control character that XML 1.0 forbids.
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
  rejectControlCharacters(bytes, bomLength)
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
    throw new MpnsError({
      code: 'INVALID_ENCODING',
      status: 400,
      message:
        'Invalid encoding at byte offset 0: the payload starts with a UTF-16 byte order mark. Encode the XML as UTF-8 before sending.',
    })
  }

  // "<" followed or preceded by a zero byte is how UTF-16 without a byte order mark begins.
  const looksLikeUtf16 = (first === 0x3c && second === 0x00) || (first === 0x00 && second === 0x3c)
  if (looksLikeUtf16) {
    throw new MpnsError({
      code: 'INVALID_ENCODING',
      status: 400,
      message:
        'Invalid encoding at byte offset 0: the payload looks like UTF-16 without a byte order mark (a zero byte beside "<"). Encode the XML as UTF-8 before sending.',
    })
  }
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
    message: `Invalid encoding "${declared}" in the XML declaration at byte offset ${offset}: MPNS payloads must be UTF-8. Encode the XML as UTF-8 and declare encoding="utf-8".`,
  })
}

function rejectControlCharacters(bytes: Uint8Array, start: number): void {
  let line = 1
  let lineStart = start

  for (let offset = start; offset < bytes.length; offset++) {
    const byte = bytes[offset] ?? 0
    if (byte === 0x0a) {
      line++
      lineStart = offset + 1
    }
    if (!isForbiddenControlByte(byte)) {
      continue
    }

    // Counts characters, not bytes: a continuation byte (10xxxxxx) does not start a character.
    const lineBytes = bytes.subarray(lineStart, offset)
    const column = 1 + lineBytes.filter((value) => (value & 0xc0) !== 0x80).length
    throw new MpnsError({
      code: 'MALFORMED_PAYLOAD',
      status: 400,
      message: `Malformed XML payload at line ${line}, column ${column} (byte offset ${offset}): control character U+${toHex(byte, 4)} is not allowed in XML, which permits only tab, line feed and carriage return. Remove it or replace it with a space.`,
    })
  }
}

/** Tells whether a byte is a C0 control character other than tab, line feed and carriage return. */
function isForbiddenControlByte(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d
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
