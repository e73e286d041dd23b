import { createStore, useStore } from 'zustand'
import type { StoreApi } from 'zustand'

import { findApp } from '@/apps/sample-apps'
import { NOTIFICATION_CLASS_OPTIONS, PAYLOAD_TEMPLATES, TILE_TEMPLATES } from '@/mpns/templates'
import { logError } from '@/lib/log'
import type { ChannelRecord, NotificationType } from '@/mpns/types'

import { buildConsoleRequest, readDraftBody, sendConsoleRequest } from './console-request'
import type { ConsoleDraft, ConsoleExchange, RawEncoding } from './console-request'
import { createEngineControlsSlice } from './slices/engine-controls-slice'
import type { EngineControlsSlice } from './slices/engine-controls-slice'
import { renewChannel, requestWorker, subscribeToWorker, toErrorReason } from './worker-sync'

export interface ConsoleState extends EngineControlsSlice {
  /** Open channels, as the worker lists them. */
  channels: ChannelRecord[]
  selectedToken: string | null
  /** Failure message of the last operation on the selected channel, if it failed. */
  channelError: string | null
  notificationType: NotificationType
  /** X-NotificationClass value to send; '' sends no header. */
  notificationClass: string
  messageId: string
  payloads: Record<NotificationType, string>
  /** Encoding of the raw payload: 'base64' sends the bytes it decodes to. */
  rawEncoding: RawEncoding
  exchange: ConsoleExchange | null
  sending: boolean
  refreshChannels: () => Promise<void>
  selectChannel: (token: string | null) => void
  chooseNotificationType: (type: NotificationType) => void
  chooseNotificationClass: (value: string) => void
  editMessageId: (messageId: string) => void
  generateMessageId: () => void
  editPayload: (payload: string) => void
  chooseRawEncoding: (encoding: RawEncoding) => void
  /**
   * Replaces the type, class, message ID and payload at once, as a starter, a replay or a drop
   * does. A raw draft also sets the raw encoding.
   */
  loadDraft: (draft: ConsoleDraft) => void
  /** Sends the draft to the selected channel; does nothing while its payload cannot be encoded. */
  send: () => Promise<void>
  /** Has the service issue a new channel URI for the selected channel, closing the old one. */
  renewSelectedChannel: () => Promise<void>
}

export type { ConsoleDraft, ConsoleExchange, RawEncoding }

export type ConsoleStore = StoreApi<ConsoleState>

