import type { Page } from '@playwright/test'

/** The handset as the service last stored it, from the push client's reports. */
export interface ServiceDeviceState {
  /** The app on screen, or null for Start and the other shell screens. */
  foregroundAppId: string | null
  network: 'online' | 'offline'
  battery: 'normal' | 'saver' | 'critical'
  /** Navigation URIs of the pinned secondary tiles, keyed by app id. */
  secondaryTileIds: Record<string, string[]>
}

/** Engine settings as the service stores them, keyed as the console's controls set them. */
export interface ServiceEngineSettings {
  maxXmlBodyBytes: number
  maxRawBodyBytes: number
  missingClassDefault: string
  dailyQuota: number
  queueDepth: number
  inactiveAfterMinutes: number
  strictMode: boolean
  serviceDown: boolean
  unknownTokenAnswer: string
  authenticatedLimits: string
}

/** The service's stored state for one handset, read from the worker's IndexedDB database. */
export interface ServiceState {
  queued: number
  device: ServiceDeviceState | undefined
  settings: ServiceEngineSettings | undefined
}

/** Handset id under which the service worker stores the first handset and its queue. */
export const HANDSET_ID = 'handset-1'

/** IndexedDB database of the service worker's channels, devices and queue. */
const SERVICE_DATABASE_NAME = 'mpns-emulator'

/**
 * Reads the handset's queue length, its stored device state and the engine settings from the
 * worker's IndexedDB database.
 */
export async function readServiceState(page: Page, handsetId = HANDSET_ID): Promise<ServiceState> {
  const stored = await page.evaluate(
    async ({ databaseName, handsetId }) => {
      const database = await new Promise<IDBDatabase | null>((resolve, reject) => {
        const request = indexedDB.open(databaseName)
        // The worker has not created the database yet. Aborting leaves its creation, with the
        // object stores, to the worker.
        request.onupgradeneeded = () => request.transaction?.abort()
        request.onsuccess = () => resolve(request.result)
        request.onerror = () =>
          request.error?.name === 'AbortError'
            ? resolve(null)
            : reject(new Error(`Failed to open ${databaseName}`, { cause: request.error }))
      })
      if (database === null) {
        return { queued: 0, device: undefined, settings: undefined }
      }

      const transaction = database.transaction(['queue', 'devices', 'meta'], 'readonly')
      const queuedRequest = transaction.objectStore('queue').index('byHandset').count(handsetId)
      const deviceRequest = transaction.objectStore('devices').get(handsetId)
      const settingsRequest = transaction.objectStore('meta').get('settings')
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve()
        transaction.onerror = () =>
          reject(new Error(`Failed to read ${databaseName}`, { cause: transaction.error }))
      })
      database.close()
      return {
        queued: queuedRequest.result,
        device: deviceRequest.result as unknown,
        settings: settingsRequest.result as unknown,
      }
    },
    { databaseName: SERVICE_DATABASE_NAME, handsetId },
  )

  return {
    queued: stored.queued,
    device: toServiceDeviceState(stored.device),
    settings: isEngineSettings(stored.settings) ? stored.settings : undefined,
  }
}

function toServiceDeviceState(stored: unknown): ServiceDeviceState | undefined {
  if (!isRecord(stored)) {
    return undefined
  }
  const { foregroundAppId, network, battery, secondaryTileIds } = stored
  // A device stored by the first schema version has no network or battery: it was online on
  // normal power.
  return {
    foregroundAppId: typeof foregroundAppId === 'string' ? foregroundAppId : null,
    network: network === 'offline' ? 'offline' : 'online',
    battery: battery === 'saver' || battery === 'critical' ? battery : 'normal',
    secondaryTileIds: isRecord(secondaryTileIds)
      ? (secondaryTileIds as Record<string, string[]>)
      : {},
  }
}

function isEngineSettings(stored: unknown): stored is ServiceEngineSettings {
  if (!isRecord(stored)) {
    return false
  }
  const numbers = [
    'maxXmlBodyBytes',
    'maxRawBodyBytes',
    'dailyQuota',
    'queueDepth',
    'inactiveAfterMinutes',
  ]
  const flags = ['strictMode', 'serviceDown']
  const choices = ['missingClassDefault', 'unknownTokenAnswer', 'authenticatedLimits']
  return (
    numbers.every((key) => typeof stored[key] === 'number') &&
    flags.every((key) => typeof stored[key] === 'boolean') &&
    choices.every((key) => typeof stored[key] === 'string')
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
