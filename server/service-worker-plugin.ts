import type { Plugin } from 'vite'

const SERVICE_WORKER_URL = '/sw.js'
const SERVICE_WORKER_SOURCE = '/src/sw/sw.ts'

/**
 * Serves the service worker at the site root in the dev server, transformed from its
 * TypeScript source, so that its scope covers the channel URI paths.
 */
export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'mpns-service-worker',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]
        if (path !== SERVICE_WORKER_URL) {
          next()
          return
        }

        server
          .transformRequest(SERVICE_WORKER_SOURCE)
          .then((result) => {
            if (!result) {
              throw new Error(
                `Failed to transform ${SERVICE_WORKER_SOURCE}: Vite returned nothing.`,
              )
            }
            res.setHeader('Content-Type', 'text/javascript; charset=utf-8')
            res.setHeader('Cache-Control', 'no-store')
            res.end(result.code)
          })
          .catch((error: unknown) => {
            next(error)
          })
      })
    },
  }
}
