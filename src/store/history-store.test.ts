import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'

import type { ReceivedResponse } from '@/mpns/http-format'
import type { ChannelRecord } from '@/mpns/types'
import { TOAST_DRAFT, WEATHER_CHANNEL_URI, createTestEntry } from '@/test/history-builders'

import { buildConsoleRequest } from './console-request'
import { createConsoleStore } from './console-store'
import type { ConsoleStore } from './console-store'
import { openHistoryDatabase } from './history-db'
import { MAX_HISTORY_ENTRIES, toStoredRequest } from './history-model'
import { createHistoryStore } from './history-store'
import type { HistoryStore, PickedFile } from './history-store'
import { startHistorySync } from './history-sync'

vi.mock('./worker-sync', () => ({
  requestWorker: vi.fn(() => new Promise(() => undefined)),
  subscribeToWorker: vi.fn(() => () => undefined),
  renewChannel: vi.fn(),
  toErrorReason: vi.fn(String),
}))

const CHANNEL: ChannelRecord = {
  token: 'weather-token',
  channelUri: WEATHER_CHANNEL_URI,
  handsetId: 'handset-1',
  appId: 'contoso-weather',
  appName: 'Contoso Weather',
  channelName: 'main',
  boundToast: true,
  boundTile: true,
  tileTemplate: 'FlipTile',
  openedAt: 0,
}

const RECEIVED: ReceivedResponse = {
  status: 200,
  statusText: 'OK',
  headers: [['X-NotificationStatus', 'Received']],
  body: '',
}

let databaseCounter = 0

interface Harness {
  consoleStore: ConsoleStore
  historyStore: HistoryStore
  databaseName: string
  fetchChannelUri: ReturnType<typeof vi.fn>
}

function createHarness(databaseName = `history-${++databaseCounter}`): Harness {
  const fetchChannelUri = vi.fn(() => Promise.resolve(new Response('', { status: 200 })))
  const consoleStore = createConsoleStore(fetchChannelUri)
  consoleStore.setState({ channels: [CHANNEL], selectedToken: CHANNEL.token })
  let nextId = 0
  const historyStore = createHistoryStore({
    openDatabase: () => openHistoryDatabase(databaseName),
    consoleStore,
    createId: () => `id-${++nextId}`,
  })
  return { consoleStore, historyStore, databaseName, fetchChannelUri }
}

function pickedFile(name: string, text: string, size = text.length): PickedFile {
  return { name, size, text: () => Promise.resolve(text) }
}

async function listStored(databaseName: string) {
  const database = await openHistoryDatabase(databaseName)
  const entries = await database.list()
  database.close()
  return entries
}

