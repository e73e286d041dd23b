import type { QueueStore } from '@/mpns/delivery'
import type { ChannelRecord, DeviceRecord, QueuedNotification } from '@/mpns/types'

/** Creates a QueueStore that keeps everything in memory; for tests and tools. */
export function createMemoryQueueStore(): QueueStore {
  const channels = new Map<string, ChannelRecord>()
  const devices = new Map<string, DeviceRecord>()
  const queue: QueuedNotification[] = []

  return {
    getChannel: (token) => Promise.resolve(channels.get(token)),
    findChannelByApp: (handsetId, appId) =>
      Promise.resolve(
        [...channels.values()].find(
          (channel) => channel.handsetId === handsetId && channel.appId === appId,
        ),
      ),
    putChannel: (channel) => {
      channels.set(channel.token, structuredClone(channel))
      return Promise.resolve()
    },
    listChannels: () => Promise.resolve([...channels.values()].map((c) => structuredClone(c))),
    getDevice: (handsetId) => Promise.resolve(devices.get(handsetId)),
    updateDevice: (handsetId, update) => {
      const device = update(devices.get(handsetId))
      devices.set(handsetId, structuredClone(device))
      return Promise.resolve(structuredClone(device))
    },
    enqueue: (notification) => {
      queue.push(structuredClone(notification))
      return Promise.resolve()
    },
    listQueued: (handsetId) =>
      Promise.resolve(
        queue.filter((n) => n.handsetId === handsetId).map((n) => structuredClone(n)),
      ),
    removeQueued: (handsetId, deliveryIds) => {
      let removed = 0
      for (let index = queue.length - 1; index >= 0; index -= 1) {
        const entry = queue[index]
        if (entry && entry.handsetId === handsetId && deliveryIds.includes(entry.deliveryId)) {
          queue.splice(index, 1)
          removed += 1
        }
      }
      return Promise.resolve(removed)
    },
  }
}
