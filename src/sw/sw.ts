/// <reference lib="webworker" />
import { logInfo } from '@/lib/log'

import { handleChannelFetch } from './channel-fetch'
import { getServiceContext, isChannelRequest, isPingRequest } from './worker-context'
import { handleWorkerMessage } from './worker-messages'

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
  // The ping measures a bare round trip through the worker, so it touches no storage.
  if (isPingRequest(event.request.url)) {
    event.respondWith(new Response(null, { status: 204, statusText: 'No Content' }))
    return
  }
  // Only channel URIs belong to the service; pages, modules and assets go to the network.
  if (!isChannelRequest(event.request.url)) {
    return
  }
  event.respondWith(handleChannelFetch(getServiceContext, event.request))
})

self.addEventListener('message', (event) => {
  event.waitUntil(handleWorkerMessage(event))
})
