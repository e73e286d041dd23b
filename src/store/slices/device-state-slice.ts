import type { StateCreator } from 'zustand'

import type { DeviceStatePayload } from '@/messaging/messages'
import type { BatteryState } from '@/mpns/types'

import type { DeviceStore } from '../device-store'
import { toForegroundAppId } from './device-model'
import { listSecondaryTileIds } from './start-tiles'

export interface DeviceStateSlice {
  /** Airplane mode: no data connection, so the service cannot reach the handset. */
  airplaneMode: boolean
  /** Power level the push client reports: normal, battery saver or critically low. */
  battery: BatteryState
  turnOnAirplaneMode: () => void
  turnOffAirplaneMode: () => void
  /** Switches between normal power, battery saver and a critically low battery. */
  changeBatteryLevel: (battery: BatteryState) => void
}

export const createDeviceStateSlice: StateCreator<DeviceStore, [], [], DeviceStateSlice> = (
  set,
  get,
) => ({
  airplaneMode: false,
  battery: 'normal',

  turnOnAirplaneMode: () => {
    if (!get().airplaneMode) {
      set({ airplaneMode: true })
    }
  },

  turnOffAirplaneMode: () => {
    if (get().airplaneMode) {
      set({ airplaneMode: false })
    }
  },

  changeBatteryLevel: (battery) => {
    if (get().battery !== battery) {
      set({ battery })
    }
  },
})

/**
 * Builds the state the handset's push client reports to the service, including the navigation
 * URIs of each app's pinned secondary tiles, which the service needs to suppress updates to others.
 */
export function toDeviceStatePayload(state: DeviceStore): DeviceStatePayload {
  return {
    handsetId: state.handsetId,
    foregroundAppId: toForegroundAppId(state.screen),
    network: state.airplaneMode ? 'offline' : 'online',
    battery: state.battery,
    secondaryTileIds: listSecondaryTileIds(state.startTiles),
  }
}
