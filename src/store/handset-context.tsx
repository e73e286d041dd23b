import { createContext, useContext } from 'react'
import type { ReactNode } from 'react'
import { useStore } from 'zustand'

import { invariant } from '@/lib/invariant'

import type { DeviceStore, DeviceStoreApi } from './device-store'

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
