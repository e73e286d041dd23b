import '@fontsource/open-sans/300.css'
import '@fontsource/open-sans/400.css'
import '@fontsource/open-sans/600.css'
import './global.css'

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { App } from './App'
import { logError } from './lib/log'
import { startConsoleSync } from './store/console-store'
import { startHandsetRuntime } from './store/handset-runtime'
import { startWorkerSync } from './store/worker-sync'

const root = document.getElementById('root')
if (!root) {
  throw new Error('Failed to start the emulator: index.html has no #root element.')
}

startWorkerSync()
  .then(() => {
    startConsoleSync()
    startHandsetRuntime()
  })
  .catch((error: unknown) => {
    logError('[store]', 'Failed to start the service worker; the MPNS engine is offline', error)
  })

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