describe('history store', () => {
  it('records a finished exchange once', async () => {
    const { consoleStore, historyStore, databaseName } = createHarness()
    let clock = 1_000
    const stop = startHistorySync({
      consoleStore,
      historyStore,
      createId: () => 'recorded',
      now: () => clock,
    })
    const request = buildConsoleRequest(TOAST_DRAFT, WEATHER_CHANNEL_URI)

    consoleStore.setState({ exchange: { request } })
    clock = 1_040
    const finished = { request, response: RECEIVED }
    consoleStore.setState({ exchange: finished })
    consoleStore.setState({ exchange: { ...finished } })
    consoleStore.setState({ sending: false })
    stop()

    await vi.waitFor(async () => expect(await listStored(databaseName)).toHaveLength(1))
    expect(historyStore.getState().entries).toEqual([
      {
        id: 'recorded',
        sentAt: 1_000,
        durationMs: 40,
        channelToken: 'weather-token',
        appName: 'Contoso Weather',
        handsetId: 'handset-1',
        draft: TOAST_DRAFT,
        request: toStoredRequest(request).request,
        response: RECEIVED,
      },
    ])
  })

  it('records each of two sends', async () => {
    const { consoleStore, historyStore } = createHarness()
    const stop = startHistorySync({ consoleStore, historyStore })
    await consoleStore.getState().send()
    await consoleStore.getState().send()
    stop()
    expect(historyStore.getState().entries).toHaveLength(2)
  })

  it('records a failure', () => {
    const { consoleStore, historyStore } = createHarness()
    const stop = startHistorySync({ consoleStore, historyStore })
    const request = buildConsoleRequest(TOAST_DRAFT, WEATHER_CHANNEL_URI)
    consoleStore.setState({ exchange: { request, failure: 'offline' } })
    stop()
    expect(historyStore.getState().entries[0]).toMatchObject({ failure: 'offline' })
  })

  it('keeps the newest entries up to the cap', async () => {
    const { historyStore, databaseName } = createHarness()
    const entries = Array.from({ length: MAX_HISTORY_ENTRIES + 5 }, (_, index) =>
      createTestEntry(`e-${index}`, index),
    )
    const database = await openHistoryDatabase(databaseName)
    await database.put(entries)
    database.close()
    await historyStore.getState().recordEntry(createTestEntry('latest', 5_000))

    const stored = await listStored(databaseName)
    expect(stored).toHaveLength(MAX_HISTORY_ENTRIES)
    expect(stored[0]?.id).toBe('latest')
    expect(stored.some((entry) => entry.id === 'e-5')).toBe(false)
    expect(stored.some((entry) => entry.id === 'e-6')).toBe(true)
    expect(historyStore.getState().entries).toHaveLength(1)
  })

  it('reloads stored entries in a new store', async () => {
    const first = createHarness()
    await first.historyStore.getState().recordEntry(createTestEntry('a', 1))
    await first.historyStore.getState().recordEntry(createTestEntry('b', 2))

    const second = createHarness(first.databaseName)
    await second.historyStore.getState().loadHistory()
    expect(second.historyStore.getState().entries.map((entry) => entry.id)).toEqual(['b', 'a'])
  })

  it('stores the search query', () => {
    const { historyStore } = createHarness()
    historyStore.getState().search('received')
    expect(historyStore.getState().searchQuery).toBe('received')
  })

  it('clears memory and storage', async () => {
    const { historyStore, databaseName } = createHarness()
    await historyStore.getState().recordEntry(createTestEntry('a', 1))
    await historyStore.getState().clearHistory()
    expect(historyStore.getState().entries).toEqual([])
    expect(await listStored(databaseName)).toEqual([])
  })

  it('imports new entries and skips known ids', async () => {
    const { historyStore, databaseName } = createHarness()
    await historyStore.getState().recordEntry(createTestEntry('a', 1))
    const file = JSON.stringify({
      format: 'wp8-mpns-emulator-history',
      version: 1,
      entries: [createTestEntry('a', 1), createTestEntry('b', 2)],
    })
    await historyStore.getState().importFile(pickedFile('saved.json', file))

    expect(historyStore.getState().notice).toBe(
      'Imported 1 request from "saved.json". 1 was already in the history.',
    )
    expect((await listStored(databaseName)).map((entry) => entry.id)).toEqual(['b', 'a'])
  })

  it.each([
    ['invalid JSON', pickedFile('bad.json', '{'), /"bad\.json" is not valid JSON/],
    ['an oversized file', pickedFile('big.json', '{}', 2 * 1024 * 1024), /over the 1,024 KB limit/],
  ])('keeps entries on %s', async (_case, file, message) => {
    const { historyStore, databaseName } = createHarness()
    await historyStore.getState().recordEntry(createTestEntry('a', 1))
    await historyStore.getState().importFile(file)
    expect(historyStore.getState().notice).toMatch(message)
    expect(historyStore.getState().entries).toHaveLength(1)
    expect(await listStored(databaseName)).toHaveLength(1)
  })

  it('replays to an open channel', async () => {
    const { consoleStore, historyStore, fetchChannelUri } = createHarness()
    consoleStore.getState().editPayload('edited')
    await historyStore.getState().recordEntry(createTestEntry('a', 1))
    await historyStore.getState().replayEntry('a')

    expect(fetchChannelUri).toHaveBeenCalledTimes(1)
    expect(consoleStore.getState().exchange?.request.body).toBe(TOAST_DRAFT.payload)
    expect(historyStore.getState().notice).toBe('Replaying the toast to Contoso Weather.')
  })

  it('waits while a request is being sent', async () => {
    const { consoleStore, historyStore, fetchChannelUri } = createHarness()
    consoleStore.setState({ sending: true })
    await historyStore.getState().recordEntry(createTestEntry('a', 1))
    await historyStore.getState().replayEntry('a')

    expect(fetchChannelUri).not.toHaveBeenCalled()
    expect(historyStore.getState().notice).toMatch(/^A request is still being sent/)
  })

  it('loads the draft when the channel is gone', async () => {
    const { consoleStore, historyStore, fetchChannelUri } = createHarness()
    consoleStore.setState({ channels: [] })
    await historyStore.getState().recordEntry(createTestEntry('a', 1))
    await historyStore.getState().replayEntry('a')

    expect(fetchChannelUri).not.toHaveBeenCalled()
    expect(consoleStore.getState().payloads.toast).toBe(TOAST_DRAFT.payload)
    expect(historyStore.getState().notice).toMatch(/^The channel of this toast is gone/)
  })

  it('opens a dropped tile payload', async () => {
    const { consoleStore, historyStore } = createHarness()
    const tile =
      '<wp:Notification xmlns:wp="WPNotification"><wp:Tile Template="IconicTile"/></wp:Notification>'
    await historyStore.getState().openConsoleFile(pickedFile('tile.xml', tile))

    expect(consoleStore.getState().notificationType).toBe('tile')
    expect(consoleStore.getState().payloads.tile).toBe(tile)
    expect(historyStore.getState().notice).toBe(
      'Loaded the IconicTile tile payload from "tile.xml".',
    )
  })
})
