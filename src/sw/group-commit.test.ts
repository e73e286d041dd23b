import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'

import type { CommitResult, QueueStore, StoreChange } from '@/mpns/delivery'
import { createDeviceRecord } from '@/mpns/device-state'
import type { ChannelRecord, DeviceRecord, NetworkState, QueuedNotification } from '@/mpns/types'
import type { WorkerBroadcastMessage } from '@/messaging/messages'
import { openIndexedDbQueueStore } from '@/storage/indexeddb-queue-store'
import { createMemoryQueueStore } from '@/storage/memory-queue-store'

import { CommitFailedError, createGroupCommit } from './group-commit'
import type { DecisionContext } from './group-commit'

let databaseCounter = 0

interface CountingStore extends QueueStore {
  commitCalls: number
  readStateCalls: number
  /** Makes the next commit wait until the returned function is called with true (commit) or false (fail). */
  holdNextCommit: () => (succeed: boolean) => void
}

/** Wraps a store to count its commits and state reads, and to hold or fail a commit on demand. */
function createCountingStore(inner: QueueStore): CountingStore {
  let held: Promise<boolean> | undefined
  const store: CountingStore = {
    ...inner,
    commitCalls: 0,
    readStateCalls: 0,
    holdNextCommit: () => {
      let release: (succeed: boolean) => void = () => undefined
      held = new Promise((resolve) => {
        release = resolve
      })
      return release
    },
    readState: () => {
      store.readStateCalls += 1
      return inner.readState()
    },
    commit: async (changes): Promise<CommitResult> => {
      store.commitCalls += 1
      const gate = held
      held = undefined
      if (gate !== undefined && !(await gate)) {
        throw new Error('disk full')
      }
      return inner.commit(changes)
    },
  }
  return store
}

function queued(deliveryId: string, handsetId = 'handset-1'): QueuedNotification {
  return {
    deliveryId,
    token: `token-${handsetId}`,
    handsetId,
    appId: 'contoso-weather',
    notificationClass: 2,
    acceptedAt: 1_000,
    dueAt: 1_000,
    payload: { type: 'raw', body: new Uint8Array([1]) },
  }
}

function enqueueDecision(deliveryId: string, handsetId = 'handset-1') {
  return () => ({
    reply: deliveryId,
    changes: [{ kind: 'enqueue', notification: queued(deliveryId, handsetId) } as StoreChange],
  })
}

/** Stores handset-1 with the given network state and one open channel, `token-handset-1`. */
function connectHandsetDecision(network: NetworkState) {
  const device: DeviceRecord = {
    ...createDeviceRecord({ handsetId: 'handset-1', now: 1_000 }),
    network,
  }
  const channel: ChannelRecord = {
    token: 'token-handset-1',
    channelUri: 'http://127.0.0.1/throttledthirdparty/01.00/token-handset-1',
    handsetId: 'handset-1',
    appId: 'contoso-weather',
    appName: 'Contoso Weather',
    channelName: 'weather',
    boundToast: true,
    boundTile: true,
    tileTemplate: 'FlipTile',
    openedAt: 1_000,
  }
  return () => ({
    reply: 'connected',
    changes: [
      { kind: 'put-device', device },
      { kind: 'put-channel', channel },
    ] satisfies StoreChange[],
  })
}

/** Accepts up to `depth` notifications per channel, as the QueueFull rule does. */
function depthLimitedDecision(deliveryId: string, depth: number) {
  return ({ state }: DecisionContext) => {
    if ((state.queuedCounts.get('token-handset-1') ?? 0) >= depth) {
      return { reply: 'QueueFull' }
    }
    return {
      reply: 'Received',
      changes: [{ kind: 'enqueue', notification: queued(deliveryId) } as StoreChange],
    }
  }
}

