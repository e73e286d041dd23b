import { logInfo } from '@/lib/log'
import { fireCallbacks, noticeInactiveHandset } from '@/mpns/callback'
import type { StoreChange } from '@/mpns/delivery'
import type { ChannelRecord, DeviceRecord } from '@/mpns/types'
import type { WorkerBroadcastMessage } from '@/messaging/messages'

import type { EngineState } from './engine-state'

/** Changes and broadcasts to add to a decision. */
export interface DecisionAdditions {
  changes: StoreChange[]
  broadcasts: WorkerBroadcastMessage[]
}

/**
 * Fires the registered callbacks of a handset when the service finds it Inactive for the first
 * time in this time away. It stores the device as noticed and each callback as fired, and it
 * announces them so that the owning page has the server POST them. `device` is the record as the decision
 * leaves it; nothing is added when it is not newly Inactive.
 */
export function decideInactiveNotice(options: {
  state: Readonly<EngineState>
  device: DeviceRecord | undefined
  now: number
  replaced?: readonly ChannelRecord[]
}): DecisionAdditions {
  const { state, now } = options
  const noticed = noticeInactiveHandset({ device: options.device, now, settings: state.settings })
  if (noticed === undefined) {
    return { changes: [], broadcasts: [] }
  }

  const fired = decideCallbackFiring({
    state,
    handsetId: noticed.handsetId,
    now,
    replaced: options.replaced ?? [],
  })
  return {
    changes: [{ kind: 'put-device', device: noticed }, ...fired.changes],
    broadcasts: fired.broadcasts,
  }
}

/**
 * Fires the armed callbacks of a handset's open channels. `replaced` contains channel records
 * that the same decision changes, which take the place of the cached ones.
 */
export function decideCallbackFiring(options: {
  state: Readonly<EngineState>
  handsetId: string
  now: number
  replaced?: readonly ChannelRecord[]
}): DecisionAdditions {
  const channels = new Map(options.state.channels)
  for (const channel of options.replaced ?? []) {
    channels.set(channel.token, channel)
  }

  const fired = fireCallbacks({
    channels: channels.values(),
    handsetId: options.handsetId,
    now: options.now,
  })
  if (fired.due.length === 0) {
    return { changes: [], broadcasts: [] }
  }
  for (const callback of fired.due) {
    logInfo('[sw]', `callback of ${callback.appId} fired: ${callback.handsetId} is Inactive`, {
      token: callback.token,
      callbackUri: callback.callbackUri,
    })
  }
  return {
    changes: fired.channels.map((channel): StoreChange => ({ kind: 'put-channel', channel })),
    broadcasts: [{ type: 'CALLBACKS_DUE_MESSAGE', payload: { callbacks: fired.due } }],
  }
}
