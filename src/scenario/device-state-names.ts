import type { BatterySaverOption } from '@/store/slices/battery-model'

/** Battery saver option as scenario files and `setDeviceState` name it. */
export type PageBatterySaver = 'off' | 'when-low' | 'on'

/** Turns the handset's battery saver option into the name scenario files use. */
export function toPageBatterySaver(option: BatterySaverOption): PageBatterySaver {
  return option === 'until-charge' ? 'on' : option
}

/** Turns a scenario's battery saver name into the handset's option: "on" lasts until the next charge. */
export function toBatterySaverOption(name: PageBatterySaver): BatterySaverOption {
  return name === 'on' ? 'until-charge' : name
}
