import { findApp } from '@/apps/sample-apps'

import type { DeviceStoreApi } from './device-store'
import { handsetRegistry } from './handset-registry'
import { getHandsetStore } from './handset-runtime'

/** A handset that a script or a scenario step names. */
export interface HandsetTarget {
  handsetId: string
  name: string
  store: DeviceStoreApi
}

/**
 * Finds a handset by its name, or the first handset without one. Throws an Error naming the
 * handsets on the page when none has that name.
 */
export function findHandsetTarget(name: string | undefined): HandsetTarget {
  const { handsets } = handsetRegistry.getState()
  const profile =
    name === undefined ? handsets[0] : handsets.find((handset) => handset.name === name)
  if (profile === undefined) {
    const names = handsets.map((handset) => `"${handset.name}"`).join(', ')
    throw new Error(`No handset is named "${name ?? ''}". Use one of ${names}.`)
  }
  return { handsetId: profile.id, name: profile.name, store: getHandsetStore(profile.id) }
}

/**
 * Finds an app installed on the handset by its name, or else by its id. Returns its id, or
 * undefined when no installed app matches.
 */
export function findInstalledAppId(store: DeviceStoreApi, reference: string): string | undefined {
  const installed = Object.entries(store.getState().apps)
    .filter(([, app]) => app.installed)
    .map(([appId]) => findApp(appId))
    .filter((app) => app !== undefined)
  return (
    installed.find((app) => app.name === reference)?.id ??
    installed.find((app) => app.id === reference)?.id
  )
}

/** Finds an installed app like `findInstalledAppId`, and throws an Error naming the handset when none matches. */
export function requireInstalledAppId(target: HandsetTarget, reference: string): string {
  const appId = findInstalledAppId(target.store, reference)
  if (appId === undefined) {
    throw new Error(`No installed app is named "${reference}" on ${target.name}.`)
  }
  return appId
}
