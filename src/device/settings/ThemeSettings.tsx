import { useId } from 'react'

import { useHandsetStore } from '@/store/handset-context'
import { handsetRegistry, selectHandsetProfile, useHandsetRegistry } from '@/store/handset-registry'
import { ACCENT_COLORS, DEFAULT_ACCENT } from '@/store/slices/handset-profile'
import type { AccentName, HandsetProfile, Theme } from '@/store/slices/handset-profile'

import { SelectRow, SettingsPageLayout } from './SettingsControls'
import { SETTINGS_PAGE_TITLES } from './settings-model'
import styles from './Settings.module.css'

const BACKGROUND_OPTIONS: ReadonlyArray<{ value: Theme; label: string }> = [
  { value: 'dark', label: 'dark' },
  { value: 'light', label: 'light' },
]

/**
 * Renders the theme page: the background (dark or light) and the twenty accent colours. The
 * choice is stored in the handset's profile, which the console's Theme and Accent colour edit
 * too.
 */
export function ThemeSettings() {
  const handsetId = useHandsetStore((state) => state.handsetId)
  const profile = useHandsetRegistry(selectHandsetProfile(handsetId))
  const updateProfile = (changes: Partial<Pick<HandsetProfile, 'theme' | 'accent'>>) =>
    handsetRegistry.getState().updateHandset(handsetId, changes)

  const handleBackgroundChange = (value: string) => {
    const option = BACKGROUND_OPTIONS.find((candidate) => candidate.value === value)
    if (option) {
      updateProfile({ theme: option.value })
    }
  }

  return (
    <SettingsPageLayout appTitle="settings" title={SETTINGS_PAGE_TITLES.theme}>
      <SelectRow
        label="Background"
        value={profile?.theme ?? 'dark'}
        options={BACKGROUND_OPTIONS}
        onChange={handleBackgroundChange}
      />
      <AccentPicker
        accent={profile?.accent ?? DEFAULT_ACCENT}
        onChange={(accent) => updateProfile({ accent })}
      />
    </SettingsPageLayout>
  )
}

function AccentPicker({
  accent,
  onChange,
}: {
  accent: AccentName
  onChange: (accent: AccentName) => void
}) {
  // Radios with one name form one group across the whole document, so each handset's differs.
  const groupName = useId()
  return (
    <div role="radiogroup" aria-label="Accent colour" className={styles.accents}>
      {ACCENT_COLORS.map((color) => (
        <label key={color.name} className={styles.accent}>
          <input
            type="radio"
            name={groupName}
            value={color.name}
            checked={color.name === accent}
            onChange={() => onChange(color.name)}
          />
          <span className={styles.swatch} style={{ background: color.hex }} />
          {color.name}
        </label>
      ))}
    </div>
  )
}
