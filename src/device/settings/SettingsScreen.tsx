import type { SettingsPageId } from '@/store/slices/device-model'

import { AirplaneModeSettings } from './AirplaneModeSettings'
import { BatterySaverSettings } from './BatterySaverSettings'
import { LockScreenSettings } from './LockScreenSettings'
import { SettingsHome } from './SettingsHome'
import { ThemeSettings } from './ThemeSettings'

/** Renders one page of the Settings app. */
export function SettingsScreen({ page }: { page: SettingsPageId }) {
  switch (page) {
    case 'home':
      return <SettingsHome />
    case 'theme':
      return <ThemeSettings />
    case 'lock-screen':
      return <LockScreenSettings />
    case 'airplane-mode':
      return <AirplaneModeSettings />
    case 'battery-saver':
      return <BatterySaverSettings />
  }
}
