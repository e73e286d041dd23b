import mpns from 'mpns'
import type { MpnsOutcome, MpnsTlsOptions } from 'mpns'

/** The send functions of the `mpns` package that the tests drive. */
export type MpnsSendFunction =
  'sendToast' | 'sendTile' | 'sendFlipTile' | 'sendIconicTile' | 'sendRaw'

/** What the library's callback received: its error argument or its result argument. */
export type MpnsLibraryOutcome =
  { kind: 'error'; outcome: MpnsOutcome } | { kind: 'result'; outcome: MpnsOutcome }

/** Maximum wait for the library's callback, because the library itself sets no timeout. */
const CALLBACK_TIMEOUT_MS = 15_000

/**
 * Calls one send function of the public `mpns` client and resolves with what its callback
 * received. Rejects when the callback never runs.
 */
export function sendWithMpnsLibrary(
  send: MpnsSendFunction,
  channelUri: string,
  options: Record<string, unknown> & MpnsTlsOptions,
): Promise<MpnsLibraryOutcome> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`mpns.${send} did not call back within ${CALLBACK_TIMEOUT_MS} ms`))
    }, CALLBACK_TIMEOUT_MS)
    mpns[send](channelUri, options, (error, result) => {
      clearTimeout(timer)
      resolve(
        error === undefined
          ? { kind: 'result', outcome: result ?? {} }
          : { kind: 'error', outcome: error },
      )
    })
  })
}
