import type { EngineClockState } from '@/mpns/clock'
import type { ChannelRecord, DeviceRecord } from '@/mpns/types'

/** A channel as schema version 1 stored it: without the tile template. */
export type StoredChannelRecord = Omit<ChannelRecord, 'tileTemplate'> &
  Partial<Pick<ChannelRecord, 'tileTemplate'>>

/** A device as schema version 1 stored it: without network, battery and secondary tiles. */
export type StoredDeviceRecord = Omit<DeviceRecord, 'network' | 'battery' | 'secondaryTileIds'> &
  Partial<Pick<DeviceRecord, 'network' | 'battery' | 'secondaryTileIds'>>

/** Completes a channel record written by any schema version with today's fields. */
export function toChannelRecord(stored: StoredChannelRecord): ChannelRecord {
  // NOTE: version 1 did not store the app's tile template. FlipTile is the WP8 default for new
  // apps, so a channel opened before the upgrade assumes it until the app opens the channel again.
  return { ...stored, tileTemplate: stored.tileTemplate ?? 'FlipTile' }
}

/** Completes a device record written by any schema version: online, normal battery, no secondary tiles. */
export function toDeviceRecord(stored: StoredDeviceRecord): DeviceRecord {
  return {
    ...stored,
    network: stored.network ?? 'online',
    battery: stored.battery ?? 'normal',
    secondaryTileIds: stored.secondaryTileIds ?? {},
  }
}

/** Narrows a stored clock to EngineClockState, or returns undefined for anything else. */
export function toEngineClockState(stored: unknown): EngineClockState | undefined {
  if (typeof stored !== 'object' || stored === null) {
    return undefined
  }
  const { speed, anchorRealMs, anchorEngineMs } = stored as Record<string, unknown>
  if (!isFiniteNumber(speed) || !isFiniteNumber(anchorRealMs) || !isFiniteNumber(anchorEngineMs)) {
    return undefined
  }
  return { speed, anchorRealMs, anchorEngineMs }
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}
