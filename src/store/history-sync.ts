import { locateChannel } from '@/mpns/channel'
import type { SentRequest } from '@/mpns/http-format'
import type { ChannelRecord } from '@/mpns/types'

import { consoleStore as pageConsoleStore } from './console-store'
import type { ConsoleExchange, ConsoleState, ConsoleStore } from './console-store'
import { toStoredRequest } from './history-model'
import type { HistoryEntry } from './history-model'
import { historyStore as pageHistoryStore } from './history-store'
import type { HistoryStore } from './history-store'

export interface HistorySyncOptions {
  consoleStore?: ConsoleStore
  historyStore?: HistoryStore
  createId?: () => string
  /** Wall clock in epoch milliseconds. */
  now?: () => number
}

interface PendingRequest {
  sentAt: number
  channel: ChannelRecord | undefined
}

/**
 * Loads the stored history and records every console exchange once it has its response or
 * failure; returns the stop function. Each finished exchange is recorded once, however often
 * the console store is set.
 */
export function startHistorySync(options: HistorySyncOptions = {}): () => void {
  const consoleStore = options.consoleStore ?? pageConsoleStore
  const historyStore = options.historyStore ?? pageHistoryStore
  const createId = options.createId ?? (() => crypto.randomUUID())
  const now = options.now ?? (() => Date.now())
  const pending = new WeakMap<SentRequest, PendingRequest>()
  const recorded = new WeakSet<object>()

  void historyStore.getState().loadHistory()
  return consoleStore.subscribe((state, previous) => {
    const exchange = state.exchange
    if (!exchange || exchange === previous.exchange) {
      return
    }
    if (!exchange.response && exchange.failure === undefined) {
      if (!pending.has(exchange.request)) {
        pending.set(exchange.request, { sentAt: now(), channel: findChannel(state, exchange) })
      }
      return
    }
    // A store that copies a finished exchange into a new object keeps its response object.
    const outcome = exchange.response ?? exchange
    if (recorded.has(exchange) || recorded.has(outcome)) {
      return
    }
    recorded.add(exchange)
    recorded.add(outcome)

    const started = pending.get(exchange.request)
    const finishedAt = now()
    const entry = toHistoryEntry({
      exchange,
      id: createId(),
      sentAt: started?.sentAt ?? finishedAt,
      finishedAt,
      channel: started?.channel ?? findChannel(state, exchange),
    })
    void historyStore.getState().recordEntry(entry)
  })
}

function toHistoryEntry(options: {
  exchange: ConsoleExchange
  id: string
  sentAt: number
  finishedAt: number
  channel: ChannelRecord | undefined
}): HistoryEntry {
  const { exchange, channel } = options
  const location = locateChannel(exchange.request.url)
  const { request, draft } = toStoredRequest(exchange.request)
  const entry: HistoryEntry = {
    id: options.id,
    sentAt: options.sentAt,
    durationMs: options.finishedAt - options.sentAt,
    channelToken: channel?.token ?? (location.kind === 'channel' ? location.token : ''),
    draft,
    request,
  }
  if (channel) {
    entry.appName = channel.appName
    entry.handsetId = channel.handsetId
  }
  if (exchange.response) {
    entry.response = exchange.response
  }
  if (exchange.failure !== undefined) {
    entry.failure = exchange.failure
  }
  return entry
}

function findChannel(state: ConsoleState, exchange: ConsoleExchange): ChannelRecord | undefined {
  return state.channels.find((channel) => channel.channelUri === exchange.request.url)
}
