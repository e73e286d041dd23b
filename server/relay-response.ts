import type { IncomingMessage, ServerResponse } from 'node:http'

import { sendEndpointResponse, sendRelayedResponse } from './endpoint-response.ts'
import type { RelayOutcome } from './relay-hub.ts'
import { explainCharacterCountedLength } from './request-body.ts'

/** Result of a relayed request for the log: the status, plus the reason when the server responded itself. */
export interface RelayResult {
  status: number
  /** The server's own reason, or undefined when the worker's response was passed on. */
  reason?: string
}

/**
 * Writes the response to a relayed request: the worker's response as the page relayed it, or a
 * 503 in MPNS form when no page owns the channel, the page did not respond in time, or it
 * disconnected.
 */
export function respondToRelayOutcome(
  res: ServerResponse,
  context: {
    req: IncomingMessage
    outcome: RelayOutcome
    /** Body as received, to explain a 400 caused by a Content-Length that counted characters. */
    body: Buffer
    /** Address of the emulator page, for the reason when no page owns the channel. */
    pageUrl: string
    /** True when bytes after the body failed to parse as a next request on the connection. */
    extraBytesFollowed: boolean
  },
): RelayResult {
  const { outcome } = context
  if (outcome.kind !== 'response') {
    const reason = describeMissingResponse(outcome, context.pageUrl)
    sendEndpointResponse(res, { status: 503, reason, closeConnection: context.extraBytesFollowed })
    return { status: 503, reason }
  }

  const explanation =
    outcome.response.status === 400
      ? explainCharacterCountedLength(context.req, context.body, {
          extraBytesFollowed: context.extraBytesFollowed,
        })
      : undefined
  try {
    sendRelayedResponse(res, outcome.response, {
      appendedReason: explanation,
      // The rest of a body cut short would be read as a new request, so the connection ends.
      closeConnection: explanation !== undefined || context.extraBytesFollowed,
    })
  } catch (error) {
    const reason = `Service Unavailable: the emulator page relayed a response that HTTP/1.1 cannot carry (${error instanceof Error ? error.message : String(error)}). Reload the emulator page and resend.`
    sendEndpointResponse(res, { status: 503, reason, closeConnection: true })
    return { status: 503, reason }
  }
  return { status: outcome.response.status }
}

function describeMissingResponse(
  outcome: Exclude<RelayOutcome, { kind: 'response' }>,
  pageUrl: string,
): string {
  switch (outcome.kind) {
    case 'no-owner':
      return `Service Unavailable: no emulator page has this channel open. The handset that owns the channel must be open in a browser tab at ${pageUrl}, so open the emulator there and resend.`
    case 'timed-out':
      return `Service Unavailable: the emulator page that owns this channel did not respond within ${outcome.timeoutMs / 1000} seconds. Check that its tab is not paused in the debugger, or raise EMULATOR_RELAY_TIMEOUT_MS, then resend.`
    case 'disconnected':
      return 'Service Unavailable: the emulator page that owns this channel closed its relay connection before it answered. Reload the emulator page and resend.'
  }
}
