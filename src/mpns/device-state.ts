import type { DeviceConnectionStatus, DeviceRecord, EngineSettings } from './types'

/** Creates the record of a handset that has just made contact: online, normal battery, no secondary tiles. */
export function createDeviceRecord(options: { handsetId: string; now: number }): DeviceRecord {
  return {
    handsetId: options.handsetId,
    foregroundAppId: null,
    lastContactAt: options.now,
    network: 'online',
    battery: 'normal',
    secondaryTileIds: {},
  }
}

/**
 * Derives the device connection status MPNS reports from the stored record: Connected while online,
 * TempDisconnected while offline (or before first contact), Inactive after the configured time offline.
 */
export function deriveConnectionStatus(options: {
  device: DeviceRecord | undefined
  now: number
  settings: EngineSettings
}): DeviceConnectionStatus {
  const { device, now, settings } = options
  if (device === undefined) {
    return 'TempDisconnected'
  }
  if (device.network === 'online') {
    return 'Connected'
  }

  const offlineSince = device.offlineSince ?? device.lastContactAt
  const inactiveAfterMs = settings.inactiveAfterMinutes * 60_000
  return now - offlineSince >= inactiveAfterMs ? 'Inactive' : 'TempDisconnected'
}
