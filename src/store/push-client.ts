import { logError, logInfo } from '@/lib/log'
import type { DeviceStatePayload, WorkerBroadcastMessage } from '@/messaging/messages'
import type { ChannelRecord, QueuedNotification } from '@/mpns/types'

import { deliveryJournal } from './delivery-journal'
import { requestWorker, subscribeToWorker } from './worker-sync'
import type { BroadcastListener, WorkerRequester } from './worker-sync'

/** Connection of the push client to the service: requests with replies, and broadcasts. */
export interface PushClientTransport {
  request: WorkerRequester
  /** Subscribes to the service's broadcasts; returns the unsubscribe function. */
  subscribe: (listener: BroadcastListener) => () => void
}

/**
 * Runs `hold` once this tab owns the handset and keeps ownership until the promise `hold`
 * returns settles. Aborting `signal` gives up a request that is still waiting.
 */
export type OwnershipLock = (
  name: string,
  signal: AbortSignal,
  hold: () => Promise<void>,
) => Promise<void>

export interface PushClientOptions {
  handsetId: string
  /** Reads the handset state the push client reports. */
  readDeviceState: () => DeviceStatePayload
  /** Calls `listener` after every change of the handset's state; returns the unsubscribe function. */
  subscribeToDeviceState: (listener: () => void) => () => void
  /**
   * Applies a chunk of delivered notifications in one state change, recording their delivery
   * ids. Returns the delivery ids to acknowledge.
   */
  applyNotifications: (notifications: readonly QueuedNotification[]) => string[]
  /** Receives the service's channel list, from which the handset picks up renewed URIs. */
  updateChannelUris: (channels: readonly ChannelRecord[]) => void
  /** @default the service worker, through worker-sync */
  transport?: PushClientTransport
  /** @default a Web Lock named after the handset */
  acquireOwnership?: OwnershipLock
  /**
   * Runs when this tab becomes the handset's owner, before its first report: the place to load
   * the state the previous owner stored and to start writing it.
   */
  onOwnershipGained?: () => void
}

/** Steps of one contact with the service, run in this order. */
interface PendingWork {
  report: boolean
  channels: boolean
  pull: boolean
}

/** Interval of the push client's contact with the service, in milliseconds. */
export const KEEPALIVE_INTERVAL_MS = 15_000
/** Notifications asked for per PENDING request; each chunk is applied in one state change. */
export const PENDING_CHUNK_SIZE = 100
/** Shortest wait before pulling a notification that falls due later, in milliseconds. */
export const MIN_DUE_TIMER_MS = 50

const WORKER_TRANSPORT: PushClientTransport = {
  request: requestWorker,
  subscribe: subscribeToWorker,
}

/**
 * Starts a handset's push client. Once this tab owns the handset, it reports the device state
 * on every change and keep-alive. It pulls due notifications on start, on the service's
 * announcements, on a clock change, on the keep-alive and when the next one falls due. Each
 * chunk is applied and acknowledged, then the event loop runs before the next one. While the
 * handset is offline it neither pulls nor acknowledges. Returns the stop function.
 */
export function startPushClient(options: PushClientOptions): () => void {
  const client = new PushClient(options)
  client.start()
  return () => client.stop()
}

/** One handset's push client; `startPushClient` is its public face. */
class PushClient {
  private readonly options: PushClientOptions
  private readonly transport: PushClientTransport
  private readonly abort = new AbortController()
  private readonly work: PendingWork = { report: false, channels: false, pull: false }
  private readonly unsubscribers: Array<() => void> = []
  /** Chunks the service sent with its announcements, oldest first, waiting to be applied. */
  private readonly pushedChunks: QueuedNotification[][] = []
  private owner = false
  private running = false
  private keepalive: ReturnType<typeof setInterval> | undefined
  private dueTimer: ReturnType<typeof setTimeout> | undefined
  private lastState: DeviceStatePayload

