import { createContext, useContext } from 'react'
import type { ReactNode } from 'react'
import { useStore } from 'zustand'

import { invariant } from '@/lib/invariant'

import type { DeviceStore, DeviceStoreApi } from './device-store'
import { selectHandsetProfile, useHandsetRegistry } from './handset-registry'
import { DEFAULT_ACCENT, toAccentHex } from './slices/handset-profile'
import type { HandsetProfile } from './slices/handset-profile'

const HandsetStoreContext = createContext<DeviceStoreApi | null>(null)

interface HandsetStoreProviderProps {
  store: DeviceStoreApi
  children: ReactNode
}

/** Gives the components inside it one handset's store. */
export function HandsetStoreProvider({ store, children }: HandsetStoreProviderProps) {
  return <HandsetStoreContext.Provider value={store}>{children}</HandsetStoreContext.Provider>
}

/** Returns the store of the handset this component is drawn in. */
export function useHandsetStoreApi(): DeviceStoreApi {
  const store = useContext(HandsetStoreContext)
  invariant(store !== null, 'Failed to read the handset store: no HandsetStoreProvider above')
  return store
}

/** Selects from the store of the handset this component is drawn in. */
export function useHandsetStore<T>(selector: (state: DeviceStore) => T): T {
  return useStore(useHandsetStoreApi(), selector)
}

/** Returns the profile of the handset this component is drawn in, once the registry lists it. */
export function useHandsetProfile(): HandsetProfile | undefined {
  const handsetId = useHandsetStore((state) => state.handsetId)
  return useHandsetRegistry(selectHandsetProfile(handsetId))
}

/** Returns the accent colour of the handset this component is drawn in, as `#RRGGBB`. */
export function useHandsetAccentColor(): string {
  return toAccentHex(useHandsetProfile()?.accent ?? DEFAULT_ACCENT)
}
