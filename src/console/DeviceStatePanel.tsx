import { useId, useState } from 'react'
import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'

import type { BatteryState } from '@/mpns/types'
import { handsetRegistry, useHandsetRegistry } from '@/store/handset-registry'
import { getHandsetStore } from '@/store/handset-runtime'
import { ACCENT_COLORS, DEVICE_MODELS, OS_VERSIONS } from '@/store/slices/handset-profile'
import type { HandsetProfile } from '@/store/slices/handset-profile'

import styles from './DevConsole.module.css'
import { CheckboxField, SelectField } from './SettingFields'

const BATTERY_OPTIONS: ReadonlyArray<{ value: BatteryState; label: string }> = [
  { value: 'normal', label: 'Normal' },
  { value: 'saver', label: 'Battery saver' },
  { value: 'critical', label: 'Critical' },
]
const MODEL_OPTIONS = DEVICE_MODELS.map((model) => ({ value: model.id, label: model.label }))
const OS_OPTIONS = OS_VERSIONS.map((version) => ({ value: version.id, label: version.label }))
const THEME_OPTIONS = [
  { value: 'dark', label: 'Dark' },
  { value: 'light', label: 'Light' },
]
const ACCENT_OPTIONS = ACCENT_COLORS.map((color) => ({ value: color.name, label: color.name }))

/**
 * Renders one handset's device switches (airplane mode, battery level) and profile (model,
 * OS version, theme, accent colour), with a picker when the page has several handsets.
 */
export function DeviceStatePanel() {
  const headingId = useId()
  const handsets = useHandsetRegistry(useShallow((state) => state.handsets))
  const [chosenId, setChosenId] = useState<string | undefined>(undefined)
  const profile = handsets.find((handset) => handset.id === chosenId) ?? handsets[0]

  return (
    <section aria-labelledby={headingId} className={styles.panel}>
      <h3 id={headingId} className={styles.panelTitle}>
        Device state
      </h3>
      <div className={styles.settingsGrid}>
        {handsets.length > 1 && (
          <SelectField
            label="Handset"
            value={profile?.id ?? ''}
            options={handsets.map((handset) => ({ value: handset.id, label: handset.name }))}
            onChange={setChosenId}
          />
        )}
        {profile && <HandsetFields key={profile.id} profile={profile} />}
      </div>
    </section>
  )
}

function HandsetFields({ profile }: { profile: HandsetProfile }) {
  const store = getHandsetStore(profile.id)
  const airplaneMode = useStore(store, (state) => state.airplaneMode)
  const battery = useStore(store, (state) => state.battery)

  const handleAirplaneModeChange = (checked: boolean) => {
    if (checked) {
      store.getState().turnOnAirplaneMode()
    } else {
      store.getState().turnOffAirplaneMode()
    }
  }
  const handleBatteryChange = (value: string) => {
    const option = BATTERY_OPTIONS.find((candidate) => candidate.value === value)
    if (option) {
      store.getState().changeBatteryState(option.value)
    }
  }
  const updateProfile = (changes: Partial<HandsetProfile>) =>
    handsetRegistry.getState().updateHandset(profile.id, changes)

  return (
    <>
      <CheckboxField
        label="Airplane mode"
        hint="No data: notifications wait in the queue and senders get TempDisconnected."
        checked={airplaneMode}
        onChange={handleAirplaneModeChange}
      />
      <SelectField
        label="Battery"
        hint="Sets a battery level and saver option that give this state. Battery saver drops toast and tile, and Critical drops every type."
        value={battery}
        options={BATTERY_OPTIONS}
        onChange={handleBatteryChange}
      />
      <SelectField
        label="OS version"
        hint="Before Update 3 the app in the foreground gets no toast banner, and Sound is ignored."
        value={profile.osVersion}
        options={OS_OPTIONS}
        onChange={(value) => updateProfile({ osVersion: value as HandsetProfile['osVersion'] })}
      />
      <SelectField
        label="Model"
        value={profile.model}
        options={MODEL_OPTIONS}
        onChange={(value) => updateProfile({ model: value as HandsetProfile['model'] })}
      />
      <SelectField
        label="Theme"
        value={profile.theme}
        options={THEME_OPTIONS}
        onChange={(value) => updateProfile({ theme: value as HandsetProfile['theme'] })}
      />
      <SelectField
        label="Accent colour"
        value={profile.accent}
        options={ACCENT_OPTIONS}
        onChange={(value) => updateProfile({ accent: value as HandsetProfile['accent'] })}
      />
    </>
  )
}