/** Creates the developer console's store; `fetchChannelUri` sends the POST. */
export function createConsoleStore(
  fetchChannelUri: typeof fetch = (input, init) => fetch(input, init),
): ConsoleStore {
  return createStore<ConsoleState>()((set, get, store) => ({
    ...createEngineControlsSlice(set, get, store),
    channels: [],
    selectedToken: null,
    channelError: null,
    notificationType: 'toast',
    notificationClass: defaultClass('toast'),
    messageId: '',
    payloads: { ...PAYLOAD_TEMPLATES },
    rawEncoding: 'text',
    exchange: null,
    sending: false,

    refreshChannels: async () => {
      try {
        const { channels: listed } = await requestWorker('CHANNEL_LIST', {})
        const channels = listed.filter((channel) => channel.closedAt === undefined)
        const selected = get().selectedToken
        const keepSelection = channels.some((channel) => channel.token === selected)
        set({ channels })
        get().selectChannel(keepSelection ? selected : (channels[0]?.token ?? null))
      } catch (error) {
        logError('[console]', 'Failed to list channels', error)
      }
    },
    selectChannel: (token) =>
      set((state) => {
        const appId = state.channels.find((channel) => channel.token === token)?.appId
        return {
          selectedToken: token,
          channelError: null,
          payloads: { ...state.payloads, tile: toTileStarter(state.payloads.tile, appId) },
        }
      }),
    chooseNotificationType: (type) =>
      set({ notificationType: type, notificationClass: defaultClass(type) }),
    chooseNotificationClass: (value) => set({ notificationClass: value }),
    editMessageId: (messageId) => set({ messageId }),
    generateMessageId: () => set({ messageId: crypto.randomUUID() }),
    editPayload: (payload) =>
      set((state) => ({ payloads: { ...state.payloads, [state.notificationType]: payload } })),
    chooseRawEncoding: (encoding) => set({ rawEncoding: encoding }),
    loadDraft: (draft) =>
      set((state) => ({
        notificationType: draft.notificationType,
        notificationClass: draft.notificationClass,
        messageId: draft.messageId,
        payloads: { ...state.payloads, [draft.notificationType]: draft.payload },
        rawEncoding:
          draft.notificationType === 'raw' ? (draft.rawEncoding ?? 'text') : state.rawEncoding,
      })),

    send: async () => {
      const state = get()
      const channel = state.channels.find((candidate) => candidate.token === state.selectedToken)
      const draft = toConsoleDraft(state)
      if (!channel || state.sending || !readDraftBody(draft).ok) {
        return
      }
      const request = buildConsoleRequest(draft, channel.channelUri)
      set({ sending: true, exchange: { request } })
      const exchange = await sendConsoleRequest(fetchChannelUri, request)
      set({ sending: false, exchange })
    },

    renewSelectedChannel: async () => {
      const { channels, selectedToken } = get()
      const channel = channels.find((candidate) => candidate.token === selectedToken)
      if (!channel) {
        return
      }
      let renewed: ChannelRecord | null
      try {
        renewed = await renewChannel({ handsetId: channel.handsetId, appId: channel.appId })
      } catch (error) {
        logError('[console]', `Failed to renew the channel URI of ${channel.appId}`, error)
        set({ channelError: `Failed to renew the channel URI: ${toErrorReason(error)}` })
        return
      }
      await get().refreshChannels()
      if (renewed) {
        get().selectChannel(renewed.token)
      }
    },
  }))
}

/** The console store of this page. */
export const consoleStore = createConsoleStore()

/** Selects from the page's console store. */
export function useConsoleStore<T>(selector: (state: ConsoleState) => T): T {
  return useStore(consoleStore, selector)
}

/** Swaps an unedited tile starter for the one matching the app's tile template. */
function toTileStarter(current: string, appId: string | undefined): string {
  const isStarter = Object.values(TILE_TEMPLATES).includes(current)
  const template = appId === undefined ? undefined : findApp(appId)?.tileTemplate
  return isStarter && template !== undefined ? TILE_TEMPLATES[template] : current
}

/** Reads the draft the console would send now. */
export function toConsoleDraft(state: ConsoleState): ConsoleDraft {
  return {
    notificationType: state.notificationType,
    notificationClass: state.notificationClass,
    messageId: state.messageId,
    payload: state.payloads[state.notificationType],
    rawEncoding: state.rawEncoding,
  }
}

function defaultClass(type: NotificationType): string {
  return NOTIFICATION_CLASS_OPTIONS[type][0]?.value ?? ''
}

/**
 * Keeps the console's channel list and its mirror of the engine settings and clock in step
 * with the worker; returns the stop function.
 */
export function startConsoleSync(store: ConsoleStore = consoleStore): () => void {
  void store.getState().refreshChannels()
  void store.getState().loadEngineState()
  return subscribeToWorker((message) => {
    switch (message.type) {
      case 'CHANNELS_CHANGED_MESSAGE':
        void store.getState().refreshChannels()
        break
      case 'SETTINGS_CHANGED_MESSAGE':
        store.getState().mirrorSettings(message.payload.settings)
        break
      case 'CLOCK_CHANGED_MESSAGE':
        store.getState().mirrorClock(message.payload)
        break
      case 'NOTIFICATIONS_AVAILABLE_MESSAGE':
        break
    }
  })
}