  constructor(options: PushClientOptions) {
    this.options = options
    this.transport = options.transport ?? WORKER_TRANSPORT
    this.lastState = options.readDeviceState()
  }

  start(): void {
    this.unsubscribers.push(
      this.transport.subscribe((message) => this.handleBroadcast(message)),
      this.options.subscribeToDeviceState(() => this.handleDeviceStateChange()),
    )
    this.keepalive = setInterval(
      () => this.schedule({ report: true, pull: true }),
      KEEPALIVE_INTERVAL_MS,
    )

    // Only the owning tab reports, receives and acknowledges, so a handset open in two tabs
    // shows each notification once and a mirror never overwrites the owner's state.
    const { handsetId } = this.options
    const acquireOwnership = this.options.acquireOwnership ?? requestWebLock
    acquireOwnership(`mpns-push-client:${handsetId}`, this.abort.signal, () =>
      this.holdOwnership(),
    ).catch((error: unknown) => {
      if (!this.abort.signal.aborted) {
        logError('[push]', `Failed to take ownership of ${handsetId}`, error)
      }
    })
  }

  stop(): void {
    this.abort.abort()
    this.owner = false
    clearInterval(this.keepalive)
    this.clearDueTimer()
    for (const unsubscribe of this.unsubscribers) {
      unsubscribe()
    }
  }

  /** Runs while this tab owns the handset; the promise settles when the client stops. */
  private holdOwnership(): Promise<void> {
    this.owner = true
    this.options.onOwnershipGained?.()
    this.lastState = this.options.readDeviceState()
    logInfo('[push]', `${this.options.handsetId}: this tab owns the handset`)
    // The report goes first, so the service has the foreground app before anything is pulled.
    this.schedule({ report: true, channels: true, pull: true })
    return new Promise<void>((resolve) => {
      this.abort.signal.addEventListener('abort', () => resolve())
    })
  }

  private handleBroadcast(message: WorkerBroadcastMessage): void {
    if (message.type === 'NOTIFICATIONS_AVAILABLE_MESSAGE') {
      if (message.payload.handsetId !== this.options.handsetId) {
        return
      }
      const { notifications } = message.payload
      if (notifications === undefined) {
        this.schedule({ pull: true })
      } else if (this.isActive()) {
        this.pushedChunks.push(notifications)
        void this.run()
      }
    } else if (message.type === 'CLOCK_CHANGED_MESSAGE') {
      this.schedule({ pull: true })
    } else if (message.type === 'CHANNELS_CHANGED_MESSAGE') {
      this.schedule({ channels: true })
    }
  }

  private handleDeviceStateChange(): void {
    const state = this.options.readDeviceState()
    if (isSameDeviceState(state, this.lastState)) {
      return
    }
    const cameOnline = this.lastState.network === 'offline' && state.network === 'online'
    this.lastState = state
    this.schedule({ report: true, channels: cameOnline, pull: true })
  }

  private schedule(steps: Partial<PendingWork>): void {
    this.work.report ||= steps.report ?? false
    this.work.channels ||= steps.channels ?? false
    this.work.pull ||= steps.pull ?? false
    void this.run()
  }

  /** Runs the scheduled steps one at a time, reports first, until none is left. */
  private async run(): Promise<void> {
    if (this.running || !this.isActive()) {
      return
    }
    this.running = true
    try {
      while (this.isActive()) {
        if (this.work.report) {
          this.work.report = false
          await this.report()
        } else if (this.work.channels) {
          this.work.channels = false
          await this.syncChannels()
        } else if (this.pushedChunks.length > 0) {
          await this.applyPushed(this.pushedChunks.splice(0, 1)[0] ?? [])
        } else if (this.work.pull) {
          this.work.pull = false
          await this.pullOrYield()
        } else {
          break
        }
      }
    } finally {
      this.running = false
    }
  }

  private async report(): Promise<void> {
    try {
      await this.transport.request('DEVICE_STATE', this.options.readDeviceState())
    } catch (error) {
      logError('[push]', `Failed to report the state of ${this.options.handsetId}`, error)
    }
  }