async function setUp(options: { indexedDb?: boolean } = {}) {
  databaseCounter += 1
  const inner = options.indexedDb
    ? await openIndexedDbQueueStore({ databaseName: `group-commit-${databaseCounter}` })
    : createMemoryQueueStore()
  const store = createCountingStore(inner)
  const broadcasts: WorkerBroadcastMessage[] = []
  const commit = createGroupCommit({
    store,
    broadcast: (message) => {
      broadcasts.push(message)
      return Promise.resolve()
    },
    readRealTime: () => 1_000,
  })
  return { store, commit, broadcasts }
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index)
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('createGroupCommit', () => {
  it('stores 1,000 concurrent decisions in a few transactions, in order', async () => {
    const { store, commit } = await setUp({ indexedDb: true })
    const ids = range(1_000).map((index) => `delivery-${String(index).padStart(4, '0')}`)

    const results = await Promise.all(ids.map((id) => commit.run(enqueueDecision(id))))

    expect(results.map(({ reply }) => reply)).toEqual(ids)
    expect(store.commitCalls).toBeGreaterThanOrEqual(1)
    expect(store.commitCalls).toBeLessThanOrEqual(3)
    const stored = await store.listQueued('handset-1')
    expect(stored.map((notification) => notification.deliveryId)).toEqual(ids)
  })

  it('batches requests that arrive while a commit is running', async () => {
    const { store, commit } = await setUp()
    const release = store.holdNextCommit()
    const first = commit.run(enqueueDecision('first'))
    await vi.waitFor(() => expect(store.commitCalls).toBe(1))

    const later = range(50).map((index) => commit.run(enqueueDecision(`later-${index}`)))
    release(true)
    await Promise.all([first, ...later])

    expect(store.commitCalls).toBe(2)
    expect(await store.countQueued('token-handset-1')).toBe(51)
  })

  it('releases a reply only after its batch committed', async () => {
    const { store, commit } = await setUp()
    const release = store.holdNextCommit()
    let settled = false
    const pending = commit.run(enqueueDecision('one')).then(() => {
      settled = true
    })
    await vi.waitFor(() => expect(store.commitCalls).toBe(1))
    await new Promise((resolve) => setTimeout(resolve, 10))

    expect(settled).toBe(false)
    release(true)
    await pending
    expect(settled).toBe(true)
  })

  it('decides QueueFull against the requests before it', async () => {
    const { store, commit } = await setUp({ indexedDb: true })

    const results = await Promise.all(
      range(150).map((index) => commit.run(depthLimitedDecision(`delivery-${index}`, 100))),
    )

    const replies = results.map(({ reply }) => reply)
    expect(replies.filter((reply) => reply === 'Received')).toHaveLength(100)
    expect(replies.slice(100)).toEqual(Array<string>(50).fill('QueueFull'))
    expect(await store.countQueued('token-handset-1')).toBe(100)
  })

  it('counts the quota across concurrent requests', async () => {
    const { store, commit } = await setUp()
    const quota = 20

    const results = await Promise.all(
      range(30).map(() =>
        commit.run(({ state }) => {
          const count = state.usage.get('token-a')?.count ?? 0
          if (count >= quota) {
            return { reply: 406 }
          }
          return {
            reply: 200,
            changes: [
              {
                kind: 'put-usage',
                usage: { token: 'token-a', day: '1970-01-01', count: count + 1 },
              },
            ] as StoreChange[],
          }
        }),
      ),
    )

    expect(results.filter(({ reply }) => reply === 200)).toHaveLength(quota)
    expect((await store.getUsage('token-a'))?.count).toBe(quota)
  })

  it('rejects every waiting request when a batch fails and reloads the cache', async () => {
    const { store, commit } = await setUp({ indexedDb: true })
    await commit.run(enqueueDecision('stored-before'))
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const release = store.holdNextCommit()
    const failing = range(10).map((index) => commit.run(enqueueDecision(`failing-${index}`)))
    await vi.waitFor(() => expect(store.commitCalls).toBe(2))
    const decidedDuringCommit = range(5).map((index) =>
      commit.run(enqueueDecision(`open-${index}`)),
    )

    release(false)
    const outcomes = await Promise.allSettled([...failing, ...decidedDuringCommit])

    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({
        status: 'rejected',
        reason: expect.any(CommitFailedError) as unknown,
      })
    }
    expect(store.readStateCalls).toBe(1)
    const after = await commit.run(({ state }) => ({
      reply: state.queuedCounts.get('token-handset-1'),
    }))
    expect(after.reply).toBe(1)
    expect(store.readStateCalls).toBe(2)
    // The open batch was dropped with the failed one, so it never reached the store.
    expect(store.commitCalls).toBe(2)
  })

  it('explains a failed commit in the rejection', async () => {
    const { store, commit } = await setUp()
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const release = store.holdNextCommit()
    const failing = commit.run(enqueueDecision('one'))
    release(false)

    await expect(failing).rejects.toThrow(
      'Failed to store the change in IndexedDB (disk full), so none of it was stored. Send the request again.',
    )
  })

  it('rejects only the request whose decision throws', async () => {
    const { commit } = await setUp()

    const outcomes = await Promise.allSettled([
      commit.run(enqueueDecision('one')),
      commit.run(() => {
        throw new Error('Invalid queueDepth "0"')
      }),
      commit.run(enqueueDecision('two')),
    ])

    expect(outcomes.map(({ status }) => status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
  })

  it('broadcasts once per handset per batch', async () => {
    const { commit, broadcasts } = await setUp()

    await Promise.all([
      ...range(40).map((index) => commit.run(enqueueDecision(`a-${index}`, 'handset-1'))),
      ...range(40).map((index) => commit.run(enqueueDecision(`b-${index}`, 'handset-2'))),
    ])

    expect(broadcasts).toEqual([
      { type: 'NOTIFICATIONS_AVAILABLE_MESSAGE', payload: { handsetId: 'handset-1' } },
      { type: 'NOTIFICATIONS_AVAILABLE_MESSAGE', payload: { handsetId: 'handset-2' } },
    ])
  })

  it('sends due notifications with the announcement', async () => {
    const { commit, broadcasts } = await setUp()
    await commit.run(connectHandsetDecision('online'))
    broadcasts.length = 0

    await Promise.all(['d1', 'd2'].map((id) => commit.run(enqueueDecision(id))))

    expect(broadcasts).toEqual([
      {
        type: 'NOTIFICATIONS_AVAILABLE_MESSAGE',
        payload: { handsetId: 'handset-1', notifications: [queued('d1'), queued('d2')] },
      },
    ])
  })

  it('leaves older queued notifications to a pull', async () => {
    const { commit, broadcasts } = await setUp()
    await commit.run(connectHandsetDecision('online'))
    await commit.run(enqueueDecision('d1'))
    broadcasts.length = 0

    await commit.run(enqueueDecision('d2'))

    expect(broadcasts).toEqual([
      { type: 'NOTIFICATIONS_AVAILABLE_MESSAGE', payload: { handsetId: 'handset-1' } },
    ])
  })

  it('leaves a later class to a pull', async () => {
    const { commit, broadcasts } = await setUp()
    await commit.run(connectHandsetDecision('online'))
    broadcasts.length = 0

    await commit.run(() => ({
      reply: 'later',
      changes: [
        { kind: 'enqueue', notification: { ...queued('d1'), dueAt: 451_000 } },
      ] satisfies StoreChange[],
    }))

    expect(broadcasts).toEqual([
      { type: 'NOTIFICATIONS_AVAILABLE_MESSAGE', payload: { handsetId: 'handset-1' } },
    ])
  })

  it('sends nothing along to an offline handset', async () => {
    const { commit, broadcasts } = await setUp()
    await commit.run(connectHandsetDecision('offline'))
    broadcasts.length = 0

    await commit.run(enqueueDecision('d1'))

    expect(broadcasts).toEqual([
      { type: 'NOTIFICATIONS_AVAILABLE_MESSAGE', payload: { handsetId: 'handset-1' } },
    ])
  })

  it('lowers the queued count after removals commit', async () => {
    const { commit } = await setUp()
    await Promise.all(range(3).map((index) => commit.run(enqueueDecision(`delivery-${index}`))))

    const { removed } = await commit.run(() => ({
      reply: undefined,
      changes: [
        { kind: 'remove-deliveries', handsetId: 'handset-1', deliveryIds: ['delivery-0', 'x'] },
      ] as StoreChange[],
    }))
    const count = await commit.run(({ state }) => ({
      reply: state.queuedCounts.get('token-handset-1'),
    }))

    expect(removed).toBe(1)
    expect(count.reply).toBe(2)
  })

  it('reads the cache from storage once per life', async () => {
    const { store, commit } = await setUp()

    await Promise.all(range(20).map((index) => commit.run(enqueueDecision(`delivery-${index}`))))
    await commit.run(enqueueDecision('later'))

    expect(store.readStateCalls).toBe(1)
  })

  it('clears the store after the batches decided before', async () => {
    const { store, commit } = await setUp({ indexedDb: true })
    const release = store.holdNextCommit()
    const before = commit.run(enqueueDecision('before'))
    await vi.waitFor(() => expect(store.commitCalls).toBe(1))

    const cleared = commit.clear()
    release(true)
    await Promise.all([before, cleared])

    expect(await store.listQueued('handset-1')).toEqual([])
  })

  it('decides requests after a clear against the empty state', async () => {
    const { store, commit } = await setUp()
    await commit.run(connectHandsetDecision('online'))
    await commit.run(enqueueDecision('old'))

    await commit.clear()
    const { reply } = await commit.run(({ state }) => ({
      reply: { channels: state.channels.size, queued: state.queuedCounts.size },
    }))

    expect(reply).toEqual({ channels: 0, queued: 0 })
    expect(store.readStateCalls).toBe(2)
  })
})
