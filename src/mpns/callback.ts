import { deriveConnectionStatus } from './device-state'
import { MpnsError } from './errors'
import { shortenForMessage } from './message-text'
import { readHeader, readMessageId } from './request'
import { createMpnsResponse } from './response'
import type {
  ChannelRecord,
  DeviceRecord,
  EngineSettings,
  HeaderEntry,
  MpnsHttpResponse,
} from './types'

/** Inputs for a callback registration on an open channel. */
export interface CallbackRegistrationInput {
  request: { headers: readonly HeaderEntry[]; body: Uint8Array }
  channel: ChannelRecord
  device: DeviceRecord | undefined
  /** True when the request used the authenticated (https, unthrottled) channel URI. */
  authenticated: boolean
  /** Engine time in epoch milliseconds. */
  now: number
  settings: EngineSettings
}

/** A callback the service sends now: the handset that owns its channel turned Inactive. */
export interface DueCallback {
  /** Id of this one sending: the channel token and the registration time. */
  callbackId: string
  token: string
  handsetId: string
  appId: string
  appName: string
  callbackUri: string
  body: Uint8Array
}

/** Largest callback registration body, in bytes. */
export const MAX_CALLBACK_BODY_BYTES = 1024

const MAX_CALLBACK_URI_LENGTH = 2048

/**
 * Registers a callback on an authenticated channel and returns the channel record to store with
 * the response. Registering again replaces the earlier callback and arms it again. Throws an
 * MpnsError for a channel that is not authenticated (403), or a missing or invalid X-CallbackURI
 * or a body over 1,024 bytes (400).
 */
export function registerCallback(input: CallbackRegistrationInput): {
  channel: ChannelRecord
  response: MpnsHttpResponse
} {
  const { channel, request, now } = input
  if (!input.authenticated || channel.serviceName === undefined) {
    // NOTE: the status for a callback registration on an unauthenticated channel is undocumented;
    // 403 is what the service gives for other certificate problems.
    throw new MpnsError({
      code: 'CERTIFICATE_MISMATCH',
      status: 403,
      message: `Forbidden: only authenticated services register callbacks, and the channel of "${channel.appName}" was opened without a service name. Open the channel with the service name of your certificate and register on its https URI.`,
    })
  }

  const uri = readCallbackUri(request.headers)
  if (request.body.byteLength > MAX_CALLBACK_BODY_BYTES) {
    throw invalidCallback(
      `the body is ${request.body.byteLength} bytes, over the ${MAX_CALLBACK_BODY_BYTES}-byte limit for a callback registration. Send at most ${MAX_CALLBACK_BODY_BYTES} bytes`,
    )
  }

  const registered: ChannelRecord = {
    ...channel,
    callback: { uri, body: request.body, registeredAt: now },
  }
  const messageId = readMessageId(request.headers)
  // NOTE: the status headers MPNS returned on a callback registration are undocumented. The
  // emulator sends the subscription and device statuses, because one library reads those.
  const response = createMpnsResponse({
    status: 200,
    now,
    reason: `Callback registered for "${channel.appName}": the service POSTs the ${request.body.byteLength}-byte body to ${shortenForMessage(uri)} once, when the handset turns Inactive. Register again after the handset is back.`,
    subscriptionStatus: 'Active',
    deviceConnectionStatus: deriveConnectionStatus({
      device: input.device,
      now,
      settings: input.settings,
    }),
    ...(messageId === undefined ? {} : { messageId }),
  })
  return { channel: registered, response }
}

/**
 * Returns the device record with `inactiveNoticedAt` set when the handset is Inactive at `now`
 * for the first time in this time away. Otherwise it returns undefined.
 */
export function noticeInactiveHandset(options: {
  device: DeviceRecord | undefined
  now: number
  settings: EngineSettings
}): DeviceRecord | undefined {
  const { device } = options
  if (device === undefined || device.inactiveNoticedAt !== undefined) {
    return undefined
  }
  if (deriveConnectionStatus(options) !== 'Inactive') {
    return undefined
  }
  return { ...device, inactiveNoticedAt: options.now }
}

/**
 * Fires the unfired callbacks of a handset's open channels: returns each channel marked as fired
 * and the callbacks to send. A callback fires once per registration.
 */
export function fireCallbacks(options: {
  channels: Iterable<ChannelRecord>
  handsetId: string
  now: number
}): { channels: ChannelRecord[]; due: DueCallback[] } {
  const channels: ChannelRecord[] = []
  const due: DueCallback[] = []
  for (const channel of options.channels) {
    const callback = channel.callback
    const armed =
      callback !== undefined && callback.firedAt === undefined && channel.closedAt === undefined
    if (!armed || channel.handsetId !== options.handsetId) {
      continue
    }

    channels.push({ ...channel, callback: { ...callback, firedAt: options.now } })
    due.push({
      callbackId: `${channel.token}:${callback.registeredAt}`,
      token: channel.token,
      handsetId: channel.handsetId,
      appId: channel.appId,
      appName: channel.appName,
      callbackUri: callback.uri,
      body: callback.body,
    })
  }
  return { channels, due }
}

function readCallbackUri(headers: readonly HeaderEntry[]): string {
  const value = readHeader(headers, 'X-CallbackURI')?.trim() ?? ''
  if (value === '') {
    throw invalidCallback(
      'the X-CallbackURI header is missing or empty. Set it to the absolute http or https URI the service should POST to',
    )
  }
  if (value.length > MAX_CALLBACK_URI_LENGTH) {
    throw invalidCallback(
      `X-CallbackURI is ${value.length} characters long, over the ${MAX_CALLBACK_URI_LENGTH}-character limit. Use a shorter URI`,
    )
  }

  let parsed: URL
  try {
    parsed = new URL(value)
  } catch {
    throw invalidCallback(
      `X-CallbackURI "${shortenForMessage(value)}" is not an absolute URI. Set it to the absolute http or https URI the service should POST to`,
    )
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw invalidCallback(
      `X-CallbackURI "${shortenForMessage(value)}" uses ${parsed.protocol}, not http or https. Use an http or https URI`,
    )
  }
  return value
}

function invalidCallback(problem: string): MpnsError {
  return new MpnsError({
    code: 'INVALID_CALLBACK',
    status: 400,
    message: `Invalid callback registration: ${problem}.`,
  })
}
