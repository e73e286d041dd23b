import type { ChannelRecord, DeviceRecord, QueuedNotification } from './types'

/**
 * Durable state of the service: channels, what each handset last reported, and the queue
 * of accepted notifications. Implemented over IndexedDB in the worker and in memory for tests.
 */
export interface QueueStore {
  getChannel(token: string): Promise<ChannelRecord | undefined>
  findChannelByApp(handsetId: string, appId: string): Promise<ChannelRecord | undefined>
  putChannel(channel: ChannelRecord): Promise<void>
  listChannels(): Promise<ChannelRecord[]>
  getDevice(handsetId: string): Promise<DeviceRecord | undefined>
  /**
   * Replaces a handset's record with what `update` makes of the stored one, in one atomic step,
   * so that two concurrent reports never overwrite each other's fields.
   */
  updateDevice(
    handsetId: string,
    update: (current: DeviceRecord | undefined) => DeviceRecord,
  ): Promise<DeviceRecord>
  /** Stores an accepted notification after every notification stored before it. */
  enqueue(notification: QueuedNotification): Promise<void>
  /** Lists a handset's queued notifications in the order they were accepted. */
  listQueued(handsetId: string): Promise<QueuedNotification[]>
  /** Deletes the given deliveries of a handset and returns how many were found. */
  removeQueued(handsetId: string, deliveryIds: readonly string[]): Promise<number>
}

/** Selects the queued notifications that are due at `now`, keeping acceptance order. */
export function selectDueNotifications(
  queued: readonly QueuedNotification[],
  now: number,
): QueuedNotification[] {
  return queued.filter((notification) => notification.dueAt <= now)
}

/** Builds a delivery id that is unique per service and readable in logs. */
export function createDeliveryId(now: number, randomBytes: Uint8Array): string {
  const random = Array.from(randomBytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${now.toString(36)}-${random}`
}
