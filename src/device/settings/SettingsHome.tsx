import { useId } from 'react'

import { findApp } from '@/apps/sample-apps'
import { useHandsetStore } from '@/store/handset-context'
import { selectHandsetProfile, useHandsetRegistry } from '@/store/handset-registry'
import type { SettingsPageId } from '@/store/slices/device-model'

import { SettingsPageLayout } from './SettingsControls'
import { SETTINGS_ENTRIES, SETTINGS_PAGE_TITLES, describeSettingsEntry } from './settings-model'
import type { SettingsSummarySource } from './settings-model'
import styles from './Settings.module.css'

/** Renders the Settings list: one entry per page, with its current value under the name. */
export function SettingsHome() {
  const handsetId = useHandsetStore((state) => state.handsetId)
  const profile = useHandsetRegistry(selectHandsetProfile(handsetId))
  const airplaneMode = useHandsetStore((state) => state.airplaneMode)
  const battery = useHandsetStore((state) => state.battery)
  const batteryPercent = useHandsetStore((state) => state.batteryPercent)
  const detailedStatusAppId = useHandsetStore((state) => state.detailedStatusAppId)
  const source: SettingsSummarySource = {
    profile,
    airplaneMode,
    battery,
    batteryPercent,
    detailedStatusAppName:
      detailedStatusAppId === null ? undefined : findApp(detailedStatusAppId)?.name,
  }

  return (
    <SettingsPageLayout appTitle="settings" title={SETTINGS_PAGE_TITLES.home}>
      <ul className={styles.entries}>
        {SETTINGS_ENTRIES.map(({ page }) => (
          <li key={page}>
            <SettingsEntry page={page} summary={describeSettingsEntry(page, source)} />
          </li>
        ))}
      </ul>
    </SettingsPageLayout>
  )
}

function SettingsEntry({ page, summary }: { page: SettingsPageId; summary: string }) {
  const openSettings = useHandsetStore((state) => state.openSettings)
  const titleId = useId()
  const summaryId = useId()

  return (
    <button
      type="button"
      className={styles.entry}
      aria-labelledby={titleId}
      aria-describedby={summaryId}
      onClick={() => openSettings(page)}
    >
      <span id={titleId} className={styles.entryTitle}>
        {SETTINGS_PAGE_TITLES[page]}
      </span>
      <span id={summaryId} className={styles.entrySummary}>
        {summary}
      </span>
    </button>
  )
}
