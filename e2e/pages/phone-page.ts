// The handset's page object is part of the QA kit, so that the repository's specs and the
// kit's users drive the handset with the same code.
export { PhonePage } from '../../kit/phone-page.ts'
export type {
  BatterySaverChoice,
  HardwareKeyShortcut,
  LockScreenChoices,
  SettingsPageName,
} from '../../kit/phone-page.ts'
