import type { EngineClockState } from '@/mpns/clock'
import type { StoreChange } from '@/mpns/delivery'
import type { ChannelRecord, ChannelUsage, DeviceRecord, EngineSettings } from '@/mpns/types'

/** The record writes of a batch, reduced to the last value written per key. */
export interface LatestPuts {
  channels: Map<string, ChannelRecord>
  devices: Map<string, DeviceRecord>
  usage: Map<string, ChannelUsage>
  settings?: EngineSettings
  clock?: EngineClockState
}

/**
 * Collects the `put-…` changes of a batch, keeping the last value per key. Record writes touch no
 * queue entry, so writing them after the queue changes gives the same result as writing in order.
 */
export function collectLatestPuts(changes: readonly StoreChange[]): LatestPuts {
  const puts: LatestPuts = { channels: new Map(), devices: new Map(), usage: new Map() }
  for (const change of changes) {
    switch (change.kind) {
      case 'put-channel':
        puts.channels.set(change.channel.token, change.channel)
        break
      case 'put-device':
        puts.devices.set(change.device.handsetId, change.device)
        break
      case 'put-usage':
        puts.usage.set(change.usage.token, change.usage)
        break
      case 'put-settings':
        puts.settings = change.settings
        break
      case 'put-clock':
        puts.clock = change.clock
        break
      default:
        break
    }
  }
  return puts
}

/** Names the key of a change for error messages. */
export function describeChangeKey(change: StoreChange): string {
  switch (change.kind) {
    case 'enqueue':
      return `queue/${change.notification.deliveryId}`
    case 'put-channel':
      return `channels/${change.channel.token}`
    case 'put-device':
      return `devices/${change.device.handsetId}`
    case 'put-usage':
      return `usage/${change.usage.token}`
    case 'put-settings':
      return 'meta/settings'
    case 'put-clock':
      return 'meta/clock'
    case 'remove-deliveries':
      return `queue/${change.handsetId}`
    case 'remove-channel-queue':
      return `queue/${change.token}`
    case 'put-unanswered':
      return `unanswered/${change.request.deliveryId}`
    case 'remove-unanswered':
      return `unanswered/${change.deliveryIds[0] ?? 'none'}`
  }
}
