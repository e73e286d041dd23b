import { logInfo } from '@/lib/log'
import type { PlannedApp, PlannedHandset, ScenarioPlan } from '@/scenario/scenario-plan'

import { applyDeviceStateChange } from './device-state-change'
import type { DeviceStoreApi } from './device-store'
import { handsetRegistry } from './handset-registry'
import { getHandsetStore, waitForOwnership } from './handset-runtime'
import { motionSettings } from './motion-settings'
import { QUICK_STATUS_SLOT_COUNT } from './slices/lock-screen-slice'
import { createPrimaryStartTile, createSecondaryStartTile } from './slices/start-tiles'
import { updateEngineClock, updateEngineSettings } from './worker-sync'

/**
 * Applies a planned scenario to the page through the stores' own actions and the worker's
 * requests. The page must be fresh: one default handset, the sample apps and no channels.
 * Resolves with the problems that stopped part of the setup, such as a channel that failed to
 * open. An empty list means that everything is in place.
 */
export async function applyScenarioPlan(plan: ScenarioPlan): Promise<string[]> {
  applyMotion(plan)
  const handsetIds = arrangeHandsets(plan.handsets)
  // A store reloads what storage holds when this tab takes ownership of its handset, which
  // would undo changes made before, so every handset is owned first.
  await waitForOwnership(handsetIds)

  const errors: string[] = []
  for (const [index, handset] of plan.handsets.entries()) {
    const handsetId = handsetIds[index]
    if (handsetId !== undefined) {
      errors.push(...(await applyHandsetPlan(getHandsetStore(handsetId), handset)))
    }
  }
  if (plan.engineSettings !== undefined) {
    await updateEngineSettings(plan.engineSettings)
  }
  if (plan.clockSpeed !== undefined) {
    await updateEngineClock({ speed: plan.clockSpeed })
  }
  logInfo('[store]', `scenario "${plan.scenario.name}" applied`)
  return errors
}

/** Sets the scenario's motion mode and seed, which a reload would otherwise take from the URL again. */
export function applyMotion(plan: Pick<ScenarioPlan, 'scenario'>): void {
  const settings = motionSettings.getState()
  settings.changeMode(plan.scenario.motion)
  settings.changeSeed(plan.scenario.seed)
}

function arrangeHandsets(handsets: readonly PlannedHandset[]): string[] {
  const registry = handsetRegistry.getState()
  while (handsetRegistry.getState().handsets.length < handsets.length) {
    if (registry.addHandset() === undefined) {
      break
    }
  }
  const profiles = handsetRegistry.getState().handsets
  for (const [index, handset] of handsets.entries()) {
    const profile = profiles[index]
    if (profile !== undefined) {
      registry.renameHandset(profile.id, handset.name)
      registry.updateHandset(
        profile.id,
        handset.profile as Parameters<typeof registry.updateHandset>[1],
      )
    }
  }
  return profiles.slice(0, handsets.length).map((profile) => profile.id)
}

export async function applyHandsetPlan(
  store: DeviceStoreApi,
  handset: PlannedHandset,
): Promise<string[]> {
  const appIds = handset.appsListed
    ? installApps(store, handset.apps)
    : handset.apps.map((planned) => planned.app.id)

  for (const [index, planned] of handset.apps.entries()) {
    const appId = appIds[index]
    if (appId !== undefined) {
      store.getState().presetApp(appId, {
        permission: planned.permission === 'ask' ? 'unasked' : planned.permission,
        tileUpdatesEnabled: planned.tileUpdates,
      })
    }
  }
  if (handset.tiles !== undefined) {
    store.getState().arrangeStart(
      handset.tiles.flatMap((tile) => {
        const appId = appIds[tile.appIndex]
        if (appId === undefined) {
          return []
        }
        const startTile =
          tile.navigationUri === undefined
            ? createPrimaryStartTile(appId)
            : createSecondaryStartTile(appId, tile.navigationUri)
        return [{ ...startTile, size: tile.size }]
      }),
    )
  }
  if (handset.lockScreen !== undefined) {
    chooseLockScreenApps(store, handset.lockScreen, appIds)
  }
  const errors = await openChannels(store, handset.apps, appIds)
  if (handset.device !== undefined) {
    const problem = applyDeviceStateChange(store, handset.device)
    if (problem !== undefined) {
      errors.push(problem)
    }
  }
  return errors
}

/**
 * Installs exactly the listed apps: custom apps join the page's catalogue, sample apps not
 * listed are uninstalled. Returns each listed app's id as installed, which differs from its
 * file's id when a sample app has that id.
 */
function installApps(store: DeviceStoreApi, apps: readonly PlannedApp[]): string[] {
  const appIds = apps.map((planned) => {
    if (!planned.isSample) {
      return store.getState().installCustomApp(planned.app)
    }
    store.getState().installApp(planned.app.id)
    return planned.app.id
  })
  for (const [appId, appState] of Object.entries(store.getState().apps)) {
    if (appState.installed && !appIds.includes(appId)) {
      store.getState().uninstallApp(appId)
    }
  }
  return appIds
}

function chooseLockScreenApps(
  store: DeviceStoreApi,
  lockScreen: NonNullable<PlannedHandset['lockScreen']>,
  appIds: readonly string[],
): void {
  if (lockScreen.detailedStatus !== undefined) {
    const appId =
      lockScreen.detailedStatus === null ? null : (appIds[lockScreen.detailedStatus] ?? null)
    store.getState().chooseDetailedStatusApp(appId)
  }
  if (lockScreen.quickStatus !== undefined) {
    const quickStatus = lockScreen.quickStatus
    for (let slot = 0; slot < QUICK_STATUS_SLOT_COUNT; slot += 1) {
      const appIndex = quickStatus[slot]
      store
        .getState()
        .chooseQuickStatusApp(slot, appIndex === undefined ? null : (appIds[appIndex] ?? null))
    }
  }
}

/** Opens the listed channels one after another and waits for each channel URI. */
async function openChannels(
  store: DeviceStoreApi,
  apps: readonly PlannedApp[],
  appIds: readonly string[],
): Promise<string[]> {
  const errors: string[] = []
  for (const [index, planned] of apps.entries()) {
    const appId = appIds[index]
    if (!planned.openChannel || appId === undefined) {
      continue
    }
    await store.getState().openAppChannel(appId)
    const appState = store.getState().apps[appId]
    if (appState?.channelUri === undefined) {
      const reason = appState?.log.at(-1)?.text ?? 'no channel URI was recorded.'
      errors.push(
        `${planned.path}.channel: failed to open the channel of "${planned.app.name}" on ${store.getState().handsetName}: ${reason}`,
      )
    }
  }
  return errors
}
