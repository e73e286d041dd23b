import type { Server } from 'node:http'

import type { Connect, Plugin, UserConfig } from 'vite'

import { readEndpointSettings } from './endpoint-options.ts'
import type { EndpointLogger, EndpointSettings, MpnsEndpointOptions } from './endpoint-options.ts'
import { attachMpnsEndpoint } from './mpns-endpoint.ts'

export type { MpnsEndpointOptions } from './endpoint-options.ts'

/**
 * Exposes the emulator's channel URIs to real backends from the dev and preview servers. A
 * request to a channel URI is relayed over a WebSocket to the emulator page that owns the
 * channel, whose service worker responds, and that response goes back to the sender unchanged.
 * An HTTPS listener with client certificates serves authenticated channels, and the console
 * issues those certificates. Throws at start when an option or environment variable is invalid.
 */
export function mpnsEndpointPlugin(options: MpnsEndpointOptions = {}): Plugin {
  const settings = readEndpointSettings(options)

  return {
    name: 'mpns-endpoint',
    config(userConfig) {
      return allowPublicHosts(userConfig, settings)
    },
    configureServer(server) {
      // Vitest and middleware mode run no HTTP server, so there is nothing to serve channel URIs on.
      if (server.httpServer === null || server.config.server.https !== undefined) {
        return
      }
      mountEndpoint({
        httpServer: server.httpServer as Server,
        middlewares: server.middlewares,
        logger: server.config.logger,
        root: server.config.root,
        configuredHost: server.config.server.host,
        settings,
      })
    },
    configurePreviewServer(server) {
      if (server.config.preview.https !== undefined) {
        return
      }
      mountEndpoint({
        httpServer: server.httpServer as Server,
        middlewares: server.middlewares,
        logger: server.config.logger,
        root: server.config.root,
        configuredHost: server.config.preview.host,
        settings,
      })
    },
  }
}

function mountEndpoint(server: {
  httpServer: Server
  middlewares: Connect.Server
  logger: EndpointLogger
  root: string
  configuredHost: string | boolean | undefined
  settings: EndpointSettings
}): void {
  const endpoint = attachMpnsEndpoint(server)
  // Vite's host check, CORS handling and rejection of "#" in targets run before any plugin
  // middleware, and a channel URI must get MPNS responses from the emulator, so this goes first.
  server.middlewares.stack.unshift({ route: '', handle: endpoint.middleware })
}

/**
 * Lets Vite serve the emulator page under the hosts of the public URLs too, so that a page
 * opened at the public address loads. The endpoint checks those hosts itself.
 */
function allowPublicHosts(
  userConfig: UserConfig,
  settings: EndpointSettings,
): UserConfig | undefined {
  const hosts = [settings.publicUrl, settings.publicHttpsUrl]
    .map((base) => (base === undefined ? undefined : URL.parse(base)?.hostname))
    .filter((host): host is string => host !== undefined)
  if (hosts.length === 0) {
    return undefined
  }

  const config: UserConfig = {}
  if (userConfig.server?.allowedHosts !== true) {
    config.server = { allowedHosts: hosts }
  }
  if (userConfig.preview?.allowedHosts !== true) {
    config.preview = { allowedHosts: hosts }
  }
  return config
}
