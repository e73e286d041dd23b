import '@fontsource/open-sans/300.css'
import '@fontsource/open-sans/400.css'
import '@fontsource/open-sans/600.css'
import './global.css'

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { App } from './App'
import { logError } from './lib/log'
import { startConsoleSync } from './store/console-store'
import { takeHandsetOwnership, useDeviceStore } from './store/device-store'
import { startPushClient } from './store/push-client'
import { toDeviceStatePayload } from './store/slices/device-state-slice'
import { startWorkerSync } from './store/worker-sync'

const root = document.getElementById('root')
if (!root) {
  throw new Error('Failed to start the emulator: index.html has no #root element.')
}

startWorkerSync()
  .then(() => {
    startConsoleSync()
    startPushClient({
      handsetId: useDeviceStore.getState().handsetId,
      readDeviceState: () => toDeviceStatePayload(useDeviceStore.getState()),
      subscribeToDeviceState: (listener) => useDeviceStore.subscribe(listener),
      applyNotifications: (notifications) =>
        useDeviceStore.getState().applyNotifications(notifications),
      updateChannelUris: (channels) => useDeviceStore.getState().updateChannelUris(channels),
      onOwnershipGained: takeHandsetOwnership,
    })
  })
  .catch((error: unknown) => {
    logError('[store]', 'Failed to start the service worker; the MPNS engine is offline', error)
  })

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
