import '@fontsource/open-sans/300.css'
import '@fontsource/open-sans/400.css'
import '@fontsource/open-sans/600.css'
import './global.css'

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { App } from './App'
import { logError } from './lib/log'
import { startConsoleSync } from './store/console-store'
import { installEmulatorPageApi, resumeScenarioSession } from './store/emulator-page-api'
import { loadEndpointInfo } from './store/endpoint-info'
import {
  listOwnedHandsetIds,
  startHandsetRuntime,
  subscribeToOwnership,
} from './store/handset-runtime'
import { requestWorker, startWorkerSync, subscribeToWorker } from './store/worker-sync'

const root = document.getElementById('root')
if (!root) {
  throw new Error('Failed to start the emulator: index.html has no #root element.')
}

installEmulatorPageApi()

// Apps open channels only once the runtime runs, and by then the server's channel URI bases are known.
Promise.all([startWorkerSync(), loadEndpointInfo()])
  .then(([, endpoint]) => {
    startConsoleSync()
    // The history and its IndexedDB code are not needed to draw Start, so they load afterwards.
    // NOTE: an exchange that finishes before this chunk has loaded is not recorded.
    import('./store/history-sync')
      .then(({ startHistorySync }) => startHistorySync())
      .catch((error: unknown) => {
        logError('[store]', 'Failed to start the request history', error)
      })
    startHandsetRuntime()
    // A scenario is applied once the runtime runs, because applying it opens channels.
    resumeScenarioSession()
    if (endpoint === null) {
      return undefined
    }
    // The relay is not needed to draw Start, so it loads after the first paint's script.
    return Promise.all([import('./store/relay-client'), import('./store/callback-log')]).then(
      ([{ startRelayClient }, { callbackLog }]) => {
        startRelayClient({
          endpoint,
          pageOrigin: window.location.origin,
          createSocket: (url) => new WebSocket(url),
          fetchChannel: (input, init) => fetch(input, init),
          listChannels: async () => (await requestWorker('CHANNEL_LIST', {})).channels,
          subscribeToWorker,
          listOwnedHandsetIds,
          subscribeToOwnership,
          callbackLog: callbackLog.getState(),
        })
      },
    )
  })
  .catch((error: unknown) => {
    logError('[store]', 'Failed to start the service worker; the MPNS engine is offline', error)
  })

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
