import type { NotificationPayload } from '../types'

/** Wraps a copy of a raw notification body. The bytes are never decoded or checked. */
export function createRawPayload(body: Uint8Array): NotificationPayload {
  return { type: 'raw', body: body.slice() }
}
