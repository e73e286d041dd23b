import { useMemo, useState } from 'react'
import { useStore } from 'zustand'

import type { NotificationType } from '@/mpns/types'
import { getHandsetStore } from '@/store/handset-runtime'
import { selectHandsetProfile, useHandsetRegistry } from '@/store/handset-registry'
import { DEFAULT_ACCENT, toAccentHex } from '@/store/slices/handset-profile'
import type { NotificationTarget } from '@/store/slices/notification-model'
import { DEFAULT_OS_VERSION, selectScreenPower } from '@/store/slices/toast-rules'

import { buildPayloadPreview } from './preview-model'
import type { PayloadPreview } from './preview-model'

/** Input of useHandsetPreview: the draft and the channel it would be sent on. */
export interface HandsetPreviewOptions {
  type: NotificationType
  payload: string
  handsetId: string
  appId: string
}

/** The preview to draw, and the engine's message when the payload is invalid now. */
export interface HandsetPreviewState {
  /** The current preview, or the last valid one while the payload is invalid. */
  preview: PayloadPreview | null
  /** Engine message that rejects the current payload, or null while it is valid. */
  invalidMessage: string | null
  /** Theme accent of the handset as `#RRGGBB`. */
  accentColor: string
}

/**
 * Builds the preview of the draft against the live state of a handset, recomputed only when
 * the draft or that state changes. While the payload is invalid it keeps the last valid preview.
 */
export function useHandsetPreview(options: HandsetPreviewOptions): HandsetPreviewState {
  const { type, payload, handsetId, appId } = options
  const store = getHandsetStore(handsetId)
  const screen = useStore(store, (state) => state.screen)
  const apps = useStore(store, (state) => state.apps)
  const toasts = useStore(store, (state) => state.toasts)
  const battery = useStore(store, (state) => state.battery)
  const display = useStore(store, (state) => selectScreenPower(state).display)
  const locked = useStore(store, (state) => selectScreenPower(state).locked)
  const profile = useHandsetRegistry(selectHandsetProfile(handsetId))
  const osVersion = profile?.osVersion ?? DEFAULT_OS_VERSION

  const handset = useMemo<NotificationTarget>(
    () => ({ screen, apps, toasts, conditions: { display, locked, battery, osVersion } }),
    [screen, apps, toasts, display, locked, battery, osVersion],
  )
  const current = useMemo(
    () => buildPayloadPreview({ type, payload, handsetId, appId, handset }),
    [type, payload, handsetId, appId, handset],
  )

  // Kept in state rather than a ref, because render reads it. It is updated during render, as
  // React's pattern for state derived from props allows.
  const [lastValid, setLastValid] = useState<PayloadPreview | null>(null)
  if (current.kind !== 'invalid' && current !== lastValid) {
    setLastValid(current)
  }

  return {
    preview: current.kind === 'invalid' ? lastValid : current,
    invalidMessage: current.kind === 'invalid' ? current.message : null,
    accentColor: toAccentHex(profile?.accent ?? DEFAULT_ACCENT),
  }
}
