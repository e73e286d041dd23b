import { logInfo } from '@/lib/log'

import { requestWorker } from './worker-sync'

/** Prefixes of the localStorage keys the emulator writes: handsets, apps, catalogue, page theme. */
const EMULATOR_KEY_PREFIXES = ['wp8-emulator:', 'wp8-emulator.']

/** Tells whether the page has stored anything a reset would delete. */
export async function hasEmulatorState(storage: Storage = window.localStorage): Promise<boolean> {
  if (listEmulatorKeys(storage).length > 0) {
    return true
  }
  const { channels } = await requestWorker('CHANNEL_LIST', {})
  return channels.length > 0
}

/**
 * Deletes the emulator's whole state: the worker's database (channels, queue, devices,
 * settings, clock), the page's localStorage keys and the console history. The caller reloads
 * the page afterwards, so no store in memory writes the old state back.
 */
export async function clearEmulatorState(storage: Storage = window.localStorage): Promise<void> {
  // A stopped worker starts again to handle the message, so this works whatever its state.
  await requestWorker('RESET', {})
  for (const key of listEmulatorKeys(storage)) {
    storage.removeItem(key)
  }
  const { openHistoryDatabase } = await import('./history-db')
  const history = await openHistoryDatabase()
  try {
    await history.clear()
  } finally {
    history.close()
  }
  logInfo('[store]', 'emulator state deleted')
}

function listEmulatorKeys(storage: Storage): string[] {
  const keys: string[] = []
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index)
    if (key !== null && EMULATOR_KEY_PREFIXES.some((prefix) => key.startsWith(prefix))) {
      keys.push(key)
    }
  }
  return keys
}
