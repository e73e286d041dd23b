import { beforeEach, describe, expect, it, vi } from 'vitest'

import type { ChannelRecord } from '@/mpns/types'

import { createConsoleStore, toConsoleDraft } from './console-store'
import { requestWorker } from './worker-sync'
import type * as WorkerSync from './worker-sync'

vi.mock('./worker-sync', async (importOriginal) => ({
  ...(await importOriginal<typeof WorkerSync>()),
  requestWorker: vi.fn(),
}))

const CHANNEL: ChannelRecord = {
  token: 'tok',
  channelUri: 'http://127.0.0.1:5173/throttledthirdparty/01.00/tok',
  handsetId: 'handset-1',
  appId: 'woodgrove-stocks',
  appName: 'Woodgrove Stocks',
  channelName: 'main',
  boundToast: false,
  boundTile: false,
  tileTemplate: 'FlipTile',
  openedAt: 0,
}

beforeEach(() => {
  vi.clearAllMocks()
  vi.mocked(requestWorker).mockImplementation(() => Promise.resolve({ channels: [CHANNEL] }))
})

async function createRawStore() {
  const fetchChannelUri = vi.fn<typeof fetch>(() => Promise.resolve(new Response(null)))
  const store = createConsoleStore(fetchChannelUri)
  await store.getState().refreshChannels()
  store.getState().chooseNotificationType('raw')
  return { store, fetchChannelUri }
}

describe('console store raw encoding', () => {
  it('starts as text', () => {
    expect(createConsoleStore().getState().rawEncoding).toBe('text')
  })

  it('sends the bytes of a Base64 payload', async () => {
    const { store, fetchChannelUri } = await createRawStore()
    store.getState().chooseRawEncoding('base64')
    store.getState().editPayload('T0s=')

    await store.getState().send()

    expect(fetchChannelUri.mock.calls[0]?.[1]?.body).toEqual(new Uint8Array([0x4f, 0x4b]))
    expect(store.getState().exchange?.request.body).toBe('T0s=')
    expect(store.getState().exchange?.request.byteLength).toBe(2)
  })

  it('sends nothing while the Base64 payload is invalid', async () => {
    const { store, fetchChannelUri } = await createRawStore()
    store.getState().chooseRawEncoding('base64')
    store.getState().editPayload('not base64!')

    await store.getState().send()

    expect(fetchChannelUri).not.toHaveBeenCalled()
    expect(store.getState().exchange).toBeNull()
  })

  it('takes the encoding from a raw draft', () => {
    const store = createConsoleStore()
    store.getState().loadDraft({
      notificationType: 'raw',
      notificationClass: '3',
      messageId: '',
      payload: 'T0s=',
      rawEncoding: 'base64',
    })

    expect(toConsoleDraft(store.getState())).toMatchObject({
      notificationType: 'raw',
      payload: 'T0s=',
      rawEncoding: 'base64',
    })
  })

  it('reads a raw draft without an encoding as text', () => {
    const store = createConsoleStore()
    store.getState().chooseRawEncoding('base64')
    store.getState().loadDraft({
      notificationType: 'raw',
      notificationClass: '3',
      messageId: '',
      payload: 'hello',
    })

    expect(store.getState().rawEncoding).toBe('text')
  })

  it('keeps the encoding when a toast draft loads', () => {
    const store = createConsoleStore()
    store.getState().chooseRawEncoding('base64')
    store.getState().loadDraft({
      notificationType: 'toast',
      notificationClass: '2',
      messageId: '',
      payload: '<x/>',
    })

    expect(store.getState().rawEncoding).toBe('base64')
  })
})
