/**
 * Types of the parts of the `mpns` package (2.1.3) the end-to-end tests call. The package ships
 * none. Every send function takes the channel URI, an options object and a Node-style callback,
 * and reports through the callback only.
 */
declare module 'mpns' {
  /** What the library reports: the status, the three MPNS status headers and advice. */
  export interface MpnsOutcome {
    statusCode?: number
    notificationStatus?: string
    subscriptionStatus?: string
    deviceConnectionStatus?: string
    shouldDeleteChannel?: boolean
    minutesToDelay?: number
    innerError?: unknown
    pushType?: string
    tileTemplate?: string
    [field: string]: unknown
  }

  /** TLS options, used for https channel URIs. */
  export interface MpnsTlsOptions {
    pfx?: Buffer
    cert?: string
    key?: string
    ca?: string
    passphrase?: string
  }

  export type MpnsCallback = (error: MpnsOutcome | undefined, result?: MpnsOutcome) => void

  type Send = (
    pushUri: string,
    options: Record<string, unknown> & MpnsTlsOptions,
    callback: MpnsCallback,
  ) => void

  const mpns: {
    sendToast: Send
    sendTile: Send
    sendFlipTile: Send
    sendIconicTile: Send
    sendRaw: Send
  }
  export default mpns
}
