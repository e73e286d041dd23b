import type { StateCreator } from 'zustand'

import type { DeviceStatePayload } from '@/messaging/messages'
import type { BatteryState } from '@/mpns/types'

import type { DeviceStore } from '../device-store'
import {
  DEFAULT_BATTERY_SETTINGS,
  isBatteryPercent,
  isBatterySaverOption,
  toBatterySettingsFor,
  toBatteryState,
  withBatteryPercent,
} from './battery-model'
import type { BatterySaverOption, BatterySettings } from './battery-model'
import { withPowerLevelChanged } from './channel-errors'
import { toForegroundAppId } from './device-model'
import { listSecondaryTileIds } from './start-tiles'

export interface DeviceStateSlice {
  /** Airplane mode: no data connection, so the service cannot reach the handset. */
  airplaneMode: boolean
  /** Battery charge in whole percent, 0 to 100. */
  batteryPercent: number
  /** The battery saver option chosen in Settings. */
  batterySaver: BatterySaverOption
  /**
   * Power level the push client reports: normal, battery saver or critically low. It is
   * derived from `batteryPercent` and `batterySaver` on every change of either.
   */
  battery: BatteryState
  turnOnAirplaneMode: () => void
  turnOffAirplaneMode: () => void
  /** Sets the battery charge, clamped to 0-100 %. A rise ends "now until next charge". */
  changeBatteryPercent: (percent: number) => void
  /** Chooses when battery saver is on: never, below 20 %, or now until the next charge. */
  chooseBatterySaver: (option: BatterySaverOption) => void
  /**
   * Sets a charge and saver option that give this power level, as the console's Battery
   * choice does, keeping the current settings where they already give it.
   */
  changeBatteryState: (battery: BatteryState) => void
}

const BATTERY_STATES: readonly string[] = ['normal', 'saver', 'critical'] satisfies BatteryState[]

export const createDeviceStateSlice: StateCreator<DeviceStore, [], [], DeviceStateSlice> = (
  set,
  get,
) => {
  const applyBatterySettings = (settings: BatterySettings) => {
    const { batteryPercent, batterySaver } = get()
    if (settings.batteryPercent === batteryPercent && settings.batterySaver === batterySaver) {
      return
    }
    const battery = toBatteryState(settings)
    const apps =
      battery === get().battery
        ? get().apps
        : withPowerLevelChanged(get().apps, battery, Date.now())
    set({ ...settings, battery, apps })
  }

  return {
    airplaneMode: false,
    ...DEFAULT_BATTERY_SETTINGS,
    battery: toBatteryState(DEFAULT_BATTERY_SETTINGS),

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

    changeBatteryPercent: (percent) => {
      applyBatterySettings(withBatteryPercent(get(), percent))
    },

    chooseBatterySaver: (option) => {
      applyBatterySettings({ batteryPercent: get().batteryPercent, batterySaver: option })
    },

    changeBatteryState: (battery) => {
      applyBatterySettings(toBatterySettingsFor(battery, get()))
    },
  }
}

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

/**
 * Restores the stored charge and saver option, each replaced by its current value when
 * invalid, and derives the power level from them. State stored before the charge existed
 * holds only the power level, which is turned into a charge and saver option that give it.
 */
export function restoreBatterySettings(
  stored: Record<string, unknown>,
  current: BatterySettings,
): BatterySettings & { battery: BatteryState } {
  let settings: BatterySettings = {
    batteryPercent: isBatteryPercent(stored.batteryPercent)
      ? stored.batteryPercent
      : current.batteryPercent,
    batterySaver: isBatterySaverOption(stored.batterySaver)
      ? stored.batterySaver
      : current.batterySaver,
  }
  const storedBattery = stored.battery
  const isPowerLevelOnly =
    stored.batteryPercent === undefined &&
    typeof storedBattery === 'string' &&
    BATTERY_STATES.includes(storedBattery)
  if (isPowerLevelOnly) {
    settings = toBatterySettingsFor(storedBattery as BatteryState, settings)
  }
  return { ...settings, battery: toBatteryState(settings) }
}
