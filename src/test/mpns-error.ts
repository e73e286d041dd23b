import { isMpnsError } from '../mpns/errors'
import type { MpnsError } from '../mpns/errors'

/** Runs an action that must throw an MpnsError and returns that error for assertions. */
export function captureMpnsError(action: () => unknown): MpnsError {
  try {
    action()
  } catch (error) {
    if (isMpnsError(error)) {
      return error
    }
    throw error
  }
  throw new Error('Expected an MpnsError, but the action returned normally')
}

/** Copies the fields of an MpnsError that tests compare: code, status, headers and message. */
export function toErrorFields(error: MpnsError): {
  code: string
  status: number
  headers: readonly (readonly [string, string])[]
  message: string
} {
  return {
    code: error.code,
    status: error.status,
    headers: error.headers,
    message: error.message,
  }
}