  private async syncChannels(): Promise<void> {
    if (!this.isOnline()) {
      return
    }
    try {
      const { channels } = await this.transport.request('CHANNEL_LIST', {})
      this.options.updateChannelUris(channels)
    } catch (error) {
      logError('[push]', `Failed to list the channels of ${this.options.handsetId}`, error)
    }
  }

  /** Pulls one chunk, and when more are due, schedules the next after a turn of the event loop. */
  private async pullOrYield(): Promise<void> {
    if (await this.pullChunk()) {
      this.work.pull = true
      await yieldToEventLoop()
    }
  }

  /** Pulls, applies and acknowledges one chunk; returns whether more notifications are due. */
  private async pullChunk(): Promise<boolean> {
    const { handsetId } = this.options
    this.clearDueTimer()
    if (!this.isOnline()) {
      return false
    }
    try {
      const reply = await this.transport.request('PENDING', {
        handsetId,
        limit: PENDING_CHUNK_SIZE,
      })
      // Gone offline while waiting: the chunk stays queued in the service.
      if (!this.isActive() || !this.isOnline()) {
        return false
      }

      const deliveryIds = this.options.applyNotifications(reply.notifications)
      await this.acknowledge(deliveryIds)
      if (!reply.more) {
        this.armDueTimer(reply.nextDueInRealMs)
      }
      // A chunk of which nothing could be applied would come back unchanged; the keep-alive retries.
      return reply.more && deliveryIds.length > 0
    } catch (error) {
      logError('[push]', `Failed to pull notifications for ${handsetId}`, error)
      return false
    }
  }

  /** Applies and acknowledges a chunk the service sent along with its announcement. */
  private async applyPushed(notifications: readonly QueuedNotification[]): Promise<void> {
    const { handsetId } = this.options
    // Offline, the chunk stays queued in the service and arrives with a later pull.
    if (!this.isOnline()) {
      return
    }
    try {
      const deliveryIds = this.options.applyNotifications(notifications)
      await this.acknowledge(deliveryIds)
    } catch (error) {
      logError('[push]', `Failed to apply notifications sent to ${handsetId}`, error)
      this.schedule({ pull: true })
    }
  }

  /** Has the service remove applied deliveries from the queue, and journals them as delivered. */
  private async acknowledge(deliveryIds: string[]): Promise<void> {
    if (deliveryIds.length === 0) {
      return
    }
    await this.transport.request('ACK', { handsetId: this.options.handsetId, deliveryIds })
    deliveryJournal.getState().recordDelivered(deliveryIds)
  }

  private armDueTimer(nextDueInRealMs: number | undefined): void {
    if (nextDueInRealMs === undefined || !Number.isFinite(nextDueInRealMs)) {
      return
    }
    const delayMs = Math.min(Math.max(nextDueInRealMs, MIN_DUE_TIMER_MS), KEEPALIVE_INTERVAL_MS)
    this.dueTimer = setTimeout(() => this.schedule({ pull: true }), delayMs)
  }

  private clearDueTimer(): void {
    clearTimeout(this.dueTimer)
    this.dueTimer = undefined
  }

  private isActive(): boolean {
    return this.owner && !this.abort.signal.aborted
  }

  private isOnline(): boolean {
    return this.options.readDeviceState().network === 'online'
  }
}

function requestWebLock(name: string, signal: AbortSignal, hold: () => Promise<void>) {
  return navigator.locks.request(name, { signal }, hold)
}

function isSameDeviceState(a: DeviceStatePayload, b: DeviceStatePayload): boolean {
  return (
    a.handsetId === b.handsetId &&
    a.foregroundAppId === b.foregroundAppId &&
    a.network === b.network &&
    a.battery === b.battery &&
    JSON.stringify(a.secondaryTileIds) === JSON.stringify(b.secondaryTileIds)
  )
}

/** Lets the browser render and handle input before the next chunk. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}
