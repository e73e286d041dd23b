import type { DeviceStateChange } from '@/scenario/page-api'
import { toBatterySaverOption } from '@/scenario/device-state-names'

import type { DeviceStoreApi } from './device-store'

/** A device state change whose fields may also be present as undefined, as parsed steps have them. */
export type LooseDeviceStateChange = {
  [Field in keyof DeviceStateChange]?: DeviceStateChange[Field] | undefined
}

/**
 * Brings a handset to a device state through the user's own actions: the airplane mode
 * switch, the battery settings, and the Power button and unlock gesture. Fields left out keep
 * their value. Returns why the state cannot be reached, or undefined once it is set.
 */
export function applyDeviceStateChange(
  store: DeviceStoreApi,
  change: LooseDeviceStateChange,
): string | undefined {
  const problem = checkReachable(store, change)
  if (problem !== undefined) {
    return problem
  }
  const state = () => store.getState()

  if (change.airplaneMode === true) {
    state().turnOnAirplaneMode()
  } else if (change.airplaneMode === false) {
    state().turnOffAirplaneMode()
  }
  // The charge goes first, because a rise in charge ends battery saver's "until next charge".
  if (change.battery !== undefined) {
    state().changeBatteryPercent(change.battery)
  }
  if (change.batterySaver !== undefined) {
    state().chooseBatterySaver(toBatterySaverOption(change.batterySaver))
  }
  applyPower(store, change)
  return undefined
}

function checkReachable(store: DeviceStoreApi, change: LooseDeviceStateChange): string | undefined {
  const { handsetName, display } = store.getState()
  if (change.battery !== undefined && !isPercent(change.battery)) {
    return `Invalid battery level ${change.battery} for ${handsetName}: use a whole percent from 0 to 100.`
  }
  const screen = change.screen ?? display
  if (screen === 'off' && change.locked === false) {
    return `Failed to unlock ${handsetName}: its screen is off, and a dark screen is always locked. Set "screen" to "on" as well.`
  }
  return undefined
}

function applyPower(store: DeviceStoreApi, change: LooseDeviceStateChange): void {
  const state = () => store.getState()
  if (change.screen === 'off') {
    if (state().display === 'on') {
      state().pressPower()
    }
    return
  }
  if (change.screen === 'on' && state().display === 'off') {
    // Power lights the screen on the lock screen, as on the phone.
    state().pressPower()
  }
  if (change.locked === false) {
    state().unlock()
  } else if (change.locked === true && !state().locked) {
    // The phone locks when its screen goes dark; the second press lights the lock screen.
    state().pressPower()
    state().pressPower()
  }
}

function isPercent(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 100
}
