import type { IncomingMessage } from 'node:http'

/** Outcome of reading a request body under a size cap. */
export type RequestBodyResult =
  | { kind: 'complete'; body: Buffer }
  | {
      kind: 'too-large'
      /** Content-Length of the request, or undefined for a chunked body. */
      declaredBytes: number | undefined
      /** Bytes read before reading stopped. */
      receivedBytes: number
    }

/**
 * Reads a request body of at most `maxBytes`. A Content-Length above the cap is rejected before
 * any byte is read, and a chunked body is counted while it arrives and cut off at the cap.
 * Rejects when the connection fails before the body is complete.
 */
export function readRequestBody(
  req: IncomingMessage,
  maxBytes: number,
): Promise<RequestBodyResult> {
  const declaredBytes = readContentLength(req)
  if (declaredBytes !== undefined && declaredBytes > maxBytes) {
    return Promise.resolve({ kind: 'too-large', declaredBytes, receivedBytes: 0 })
  }

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let receivedBytes = 0
    const handleData = (chunk: Buffer) => {
      receivedBytes += chunk.length
      if (receivedBytes > maxBytes) {
        stopReading()
        resolve({ kind: 'too-large', declaredBytes, receivedBytes })
        return
      }
      chunks.push(chunk)
    }
    const handleEnd = () => {
      stopReading()
      resolve({ kind: 'complete', body: Buffer.concat(chunks) })
    }
    const handleFailure = (error?: Error) => {
      stopReading()
      reject(error ?? new Error('the connection closed before the request body was complete'))
    }
    const handleClose = () => {
      if (!req.complete) {
        handleFailure()
      }
    }
    const stopReading = () => {
      req.off('data', handleData)
      req.off('end', handleEnd)
      req.off('error', handleFailure)
      req.off('close', handleClose)
    }

    req.on('data', handleData)
    req.on('end', handleEnd)
    req.on('error', handleFailure)
    req.on('close', handleClose)
  })
}

/**
 * Explains a body cut short by a Content-Length that counted characters instead of UTF-8
 * bytes, or returns undefined when the body is plain ASCII and that cannot be the cause. Node
 * reads exactly Content-Length bytes, so for such a sender the end of the body is never read.
 */
export function explainCharacterCountedLength(
  req: IncomingMessage,
  body: Buffer,
  options: { extraBytesFollowed: boolean },
): string | undefined {
  const declaredBytes = readContentLength(req)
  if (declaredBytes === undefined || !hasNonAsciiByte(body)) {
    return undefined
  }

  const characters = [...new TextDecoder('utf-8').decode(body)].length
  const missingBytes = declaredBytes - characters
  const evidence = options.extraBytesFollowed
    ? ' More bytes followed the body on the connection, which fits this cause.'
    : ''
  return `The body contains non-ASCII text: its Content-Length of ${declaredBytes} was read as ${declaredBytes} bytes, which decode to ${characters} characters. If the sender counted characters instead of UTF-8 bytes, at least the last ${missingBytes} bytes of the body were never read.${evidence} Set Content-Length to the body's length in UTF-8 bytes.`
}

function readContentLength(req: IncomingMessage): number | undefined {
  const value = req.headers['content-length']
  if (value === undefined) {
    return undefined
  }
  const length = Number(value)
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined
}

function hasNonAsciiByte(body: Buffer): boolean {
  return body.some((byte) => byte >= 0x80)
}
