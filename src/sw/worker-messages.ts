/// <reference lib="webworker" />
import { logError, logWarnOnce } from '@/lib/log'
import { PROTOCOL_VERSION, toWorkerRequestMessage } from '@/messaging/messages'
import type { WorkerRequestMessage } from '@/messaging/messages'

import { getServiceContext } from './worker-context'
import { answerServiceRequest } from './service-requests'

declare const self: ServiceWorkerGlobalScope

/** Handles one request from a page and replies on the MessagePort sent with it. */
export async function handleWorkerMessage(event: ExtendableMessageEvent): Promise<void> {
  const port = event.ports[0]
  const message = toWorkerRequestMessage(event.data)
  if (!port || !message) {
    logWarnOnce('[sw]', 'unknown-message', 'Ignored a message that is not a known request.')
    return
  }

  try {
    const stem = message.type.slice(0, -'_REQUEST'.length)
    const payload = await answerMessage(message)
    port.postMessage({ type: `${stem}_RESPONSE`, payload })
  } catch (error) {
    logError('[sw]', `Failed to handle ${message.type}`, error)
    const text = error instanceof Error ? error.message : String(error)
    port.postMessage({ type: 'ERROR_RESPONSE', payload: { message: text } })
  }
}

async function answerMessage(message: WorkerRequestMessage): Promise<unknown> {
  if (message.type === 'HELLO_REQUEST') {
    // Claiming here also takes over pages opened with a hard reload, which start uncontrolled.
    await self.clients.claim()
    return { protocolVersion: PROTOCOL_VERSION }
  }
  return answerServiceRequest(await getServiceContext(), message)
}
