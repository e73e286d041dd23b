import '@fontsource/open-sans/300.css'
import '@fontsource/open-sans/400.css'
import '@fontsource/open-sans/600.css'
import './global.css'

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { App } from './App'
import { logError } from './lib/log'
import { startConsoleSync } from './store/console-store'
import { selectForegroundAppId, useDeviceStore } from './store/device-store'
import { startPushClient } from './store/push-client'
import { reportForegroundApp, startWorkerSync } from './store/worker-sync'

const root = document.getElementById('root')
if (!root) {
  throw new Error('Failed to start the emulator: index.html has no #root element.')
}

startWorkerSync()
  .then(() => {
    const device = useDeviceStore.getState()
    startConsoleSync()
    // The service must know what is on screen before it decides whether to accept raw notifications.
    reportForegroundApp(device.handsetId, selectForegroundAppId(device))
    startPushClient({
      handsetId: device.handsetId,
      applyNotification: (notification) =>
        useDeviceStore.getState().applyNotification(notification),
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
