import type { HeaderEntry } from './types.ts'

export type MpnsErrorCode =
  | 'SERVICE_UNAVAILABLE'
  | 'METHOD_NOT_ALLOWED'
  | 'MALFORMED_CHANNEL_URI'
  | 'UNAUTHORIZED'
  | 'CERTIFICATE_MISMATCH'
  | 'INVALID_CALLBACK'
  | 'CHANNEL_NOT_FOUND'
  | 'CHANNEL_CLOSED'
  | 'INVALID_TARGET'
  | 'INVALID_NOTIFICATION_CLASS'
  | 'PAYLOAD_TOO_LARGE'
  | 'INVALID_ENCODING'
  | 'MALFORMED_PAYLOAD'
  | 'INVALID_PAYLOAD'
  | 'WNS_FORMAT'
  | 'STRICT_MODE_WARNING'
  | 'DEVICE_INACTIVE'
  | 'DAILY_QUOTA_EXCEEDED'

/**
 * A protocol rejection: the HTTP status and the real `X-` headers MPNS sends for it, plus a
 * plain explanation for the developer. It becomes the response and is never a crash.
 */
export class MpnsError extends Error {
  readonly code: MpnsErrorCode
  readonly status: number
  readonly headers: readonly HeaderEntry[]

  constructor(options: {
    code: MpnsErrorCode
    status: number
    message: string
    headers?: readonly HeaderEntry[]
  }) {
    super(options.message)
    this.name = 'MpnsError'
    this.code = options.code
    this.status = options.status
    this.headers = options.headers ?? []
  }
}

/** Tells whether a caught value is an MpnsError. */
export function isMpnsError(value: unknown): value is MpnsError {
  return value instanceof MpnsError
}
