import type { Server as HttpServer } from 'node:http'
import type { Server as HttpsServer } from 'node:https'
import type { Duplex } from 'node:stream'

/** A channel request's connection, watched until its response is written. */
export interface ConnectionWatch {
  /** Tells whether bytes after the request failed to parse as a next request. */
  hasExtraBytes: () => boolean
  /** Stops watching, once the response is written. */
  release: () => void
}

/** Watches the connections of channel requests for bytes that follow the declared body. */
export interface ConnectionGuard {
  watch(socket: Duplex): ConnectionWatch
}

type ClientErrorListener = (error: Error & { code?: string }, socket: Duplex) => void

/** Status lines Node writes for parse failures that are not a plain 400. */
const CLIENT_ERROR_STATUSES: Readonly<Record<string, string>> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
}

/**
 * Takes over the server's `clientError` listeners. Node reads exactly Content-Length bytes of a
 * body and parses whatever follows as the next request at once, before the body's response is
 * written. When a sender's Content-Length is too small, that parse fails, and the listeners
 * Node and Vite install would respond with 400 and end the connection in the middle of the channel
 * request. On a watched connection the failure is only recorded, and the channel response then
 * closes the connection. Every other connection keeps the listeners it had.
 */
export function installConnectionGuard(server: HttpServer | HttpsServer): ConnectionGuard {
  const watched = new Map<Duplex, { extraBytes: boolean }>()
  const previousListeners = server.listeners('clientError') as ClientErrorListener[]
  server.removeAllListeners('clientError')

  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    const watch = watched.get(socket)
    if (watch !== undefined) {
      watch.extraBytes = true
      return
    }
    if (previousListeners.length === 0) {
      respondToClientError(error, socket)
      return
    }
    for (const listener of previousListeners) {
      listener.call(server, error, socket)
    }
  })

  return {
    watch(socket) {
      const state = { extraBytes: false }
      watched.set(socket, state)
      return {
        hasExtraBytes: () => state.extraBytes,
        release: () => {
          if (watched.get(socket) === state) {
            watched.delete(socket)
          }
        },
      }
    },
  }
}

/** Responds to a request that failed to parse as Node does when no listener is installed. */
function respondToClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  const status = CLIENT_ERROR_STATUSES[error.code ?? ''] ?? '400 Bad Request'
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`)
}
