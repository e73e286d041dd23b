import { createStore, useStore } from 'zustand'
import type { StoreApi } from 'zustand'

import { logError } from '@/lib/log'

import { readConsoleFile } from './console-file'
import { consoleStore as pageConsoleStore } from './console-store'
import type { ConsoleStore } from './console-store'
import { openHistoryDatabase } from './history-db'
import type { HistoryDatabase } from './history-db'
import { MAX_CONSOLE_FILE_BYTES, describeOversizedFile, readHistoryFile } from './history-files'
import { describeImport, mergeImported } from './history-import'
import { capHistory } from './history-model'
import type { HistoryEntry } from './history-model'

/** A file the user picked or dropped; a DOM `File` is one. */
export interface PickedFile {
  name: string
  /** Size in bytes. */
  size: number
  text(): Promise<string>
}

export interface HistoryState {
  /** Stored entries, newest first. */
  entries: HistoryEntry[]
  searchQuery: string
  /** Outcome of the last import, replay, load, clear or dropped file, for the status line. */
  notice: string | null
  /** Reason the history is not being saved, when IndexedDB failed. */
  storageError: string | null
  loadHistory: () => Promise<void>
  recordEntry: (entry: HistoryEntry) => Promise<void>
  search: (query: string) => void
  importFile: (file: PickedFile) => Promise<void>
  clearHistory: () => Promise<void>
  /** Sends an entry's draft to its channel again, or loads it when the channel is closed. */
  replayEntry: (id: string) => Promise<void>
  loadEntry: (id: string) => void
  /** Loads an .xml payload or a saved request into the send form. */
  openConsoleFile: (file: PickedFile) => Promise<void>
}

export type HistoryStore = StoreApi<HistoryState>

export interface HistoryStoreOptions {
  openDatabase?: () => Promise<HistoryDatabase>
  consoleStore?: ConsoleStore
  createId?: () => string
}

/** Creates the store of the console's request history, kept in IndexedDB. */
export function createHistoryStore(options: HistoryStoreOptions = {}): HistoryStore {
  const openDatabase = options.openDatabase ?? (() => openHistoryDatabase())
  const consoleStore = options.consoleStore ?? pageConsoleStore
  const createId = options.createId ?? (() => crypto.randomUUID())
  let database: Promise<HistoryDatabase> | null = null
  // Writes run one after another, so a clear never overtakes a put made before it.
  let writes: Promise<void> = Promise.resolve()

  return createStore<HistoryState>()((set, get) => {
    const getDatabase = (): Promise<HistoryDatabase> => (database ??= openDatabase())
    const write = (operation: (opened: HistoryDatabase) => Promise<void>): Promise<void> => {
      writes = writes
        .then(async () => operation(await getDatabase()))
        .catch((error: unknown) => {
          logError('[console]', 'Failed to save the request history', error)
          set({ storageError: `The history is not being saved: ${toReason(error)}` })
        })
      return writes
    }

    return {
      entries: [],
      searchQuery: '',
      notice: null,
      storageError: null,

      loadHistory: async () => {
        try {
          const stored = await (await getDatabase()).list()
          set((state) => ({ entries: mergeImported(state.entries, stored).entries }))
        } catch (error) {
          logError('[console]', 'Failed to load the request history', error)
          set({ storageError: `Failed to load the saved history: ${toReason(error)}` })
        }
      },
      recordEntry: (entry) => {
        set((state) => ({ entries: capHistory([entry, ...state.entries]) }))
        return write((opened) => opened.put([entry]))
      },
      search: (query) => set({ searchQuery: query }),
      importFile: async (file) => {
        const text = await readPickedFile(file, (message) => set({ notice: message }))
        if (text === null) {
          return
        }
        const imported = readHistoryFile({ fileName: file.name, text, createId })
        if ('error' in imported) {
          set({ notice: imported.error })
          return
        }
        const merged = mergeImported(get().entries, imported.entries)
        set({ entries: merged.entries, notice: describeImport(file.name, imported, merged) })
        await write((opened) => opened.put(merged.added))
      },
      clearHistory: async () => {
        set({ entries: [], notice: 'Cleared the request history.' })
        await write((opened) => opened.clear())
      },
      replayEntry: async (id) => {
        const entry = get().entries.find((candidate) => candidate.id === id)
        if (!entry) {
          return
        }
        const actions = consoleStore.getState()
        if (actions.sending) {
          set({ notice: 'A request is still being sent. Replay this one once its response is in.' })
          return
        }
        const channel = actions.channels.find((open) => open.token === entry.channelToken)
        actions.loadDraft(entry.draft)
        if (!channel) {
          set({
            notice: `The channel of this ${entry.draft.notificationType} is gone, so its draft was loaded into the form. Pick an open channel and press Send.`,
          })
          return
        }
        actions.selectChannel(channel.token)
        set({ notice: `Replaying the ${entry.draft.notificationType} to ${channel.appName}.` })
        await consoleStore.getState().send()
      },
      loadEntry: (id) => {
        const entry = get().entries.find((candidate) => candidate.id === id)
        if (!entry) {
          return
        }
        consoleStore.getState().loadDraft(entry.draft)
        set({ notice: `Loaded the ${entry.draft.notificationType} draft into the form.` })
      },
      openConsoleFile: async (file) => {
        const text = await readPickedFile(file, (message) => set({ notice: message }))
        if (text === null) {
          return
        }
        const content = readConsoleFile({ fileName: file.name, text, createId })
        const actions = consoleStore.getState()
        if (content.kind === 'draft') {
          actions.loadDraft(content.draft)
        } else if (content.kind === 'payload') {
          if (content.notificationType !== null) {
            actions.chooseNotificationType(content.notificationType)
          }
          consoleStore.getState().editPayload(content.payload)
        }
        set({ notice: content.message })
      },
    }
  })
}

/** The request history of this page. */
export const historyStore = createHistoryStore()

/** Selects from the page's history store. */
export function useHistoryStore<T>(selector: (state: HistoryState) => T): T {
  return useStore(historyStore, selector)
}

/** Reads a picked file's text, or reports why it was not read and returns null. */
async function readPickedFile(
  file: PickedFile,
  report: (message: string) => void,
): Promise<string | null> {
  if (file.size > MAX_CONSOLE_FILE_BYTES) {
    report(describeOversizedFile(file.name, file.size))
    return null
  }
  try {
    return await file.text()
  } catch (error) {
    logError('[console]', `Failed to read the file "${file.name}"`, error)
    report(`Failed to read "${file.name}": ${toReason(error)}`)
    return null
  }
}

function toReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
