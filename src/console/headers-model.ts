import { DEFAULT_ENGINE_SETTINGS } from '@/mpns/engine'
import type { SentRequest } from '@/mpns/http-format'
import { describeDelay, readNotificationClass } from '@/mpns/notification-class'
import { readHeader } from '@/mpns/request'
import type { EngineSettings, NotificationType } from '@/mpns/types'

/** One header of the request the console sends, or one it leaves out, with its meaning. */
export interface HeaderExplanation {
  name: string
  /** The value sent, or null when the console sends no such header. */
  value: string | null
  meaning: string
}

const TARGET_MEANINGS: Readonly<Record<string, string>> = {
  toast: 'Toast: the handset shows a banner, or hands the toast to the app when it is running.',
  token:
    'Tile update: the handset changes the app’s primary tile, or the secondary tile its Id names.',
}

/**
 * Explains each header of `request`, as buildConsoleRequest made it, so the list always matches
 * what is sent. `settings` decides the class a request without X-NotificationClass gets.
 */
export function explainRequestHeaders(
  request: SentRequest,
  context: { notificationType: NotificationType; settings: EngineSettings | null },
): HeaderExplanation[] {
  const { headers } = request
  const target = readHeader(headers, 'X-WindowsPhone-Target')
  const notificationClass = readHeader(headers, 'X-NotificationClass')
  const messageId = readHeader(headers, 'X-MessageID')
  const contentType = readHeader(headers, 'Content-Type')

  return [
    {
      name: 'X-WindowsPhone-Target',
      value: target ?? null,
      meaning:
        target === undefined
          ? 'Not sent, so the body is a raw notification: bytes the running app reads itself.'
          : (TARGET_MEANINGS[target] ?? `Unknown target "${target}": the service answers 400.`),
    },
    {
      name: 'X-NotificationClass',
      value: notificationClass ?? null,
      meaning: explainNotificationClass(notificationClass, context),
    },
    {
      name: 'X-MessageID',
      value: messageId ?? null,
      meaning:
        messageId === undefined
          ? 'Not sent. The response echoes a message ID, so with one the sender can match the response to its request. Generate creates a new UUID on every press.'
          : 'The response echoes it, so the sender can match the response to this request. Generate creates a new UUID on every press.',
    },
    {
      name: 'Content-Type',
      value: contentType ?? null,
      meaning:
        contentType === undefined
          ? 'Not sent: a raw body is any bytes, and the service reads no content type for it.'
          : 'The body is XML, as toast and tile payloads must be.',
    },
  ]
}

function explainNotificationClass(
  value: string | undefined,
  context: { notificationType: NotificationType; settings: EngineSettings | null },
): string {
  try {
    const { notificationClass, delaySeconds } = readNotificationClass({
      value,
      type: context.notificationType,
      settings: context.settings ?? DEFAULT_ENGINE_SETTINGS,
      warnings: [],
    })
    const batching = `class ${notificationClass}, ${describeDelay(delaySeconds)}`
    return value === undefined
      ? `Not sent, so the service applies its default batching: ${batching}.`
      : `Batching: ${batching}.`
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
