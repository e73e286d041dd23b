/// <reference lib="webworker" />
import { logInfo } from '@/lib/log'

import { handleChannelFetch } from './channel-fetch'
import { handleWorkerMessage } from './worker-messages'
import { isChannelRequest } from './worker-context'

declare const self: ServiceWorkerGlobalScope

self.addEventListener('install', (event) => {
  logInfo('[sw]', 'installing')
  // Take over at once: the page waits for a controller before it opens any channel.
  event.waitUntil(self.skipWaiting())
})

self.addEventListener('activate', (event) => {
  logInfo('[sw]', 'activated')
  event.waitUntil(self.clients.claim())
})

self.addEventListener('fetch', (event) => {
  // Only channel URIs belong to the service; pages, modules and assets go to the network.
  if (!isChannelRequest(event.request.url)) {
    return
  }
  event.respondWith(handleChannelFetch(event.request))
})

self.addEventListener('message', (event) => {
  event.waitUntil(handleWorkerMessage(event))
})
