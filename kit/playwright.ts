// The QA kit, `wp8-mpns-emulator/playwright`: Playwright fixtures that open the emulator, an
// `expect` with matchers for the handset and for MPNS responses, request builders, and a
// runner for scenario files.

export { test, toEmulatorPath } from './fixtures.ts'
export type { KitFixtures, KitOptions, MotionMode } from './fixtures.ts'
export { expect, toResponseMismatches } from './matchers.ts'
export type {
  MpnsResponseExpectation,
  RetryOptions,
  TileExpectation,
  ToastExpectation,
} from './matchers.ts'
export { scenario } from './scenario.ts'
export type { ScenarioTestBody } from './scenario.ts'
export { Phone } from './phone.ts'
export type { InstallSource, InstalledApp, LaunchOptions, TileSize } from './phone.ts'
export { PhonePage } from './phone-page.ts'
export type { BatterySaverChoice, SettingsPageName } from './phone-page.ts'
export type {
  MpnsClient,
  PagePostOptions,
  PagePostOutcome,
  SendRequestOptions,
  SendResult,
  SendVia,
} from './mpns-client.ts'
export type { ServiceDeviceState, ServiceEngineSettings } from './service-state.ts'
export {
  cycleTile,
  flipTile,
  iconicTile,
  legacyTile,
  raw,
  tile,
  toast,
} from '../src/scenario/notification-builders.ts'
export type {
  CycleTileFields,
  Delivery,
  FlipTileFields,
  IconicTileFields,
  NotificationRequest,
  SendOptions,
  TileBuilderOptions,
  TileUpdate,
  ToastFields,
} from '../src/scenario/notification-builders.ts'
