import { useId } from 'react'
import { useShallow } from 'zustand/react/shallow'

import type { EngineSettings } from '@/mpns/types'
import { useConsoleStore } from '@/store/console-store'

import styles from './DevConsole.module.css'
import {
  ASSUMED_DEFAULT_TEXTS,
  AUTHENTICATED_LIMITS_LABELS,
  BODY_SIZE_CHOICES,
  MISSING_CLASS_LABELS,
  UNKNOWN_TOKEN_LABELS,
  findBodySizeChoice,
  toCustomBodySizeLabel,
} from './engine-settings-model'
import { CheckboxField, NumberField, SelectField } from './SettingFields'
import type { SelectOption } from './SettingFields'

const CUSTOM_BODY_SIZE = 'custom'

/** Renders the engine settings; each change goes to the worker, which validates it. */
export function EngineSettingsPanel() {
  const headingId = useId()
  const settings = useConsoleStore((state) => state.settings)
  const updatesInFlight = useConsoleStore((state) => state.settingsUpdatesInFlight)

  return (
    <section
      aria-labelledby={headingId}
      aria-busy={updatesInFlight > 0}
      className={styles.subpanel}
    >
      <h4 id={headingId} className={styles.panelTitle}>
        Engine settings
      </h4>
      {settings === null ? (
        <p className={styles.hint}>Waiting for the service worker to send the engine settings.</p>
      ) : (
        <SettingsForm settings={settings} />
      )}
    </section>
  )
}

function SettingsForm({ settings }: { settings: EngineSettings }) {
  const errors = useConsoleStore((state) => state.settingErrors)
  const { changeSettings, changeNumericSetting } = useConsoleStore(
    useShallow((state) => ({
      changeSettings: state.changeSettings,
      changeNumericSetting: state.changeNumericSetting,
    })),
  )

  const bodySizeChoice = findBodySizeChoice(settings)
  const bodySizeOptions: SelectOption[] = BODY_SIZE_CHOICES.map(({ value, label }) => ({
    value,
    label,
  }))
  if (!bodySizeChoice) {
    bodySizeOptions.push({
      value: CUSTOM_BODY_SIZE,
      label: toCustomBodySizeLabel(settings),
      disabled: true,
    })
  }
  const handleBodySizeChange = (value: string) => {
    const choice = BODY_SIZE_CHOICES.find((candidate) => candidate.value === value)
    if (choice) {
      void changeSettings(choice.changes)
    }
  }

  return (
    <div className={styles.settingsGrid}>
      <CheckboxField
        label="Service down"
        hint="Every request gets 503 Service Unavailable."
        checked={settings.serviceDown}
        error={errors.serviceDown}
        onChange={(serviceDown) => void changeSettings({ serviceDown })}
      />
      <CheckboxField
        label="Strict mode"
        hint="Sender mistakes the real service accepted get 400 Bad Request."
        checked={settings.strictMode}
        error={errors.strictMode}
        onChange={(strictMode) => void changeSettings({ strictMode })}
      />
      <NumberField
        label="Daily quota"
        hint="Notifications per unauthenticated channel per UTC day, then 406."
        assumedDefault={ASSUMED_DEFAULT_TEXTS.dailyQuota}
        value={settings.dailyQuota}
        error={errors.dailyQuota}
        onCommit={(text) => void changeNumericSetting('dailyQuota', text)}
      />
      <NumberField
        label="Queue depth"
        hint="Undelivered notifications per channel, then 200 QueueFull."
        assumedDefault={ASSUMED_DEFAULT_TEXTS.queueDepth}
        value={settings.queueDepth}
        error={errors.queueDepth}
        onCommit={(text) => void changeNumericSetting('queueDepth', text)}
      />
      <NumberField
        label="Minutes to Inactive"
        hint="Engine minutes offline before the handset is Inactive (412)."
        assumedDefault={ASSUMED_DEFAULT_TEXTS.inactiveAfterMinutes}
        value={settings.inactiveAfterMinutes}
        error={errors.inactiveAfterMinutes}
        onCommit={(text) => void changeNumericSetting('inactiveAfterMinutes', text)}
      />
      <SelectField
        label="Body size limits"
        assumedDefault={ASSUMED_DEFAULT_TEXTS.bodySize}
        value={bodySizeChoice?.value ?? CUSTOM_BODY_SIZE}
        options={bodySizeOptions}
        error={errors.maxXmlBodyBytes ?? errors.maxRawBodyBytes}
        onChange={handleBodySizeChange}
      />
      <SelectField
        label="Missing X-NotificationClass"
        assumedDefault={ASSUMED_DEFAULT_TEXTS.missingClassDefault}
        value={settings.missingClassDefault}
        options={toOptions(MISSING_CLASS_LABELS)}
        error={errors.missingClassDefault}
        onChange={(value) =>
          void changeSettings({
            missingClassDefault: value as EngineSettings['missingClassDefault'],
          })
        }
      />
      <SelectField
        label="Unknown channel token"
        assumedDefault={ASSUMED_DEFAULT_TEXTS.unknownTokenAnswer}
        value={settings.unknownTokenAnswer}
        options={toOptions(UNKNOWN_TOKEN_LABELS)}
        error={errors.unknownTokenAnswer}
        onChange={(value) =>
          void changeSettings({
            unknownTokenAnswer: value as EngineSettings['unknownTokenAnswer'],
          })
        }
      />
      <SelectField
        label="Authenticated channel limits"
        assumedDefault={ASSUMED_DEFAULT_TEXTS.authenticatedLimits}
        value={settings.authenticatedLimits}
        options={toOptions(AUTHENTICATED_LIMITS_LABELS)}
        error={errors.authenticatedLimits}
        onChange={(value) =>
          void changeSettings({
            authenticatedLimits: value as EngineSettings['authenticatedLimits'],
          })
        }
      />
    </div>
  )
}

function toOptions(labels: Readonly<Record<string, string>>): SelectOption[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }))
}
